using System.Runtime.InteropServices;
using OpenClaw.Desired.Host.Fs;

namespace OpenClaw.Desired.Monitoring.Processes;

/// <summary>
/// Ends processes without ever hitting the wrong one: each is pinned with a pidfd (a handle that cannot be
/// recycled), its owner and start time are checked again through /proc after pinning, and only then is it
/// signalled — SIGTERM first, SIGKILL for those still there after the grace. Only on the real root: under a
/// scratch root the process ids would name this machine's processes, not the host's.
/// </summary>
public static partial class ProcessSignals
{
    private const long SysPidfdSendSignal = 424;
    private const long SysPidfdOpen = 434;

    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true)]
    private static partial long Syscall2(long number, long a, long b);

    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true)]
    private static partial long Syscall4(long number, long a, long b, long c, long d);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);

    /// <summary>What happened to each process: ended, already gone, or refused (and why).</summary>
    public sealed record SignalResult(int Pid, string Outcome);

    /// <summary>Ends the given processes (identified by pid and start time), all owned by <paramref name="uid"/>.</summary>
    public static async Task<IReadOnlyList<SignalResult>> EndAsync(HostFs fs, IReadOnlyList<(int Pid, long StartTicks)> processes, int uid, TimeSpan grace, CancellationToken cancellationToken)
    {
        if (!fs.Root.IsRealRoot)
        {
            return processes.Select(p => new SignalResult(p.Pid, "refused: processes are signalled only on the real root")).ToList();
        }

        if (uid == 0)
        {
            return processes.Select(p => new SignalResult(p.Pid, "refused: never a process of root")).ToList();
        }

        var results = new List<SignalResult>();
        var pinned = new List<(int Pid, long StartTicks, int Fd)>();
        try
        {
            foreach (var (pid, start) in processes)
            {
                var fd = (int)Syscall2(SysPidfdOpen, pid, 0);
                if (fd < 0)
                {
                    results.Add(new SignalResult(pid, Marshal.GetLastPInvokeError() == MonitoringNative.ESrch ? "already gone" : "refused: cannot pin the process (pidfd_open)"));
                    continue;
                }

                // Pinned: from here the id cannot be reused, so what /proc says now is about this very process.
                var seen = Identity(fs, pid);
                if (seen is null || seen.Value.Uid != uid || seen.Value.StartTicks != start)
                {
                    _ = Close(fd);
                    results.Add(new SignalResult(pid, seen is null ? "already gone" : "refused: no longer the same process"));
                    continue;
                }

                pinned.Add((pid, start, fd));
            }

            foreach (var p in pinned)
            {
                _ = Syscall4(SysPidfdSendSignal, p.Fd, MonitoringNative.SigTerm, 0, 0);
            }

            var until = DateTime.UtcNow + grace;
            while (DateTime.UtcNow < until && pinned.Any(p => Alive(fs, p.Pid, p.StartTicks)))
            {
                await Task.Delay(100, cancellationToken);
            }

            foreach (var p in pinned)
            {
                var killed = Alive(fs, p.Pid, p.StartTicks) && Syscall4(SysPidfdSendSignal, p.Fd, MonitoringNative.SigKill, 0, 0) == 0;
                results.Add(new SignalResult(p.Pid, killed ? "ended (SIGKILL after the grace)" : "ended (SIGTERM)"));
            }
        }
        finally
        {
            foreach (var p in pinned)
            {
                _ = Close(p.Fd);
            }
        }

        return results.OrderBy(r => r.Pid).ToList();
    }

    private static bool Alive(HostFs fs, int pid, long startTicks) =>
        Identity(fs, pid) is { } seen && seen.StartTicks == startTicks && !seen.Zombie;

    private static (int Uid, long StartTicks, bool Zombie)? Identity(HostFs fs, int pid)
    {
        try
        {
            var stat = fs.Stat($"/proc/{pid}");
            if (!stat.IsDirectory || ProcFiles.TryRead(fs, $"/proc/{pid}/stat", 4096) is not { } line || ProcessTable.ParseStat(line) is not { } parsed)
            {
                return null;
            }

            var state = line[(line.LastIndexOf(')') + 1)..].TrimStart();
            return (ProcessTable.RealUid(fs, pid, stat.Uid), parsed.StartTicks, state.StartsWith('Z'));
        }
        catch (IOException)
        {
            return null;
        }
    }
}
