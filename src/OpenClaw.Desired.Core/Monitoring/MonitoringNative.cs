using System.Runtime.InteropServices;

namespace OpenClaw.Desired.Monitoring;

/// <summary>The POSIX calls the health checks need that .NET does not offer: statvfs, sysconf and kill.</summary>
internal static partial class MonitoringNative
{
    private const int ScClkTck = 2;

    [StructLayout(LayoutKind.Sequential)]
    private struct StatVfs
    {
        public ulong BlockSize;
        public ulong FragmentSize;
        public ulong Blocks;
        public ulong BlocksFree;
        public ulong BlocksAvailable;
        public ulong Files;
        public ulong FilesFree;
        public ulong FilesAvailable;
        public ulong FsId;
        public ulong Flags;
        public ulong NameMax;
        public ulong Spare0;
        public ulong Spare1;
        public ulong Spare2;
    }

    [LibraryImport("libc", EntryPoint = "statvfs", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int StatVfsCall(string path, out StatVfs buffer);

    [LibraryImport("libc", EntryPoint = "sysconf")]
    private static partial long SysConf(int name);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int KillCall(int pid, int signal);

    /// <summary>Size and space of the filesystem holding a path, as df counts them (used / (used + available)).</summary>
    public static (long Size, long Available, double UsedRatio)? Space(string realPath)
    {
        if (!OperatingSystem.IsLinux() || StatVfsCall(realPath, out var s) != 0)
        {
            return null;
        }

        var unit = s.FragmentSize != 0 ? s.FragmentSize : s.BlockSize;
        var used = s.Blocks - s.BlocksFree;
        var denominator = used + s.BlocksAvailable;
        var ratio = denominator == 0 ? 0 : used / (double)denominator;
        return ((long)(s.Blocks * unit), (long)(s.BlocksAvailable * unit), ratio);
    }

    /// <summary>Clock ticks per second, the unit of a process's start time in /proc/PID/stat.</summary>
    public static long ClockTicks
    {
        get
        {
            var ticks = OperatingSystem.IsLinux() ? SysConf(ScClkTck) : 100;
            return ticks > 0 ? ticks : 100;
        }
    }

    /// <summary>Sends a signal; 0 when delivered, else the errno (ESRCH: the process is gone).</summary>
    public static int Kill(int pid, int signal) => KillCall(pid, signal) == 0 ? 0 : Marshal.GetLastPInvokeError();

    public const int SigTerm = 15;
    public const int SigKill = 9;
    public const int ESrch = 3;
}
