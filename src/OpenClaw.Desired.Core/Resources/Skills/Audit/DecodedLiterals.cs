using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>
/// A program's text with each encoded string literal written as it decodes: a hex string (<c>pack('H*', '2e737368…')</c>,
/// <c>bytes.fromhex</c>, <c>Buffer.from(…, 'hex')</c>) or a base64 one (where the text names a decoder) that decodes to
/// printable text is replaced in place by that text, padded with spaces; so is a byte array XORed with a one-byte key the program holds. Everything else stays, so a rule reads the
/// decoded path or key beside the code that writes it (<c>open my $w, '&gt;&gt;', $f</c>). Decoded text is never longer
/// than its literal, and line breaks in it become spaces: offsets and lines are the text's own.
/// </summary>
public static partial class DecodedLiterals
{
    private static readonly Text.Needles Decoders = new(["base64", "b64", "atob", "decode"], StringComparison.OrdinalIgnoreCase);

    /// <summary>The text with its encoded literals decoded, or null where none decodes to text.</summary>
    public static string? View(string text)
    {
        if (text.Length > 2 * 1024 * 1024)
        {
            return null;
        }

        char[]? view = null;
        void Write(int start, int length, string decoded)
        {
            view ??= text.ToCharArray();
            for (var i = 0; i < length; i++)
            {
                var c = i < decoded.Length ? decoded[i] : ' ';
                view[start + i] = c is '\n' or '\r' ? ' ' : c;
            }
        }

        foreach (Match hex in HexLiteral().Matches(text))
        {
            if (EncodedPayloads.Printable(Convert.FromHexString(hex.Value)) is { } decoded)
            {
                Write(hex.Index, hex.Length, decoded);
            }
        }

        if (Decoders.ContainsAny(text))
        {
            foreach (Match literal in Base64Literal().Matches(text))
            {
                if (EncodedPayloads.Decode(literal.Value.Replace('-', '+').Replace('_', '/')) is { } decoded && decoded.Length <= literal.Length)
                {
                    Write(literal.Index, literal.Length, decoded);
                }
            }
        }

        // Literals reversed where the program reverses them: by a function of its own whose body reverses a string
        // (`fn rev(s: &str) -> String { s.chars().rev().collect() }`, `def r(s): return s[::-1]`), or in place
        // (`"hsab/nib/"[::-1]`, `"…".reverse`, `strrev("…")`, `"…".split("").reverse().join("")`).
        if (Reverses().IsMatch(text))
        {
            var names = Reverser().Matches(text).Take(8).Select(m => Regex.Escape(m.Groups["name"].Value)).Distinct().ToList();
            var calls = names.Count == 0 ? null : new Regex(@"(?<![\w.$])(?:" + string.Join('|', names) + @")\s*\(\s*[""'](?<s>[^""'\\\n]{2,400})[""']\s*\)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            foreach (var literal in (calls?.Matches(text) ?? Enumerable.Empty<Match>()).Concat(ReversedInPlace().Matches(text)).Take(512))
            {
                var value = literal.Groups["s"];
                Write(value.Index, value.Length, new string(value.Value.Reverse().ToArray()));
            }
        }

        // Byte arrays XORed with a one-byte key the program holds (`const K: u8 = 0x5a; … c ^ K`, `chr(c ^ _K)`): each array
        // that decodes under the key to printable text is written as that text.
        if (text.Contains('^', StringComparison.Ordinal) && XorKeys(text) is { Count: > 0 } keys)
        {
            foreach (Match array in ByteArray().Matches(text).Take(512))
            {
                var items = array.Groups["item"].Captures;
                var bytes = new byte[items.Count];
                var ok = true;
                for (var i = 0; i < items.Count && ok; i++)
                {
                    var item = items[i].Value;
                    ok = (item.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? int.TryParse(item[2..], System.Globalization.NumberStyles.HexNumber, null, out var b) : int.TryParse(item, out b)) && b is >= 0 and < 256;
                    bytes[i] = (byte)b;
                }

                foreach (var key in ok ? keys : [])
                {
                    var decoded = new string(bytes.Select(b => (char)(b ^ key)).ToArray());
                    if (decoded.All(c => c is '\t' or '\n' or '\r' or (>= ' ' and <= '~')) && decoded.Any(char.IsAsciiLetter) && decoded.Length + 2 <= array.Length)
                    {
                        // Written as a string literal, as the program has it once decoded.
                        Write(array.Index, array.Length, "\"" + decoded.Replace('"', '\'') + "\"");
                        break;
                    }
                }
            }
        }

        return view is null ? null : new string(view);
    }

    /// <summary>The one-byte keys a program XORs with: written at the operator (<c>c ^ 0x5a</c>) or held in a name it uses there (<c>K = 0x5a</c>, <c>_K = 90</c>); four at most.</summary>
    private static List<int> XorKeys(string text)
    {
        var keys = new List<int>();
        foreach (Match xor in XorWith().Matches(text).Take(64))
        {
            var value = xor.Groups["k"].Success ? xor.Groups["k"].Value
                : Regex.Match(text, @"(?<![\w.$])" + Regex.Escape(xor.Groups["name"].Value) + @"\s*(?::\s*\w+\s*)?=\s*(?<k>0x[0-9a-fA-F]{1,2}|\d{1,3})\b", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)) is { Success: true } held ? held.Groups["k"].Value : null;
            if (value is not null && (value.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? int.TryParse(value[2..], System.Globalization.NumberStyles.HexNumber, null, out var k) : int.TryParse(value, out k)) && k is > 0 and < 256 && !keys.Contains(k))
            {
                keys.Add(k);
                if (keys.Count == 4)
                {
                    break;
                }
            }
        }

        return keys;
    }

    /// <summary>A XOR with a one-byte key, written (<c>^ 0x5a</c>, <c>^ 90</c>) or by a name (<c>^ K</c>, <c>^ _K</c>).</summary>
    [GeneratedRegex(@"\^\s*(?:(?<k>0x[0-9a-fA-F]{1,2}|\d{1,3})\b|(?<name>[A-Za-z_]\w{0,30})\b(?!\s*[\(\[.]))", RegexOptions.CultureInvariant)]
    private static partial Regex XorWith();

    /// <summary>An array of eight or more byte values: <c>[0x75, 0x74, …]</c>, <c>{117, 116, …}</c>, <c>(50,46,…)</c>.</summary>
    [GeneratedRegex(@"[\[{(]\s*(?:(?<item>0x[0-9a-fA-F]{1,2}|\d{1,3})\s*,\s*){7,4096}(?<item>0x[0-9a-fA-F]{1,2}|\d{1,3})\s*,?\s*[\]})]", RegexOptions.CultureInvariant)]
    private static partial Regex ByteArray();

    /// <summary>
    /// An XML file's text with its character entities written as the characters they stand for (<c>&amp;amp;</c> as
    /// <c>&amp;</c>, <c>&amp;quot;</c> as <c>"</c>, <c>&amp;#x2F;</c> as <c>/</c>), each padded with spaces to the entity's
    /// length: a launchd plist's <c>curl … ?a=1&amp;amp;u=$(whoami) | bash</c> is one command, as launchd gives it to the
    /// shell. Null for other files and where no entity is written.
    /// </summary>
    public static string? XmlView(string file, string text)
    {
        if (text.Length > 2 * 1024 * 1024 || !XmlFile().IsMatch(file) || !text.Contains('&', StringComparison.Ordinal))
        {
            return null;
        }

        var changed = false;
        var view = XmlEntity().Replace(text, entity =>
        {
            var value = entity.Groups["name"].Value switch
            {
                "amp" => "&",
                "lt" => "<",
                "gt" => ">",
                "quot" => "\"",
                "apos" => "'",
                var n when n.StartsWith("#x", StringComparison.OrdinalIgnoreCase) && int.TryParse(n[2..], System.Globalization.NumberStyles.HexNumber, null, out var code) && code is > 31 and < 127 => ((char)code).ToString(),
                var n when n.StartsWith('#') && int.TryParse(n[1..], out var code) && code is > 31 and < 127 => ((char)code).ToString(),
                _ => null,
            };
            if (value is null)
            {
                return entity.Value;
            }

            changed = true;
            return value.PadRight(entity.Length);
        });
        return changed ? view : null;
    }

    [GeneratedRegex(@"\.(?:plist|xml|xaml|csproj|vbproj|fsproj|props|targets|nuspec|manifest|config|svg)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex XmlFile();

    [GeneratedRegex(@"&(?<name>amp|lt|gt|quot|apos|#x[0-9a-fA-F]{1,4}|#\d{1,5});", RegexOptions.CultureInvariant)]
    private static partial Regex XmlEntity();

    /// <summary>A string reversed: Rust's <c>.chars().rev()</c>, Python's <c>[::-1]</c>, JavaScript's <c>.split("").reverse()</c>, PHP's <c>strrev</c>, Ruby's or Perl's <c>reverse</c>.</summary>
    [GeneratedRegex(@"\.chars\(\)\s*\.rev\(\)|\[::-1\]|\.split\(\s*[""']{2}\s*\)\s*\.reverse\(\)|\bstrrev\s*\(|\.reverse\b|\breverse\s*\(", RegexOptions.CultureInvariant)]
    private static partial Regex Reverses();

    /// <summary>A function of the program's own that reverses what it is given, within its first three lines.</summary>
    [GeneratedRegex(@"(?:\b(?:fn|def|function|func|sub)\s+(?<name>[A-Za-z_]\w{0,40})|\b(?:const|let|var)\s+(?<name>[A-Za-z_$][\w$]{0,40})\s*=\s*(?:\(?\s*\w*\s*\)?\s*=>|function\b)|\b(?<name>[A-Za-z_]\w{0,40})\s*=\s*lambda\b)[^\n]{0,120}(?:\n[^\n]{0,160}){0,3}?(?:\.chars\(\)\s*\.rev\(\)|\[::-1\]|\.split\(\s*[""']{2}\s*\)\s*\.reverse\(\)|\bstrrev\s*\(|\.reverse\b|\breverse\b)", RegexOptions.CultureInvariant)]
    private static partial Regex Reverser();

    /// <summary>A literal reversed where it is written: <c>"…"[::-1]</c>, <c>"…".reverse</c>, <c>"…".split("").reverse()</c>, <c>strrev("…")</c>, <c>reverse("…")</c>.</summary>
    [GeneratedRegex(@"[""'](?<s>[^""'\\\n]{2,400})[""']\s*(?:\[::-1\]|\.reverse\b|\.split\(\s*[""']{2}\s*\)\s*\.reverse\(\))|\b(?:strrev|reverse)\s*\(\s*[""'](?<s>[^""'\\\n]{2,400})[""']\s*\)", RegexOptions.CultureInvariant)]
    private static partial Regex ReversedInPlace();

    /// <summary>A quoted even run of 16 or more hex digits (decoded where twelve or more bytes are printable text).</summary>
    [GeneratedRegex(@"(?<=[""'`])(?:[0-9a-fA-F]{2}){8,4096}(?=[""'`])", RegexOptions.CultureInvariant)]
    private static partial Regex HexLiteral();

    /// <summary>A quoted base64 run of 16 or more characters that is not all hex digits.</summary>
    [GeneratedRegex(@"(?<=[""'`])(?![0-9a-fA-F]+[""'`])[A-Za-z0-9+/_-]{16,8192}={0,2}(?=[""'`])", RegexOptions.CultureInvariant)]
    private static partial Regex Base64Literal();
}
