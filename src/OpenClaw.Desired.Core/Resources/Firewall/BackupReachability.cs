using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Resources.Backups;

namespace OpenClaw.Desired.Resources.Firewall;

/// <summary>
/// Backups that the posture's own firewall would cut off: a Git remote or a restic repository the reconciler (root)
/// pushes to must be let out by an egress rule at level filter or proxy, and at level airgap nothing offsite can be
/// reached at all. Each is a warning at the remote, naming the rule to add.
/// </summary>
internal static class BackupReachability
{
    public static void Run(PostureDocument document, FirewallLevel level, Locator at, List<Diagnostic> diagnostics)
    {
        if (level == FirewallLevel.Off || document.Backups is not { } backups)
        {
            return;
        }

        var targets = new List<(string Path, Endpoint Endpoint)>();
        if (backups.Git is { } git)
        {
            Add(targets, "backups.git.primary.url", git.Primary?.Url);
            Add(targets, "backups.git.secondary.url", git.Secondary?.Url);
        }

        for (var i = 0; i < (backups.Archives?.Count ?? 0); i++)
        {
            var repository = backups.Archives![i].Repository;
            Add(targets, $"backups.archives[{i}].repository", Url(repository));
        }

        foreach (var (path, endpoint) in targets)
        {
            if (level == FirewallLevel.Airgap)
            {
                diagnostics.Add(at.At(path, $"level airgap lets nothing leave this host: {endpoint} can never be reached, so this backup copy will fail and age; keep an attached or local copy for the air gap, or choose level filter with an egress rule for it", Severity.Warning));
                continue;
            }

            var covered = (document.Firewall?.Egress ?? [])
                .Select((r, i) => FirewallRule.Of(r, $"firewall.egress[{i}]", RuleDirection.Egress))
                .Any(r => r.UsesPort(endpoint.Port) && r.Cgroup is null && (r.User is null or "root" or "0")
                    && (r.To.Count == 0 || endpoint.Address is null || r.To.Any(t => t.Contains(endpoint.Address))));
            if (!covered)
            {
                diagnostics.Add(at.At(path, $"no egress rule lets root reach {endpoint} at level {FirewallLevels.Name(level)}: add one (firewall.egress: [{{name: backups, proto: tcp, ports: [{endpoint.Port}], to: [<its address>]}}]) or this backup copy will fail", Severity.Warning));
            }
        }
    }

    private static void Add(List<(string, Endpoint)> targets, string path, string? url)
    {
        if (url is not null && Endpoint.FromGitUrl(path, url) is { } endpoint)
        {
            targets.Add((path, endpoint));
        }
    }

    /// <summary>The network address of a restic repository (rest:URL, s3:URL, sftp:user@host:path), or null when local.</summary>
    private static string? Url(string repository)
    {
        if (ResticRepository.IsLocal(repository))
        {
            return null;
        }

        var colon = repository.IndexOf(':', StringComparison.Ordinal);
        var rest = repository[(colon + 1)..];
        return repository[..colon] switch
        {
            "rest" or "s3" when rest.Contains("://", StringComparison.Ordinal) => rest,
            "s3" => "https://" + rest,
            "sftp" => rest,
            _ => null,
        };
    }
}
