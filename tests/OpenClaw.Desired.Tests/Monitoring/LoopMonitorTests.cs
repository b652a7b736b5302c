using Microsoft.Extensions.Time.Testing;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Loop;
using OpenClaw.Desired.Reconciliation;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Monitoring;

/// <summary>The loop runs the checks on monitoring.interval and sends alerts; a failing channel never stops it.</summary>
public sealed class LoopMonitorTests : IDisposable
{
    private readonly AlertScenario _s = new();

    public void Dispose() => _s.Dispose();

    private (ConvergeLoop Loop, LoopMonitor Monitor, List<string> Problems) Build(string posture, bool once, FakeTimeProvider? clock = null)
    {
        var time = (TimeProvider?)clock ?? TimeProvider.System;
        var options = new LoopOptions
        {
            Run = new RunOptions { PosturePath = _s.Host.WritePosture(posture), Root = _s.Host.Root, StateDir = _s.Host.StateDir },
            Once = once,
            DetectOnly = true,
            Interval = TimeSpan.FromMinutes(15),
            Jitter = 0,
        };
        var http = new HttpClient();
        var run = new ReconcileRun(ResourceKinds.All(), new ProcessCommandRunner(), time, http);
        var problems = new List<string>();
        var monitor = new LoopMonitor(run, options, new ProcessCommandRunner(), time, http) { OnProblem = problems.Add };
        return (new ConvergeLoop(run, options, time, new Random(1)) { Monitor = monitor }, monitor, problems);
    }

    [Fact]
    public async Task OneTick_RunsTheChecks_SendsTheAlerts_AndRecordsTheTick()
    {
        var (loop, monitor, problems) = Build(_s.Posture(disk: 1), once: true);

        await loop.RunAsync(CancellationToken.None);

        Assert.Empty(problems);
        Assert.Equal(3, monitor.Last!.ExitCode);
        Assert.Contains("FAILED disk", Assert.Single(_s.Telegram.Messages).Text);
        Assert.Single(_s.Webhook.Calls);
        var metrics = await monitor.Metrics.ToTextAsync(CancellationToken.None);
        Assert.Contains("openclaw_desired_loop_tick_duration_seconds_count 1", metrics);
        Assert.Contains("openclaw_desired_health_check_status{check=\"disk\",status=\"failed\"} 1", metrics);
        Assert.Contains("openclaw_desired_runs_total{result=", metrics);
        Assert.NotNull(monitor.NextDue);
    }

    [Fact]
    public async Task ChannelsThatFail_AreReported_AndTheLoopCarriesOn()
    {
        _s.Webhook.DefaultStatus = 500;
        var posture = _s.Posture(disk: 1).Replace(_s.Telegram.ApiBase, $"http://127.0.0.1:{LoopbackPort.Free()}", StringComparison.Ordinal);
        var (loop, monitor, problems) = Build(posture, once: true);

        var code = await loop.RunAsync(CancellationToken.None);

        Assert.NotEqual(1, code);
        Assert.Equal(2, problems.Count(p => p.StartsWith("alert not delivered", StringComparison.Ordinal)));
        Assert.NotNull(StatusFile.Read(_s.Host.StateDir));
        Assert.Contains("openclaw_desired_alert_delivery_failures_total{channel=\"webhook\"} 1", await monitor.Metrics.ToTextAsync(CancellationToken.None));
    }

    [Fact]
    public async Task BetweenTicks_TheChecksRunOnTheirOwnInterval()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var (loop, monitor, _) = Build(_s.Posture(disk: 99.9).Replace("interval: 5m", "interval: 1m", StringComparison.Ordinal), once: false, clock);
        using var stop = new CancellationTokenSource();

        var running = loop.RunAsync(stop.Token);
        await WaitAsync(() => monitor.Last is not null);
        var first = monitor.Last!.Health.At;
        var before = _s.Telegram.Messages.Count;
        File.WriteAllText(_s.Host.Real("/proc/meminfo"), "MemTotal: 1000 kB\nMemAvailable: 10 kB\n");
        clock.Advance(TimeSpan.FromMinutes(1));
        await WaitAsync(() => monitor.Last!.Health.At > first);
        stop.Cancel();
        await running;

        // A minute later, long before the next tick (15 minutes), the checks ran again and alerted.
        Assert.Equal(before + 1, _s.Telegram.Messages.Count);
        Assert.Contains("FAILED memory", _s.Telegram.Messages.Last().Text);
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "timed out");
            await Task.Delay(50);
        }
    }
}
