using OpenClaw.Desired.Host.Fs;

namespace OpenClaw.Desired.Safety;

/// <summary>
/// Owner lookup, chown and fsync of a directory for the reconciler's own (trusted) files, such as its state dir.
/// Host paths go through <see cref="HostFs"/>. File status comes from statx, whose layout the kernel fixes.
/// </summary>
internal static class Native
{
    /// <summary>Owner of a path (links followed: only for trusted paths), or null where it cannot be read.</summary>
    public static (int Uid, int Gid)? Owner(string path) =>
        OperatingSystem.IsLinux() && Posix.TryStat(Posix.AtFdCwd, path, 0, out var stat) ? ((int)stat.Uid, (int)stat.Gid) : null;

    /// <summary>Flushes a directory entry (a rename) to disk.</summary>
    public static void FsyncDirectory(string directory)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var fd = Fd.TryOpenAt(null, directory, Posix.ORdOnly | Posix.ODirectory, out _);
        if (fd is not null)
        {
            _ = Posix.FSync(fd.Value);
        }
    }

    /// <summary>Changes the owner of a trusted path the reconciler made (as root; a no-op otherwise).</summary>
    public static void Chown(string path, int uid, int gid)
    {
        if (IsRoot)
        {
            _ = Posix.FChownAt(Posix.AtFdCwd, path, uid, gid, Posix.AtSymlinkNoFollow);
        }
    }

    public static bool IsRoot => OperatingSystem.IsLinux() && Posix.GetEuid() == 0;

    /// <summary>The effective user id of this process.</summary>
    public static uint GetEuid() => Posix.GetEuid();
}
