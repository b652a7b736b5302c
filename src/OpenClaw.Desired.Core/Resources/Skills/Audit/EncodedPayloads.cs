using System.Text;
using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>
/// What a base64 literal says once decoded: lures hide their download-and-run command (<c>echo '…' | base64 -D</c>,
/// with or without the <c>| bash</c> that gives it away) so that no keyword is visible. Each literal that decodes
/// to text is audited with the rules that matter for a command line; what they find is reported on the literal's
/// line. Images, fonts and other binary payloads decode to bytes, not text, and are left alone.
/// </summary>
public static partial class EncodedPayloads
{
    private static readonly Text.Needles Decoders = new(["base64", "b64", "atob", "decode", "-enc"], StringComparison.OrdinalIgnoreCase);

    public static readonly (string Id, AuditSeverity Severity, string Why) Hidden =
        ("encoded-download-exec", AuditSeverity.Critical, "hides a download-and-run command (or a bare-IP fetch, a reverse shell) in base64");

    public static readonly (string Id, AuditSeverity Severity, string Why) HiddenSend =
        ("encoded-exfiltration", AuditSeverity.Critical, "hides a credential read or a send to a collection endpoint in base64");

    public static readonly (string Id, AuditSeverity Severity, string Why) HiddenOtherwise =
        ("encoded-download-exec", AuditSeverity.Critical, "hides a download-and-run command (or a bare-IP fetch, a reverse shell) as character codes, hex or text written backwards");

    public static readonly (string Id, AuditSeverity Severity, string Why) HiddenSendOtherwise =
        ("encoded-exfiltration", AuditSeverity.Critical, "hides a credential read or a send to a collection endpoint as character codes or hex");

    /// <summary>Lines (0-based offsets into the text) of literals whose decoded text is a command worth a finding, and which.</summary>
    public static IEnumerable<(int Offset, (string Id, AuditSeverity Severity, string Why) Rule)> Scan(string text)
    {
        if (text.Length > 2 * 1024 * 1024)
        {
            yield break;
        }

        foreach (var found in ScanOtherwise(text))
        {
            yield return found;
        }

        // A literal runs only through a decoder, and every decoder names itself.
        if (!Decoders.ContainsAny(text))
        {
            yield break;
        }

        foreach (Match literal in Literal().Matches(text))
        {
            var decoded = Decode(literal.Value);
            if (decoded is null)
            {
                continue;
            }

            if (Dangerous().IsMatch(decoded))
            {
                yield return (literal.Index, Hidden);
            }
            else if (Theft().IsMatch(decoded))
            {
                yield return (literal.Index, HiddenSend);
            }
        }

        foreach (var found in ScanJoined(text))
        {
            yield return found;
        }
    }

    /// <summary>How many pieces of a split literal are joined at most, and how far apart two pieces may be, in characters.</summary>
    private const int MaxPieces = 8, PieceGap = 400;

    /// <summary>
    /// A literal handed out in pieces for the reader to join ("Block 1: `Y3VybCAt…`", "Block 2: `…`", then "join them,
    /// decode with base64 -d and pass the result to sh"): runs of quoted or code-span base64 pieces, each near the
    /// last, are joined in order and judged as one literal. Only a download-and-run command counts.
    /// </summary>
    private static IEnumerable<(int Offset, (string Id, AuditSeverity Severity, string Why) Rule)> ScanJoined(string text)
    {
        var pieces = new List<Match>();
        foreach (Match piece in Piece().Matches(text))
        {
            if (pieces.Count > 0 && piece.Index - (pieces[^1].Index + pieces[^1].Length) > PieceGap)
            {
                if (Judge(pieces) is { } found)
                {
                    yield return found;
                }

                pieces.Clear();
            }

            pieces.Add(piece);
        }

        if (Judge(pieces) is { } last)
        {
            yield return last;
        }

        static (int, (string, AuditSeverity, string))? Judge(List<Match> run)
        {
            for (var first = 0; first + 1 < run.Count; first++)
            {
                var joined = new System.Text.StringBuilder();
                for (var next = first; next < run.Count && next - first < MaxPieces; next++)
                {
                    joined.Append(run[next].Groups["b64"].Value);
                    if (next > first && Decode(joined.ToString()) is { } decoded && Dangerous().IsMatch(decoded))
                    {
                        return (run[first].Index, Hidden);
                    }
                }
            }

            return null;
        }
    }

    /// <summary>A piece of base64 in a code span or quotes: 8 to 200 characters of its alphabet, with a digit or both cases.</summary>
    [GeneratedRegex(@"[`'""](?<b64>(?=[A-Za-z0-9+/]*(?:[0-9]|[a-z][A-Z0-9+/]*[A-Z]|[A-Z][a-z0-9+/]*[a-z]))[A-Za-z0-9+/]{8,200}={0,2})[`'""]", RegexOptions.CultureInvariant)]
    private static partial Regex Piece();

    /// <summary>
    /// The other ways a command is kept out of sight: a list of character codes (<c>[99, 117, 114, 108, …]</c>,
    /// <c>0x63, 0x75, …</c>), a hex string (<c>'6375726c…'</c> for <c>pack('H*')</c> or <c>bytes.fromhex</c>), a line
    /// written backwards (<c>hs | hs.a/…//:ptth -Oq- tegw</c>). Each is decoded whatever decodes it (the code may build
    /// its decoder from fragments) and judged as a base64 literal is: only a download-and-run command counts.
    /// </summary>
    private static IEnumerable<(int Offset, (string Id, AuditSeverity Severity, string Why) Rule)> ScanOtherwise(string text)
    {
        foreach (Match codes in CharCodes().Matches(text))
        {
            var bytes = new List<byte>();
            foreach (var part in codes.Value.Split(','))
            {
                var code = part.Trim();
                // Only ASCII digits are codes (the pattern's \d is any script's; an Arabic-Indic list parses as nothing).
                var hex = code.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
                if (!int.TryParse(hex ? code[2..] : code, hex ? System.Globalization.NumberStyles.AllowHexSpecifier : System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) || value > 255)
                {
                    bytes.Clear();
                    break;
                }

                bytes.Add((byte)value);
            }

            var decoded = Printable(bytes.ToArray());
            if (decoded is not null && Dangerous().IsMatch(decoded))
            {
                yield return (codes.Index, HiddenOtherwise);
            }
            else if (decoded is not null && Theft().IsMatch(decoded))
            {
                yield return (codes.Index, HiddenSendOtherwise);
            }
        }

        foreach (Match hex in HexLiteral().Matches(text))
        {
            var decoded = Printable(Convert.FromHexString(hex.Value));
            if (decoded is not null && Dangerous().IsMatch(decoded))
            {
                yield return (hex.Index, HiddenOtherwise);
            }
            else if (decoded is not null && Theft().IsMatch(decoded))
            {
                yield return (hex.Index, HiddenSendOtherwise);
            }
        }

        for (var at = text.IndexOf("//:", StringComparison.Ordinal); at >= 0; at = text.IndexOf("//:", at + 3, StringComparison.Ordinal))
        {
            if (!text.AsSpan(at + 3).StartsWith("ptth", StringComparison.OrdinalIgnoreCase) && !text.AsSpan(at + 3).StartsWith("sptth", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var start = at == 0 ? 0 : text.LastIndexOf('\n', at - 1) + 1;
            var end = text.IndexOf('\n', at);
            var line = text.AsSpan(start, (end < 0 ? text.Length : end) - start);
            if (line.Length > 2000)
            {
                continue;
            }

            var reversed = line.ToArray();
            Array.Reverse(reversed);
            if (Dangerous().IsMatch(new string(reversed)))
            {
                yield return (at, HiddenOtherwise);
            }
        }
    }

    /// <summary>Twelve or more byte values in a list: decimal or <c>0x</c> hex, comma-separated.</summary>
    [GeneratedRegex(@"(?<![\w.])(?:(?:0x[0-9a-fA-F]{1,2}|[0-9]{1,3})\s*,\s*){11,4096}(?:0x[0-9a-fA-F]{1,2}|[0-9]{1,3})(?![\w.])")]
    private static partial Regex CharCodes();

    /// <summary>An even run of 24 or more hex digits: twelve or more bytes.</summary>
    [GeneratedRegex(@"(?<![0-9A-Za-z])(?:[0-9a-fA-F]{2}){12,4096}(?![0-9A-Za-z])")]
    private static partial Regex HexLiteral();

    public static string? Printable(byte[] bytes)
    {
        var printable = bytes.Count(b => b is >= 0x20 and < 0x7F or (byte)'\n' or (byte)'\r' or (byte)'\t');
        return bytes.Length >= 12 && printable >= bytes.Length * 0.95 ? Encoding.ASCII.GetString(bytes) : null;
    }

    /// <summary>Printable text, or null: binary payloads (images) are not commands.</summary>
    public static string? Decode(string literal)
    {
        var padded = literal.TrimEnd('=');
        padded = padded.Length % 4 == 1 ? padded[..^1] : padded;
        padded = padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '=');
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(padded);
        }
        catch (FormatException)
        {
            return null;
        }

        // PowerShell's -EncodedCommand is UTF-16LE: every second byte of its text is zero.
        if (bytes.Length >= 24 && bytes.Length % 2 == 0 && Enumerable.Range(0, bytes.Length / 2).Count(i => bytes[(2 * i) + 1] == 0) >= bytes.Length / 2 * 0.95)
        {
            bytes = [.. Enumerable.Range(0, bytes.Length / 2).Where(i => bytes[(2 * i) + 1] == 0).Select(i => bytes[2 * i])];
        }

        var printable = bytes.Count(b => b is >= 0x20 and < 0x7F or (byte)'\n' or (byte)'\r' or (byte)'\t');
        return bytes.Length >= 12 && printable >= bytes.Length * 0.95 ? Encoding.ASCII.GetString(bytes) : null;
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{24,8192}={0,2}(?![A-Za-z0-9+/=])")]
    private static partial Regex Literal();

    [GeneratedRegex(@"\b(?:curl|wget)\b[^\n]*(?:\|\s*(?:sudo\s+)?(?:ba|z|da)?sh\b|https?://(?:\d{1,3}\.){3}\d{1,3})|\b(?:ba|z)?sh\s+-c\s+[""']?\$\(\s*(?:curl|wget)|\b(?:iwr|irm|Invoke-WebRequest|Invoke-RestMethod|DownloadString)\b[^\n]*(?:\b(?:iex|Invoke-Expression)\b|https?://(?:\d{1,3}\.){3}\d{1,3})|\b(?:iex|Invoke-Expression)\b[^\n]{0,80}\b(?:iwr|irm|Invoke-WebRequest|Invoke-RestMethod|DownloadString)\b|/dev/tcp/|\bnc\b[^\n]*\s-e\s|\bchmod\s+\+x\b[^\n]*(?:&&|;)\s*\./|\b(?<v>\w+)=[""']?\$\(\s*(?:curl|wget)\b[^\n]{0,300}?\b(?:(?:ba|z|da)?sh\s+-c|eval)\s+[""']?\$\{?\k<v>\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Dangerous();

    [GeneratedRegex(@"(?:\.ssh/id_|\.aws/credentials|\.openclaw|\.clawdbot|auth-profiles|Login Data|wallet|keychain|printenv|process\.env|os\.environ)[^\n]*(?:curl|wget|requests|fetch|http)|(?:curl|wget)[^\n]*(?:\.ssh/|\.aws/|\.openclaw|\.clawdbot|\.env\b)|\b(?:webhook\.site|discord(?:app)?\.com/api/webhooks|api\.telegram\.org/bot)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Theft();
}
