using OpenClaw.Desired.Host;

namespace OpenClaw.Desired.Safety;

/// <summary>
/// Host paths the reconciler never changes the mode or owner of, never writes or moves as a whole: the root and
/// the system folders every file of the host hangs from. A posture (or an agent's link) that points OpenClaw's
/// home at one of them must not make the reconciler hand it to the agent user.
/// </summary>
public static class ProtectedPaths
{
    private static readonly HashSet<string> Folders = new(StringComparer.Ordinal)
    {
        "/", "/bin", "/boot", "/dev", "/etc", "/home", "/lib", "/lib32", "/lib64", "/libx32", "/media", "/mnt", "/opt",
        "/proc", "/root", "/run", "/sbin", "/srv", "/sys", "/tmp", "/usr", "/var",
        "/etc/systemd", "/etc/systemd/system", "/etc/cron.d", "/etc/default", "/etc/ssh", "/etc/sudoers.d",
        "/usr/bin", "/usr/lib", "/usr/local", "/usr/local/bin", "/usr/local/lib", "/usr/sbin", "/usr/share",
        "/var/backups", "/var/cache", "/var/lib", "/var/log", "/var/spool", "/var/tmp", "/run/user",
    };

    /// <summary>True for the root and the system folders above (the path is normalized first).</summary>
    public static bool IsProtected(string hostPath) => Folders.Contains(HostRoot.Normalize(hostPath));
}
