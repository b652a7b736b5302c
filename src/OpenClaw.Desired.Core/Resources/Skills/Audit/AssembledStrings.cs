using System.Text;
using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>
/// Strings a program builds out of literal fragments, joined as it would join them: <c>'cu' + 'rl -s'</c>,
/// <c>"cu" .. "rl"</c>, <c>"cu""rl"</c>, Python's adjacent literals, and an array of literals joined with nothing
/// (<c>['cu', 'rl'].join('')</c>, <c>''.join([...])</c>, <c>-join</c>, or a variable holding the array joined later).
/// A command split into pieces reads as nothing to a pattern and as one command to the interpreter; the audit
/// reads it both ways.
/// </summary>
public static partial class AssembledStrings
{
    /// <summary>
    /// A view of the text as long as it, blank (newlines kept, so lines stay where they are) but for each string
    /// assembled from two or more literal fragments, written joined where its first fragment starts; or null when the
    /// text joins no literals.
    /// </summary>
    public static string? View(string file, string text)
    {
        if (text.Length > 2 * 1024 * 1024)
        {
            return null;
        }

        char[]? view = null;
        void Write(int start, int length, string joined)
        {
            if (view is null)
            {
                view = new char[text.Length];
                for (var i = 0; i < text.Length; i++)
                {
                    view[i] = text[i] == '\n' ? '\n' : ' ';
                }
            }

            // The joined string is never longer than its fragments with their quotes and separators.
            joined.AsSpan(0, Math.Min(joined.Length, length)).CopyTo(view.AsSpan(start));
        }

        // A string written as character codes: chr() over a list, String.fromCharCode, bytes([…]).decode(), […].pack('c*').
        foreach (Match codes in CharCodes().Matches(text))
        {
            var list = codes.Groups["codes"];
            if (Decode(list.Value) is { } decoded)
            {
                Write(list.Index, list.Length, decoded);
            }
        }

        if (text.IndexOf('\'') < 0 && text.IndexOf('"') < 0)
        {
            return view is null ? null : new string(view);
        }

        var adjacentWithSpace = file.EndsWith(".py", StringComparison.OrdinalIgnoreCase);
        foreach (var (start, length) in Runs(adjacentWithSpace ? PythonConcatenation() : Concatenation(), text))
        {
            var fragments = Literal().Matches(text.Substring(start, length));
            if (fragments.Count >= 2)
            {
                Write(start, length, Join(fragments));
            }
        }

        foreach (Match array in JoinedArray().Matches(text))
        {
            var body = array.Groups["items"];
            Write(body.Index, body.Length, Join(Literal().Matches(body.Value)));
        }

        // An array held by a variable and joined with nothing elsewhere in the file.
        foreach (Match named in NamedArray().Matches(text))
        {
            var name = Regex.Escape(named.Groups["name"].Value);
            if (Regex.IsMatch(text, @"\b" + name + @"[ \t]*\.join[ \t]*\((?:[ \t]*(?:''|""""))?[ \t]*\)|(?:''|"""")[ \t]*\.join[ \t]*\([ \t]*" + name + @"[ \t]*\)|\$?" + name + @"[ \t]+-join[ \t]*(?:''|"""")", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking))
            {
                var body = named.Groups["items"];
                Write(body.Index, body.Length, Join(Literal().Matches(body.Value)));
            }
        }

        return view is null ? null : new string(view);
    }

    private static IEnumerable<(int Start, int Length)> Runs(Regex pattern, string text)
    {
        foreach (Match match in pattern.Matches(text))
        {
            yield return (match.Index, match.Length);
        }
    }

    /// <summary>The text of a list of character codes (decimal or <c>0x</c> hex), or null where one is no printable ASCII character, a tab or a line break.</summary>
    private static string? Decode(string list)
    {
        var decoded = new StringBuilder(list.Length / 3);
        foreach (var item in list.Split(','))
        {
            var code = item.Trim();
            var ok = code.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
                ? int.TryParse(code.AsSpan(2), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var value)
                : int.TryParse(code, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value);
            if (!ok || !(value is >= 32 and <= 126 or 9 or 10 or 13))
            {
                return null;
            }

            decoded.Append((char)value);
        }

        return decoded.ToString();
    }

    private static string Join(MatchCollection fragments)
    {
        var joined = new StringBuilder();
        foreach (Match fragment in fragments)
        {
            joined.Append(fragment.Groups["s"].Success ? fragment.Groups["s"].Value : fragment.Groups["d"].Value);
        }

        return joined.ToString();
    }

    /// <summary>One literal in single or double quotes on one line, at most 400 characters, escapes kept as written.</summary>
    private const string Lit = @"(?:'(?<s>(?:[^'\\\n]|\\.){0,400})'|""(?<d>(?:[^""\\\n]|\\.){0,400})"")";

    /// <summary>What joins two literals: <c>+</c> (most languages), <c>..</c> (Lua), <c>.</c> (PHP, Perl), <c>&amp;</c> (VB), or nothing (shell).</summary>
    private const string Joiner = @"(?:[ \t]*(?:\r?\n[ \t]*)?(?:\+|\.\.?|&)[ \t]*(?:\r?\n[ \t]*)?|(?<=['""]))";

    [GeneratedRegex(Lit, RegexOptions.CultureInvariant)]
    private static partial Regex Literal();

    [GeneratedRegex(Lit + @"(?:" + Joiner + Lit + @")+", RegexOptions.CultureInvariant)]
    private static partial Regex Concatenation();

    /// <summary>Python also joins literals written side by side, on a line or over lines inside parentheses.</summary>
    [GeneratedRegex(Lit + @"(?:(?:" + Joiner + @"|\s+)" + Lit + @")+", RegexOptions.CultureInvariant)]
    private static partial Regex PythonConcatenation();

    private const string Items = @"(?<items>" + Lit + @"(?:\s*,\s*" + Lit + @"){1,200}(?:\s*,)?\s*)";

    /// <summary>An array or tuple of literals joined with nothing where it is written.</summary>
    [GeneratedRegex(@"[\[(]\s*" + Items + @"[\])]\s*\.join\s*(?:\(\s*(?:''|"""")\s*\)|(?![\w(]))|(?:''|"""")\s*\.join\s*\(\s*[\[(]\s*" + Items + @"[\])]|-join\s*@?\(\s*" + Items + @"\)|@?\(\s*" + Items + @"\)\s*-join\s*(?:''|"""")", RegexOptions.CultureInvariant)]
    private static partial Regex JoinedArray();

    private const string Code = @"(?:0[xX][0-9a-fA-F]{1,2}|\d{1,3})";

    /// <summary>
    /// Six or more character codes turned into a string: after <c>chr</c> (<c>''.join(chr(c) for c in […])</c>,
    /// <c>map(chr, […])</c>), <c>String.fromCharCode(…)</c>, <c>bytes([…])</c>, <c>bytearray(…)</c>, <c>[char[]](…)</c>,
    /// Go's <c>[]byte{…}</c>; or before Ruby's and Perl's <c>.pack</c>.
    /// </summary>
    [GeneratedRegex(@"(?:\bchr\b|fromCharCode|\bbytes\b|\bbytearray\b|\[char\[?\]?\]|\[\]byte\b)[^\n\[{]{0,60}?[\[({][ \t]*(?<codes>" + Code + @"(?:[ \t]*,[ \t]*" + Code + @"){5,4000})[ \t]*,?[ \t]*[\])}]|\[[ \t]*(?<codes>" + Code + @"(?:[ \t]*,[ \t]*" + Code + @"){5,4000})[ \t]*,?[ \t]*\][ \t]*\.pack\b", RegexOptions.CultureInvariant)]
    private static partial Regex CharCodes();

    /// <summary>An array or tuple of literals given to a name (<c>const parts = [...]</c>, <c>parts = (...)</c>, <c>$parts = @(...)</c>).</summary>
    [GeneratedRegex(@"(?<![\w$])\$?(?<name>[A-Za-z_]\w{0,40})\s*(?::\s*[\w\[\]<>]+\s*)?=\s*@?[\[(]\s*" + Items + @"[\])]", RegexOptions.CultureInvariant)]
    private static partial Regex NamedArray();
}
