using System.Diagnostics;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Loop;
using OpenClaw.Desired.Reconciliation;

namespace OpenClaw.Desired.Bench;

/// <summary>
/// Idle converge-loop ticks with monitoring on, in one warm process: each tick plans (in sync), then the
/// health checks run (monitoring.interval 1s, so every tick) and the metrics are recorded.
/// </summary>
internal static class LoopTickWithChecks
{
    public static async Task RunAsync(MonitoringBenchHost host, int ticks)
    {
        using var http = new HttpClient();
        var options = new LoopOptions { Run = new RunOptions { PosturePath = host.PosturePath, Root = host.Root, StateDir = host.StateDir } };
        var run = new ReconcileRun(ResourceKinds.All(), new ProcessCommandRunner(), TimeProvider.System, http);
        var monitor = new LoopMonitor(run, options, new ProcessCommandRunner(), TimeProvider.System, http) { OnProblem = p => Console.Error.WriteLine(p) };
        var loop = new ConvergeLoop(run, options, TimeProvider.System, new Random(1)) { Monitor = monitor };

        var status = (await loop.TickAsync(null, CancellationToken.None)).Status;
        for (var i = 0; i < 20; i++)
        {
            status = await TickAsync(loop, monitor, status);
        }

        var cpu = new List<double>();
        var checks = new List<double>();
        var wall = new List<double>();
        for (var i = 0; i < ticks; i++)
        {
            var before = Environment.CpuUsage.TotalTime;
            var watch = Stopwatch.StartNew();
            status = await TickAsync(loop, monitor, status);
            wall.Add(watch.Elapsed.TotalMilliseconds);
            cpu.Add((Environment.CpuUsage.TotalTime - before).TotalMilliseconds);
            checks.Add(monitor.Last!.Health.Took.TotalMilliseconds);
        }

        Console.WriteLine($"idle loop tick with the health checks on (every tick), {ticks} ticks in one warm process");
        Console.WriteLine();
        Console.WriteLine("| per tick | median | p90 | min | max |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        Console.WriteLine(Stats.Row("CPU ms (tick + checks)", cpu));
        Console.WriteLine(Stats.Row("wall ms (tick + checks)", wall));
        Console.WriteLine(Stats.Row("wall ms (checks alone)", checks));
        Console.WriteLine();
        Console.WriteLine($"last result: {status.Result}; checks: {string.Join(", ", monitor.Last!.Health.Checks.Select(c => $"{c.Name} {c.StatusText}"))}");
    }

    private static async Task<LoopStatus> TickAsync(ConvergeLoop loop, LoopMonitor monitor, LoopStatus status)
    {
        var watch = Stopwatch.StartNew();
        var tick = await loop.TickAsync(status, CancellationToken.None);
        // The monitor runs as it does in the loop: after the tick, since the 1s interval has passed.
        await Task.Delay(1000 - (int)Math.Min(1000, watch.ElapsedMilliseconds));
        await monitor.AfterTickAsync(tick, watch.Elapsed, CancellationToken.None);
        return tick.Status;
    }
}
