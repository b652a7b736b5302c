using OpenClaw.Desired.Host;
using OpenClaw.Desired.Reconciliation;
using OpenClaw.Desired.Redaction;
using OpenClaw.Desired.Reporting;

namespace OpenClaw.Desired.Loop;

/// <summary>One tick's final report (the apply's when it applied, else the plan's) and what was decided.</summary>
public sealed record TickResult(RunReport Report, SecretRedactor Redactor, TickDecision Decision, LoopStatus Status);

/// <summary>
/// Keeps a host converged: each tick fetches and plans, applies only on drift or a new revision, writes the
/// report and status.json; waits the (jittered) interval, backing off after failures. A stop request ends
/// the wait at once, or ends the tick after the change being applied; either way the loop returns 0.
/// </summary>
public sealed class ConvergeLoop(ReconcileRun run, LoopOptions options, TimeProvider clock, Random random, SdNotify? notify = null)
{
    private readonly string _stateDir = options.Run.ResolveStateDir(new HostRoot(options.Run.Root));

    /// <summary>Called after each tick with its result (the CLI prints a line).</summary>
    public Action<TickResult>? OnTick { get; init; }

    /// <summary>Health checks, alerts and metrics between and after ticks; null runs none.</summary>
    public LoopMonitor? Monitor { get; init; }

    /// <summary>Where the loop's alerts go: the score falling below its target, files changed outside the reconciler.</summary>
    public Incidents.IIncidentNotifier Notifier { get; init; } = Incidents.NullIncidentNotifier.Instance;

    public async Task<int> RunAsync(CancellationToken stop)
    {
        var status = StatusFile.Read(_stateDir);
        notify?.Send("READY=1");
        try
        {
            while (!stop.IsCancellationRequested)
            {
                TickResult tick;
                var took = System.Diagnostics.Stopwatch.StartNew();
                try
                {
                    tick = await TickAsync(status, stop);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    break;
                }

                var delay = LoopSchedule.Next(options, tick.Status.ConsecutiveFailures, random);
                status = tick.Status with { NextRun = options.Once ? null : clock.GetUtcNow() + delay };
                StatusFile.Write(_stateDir, status);
                OnTick?.Invoke(tick with { Status = status });
                notify?.Send($"STATUS={tick.Decision.Why}; {tick.Report.Result}");
                if (Monitor is not null)
                {
                    try
                    {
                        await Monitor.AfterTickAsync(tick with { Status = status }, took.Elapsed, stop);
                    }
                    catch (OperationCanceledException) when (stop.IsCancellationRequested)
                    {
                        break;
                    }
                }

                if (options.Once)
                {
                    return tick.Report.ExitCode;
                }

                await WaitAsync(delay, stop);
            }
        }
        finally
        {
            notify?.Send("STOPPING=1");
        }

        if (status is not null)
        {
            // Stopped: no next run is planned any more.
            StatusFile.Write(_stateDir, status with { NextRun = null });
        }

        return ExitCodes.Ok;
    }

    /// <summary>Plan, decide, maybe apply, and record. Public for the benchmark, which times idle ticks.</summary>
    public async Task<TickResult> TickAsync(LoopStatus? previous, CancellationToken stop)
    {
        var suspended = SuspendFile.Active(_stateDir, clock.GetUtcNow());
        var (report, redactor) = await GuardedAsync(options.Run with { DryRun = true }, stop);
        var decision = TickDecision.For(report, previous, options.DetectOnly, suspended is not null);
        if (decision.Apply)
        {
            (report, redactor) = await GuardedAsync(options.Run with { DryRun = false }, stop);
        }

        StatusFile.WriteReport(_stateDir, report, redactor);
        await LoopAlerts.SendAsync(Notifier, LoopAlerts.For(report, previous, clock.GetUtcNow()), redactor, stop);
        return new TickResult(report, redactor, decision, Next(previous, report, decision, suspended) with { Score = report.Score?.Overall ?? previous?.Score, Drift = LoopAlerts.Drift(report) });
    }

    /// <summary>A run that throws becomes a failed tick with the error in its report: the loop carries on and backs off.</summary>
    private async Task<(RunReport Report, SecretRedactor Redactor)> GuardedAsync(RunOptions runOptions, CancellationToken stop)
    {
        try
        {
            return await run.RunAsync(runOptions, null, stop);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stop.IsCancellationRequested)
        {
            var report = new RunReport
            {
                RunId = Safety.StateDirectory.NewRunId(clock),
                Mode = runOptions.DryRun ? "dry-run" : "apply",
                ToolVersion = ToolInfo.Version,
                StartedAt = clock.GetUtcNow(),
                FinishedAt = clock.GetUtcNow(),
                Result = "error",
                ExitCode = ExitCodes.Error,
                Host = new HostInfo(runOptions.Root, null, _stateDir),
                Diagnostics = [$"error: {UserMessage.Of(e)}"],
            };
            return (report, new SecretRedactor());
        }
    }

    private LoopStatus Next(LoopStatus? previous, RunReport report, TickDecision decision, Loop.SuspendRecord? suspended)
    {
        var refused = decision.Apply && report.Result == "refused";
        // A stalled change waits for a human; it is reported, and neither retried nor counted as a failure.
        var stalledIds = report.Changes.Where(c => c.Outcome == "stalled").Select(c => $"{c.Kind}/{c.Resource}").ToHashSet(StringComparer.Ordinal);
        var failed = !refused && (report.ExitCode == ExitCodes.Error
            || report.Changes.Any(c => c.Outcome == "failed")
            || report.NotConverged.Any(c => !stalledIds.Contains($"{c.Kind}/{c.Resource}")));
        var applied = decision.Apply && report.Mode == "apply" && !refused && report.ExitCode != ExitCodes.Error;
        var stalled = applied
            ? [.. decision.Stalled, .. report.Changes.Where(c => c.Outcome == "stalled").Select(c => new StalledChange($"{c.Kind}/{c.Resource}", c.After, decision.Revision!, clock.GetUtcNow(), c.Message))]
            : decision.Stalled;
        return new LoopStatus
        {
            LastRun = report.StartedAt,
            RunId = report.RunId,
            Result = suspended is not null ? $"suspended ({report.Result})" : report.Result,
            ExitCode = report.ExitCode,
            Mode = suspended is not null ? "suspended" : options.DetectOnly ? "detect-only" : "apply",
            Applied = applied,
            Revision = decision.Revision,
            Commit = report.Posture?.Source?.Commit,
            Stale = report.Posture?.Source?.Stale ?? false,
            AppliedRevision = applied ? decision.Revision : previous?.AppliedRevision,
            RefusedRevision = refused ? decision.Revision : previous?.RefusedRevision == decision.Revision ? previous?.RefusedRevision : null,
            ConsecutiveFailures = failed ? (previous?.ConsecutiveFailures ?? 0) + 1 : 0,
            Suspended = suspended,
            Stalled = stalled,
            Pid = Environment.ProcessId,
        };
    }

    /// <summary>Sleeps until the next tick; pings systemd's watchdog on the way when it watches.</summary>
    private async Task WaitAsync(TimeSpan delay, CancellationToken stop)
    {
        var until = clock.GetUtcNow() + delay;
        try
        {
            while (clock.GetUtcNow() < until)
            {
                var slice = until - clock.GetUtcNow();
                if (notify?.Watchdog is { } watchdog && watchdog < slice)
                {
                    slice = watchdog;
                }

                if (Monitor?.NextDue is { } due && due - clock.GetUtcNow() < slice)
                {
                    slice = due - clock.GetUtcNow();
                }

                await Task.Delay(slice > TimeSpan.Zero ? slice : TimeSpan.Zero, clock, stop);
                notify?.Send("WATCHDOG=1");
                if (Monitor is not null)
                {
                    await Monitor.RunIfDueAsync(stop);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Asked to stop while waiting: nothing is in progress, so simply return.
        }
    }
}
