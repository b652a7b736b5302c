using OpenClaw.Desired.Host;
using OpenClaw.Desired.OpenClaw;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Redaction;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>Which folders <c>skills audit</c> scans: the ones named, or every skill in the host's skill folders.</summary>
public static class AuditTargets
{
    /// <summary>A named folder is a skill when it holds SKILL.md; otherwise each sub-folder is one (a folder of skills).</summary>
    public static IReadOnlyList<string> FromArguments(IEnumerable<string> folders)
    {
        var result = new List<string>();
        foreach (var folder in folders.Select(Path.GetFullPath))
        {
            if (!Directory.Exists(folder))
            {
                throw new DirectoryNotFoundException($"{folder}: no such folder");
            }

            var children = Directory.GetDirectories(folder).Order(StringComparer.Ordinal).ToList();
            if (File.Exists(Path.Combine(folder, "SKILL.md")) || children.Count == 0)
            {
                result.Add(folder);
            }
            else
            {
                result.AddRange(children);
            }
        }

        return result;
    }

    /// <summary>Every skill in OpenClaw's skill folders on this host, in precedence order, as real paths.</summary>
    public static async Task<IReadOnlyList<string>> FromHostAsync(EffectivePosture posture, string rootPath, CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        var host = new HostContext(new HostRoot(rootPath), new ProcessCommandRunner(), TimeProvider.System, http, new SecretRedactor());
        var paths = host.PathsFor(posture);
        var config = await ConfigObservation.ProbeAsync(host, paths, cancellationToken);
        return SkillLocator.Find(host.Root, SkillLocator.Roots(host, paths, config.Config)).Select(s => host.Root.Resolve(s.HostPath)).ToList();
    }
}
