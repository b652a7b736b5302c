using LibGit2Sharp;
using OpenClaw.Desired.Host;

namespace OpenClaw.Desired.Resources.Backups;

/// <summary>Process-wide LibGit2Sharp settings and small helpers the Git parts share.</summary>
internal static class GitSupport
{
    private static readonly Lock Gate = new();
    private static bool _configured;

    /// <summary>A folder that never exists: where libgit2 looks for system, global and XDG config, so it finds none.</summary>
    private const string NoConfig = "/proc/self/openclaw-desired-no-git-config";

    /// <summary>
    /// The reconciler runs as root on a workspace the OpenClaw user owns; libgit2's owner check would refuse
    /// it. libgit2 runs no hooks or fsmonitor, <see cref="RepositoryGuard"/> refuses configs that redirect it, and
    /// the remote URLs are the posture's, so the check is off. No system, global or XDG Git config is read
    /// (neither the machine's nor, under <c>--root</c>, the real host's): the backup depends on the repository alone.
    /// </summary>
    public static void Configure()
    {
        lock (Gate)
        {
            if (!_configured)
            {
                GlobalSettings.SetOwnerValidation(false);
                foreach (var level in new[] { ConfigurationLevel.System, ConfigurationLevel.Global, ConfigurationLevel.Xdg, ConfigurationLevel.ProgramData })
                {
                    GlobalSettings.SetConfigSearchPaths(level, NoConfig);
                }

                _configured = true;
            }
        }
    }

    /// <summary>The signature of backup commits, at the reconciler's clock.</summary>
    public static Signature Signature(HostContext host) =>
        new("openclaw-desired", "openclaw-desired@localhost", host.Clock.GetUtcNow());
}
