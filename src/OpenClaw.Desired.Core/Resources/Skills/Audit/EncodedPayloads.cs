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

    /// <summary>Lines (0-based offsets into the text) of literals whose decoded text is a command worth a finding, and which.</summary>
    public static IEnumerable<(int Offset, (string Id, AuditSeverity Severity, string Why) Rule)> Scan(string text)
    {
        // A literal runs only through a decoder, and every decoder names itself.
        if (text.Length > 2 * 1024 * 1024 || !Decoders.ContainsAny(text))
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
    }

    /// <summary>Printable text, or null: binary payloads (images) are not commands.</summary>
    private static string? Decode(string literal)
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

    [GeneratedRegex(@"\b(?:curl|wget)\b[^\n]*(?:\|\s*(?:sudo\s+)?(?:ba|z|da)?sh\b|https?://(?:\d{1,3}\.){3}\d{1,3})|\b(?:ba|z)?sh\s+-c\s+[""']?\$\(\s*(?:curl|wget)|\b(?:iwr|irm|Invoke-WebRequest|Invoke-RestMethod|DownloadString)\b[^\n]*(?:\b(?:iex|Invoke-Expression)\b|https?://(?:\d{1,3}\.){3}\d{1,3})|\b(?:iex|Invoke-Expression)\b[^\n]{0,80}\b(?:iwr|irm|Invoke-WebRequest|Invoke-RestMethod|DownloadString)\b|/dev/tcp/|\bnc\b[^\n]*\s-e\s|\bchmod\s+\+x\b[^\n]*(?:&&|;)\s*\./", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Dangerous();

    [GeneratedRegex(@"(?:\.ssh/id_|\.aws/credentials|\.openclaw|\.clawdbot|auth-profiles|Login Data|wallet|keychain|printenv|process\.env|os\.environ)[^\n]*(?:curl|wget|requests|fetch|http)|(?:curl|wget)[^\n]*(?:\.ssh/|\.aws/|\.openclaw|\.clawdbot|\.env\b)|\b(?:webhook\.site|discord(?:app)?\.com/api/webhooks|api\.telegram\.org/bot)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Theft();
}
