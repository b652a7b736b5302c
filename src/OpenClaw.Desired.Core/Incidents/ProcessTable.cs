using System.Globalization;
using System.Runtime.InteropServices;
using OpenClaw.Desired.Host.Fs;

namespace OpenClaw.Desired.Incidents;

/// <summary>One process as /proc shows it. <see cref="StartTime"/> (clock ticks since boot) tells a reused pid apart.</summary>
public sealed record ProcessInfo(int Pid, int ParentPid, int Uid, string Name, string CommandLine, ulong StartTime, string? Cwd, ulong? NetNamespace);

/// <summary>
/// The machine's processes from /proc (never through the scratch root: processes are the kernel's), their network
/// namespace, and signals sent to one process only after checking it is still the same one.
/// </summary>
public static partial class ProcessTable
{
    private const int SigTerm = 15;
    private const int SigKill = 9;

    public static IReadOnlyList<ProcessInfo> Read()
    {
        var result = new List<ProcessInfo>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && Read(pid) is { } info)
            {
                result.Add(info);
            }
        }

        return result.OrderBy(p => p.Pid).ToList();
    }

    public static ProcessInfo? Read(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // comm may hold spaces and parentheses: the fields after it start after the last ')'.
            var close = stat.LastIndexOf(')');
            var name = stat[(stat.IndexOf('(') + 1)..close];
            var fields = stat[(close + 2)..].Split(' ');
            var ppid = int.Parse(fields[1], CultureInfo.InvariantCulture);
            var start = ulong.Parse(fields[19], CultureInfo.InvariantCulture);
            var uid = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal)) is { } line
                ? int.Parse(line.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture)
                : -1;
            var cmdline = File.ReadAllText($"/proc/{pid}/cmdline").TrimEnd('\0').Replace('\0', ' ');
            return new ProcessInfo(pid, ppid, uid, name, cmdline, start, Link($"/proc/{pid}/cwd"), Inode($"/proc/{pid}/ns/net"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>The inode of a network namespace file (/run/netns/NAME or /proc/PID/ns/net), or null.</summary>
    public static ulong? Inode(string path) =>
        Posix.TryStat(Posix.AtFdCwd, path, 0, out var stat) ? stat.Ino : null;

    /// <summary>The process and every descendant, parents first.</summary>
    public static IReadOnlyList<ProcessInfo> Tree(IReadOnlyList<ProcessInfo> all, int pid)
    {
        var result = new List<ProcessInfo>();
        var queue = new Queue<int>([pid]);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            if (all.FirstOrDefault(p => p.Pid == current) is { } info && result.All(r => r.Pid != current))
            {
                result.Add(info);
                foreach (var child in all.Where(p => p.ParentPid == current))
                {
                    queue.Enqueue(child.Pid);
                }
            }
        }

        return result;
    }

    /// <summary>The process and its parents up to init: what a stop must never reach.</summary>
    public static IReadOnlySet<int> Ancestry(IReadOnlyList<ProcessInfo> all, int pid)
    {
        var result = new HashSet<int>();
        for (var current = pid; current > 0 && result.Add(current);)
        {
            current = all.FirstOrDefault(p => p.Pid == current)?.ParentPid ?? 0;
        }

        return result;
    }

    /// <summary>
    /// SIGTERM, then SIGKILL after <paramref name="grace"/>; only while the pid still names the same process (same start
    /// time). True when it is gone.
    /// </summary>
    public static async Task<bool> StopAsync(ProcessInfo process, TimeSpan grace, CancellationToken cancellationToken)
    {
        if (!Same(process))
        {
            return true;
        }

        _ = Kill(process.Pid, SigTerm);
        var until = DateTime.UtcNow + grace;
        while (DateTime.UtcNow < until)
        {
            if (!Same(process))
            {
                return true;
            }

            await Task.Delay(50, cancellationToken);
        }

        if (Same(process))
        {
            _ = Kill(process.Pid, SigKill);
            await Task.Delay(100, cancellationToken);
        }

        return !Same(process);
    }

    /// <summary>The pid still names the process that was read, and it has not exited (a zombie has).</summary>
    public static bool Same(ProcessInfo process)
    {
        var now = Read(process.Pid);
        if (now is null || now.StartTime != process.StartTime)
        {
            return false;
        }

        try
        {
            var stat = File.ReadAllText($"/proc/{process.Pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static string? Link(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
