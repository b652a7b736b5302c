using System.Globalization;
using OpenClaw.Desired.Host.Fs;

namespace OpenClaw.Desired.Monitoring.Processes;

/// <summary>One process as <c>/proc/PID</c> shows it: parent, owner, name, arguments and start time.</summary>
public sealed record ProcessInfo(int Pid, int ParentPid, int Uid, string Comm, IReadOnlyList<string> Args, DateTimeOffset Started, long StartTicks)
{
    /// <summary>The file name of argv[0] (what <c>ps</c> shows first), or the kernel's name when argv is empty.</summary>
    public string Program => Args.Count > 0 && Args[0].Length > 0 ? Args[0][(Args[0].LastIndexOf('/') + 1)..] : Comm;
}

/// <summary>
/// The processes under the root's <c>/proc</c>, read through the safe filesystem. Processes may end while
/// they are read; those are simply left out. Argument lists are read for the processes asked about only.
/// </summary>
public sealed class ProcessTable
{
    private readonly Dictionary<int, ProcessInfo> _processes;

    private ProcessTable(Dictionary<int, ProcessInfo> processes, IReadOnlyList<string> problems)
    {
        _processes = processes;
        Problems = problems;
    }

    public IReadOnlyCollection<ProcessInfo> All => _processes.Values;

    /// <summary>Entries that could not be read for a reason other than the process ending (a refused path).</summary>
    public IReadOnlyList<string> Problems { get; }

    public ProcessInfo? this[int pid] => _processes.GetValueOrDefault(pid);

    /// <summary>
    /// Reads every process; the arguments only of those <paramref name="wantArgs"/> selects (by owner) — the
    /// others' come from their names, which is all an ancestor walk needs.
    /// </summary>
    public static ProcessTable Read(HostFs fs, Func<int, bool> wantArgs)
    {
        var stat = ProcFiles.TryRead(fs, "/proc/stat") ?? throw new FileNotFoundException("/proc/stat does not exist under the root");
        var boot = BootTime(stat) ?? throw new InvalidDataException("/proc/stat has no btime line");
        var ticks = (double)MonitoringNative.ClockTicks;
        var processes = new Dictionary<int, ProcessInfo>();
        var problems = new List<string>();
        foreach (var (name, entry) in fs.List("/proc"))
        {
            if (!entry.IsDirectory || !int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                if (ProcFiles.TryRead(fs, $"/proc/{pid}/stat", 4096) is not { } line || ParseStat(line) is not { } parsed)
                {
                    continue;
                }

                var uid = RealUid(fs, pid, entry.Uid);
                var args = wantArgs(uid) ? Args(ProcFiles.TryRead(fs, $"/proc/{pid}/cmdline", 128 * 1024)) : [];
                processes[pid] = new ProcessInfo(pid, parsed.ParentPid, uid, parsed.Comm, args, boot.AddSeconds(parsed.StartTicks / ticks), parsed.StartTicks);
            }
            catch (UnsafePathException e)
            {
                problems.Add($"{e.HostPath}: {e.Detail}");
            }
            catch (IOException)
            {
                // The process ended while it was read.
            }
        }

        return new ProcessTable(processes, problems);
    }

    /// <summary>
    /// The process's real uid. /proc/PID belongs to it, except for processes that made themselves non-dumpable
    /// (Chromium's sandboxed helpers do): theirs belongs to root, and only the Uid line of their status tells.
    /// </summary>
    public static int RealUid(HostFs fs, int pid, int folderOwner)
    {
        if (folderOwner != 0 || ProcFiles.TryRead(fs, $"/proc/{pid}/status", 16 * 1024) is not { } status)
        {
            return folderOwner;
        }

        foreach (var line in status.Split('\n'))
        {
            if (line.StartsWith("Uid:", StringComparison.Ordinal))
            {
                var fields = line[4..].Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
                return fields.Length > 0 && int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var uid) ? uid : folderOwner;
            }
        }

        return folderOwner;
    }

    /// <summary>The chain of parents of a process, nearest first, up to the first one not in the table.</summary>
    public IEnumerable<ProcessInfo> Ancestors(ProcessInfo process)
    {
        var seen = new HashSet<int> { process.Pid };
        var current = process;
        while (current.ParentPid > 0 && seen.Add(current.ParentPid) && _processes.GetValueOrDefault(current.ParentPid) is { } parent)
        {
            yield return parent;
            current = parent;
        }
    }

    public static DateTimeOffset? BootTime(string procStat)
    {
        foreach (var line in procStat.Split('\n'))
        {
            if (line.StartsWith("btime ", StringComparison.Ordinal)
                && long.TryParse(line.AsSpan(6).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                return DateTimeOffset.FromUnixTimeSeconds(seconds);
            }
        }

        return null;
    }

    /// <summary>
    /// Fields of /proc/PID/stat: "pid (comm) state ppid … starttime …". The name may hold spaces and
    /// parentheses, so it ends at the last ')'.
    /// </summary>
    public static (string Comm, int ParentPid, long StartTicks)? ParseStat(string line)
    {
        var open = line.IndexOf('(', StringComparison.Ordinal);
        var close = line.LastIndexOf(')');
        if (open < 0 || close < open)
        {
            return null;
        }

        var fields = line[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // After the name: state is field 3 of the man page, ppid 4, starttime 22.
        if (fields.Length < 20
            || !int.TryParse(fields[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ppid)
            || !long.TryParse(fields[19], NumberStyles.None, CultureInfo.InvariantCulture, out var start))
        {
            return null;
        }

        return (line[(open + 1)..close], ppid, start);
    }

    /// <summary>
    /// argv from /proc/PID/cmdline (NUL-separated). A process that set its own title (Chromium's helpers do, as
    /// setproctitle does) leaves one string with spaces instead: that is split on the spaces, as ps shows it.
    /// </summary>
    internal static IReadOnlyList<string> Args(string? cmdline)
    {
        if (string.IsNullOrEmpty(cmdline))
        {
            return [];
        }

        var args = cmdline.TrimEnd('\0').Split('\0');
        return args.Length == 1 && args[0].Contains(' ', StringComparison.Ordinal) ? args[0].Split(' ', StringSplitOptions.RemoveEmptyEntries) : args;
    }
}
