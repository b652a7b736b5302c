using OpenClaw.Desired.Safety;
using System.Text;
using OpenClaw.Desired.Planning;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>
/// The static skill audit: every file of a skill folder (hidden ones and SKILL.md included) against every
/// rule, plus the combination that matters most: reading credentials in a skill that also sends data out.
/// </summary>
public static class SkillAuditor
{
    /// <summary>Files past this are scanned in their first part only (and say so).</summary>
    public const int MaxScannedBytes = 4 * 1024 * 1024;

    public static SkillAudit AuditFolder(string folder)
    {
        var findings = new List<AuditFinding>();
        var credentialReads = new List<AuditFinding>();
        var sends = 0;
        long bytes = 0;
        foreach (var (relative, full, isLink) in TreeHash.Entries(folder))
        {
            if (isLink)
            {
                continue;
            }

            var content = Read(full, out var truncated);
            bytes += content.Length;
            if (truncated)
            {
                findings.Add(Finding(relative, 1, AuditRules.Oversized));
            }

            if (IsExecutableBinary(content))
            {
                findings.Add(Finding(relative, 1, AuditRules.PrebuiltBinary));
                continue;
            }

            if (content.AsSpan(0, Math.Min(content.Length, 8192)).Contains((byte)0))
            {
                continue;
            }

            var text = Encoding.UTF8.GetString(content);
            foreach (var finding in AuditText(relative, text))
            {
                switch (finding.Role)
                {
                    case RuleRole.CredentialRead:
                        credentialReads.Add(finding.Finding);
                        break;
                    case RuleRole.NetworkSend:
                        sends++;
                        break;
                    default:
                        findings.Add(finding.Finding);
                        break;
                }
            }
        }

        // A credential read is only theft-shaped when the same skill also sends data somewhere.
        var (id, severity, why) = AuditRules.CredentialExfiltration;
        findings.AddRange(sends > 0 ? credentialReads.Select(f => f with { Rule = id, Severity = severity, Why = why }) : credentialReads);
        var ordered = findings.Distinct()
            .OrderByDescending(f => f.Severity).ThenBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Rule, StringComparer.Ordinal);
        return new SkillAudit(folder, ordered.ToValueList(), bytes);
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

    private static AuditFinding Finding(string file, int line, (string Id, AuditSeverity Severity, string Why) rule) =>
        new(file, line, rule.Id, rule.Severity, rule.Why);

    private static byte[] Read(string path, out bool truncated)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        truncated = stream.Length > MaxScannedBytes;
        var buffer = new byte[Math.Min(stream.Length, MaxScannedBytes)];
        stream.ReadExactly(buffer);
        return buffer;
    }

    /// <summary>ELF, PE (MZ) and Mach-O executables.</summary>
    private static bool IsExecutableBinary(byte[] content) =>
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
