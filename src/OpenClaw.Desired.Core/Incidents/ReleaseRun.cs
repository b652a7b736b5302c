using System.Diagnostics;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Integrity;
using OpenClaw.Desired.Loop;
using OpenClaw.Desired.Reconciliation;
using OpenClaw.Desired.Redaction;
using OpenClaw.Desired.Reporting;
using OpenClaw.Desired.Safety;

namespace OpenClaw.Desired.Incidents;

/// <summary>
/// <c>lockdown --release</c>: puts back what the lockdown changed and nothing else. The air-gap table goes; every file
/// the lockdown's runs changed is restored from their journals as a rollback would, except a path changed since (it is
/// kept as the operator left it, and said so); the units it stopped start again (a bare process is named, to be started
/// by hand); the loop's suspension it wrote ends. Secrets stay suspected until rotated, unless asked otherwise.
/// </summary>
public sealed class ReleaseRun(ICommandRunner commands, TimeProvider clock, HttpClient http, Func<Posture.EffectivePosture?, HostContext, IIncidentNotifier> notifiers)
{
    public async Task<(RunReport Report, SecretRedactor Redactor)> RunAsync(LockdownOptions options, CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        var root = new HostRoot(options.Run.Root);
        var state = new StateDirectory(options.Run.ResolveStateDir(root));
        var redactor = new SecretRedactor(FingerprintKey.Load(state, create: false));
        var report = LockdownRun.Empty(StateDirectory.NewRunId(clock), root, state, "release");
        RunReport Done(RunReport r) => r with { FinishedAt = clock.GetUtcNow(), Timings = r.Timings with { TotalMs = total.Elapsed.TotalMilliseconds } };
        var host = new HostContext(root, commands, clock, http, redactor) { StateDir = state.Path };

        RunLock runLock;
        try
        {
            runLock = await RunLock.AcquireAsync(state.Path, report.RunId, options.Run.LockTimeout, clock, cancellationToken);
        }
        catch (LockHeldException e)
        {
            return (Done(report with { Diagnostics = [e.Message, "nothing was changed"] }), redactor);
        }

        using (runLock)
        {
            if (LockdownRecord.Active(state) is not { } record)
            {
                return (Done(report with { Result = "in-sync", ExitCode = ExitCodes.Ok, Diagnostics = ["this host is not locked down; nothing to release"] }), redactor);
            }

            foreach (var value in record.Stopped.SelectMany(s => CommandLineSecrets.Of(s.CommandLine)))
            {
                redactor.Add(value);
            }

            var runId = StateDirectory.NewRunId(clock);
            runLock.SetOwner(runId);
            report = report with { RunId = runId };
            var runDirectory = state.CreateRun(runId);
            using var journal = RunJournal.Create(runDirectory, clock);
            journal.Append(new JournalEntry { Event = JournalEvents.RunStart, Detail = $"release {record.Id}" });
            var changes = new List<ChangeReport>();
            var restored = new List<RestoredReport>();
            var diagnostics = new List<string>(InterruptedRuns.Recover(host.Fs, state, runId, clock));
            try
            {
                await ReleaseNetworkAsync(host, record, changes, cancellationToken);
                var changer = new FileChanger(root, state, runId, journal, host.Fs);
                var opener = new Secrets.GpgBackupSealer(commands, recipient: null);
                foreach (var run in record.Runs.Reverse())
                {
                    restored.AddRange(Rollback.Restore(root, state, run, changer, opener, keepLaterChanges: true).Select(r => new RestoredReport(r.Path, r.Action)));
                }

                await RestartAsync(host, record, changes, cancellationToken);
                ReleaseSecrets(options, record, state, changes);
                ReleaseLoop(record, state, changes);
                IntegrityBaseline.Refresh(host.Fs, state, runId, clock);
                record.Archive(state, clock.GetUtcNow());
                diagnostics.Add($"released lockdown {record.Id} ({record.Reason}); the evidence stays in {record.Evidence ?? "(none sealed)"}");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                diagnostics.Add(redactor.Redact($"the release stopped: {UserMessage.Of(e)}; the host stays locked down (lockdown.json is kept): fix the cause and release again"));
            }
            finally
            {
                var failed = changes.Count(c => c.Outcome == "failed") + (diagnostics.Any(d => d.StartsWith("the release stopped", StringComparison.Ordinal)) ? 1 : 0);
                report = Done(report with
                {
                    Result = failed > 0 ? "failed" : "released",
                    ExitCode = failed > 0 ? ExitCodes.FailedOrUnknown : ExitCodes.Ok,
                    Changes = changes,
                    Restored = restored,
                    Diagnostics = [.. diagnostics],
                    Summary = new ReportSummary { Changes = changes.Count, Loosens = changes.Count(c => c.Effect == "loosens"), Manual = changes.Count(c => c.Action == "manual"), Applied = changes.Count(c => c.Outcome == "applied"), Failed = failed },
                });
                LockdownRun.Quietly(() => journal.Append(new JournalEntry { Event = JournalEvents.RunEnd, Detail = report.Result }));
                LockdownRun.Quietly(() => ReportWriter.WriteJsonFile(Path.Combine(runDirectory, "report.json"), report, redactor));
            }

            try
            {
                var posture = File.Exists(options.Run.PosturePath) ? Posture.PostureLoader.LoadFile(options.Run.PosturePath).Posture : null;
                await notifiers(posture, host).NotifyAsync(new IncidentAlert(IncidentKind.LockdownReleased, "warning", redactor.Redact($"lockdown released: {record.Reason}"), [$"result: {report.Result}", .. changes.Select(c => redactor.Redact($"{c.Resource}: {c.After}"))], clock.GetUtcNow()), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The release is done whether or not the alert left.
            }
        }

        return (report, redactor);
    }

    private static async Task ReleaseNetworkAsync(HostContext host, LockdownRecord record, List<ChangeReport> changes, CancellationToken cancellationToken)
    {
        // The table is the lockdown's own: removed whenever it is there, also after a lockdown killed before it said so.
        if (record.FirewallSkipped is not null || await AirGap.ListAsync(host, record.Netns, cancellationToken) is null)
        {
            return;
        }

        var problem = await AirGap.RemoveAsync(host, record.Netns, cancellationToken);
        changes.Add(Change("network", "remove", "the air gap ends; the owned table and the operator's own tables were never touched", $"table {AirGap.Qualified}", "removed", problem is null ? "applied" : "failed", problem));
    }

    private static async Task RestartAsync(HostContext host, LockdownRecord record, List<ChangeReport> changes, CancellationToken cancellationToken)
    {
        foreach (var service in record.Stopped)
        {
            if (service.Kind == "unit")
            {
                var problem = await GatewayControl.StartAsync(host, service, cancellationToken);
                changes.Add(Change($"gateway/{service.Name}", "update", "started again as it was", "stopped", service.WasEnabled ? "enabled and started" : "started", problem is null ? "applied" : "failed", problem));
            }
            else
            {
                changes.Add(Change($"gateway/pid {service.Pid}", "manual", "a bare process cannot be brought back as it was; start it again by hand, the way it was started", "stopped",
                    $"{service.CommandLine} (as uid {service.Uid}, in {service.Cwd ?? "?"})", null, null));
            }
        }
    }

    private static void ReleaseSecrets(LockdownOptions options, LockdownRecord record, StateDirectory state, List<ChangeReport> changes)
    {
        if (record.Suspected.Count == 0)
        {
            return;
        }

        if (options.ClearSuspected)
        {
            var cleared = LockdownSecrets.Unmark(record.Suspected, state, record.Id);
            changes.Add(Change("secrets", "update", "--clear-suspected: the rotation records are as they were before the lockdown (a false alarm)", "suspected", string.Join(", ", cleared), "applied", null) with { Effect = "loosens" });
        }
        else
        {
            changes.Add(Change("secrets", "manual", "they stay suspected until rotated: `openclaw-desired secrets rotated NAME` after each rotation (or release with --clear-suspected after a false alarm)",
                "suspected", string.Join(", ", record.Suspected.Select(s => s.Name)), null, null));
        }
    }

    private void ReleaseLoop(LockdownRecord record, StateDirectory state, List<ChangeReport> changes)
    {
        if (record.Suspension is not { } written || SuspendFile.Read(state.Path) is not { } now || now.Reason != written.Reason)
        {
            return;
        }

        if (record.SuspensionBefore is { } before && (before.Until is null || before.Until > clock.GetUtcNow()))
        {
            SuspendFile.Write(state.Path, before);
            changes.Add(Change("loop", "update", "the suspension in force before the lockdown is back", "suspended by the lockdown", $"suspended: {before.Reason}", "applied", null));
        }
        else
        {
            SuspendFile.Remove(state.Path);
            changes.Add(Change("loop", "update", "the loop applies again", "suspended by the lockdown", "applying", "applied", null));
        }
    }

    private static ChangeReport Change(string resource, string action, string reason, string? before, string? after, string? outcome, string? message) =>
        new(LockdownRun.Kind, resource, action, reason, before, after, "neutral", outcome, message);
}
