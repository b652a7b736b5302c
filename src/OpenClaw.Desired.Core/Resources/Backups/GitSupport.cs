using LibGit2Sharp;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Safety;

namespace OpenClaw.Desired.Resources.Backups;

/// <summary>Process-wide LibGit2Sharp settings and small helpers the Git parts share.</summary>
internal static class GitSupport
{
    private static readonly Lock Gate = new();
    private static bool _configured;

    /// <summary>
    /// The reconciler runs as root on a workspace the OpenClaw user owns; libgit2's owner check would refuse
    /// it. libgit2 runs no hooks or fsmonitor, and the remote URLs are the posture's, so the check is off.
    /// </summary>
    public static void Configure()
    {
        lock (Gate)
        {
            if (!_configured)
            {
                GlobalSettings.SetOwnerValidation(false);
                _configured = true;
            }
        }
    }

    /// <summary>The signature of backup commits, at the reconciler's clock.</summary>
    public static Signature Signature(HostContext host) =>
        new("openclaw-desired", "openclaw-desired@localhost", host.Clock.GetUtcNow());

    /// <summary>Gives <c>.git</c> back to the workspace's owner after root wrote into it, so OpenClaw can keep committing.</summary>
    public static void ChownLike(string gitDirectory, string ownerOf)
    {
        if (!Native.IsRoot || Native.Owner(ownerOf) is not { } owner || owner.Uid == 0)
        {
            return;
        }

        Native.Chown(gitDirectory, owner.Uid, owner.Gid);
        foreach (var entry in Directory.EnumerateFileSystemEntries(gitDirectory, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            Native.Chown(entry, owner.Uid, owner.Gid);
        }
    }
}
