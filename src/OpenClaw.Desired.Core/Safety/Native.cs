using System.Runtime.InteropServices;

namespace OpenClaw.Desired.Safety;

/// <summary>The few POSIX calls .NET does not expose: owner lookup, chown, and fsync of a directory.</summary>
internal static partial class Native
{
    private const int ORdOnly = 0;
    private const int ODirectory = 0x10000;

    [LibraryImport("libc", EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int StatCall(string path, byte[] buffer);

    [LibraryImport("libc", EntryPoint = "chown", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int ChownCall(string path, int uid, int gid);

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int OpenCall(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int FsyncCall(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int CloseCall(int fd);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    internal static partial uint GetEuid();

    /// <summary>Owner of a path, or null where it cannot be read on this platform.</summary>
    public static (int Uid, int Gid)? Owner(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var (uidOffset, gidOffset) = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => (28, 32),
            Architecture.Arm64 => (24, 28),
            _ => (-1, -1),
        };
        if (uidOffset < 0)
        {
            return null;
        }

        var buffer = new byte[256];
        if (StatCall(path, buffer) != 0)
        {
            return null;
        }

        return (BitConverter.ToInt32(buffer, uidOffset), BitConverter.ToInt32(buffer, gidOffset));
    }

    public static void Chown(string path, int uid, int gid)
    {
        if (OperatingSystem.IsLinux() && GetEuid() == 0)
        {
            _ = ChownCall(path, uid, gid);
        }
    }

    /// <summary>Flushes a directory entry (a rename) to disk.</summary>
    public static void FsyncDirectory(string directory)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var fd = OpenCall(directory, ORdOnly | ODirectory);
        if (fd < 0)
        {
            return;
        }

        _ = FsyncCall(fd);
        _ = CloseCall(fd);
    }

    public static bool IsRoot => OperatingSystem.IsLinux() && GetEuid() == 0;
}
