using System.Security.Cryptography;
using System.Text;

namespace OpenClaw.Desired.Secrets.Scanning;

/// <summary>
/// Stable identifiers for findings, to ignore a known one by (the waivers of a report name it): the same finding
/// in the same place gets the same id on every run and every machine. An id is a SHA-256 of the rule or kind,
/// the path as shown, the text of the line with every secret on it masked, and which of identical lines it is —
/// never of a secret value, so an id in a report or a Git repository cannot be used to test a guess of a short
/// password. (The <c>fp:</c> fingerprints are different: keyed by the host's fingerprint key, they tell values
/// apart on one host without revealing them, and differ between hosts on purpose.)
/// </summary>
public static class FindingIds
{
    public const string Mask = "\u2022secret\u2022";

    /// <summary>Ids for findings in one text, in the order given; <paramref name="spans"/> are (offset, length, kind).</summary>
    public static IReadOnlyList<string> ForSecrets(string text, string path, IReadOnlyList<(int Offset, int Length, string Kind)> spans)
    {
        var ids = new List<string>(spans.Count);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (offset, length, kind) in spans)
        {
            var (start, end) = LineAround(text, offset, offset + length);
            var masked = MaskedLine(text, start, end, spans);
            var key = $"{kind}\0{path}\0{masked}";
            var occurrence = seen[key] = seen.GetValueOrDefault(key) + 1;
            ids.Add("sec:" + Hash(key + "\0" + occurrence));
        }

        return ids;
    }

    /// <summary>The id of a skill-audit finding: rule, skill, file in the skill, the line's text (secrets masked) and its occurrence.</summary>
    public static string ForAudit(string rule, string skill, string file, string lineText, int occurrence)
    {
        var masked = lineText;
        foreach (var match in SecretScanner.Scan(lineText).OrderByDescending(m => m.Start))
        {
            masked = masked[..match.Start] + Mask + masked[match.End..];
        }

        return "skl:" + Hash($"{rule}\0{skill}\0{file}\0{Normalize(masked)}\0{occurrence}");
    }

    private static string MaskedLine(string text, int start, int end, IReadOnlyList<(int Offset, int Length, string Kind)> spans)
    {
        var line = new StringBuilder();
        var at = start;
        foreach (var (offset, length, _) in spans.Where(s => s.Offset < end && s.Offset + s.Length > start).OrderBy(s => s.Offset))
        {
            if (offset > at)
            {
                line.Append(text, at, offset - at);
            }

            line.Append(Mask);
            at = Math.Max(at, offset + length);
        }

        if (end > at)
        {
            line.Append(text, at, end - at);
        }

        return Normalize(line.ToString());
    }

    /// <summary>The line (or lines, for a multi-line private key) the span sits on.</summary>
    private static (int Start, int End) LineAround(string text, int from, int to)
    {
        var start = from == 0 ? 0 : text.LastIndexOf('\n', from - 1) + 1;
        var end = to >= text.Length ? text.Length : text.IndexOf('\n', to);
        return (start, end < 0 ? text.Length : end);
    }

    /// <summary>Whitespace runs as one space, trimmed: re-indenting a file does not change its ids.</summary>
    private static string Normalize(string line) => string.Join(' ', line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("openclaw-desired/finding/v1\0" + text)))[..20];
}
