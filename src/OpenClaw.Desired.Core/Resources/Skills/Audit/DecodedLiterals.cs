using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>
/// A program's text with each encoded string literal written as it decodes: a hex string (<c>pack('H*', '2e737368…')</c>,
/// <c>bytes.fromhex</c>, <c>Buffer.from(…, 'hex')</c>) or a base64 one (where the text names a decoder) that decodes to
/// printable text is replaced in place by that text, padded with spaces. Everything else stays, so a rule reads the
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

        return view is null ? null : new string(view);
    }

    /// <summary>A quoted even run of 16 or more hex digits (decoded where twelve or more bytes are printable text).</summary>
    [GeneratedRegex(@"(?<=[""'`])(?:[0-9a-fA-F]{2}){8,4096}(?=[""'`])", RegexOptions.CultureInvariant)]
    private static partial Regex HexLiteral();

    /// <summary>A quoted base64 run of 16 or more characters that is not all hex digits.</summary>
    [GeneratedRegex(@"(?<=[""'`])(?![0-9a-fA-F]+[""'`])[A-Za-z0-9+/_-]{16,8192}={0,2}(?=[""'`])", RegexOptions.CultureInvariant)]
    private static partial Regex Base64Literal();
}
