using OpenClaw.Desired.Host;
using OpenClaw.Desired.Host.Fs;
using OpenClaw.Desired.OpenClaw;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Redaction;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>One skill to audit: where to read it (on descriptors, never through a planted link) and how to name it.</summary>
public sealed record AuditTarget(HostFs Fs, string Path, string Shown)
{
    public SkillAudit Audit(AuditOptions? options = null) => SkillAuditor.AuditHost(Fs, Path, Shown, options);
}

/// <summary>Which folders <c>skills audit</c> scans: the ones named, or every skill in the host's skill folders.</summary>
public static class AuditTargets
{
    /// <summary>
    /// A named folder is a skill when it holds SKILL.md; otherwise each sub-folder is one (a folder of skills).
    /// The operator's own path is taken as given (its links resolved); nothing inside it is ever followed.
    /// </summary>
    public static IReadOnlyList<AuditTarget> FromArguments(IEnumerable<string> folders)
    {
        var fs = new HostFs(new HostRoot("/"));
        var result = new List<AuditTarget>();
        foreach (var named in folders)
        {
            var folder = HostFs.RealPath(named);
            if (folder is null || !fs.DirectoryExists(folder))
            {
                throw new DirectoryNotFoundException($"{Path.GetFullPath(named)}: no such folder");
            }

            var children = fs.List(folder).Where(e => e.Stat.IsDirectory).Select(e => $"{folder.TrimEnd('/')}/{e.Name}").ToList();
            if (fs.Probe(folder.TrimEnd('/') + "/SKILL.md") is { Exists: true } || children.Count == 0)
            {
                result.Add(new AuditTarget(fs, folder, folder));
            }
            else
            {
                result.AddRange(children.Select(c => new AuditTarget(fs, c, c)));
            }
        }

        return result;
    }

    /// <summary>Every skill in OpenClaw's skill folders on this host, in precedence order.</summary>
    public static async Task<IReadOnlyList<AuditTarget>> FromHostAsync(EffectivePosture posture, string rootPath, CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        var host = new HostContext(new HostRoot(rootPath), new ProcessCommandRunner(), TimeProvider.System, http, new SecretRedactor());
        var paths = host.PathsFor(posture);
        var config = await ConfigObservation.ProbeAsync(host, paths, cancellationToken);
        return SkillLocator.Find(host.Fs, SkillLocator.Roots(host, paths, config.Config))
            .Select(s => new AuditTarget(host.Fs, host.Fs.ResolveLinks(s.HostPath) ?? s.HostPath, host.Root.Resolve(s.HostPath)))
            .ToList();
    }
}
