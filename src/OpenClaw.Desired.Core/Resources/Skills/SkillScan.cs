using OpenClaw.Desired.Host.Fs;
using OpenClaw.Desired.Resources.Skills.Audit;
using OpenClaw.Desired.Safety;

namespace OpenClaw.Desired.Resources.Skills;

/// <summary>
/// A skill folder's content hash (<see cref="TreeHash"/>) and audit (<see cref="SkillAuditor.AuditHost"/>) from one
/// walk on descriptors that reads each file once, where the two took a walk and a read each. The walk goes as deep
/// as the hash's; what the audit's shallower walk would not see is left out of the audit, and a walk that would
/// hit the audit's entry limit is audited the old way, so the result is the same. An audit kept for this content
/// (<see cref="AuditVerdicts"/>) is taken instead of auditing again.
/// </summary>
internal static class SkillScan
{
    private static readonly WalkLimits HashWalk = new() { IncludeDirectories = true };

    [ThreadStatic]
    private static byte[]? _buffer;

    /// <summary>The hash, the audit, and the audit of the content alone (to keep as a verdict; null when it came the old way).</summary>
    public static (string Hash, SkillAudit Audit, SkillAudit? Verdict) Scan(HostFs fs, string folder, string shownAs, AuditVerdicts verdicts)
    {
        var name = Path.GetFileName(shownAs);
        string hash;
        List<(string, byte[], bool)> files;
        List<AuditFinding> special;
        bool exact;
        try
        {
            (hash, files, special, exact) = Walk(fs, folder);
        }
        catch (UnsafePathException)
        {
            // Not a plain folder after all (swapped since it was found): the separate hash and audit say what it is.
            return (fs.HashOf(folder), SkillAuditor.AuditHost(fs, folder, shownAs), null);
        }

        if (!exact)
        {
            return (hash, SkillAuditor.AuditHost(fs, folder, shownAs), null);
        }

        var audit = verdicts.Find(hash, name, shownAs) ?? SkillAuditor.AuditContent(shownAs, files, AuditOptions.Default);
        return (hash, SkillAuditor.WithSpecial(audit, special), audit);
    }

    private static (string Hash, List<(string, byte[], bool)> Files, List<AuditFinding> Special, bool Exact) Walk(HostFs fs, string folder)
    {
        var limits = SkillAuditor.Limits;
        var buffer = _buffer ??= new byte[64 * 1024];
        using var hash = new TreeHash.Builder();
        var files = new List<(string, byte[], bool)>();
        var special = new List<AuditFinding>();
        var exact = true;
        var audited = 0;
        foreach (var entry in fs.Walk(folder, HashWalk))
        {
            var depth = entry.Relative.AsSpan().Count('/') + 1;
            var audits = depth <= limits.MaxDepth;
            if (audits && ++audited > limits.MaxEntries)
            {
                exact = false;
            }

            if (entry.Problem is not null)
            {
                exact &= !audits;
                continue;
            }

            if (entry.Stat.IsDirectory)
            {
                if (audits && depth >= limits.MaxDepth)
                {
                    special.Add(SkillAuditor.SpecialFinding(entry.Relative, limit: true));
                }

                continue;
            }

            if (entry.Stat.IsSymlink)
            {
                hash.AddLink(entry.Relative, entry.LinkTarget ?? string.Empty);
                continue;
            }

            if (!entry.Stat.IsFile)
            {
                if (audits)
                {
                    special.Add(SkillAuditor.SpecialFinding(entry.Relative, limit: false));
                }

                continue;
            }

            using var stream = entry.OpenRead();
            hash.StartFile(entry.Relative, stream.Length);
            if (audits)
            {
                var (content, truncated) = SkillAuditor.ReadPrefix(stream);
                hash.Append(content);
                files.Add((entry.Relative, content, truncated));
            }

            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                hash.Append(buffer.AsSpan(0, read));
            }
        }

        return (hash.Finish(), files, special, exact);
    }
}
