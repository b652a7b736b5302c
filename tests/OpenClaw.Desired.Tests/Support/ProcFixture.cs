using System.Globalization;
using OpenClaw.Desired.Monitoring;

namespace OpenClaw.Desired.Tests.Support;

/// <summary>
/// Writes a /proc under a scratch root in the kernel's own formats (<c>/proc/stat</c> with btime,
/// <c>/proc/meminfo</c>, <c>/proc/PID/stat</c> and NUL-separated <c>cmdline</c>, folders owned by the process's
/// uid), so the checks that read /proc can be tested with exact numbers.
/// </summary>
public sealed class ProcFixture
{
    private readonly ScratchHost _host;

    public ProcFixture(ScratchHost host, DateTimeOffset boot)
    {
        _host = host;
        Boot = boot;
        Directory.CreateDirectory(host.Real("/proc"));
        File.WriteAllText(host.Real("/proc/stat"), $"cpu  100 0 100 1000 0 0 0 0 0 0\nbtime {boot.ToUnixTimeSeconds()}\nprocesses 300\n");
    }

    public DateTimeOffset Boot { get; }

    public ProcFixture Meminfo(long totalKib, long? availableKib, long freeKib = 0, long cachedKib = 0)
    {
        var lines = new List<string> { $"MemTotal:       {totalKib} kB", $"MemFree:        {freeKib} kB" };
        if (availableKib is { } available)
        {
            lines.Add($"MemAvailable:   {available} kB");
        }

        lines.AddRange([$"Buffers:        0 kB", $"Cached:         {cachedKib} kB", "SwapTotal:      0 kB"]);
        File.WriteAllText(_host.Real("/proc/meminfo"), string.Join('\n', lines) + "\n");
        return this;
    }

    /// <summary>A process started at <paramref name="started"/>, owned by <paramref name="uid"/>.</summary>
    public ProcFixture Process(int pid, int ppid, int uid, string comm, IReadOnlyList<string> args, DateTimeOffset started)
    {
        var folder = _host.Real($"/proc/{pid}");
        Directory.CreateDirectory(folder);
        var ticks = (long)((started - Boot).TotalSeconds * MonitoringNative.ClockTicks);
        var fields = string.Join(' ', new[] { "S", ppid.ToString(CultureInfo.InvariantCulture), pid.ToString(CultureInfo.InvariantCulture), "0", "0", "-1", "4194560" }
            .Concat(Enumerable.Repeat("0", 12)).Append(ticks.ToString(CultureInfo.InvariantCulture)).Concat(Enumerable.Repeat("0", 10)));
        File.WriteAllText(Path.Combine(folder, "stat"), $"{pid} ({comm}) {fields}\n");
        File.WriteAllText(Path.Combine(folder, "cmdline"), string.Join('\0', args) + (args.Count > 0 ? "\0" : ""));
        HostFiles.Lchown(folder, uid, uid);
        return this;
    }

    public static string[] HeadlessChrome(params string[] extra) =>
        ["/opt/chrome-headless-shell/chrome-headless-shell", "--headless", "--remote-debugging-port=0", .. extra];
}
