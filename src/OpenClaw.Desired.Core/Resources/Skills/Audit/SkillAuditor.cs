using OpenClaw.Desired.Safety;
using System.Text;
using OpenClaw.Desired.Planning;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>
/// The static skill audit: every file of a skill folder (hidden ones and SKILL.md included) against every
/// rule and signal, judged together by <see cref="SkillAuditBuilder"/> (lure classes, credential theft).
/// </summary>
public static class SkillAuditor
{
    /// <summary>Files past this are scanned in their first part only (and say so).</summary>
    public const int MaxScannedBytes = 4 * 1024 * 1024;

    public static SkillAudit AuditFolder(string folder) => AuditFolder(folder, AuditOptions.Default);

    public static SkillAudit AuditFolder(string folder, AuditOptions options)
    {
        var builder = new SkillAuditBuilder(Path.GetFileName(folder), options);
        long bytes = 0;
        foreach (var (relative, full, isLink) in TreeHash.Entries(folder))
        {
            if (isLink)
            {
                continue;
            }

            var content = Read(full, out var truncated);
            bytes += content.Length;
            builder.AddFile(relative, content, truncated);
        }

        return builder.Build(folder, bytes);
    }

    /// <summary>Every rule over one file's text; one finding per rule and line.</summary>
    public static IEnumerable<(AuditFinding Finding, RuleRole Role)> AuditText(string file, string text)
    {
        LineIndex? lines = null;
        foreach (var rule in AuditRules.All.Where(r => r.MayMatch(text)))
        {
            var seen = new HashSet<int>();
            foreach (System.Text.RegularExpressions.Match match in rule.PatternFor(text).Matches(text))
            {
                var severity = rule.Judge is null ? rule.Severity : rule.Judge(text, match);
                if (severity is null)
                {
                    continue;
                }

                lines ??= new LineIndex(text);
                var line = lines.LineOf(match.Index);
                if (seen.Add(line))
                {
                    yield return (new AuditFinding(file, line, rule.Id, severity.Value, rule.Why), rule.Role);
                }
            }
        }
    }

    private static byte[] Read(string path, out bool truncated)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        truncated = stream.Length > MaxScannedBytes;
        var buffer = new byte[Math.Min(stream.Length, MaxScannedBytes)];
        stream.ReadExactly(buffer);
        return buffer;
    }

    /// <summary>ELF, PE (MZ) and Mach-O executables.</summary>
    internal static bool IsExecutableBinary(byte[] content) =>
        content.Length >= 4 && (
            content.AsSpan(0, 4).SequenceEqual("\u007fELF"u8)
            || (content[0] == 'M' && content[1] == 'Z' && content.AsSpan(0, Math.Min(content.Length, 1024)).Contains((byte)0))
            || content.AsSpan(0, 4).SequenceEqual(new byte[] { 0xCF, 0xFA, 0xED, 0xFE })
            || content.AsSpan(0, 4).SequenceEqual(new byte[] { 0xCE, 0xFA, 0xED, 0xFE })
            || content.AsSpan(0, 4).SequenceEqual(new byte[] { 0xCA, 0xFE, 0xBA, 0xBE }));

    /// <summary>Maps a character offset to its 1-based line.</summary>
    private sealed class LineIndex
    {
        private readonly List<int> _starts = [0];

        public LineIndex(string text)
        {
            for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1))
            {
                _starts.Add(i + 1);
            }
        }

        public int LineOf(int offset)
        {
            var index = _starts.BinarySearch(offset);
            return (index >= 0 ? index : ~index - 1) + 1;
        }
    }
}
