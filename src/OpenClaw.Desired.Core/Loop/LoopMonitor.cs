using OpenClaw.Desired.Host;
using OpenClaw.Desired.Monitoring;
using OpenClaw.Desired.Monitoring.Alerts;
using OpenClaw.Desired.Monitoring.Metrics;
using OpenClaw.Desired.Reconciliation;
using OpenClaw.Desired.Redaction;

namespace OpenClaw.Desired.Loop;

/// <summary>
/// The converge loop's monitoring: after each tick it records the tick in the metrics and the persisted
/// counters, and every <c>monitoring.interval</c> it runs the health checks (between ticks too) and sends
/// the alerts. Nothing here can stop the loop: every failure is reported through <see cref="OnProblem"/>.
/// </summary>
public sealed class LoopMonitor(ReconcileRun run, LoopOptions options, ICommandRunner commands, TimeProvider clock, HttpClient http) : Incidents.IIncidentNotifier
{
    private readonly string _stateDir = options.Run.ResolveStateDir(new HostRoot(options.Run.Root));
    private SecretRedactor _redactor = new();

    public DesiredMetrics Metrics { get; init; } = new();

    /// <summary>Run the checks even when the posture has no monitoring section (the metrics endpoint wants them).</summary>
    public bool Always { get; init; }

    /// <summary>When the next health run is due; null when none is planned.</summary>
    public DateTimeOffset? NextDue { get; private set; }

    /// <summary>The last health run, for callers that print it.</summary>
    public MonitorOutcome? Last { get; private set; }

    public Action<string>? OnProblem { get; init; }

    public async Task AfterTickAsync(TickResult tick, TimeSpan took, CancellationToken stop)
    {
        _redactor = tick.Redactor;
        Guard(() =>
        {
            Metrics.Record(tick.Report, took);
            Metrics.Record(tick.Status);
            var applied = tick.Report.Changes.Count(c => c.Outcome == "applied");
            var state = new MonitoringState(_stateDir);
            state.Count(c => c with { ChangesApplied = c.ChangesApplied + applied, Runs = MetricCounters.Add(c.Runs, tick.Report.Result) });
            Metrics.Record(state.ReadCounters());
        });
        await RunIfDueAsync(stop);
    }

    /// <summary>Runs the checks (and alerts) when due; a no-op otherwise.</summary>
    public async Task RunIfDueAsync(CancellationToken stop)
    {
        var posture = run.LastPosture;
        if (posture is null || (!Always && posture.Document.Monitoring is null))
        {
            NextDue = null;
            return;
        }

        var now = clock.GetUtcNow();
        if (NextDue is { } due && now < due)
        {
            return;
        }

        var settings = MonitoringSettings.From(posture);
        NextDue = now + settings.Interval;
        try
        {
            var root = new HostRoot(options.Run.Root);
            var host = new HostContext(root, commands, clock, http, _redactor) { StateDir = _stateDir, PosturePath = Path.GetFullPath(options.Run.PosturePath) };
            var outcome = await MonitorRun.RunAsync(new HealthSession(posture, host, _stateDir, options.Run.PosturePath), settings.Alerts.Any, stop);
            Last = outcome;
            MonitorRun.Metrics(outcome, _stateDir, Metrics);
            foreach (var failed in outcome.Alerts?.Deliveries.Where(d => !d.Delivered) ?? [])
            {
                OnProblem?.Invoke($"alert not delivered: {failed.Error}");
            }

            if (outcome.AlertProblem is { } problem)
            {
                OnProblem?.Invoke(problem);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !stop.IsCancellationRequested)
        {
            OnProblem?.Invoke(_redactor.Redact($"health checks failed: {e.GetType().Name}: {e.Message}"));
        }
    }

    /// <summary>
    /// The loop's incident alerts (the score below its target, integrity drift) go to the channels of the posture the
    /// last tick read; a delivery that fails is reported through <see cref="OnProblem"/>.
    /// </summary>
    public async Task NotifyAsync(Incidents.IncidentAlert alert, CancellationToken cancellationToken)
    {
        if (run.LastPosture is not { } posture)
        {
            return;
        }

        var host = new HostContext(new HostRoot(options.Run.Root), commands, clock, http, _redactor) { StateDir = _stateDir, PosturePath = Path.GetFullPath(options.Run.PosturePath) };
        var notifier = new AlertChannelNotifier(posture, host);
        await notifier.NotifyAsync(alert, cancellationToken);
        foreach (var failed in notifier.Deliveries.Where(d => !d.Delivered))
        {
            OnProblem?.Invoke(_redactor.Redact($"alert not delivered: {failed.Error}"));
        }
    }

    private void Guard(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            OnProblem?.Invoke(_redactor.Redact($"monitoring state not updated: {e.Message}"));
        }
    }
}
