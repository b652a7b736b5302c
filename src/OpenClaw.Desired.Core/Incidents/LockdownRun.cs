using System.Diagnostics;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Incidents.Evidence;
using OpenClaw.Desired.Integrity;
using OpenClaw.Desired.Loop;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Reconciliation;
using OpenClaw.Desired.Redaction;
using OpenClaw.Desired.Reporting;
using OpenClaw.Desired.Resources.Firewall;
using OpenClaw.Desired.Resources.Skills;
using OpenClaw.Desired.Safety;
using OpenClaw.Desired.Source;

namespace OpenClaw.Desired.Incidents;

/// <summary>
/// <c>lockdown --reason TEXT</c>: the emergency stop. Under the run lock and in a journalled run: seal the evidence first,
/// stop the gateway and its agents, cut the network (the air gap, at once), take out every skill off the allowlist,
/// mark every stored secret suspected, suspend the loop's applying, write HANDOFF.md, and alert. Idempotent: a second
/// lockdown checks each step and, when all hold, changes nothing at all. <see cref="ReleaseRun"/> undoes it.
/// </summary>
public sealed partial class LockdownRun(ICommandRunner commands, TimeProvider clock, HttpClient http, Func<EffectivePosture?, HostContext, IIncidentNotifier> notifiers, Func<string, string?>? environment = null)
{
    public const string Kind = "lockdown";
    private readonly PostureSources _sources = new(commands, clock, environment ?? Environment.GetEnvironmentVariable);

    public async Task<(RunReport Report, SecretRedactor Redactor)> RunAsync(LockdownOptions options, CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        var root = new HostRoot(options.Run.Root);
        var state = new StateDirectory(options.Run.ResolveStateDir(root));
        var redactor = new SecretRedactor(FingerprintKey.Load(state, create: true));
        var report = Empty(StateDirectory.NewRunId(clock), root, state, "lockdown");
        RunReport Done(RunReport r) => r with { FinishedAt = clock.GetUtcNow(), Timings = r.Timings with { TotalMs = total.Elapsed.TotalMilliseconds } };

        var resolved = await _sources.LoadAsync(options.Run with { DryRun = false }, root, state.Path, redactor, cancellationToken);
        if (!resolved.Loaded.Succeeded || resolved.ApplyBlocker is not null)
        {
            var why = resolved.ApplyBlocker ?? "the posture cannot be used";
            return (Done(report with { Diagnostics = [.. resolved.Loaded.Diagnostics.Select(d => d.ToString()), .. resolved.Notes, $"{resolved.Path}: {why}; lockdown needs the posture to know where OpenClaw lives: give a local copy with --posture (apiVersion, tier and openclaw.user are enough); nothing was changed"] }), redactor);
        }

        var posture = resolved.Loaded.Posture!;
        foreach (var secret in posture.LiteralSecrets)
        {
            redactor.Add(secret);
        }

        var host = new HostContext(root, commands, clock, http, redactor) { StateDir = state.Path, PosturePath = Path.GetFullPath(options.Run.PosturePath) };
        var paths = host.PathsFor(posture);
        report = report with { Posture = new PostureInfo(resolved.Path, posture.Digest, TierPolicy.Name(posture.Tier), resolved.Source), Host = report.Host with { OpenClawUser = paths.User } };

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
            var existing = LockdownRecord.Active(state);
            var steps = await CheckAsync(options, posture, host, state, existing, cancellationToken);
            if (existing is not null && steps.NothingToDo)
            {
                return (Done(report with
                {
                    Result = "in-sync",
                    ExitCode = ExitCodes.Ok,
                    Diagnostics = [$"already locked down since {existing.Since.UtcDateTime:yyyy-MM-dd HH:mm}Z by {existing.By} ({existing.Reason}); every step still holds, nothing was changed"],
                }), redactor);
            }

            var runId = StateDirectory.NewRunId(clock);
            runLock.SetOwner(runId);
            report = report with { RunId = runId };
            var runDirectory = state.CreateRun(runId);
            using var journal = RunJournal.Create(runDirectory, clock);
            journal.Append(new JournalEntry { Event = JournalEvents.RunStart, Detail = $"lockdown {existing?.Id ?? runId}" });
            var record = existing ?? new LockdownRecord(runId, options.Reason, clock.GetUtcNow(), options.By) { Netns = FirewallSettings.From(posture).Netns };
            record = record with { Runs = [.. record.Runs, runId] };
            var changes = new List<ChangeReport>();
            var diagnostics = new List<string>(InterruptedRuns.Recover(host.Fs, state, runId, clock));
            try
            {
                // Written before the first step: a lockdown killed half-way is still one, and release (or the next
                // lockdown) finds its runs.
                record.Save(state);
                var files = new FileChanger(root, state, runId, journal, host.Fs);
                record = await ApplyAsync(steps, record, posture, host, state, files, journal, runDirectory, changes, diagnostics, cancellationToken);
                record.Save(state);
                IntegrityBaseline.Refresh(host.Fs, state, runId, clock);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                diagnostics.Add(redactor.Redact($"the lockdown stopped: {UserMessage.Of(e)}"));
                Quietly(() => record.Save(state));
            }
            finally
            {
                var failed = changes.Count(c => c.Outcome == "failed") + (diagnostics.Any(d => d.StartsWith("the lockdown stopped", StringComparison.Ordinal)) ? 1 : 0);
                report = Done(report with
                {
                    Result = failed > 0 ? "failed" : "locked-down",
                    ExitCode = failed > 0 ? ExitCodes.FailedOrUnknown : ExitCodes.Ok,
                    Changes = changes,
                    Diagnostics = [.. diagnostics],
                    Summary = new ReportSummary { Changes = changes.Count, Tightens = changes.Count, Applied = changes.Count(c => c.Outcome == "applied"), Failed = failed },
                });
                Quietly(() => journal.Append(new JournalEntry { Event = JournalEvents.RunEnd, Detail = report.Result }));
                Quietly(() => ReportWriter.WriteJsonFile(Path.Combine(runDirectory, "report.json"), report, redactor));
            }

            await NotifyAsync(notifiers(posture, host), record, report, redactor, cancellationToken);
        }

        return (report, redactor);
    }

    internal static RunReport Empty(string runId, HostRoot root, StateDirectory state, string mode) => new()
    {
        RunId = runId,
        Mode = mode,
        ToolVersion = ToolInfo.Version,
        StartedAt = DateTimeOffset.UtcNow,
        Result = "error",
        ExitCode = ExitCodes.Error,
        Host = new HostInfo(root.Root, null, state.Path),
    };

    private async Task NotifyAsync(IIncidentNotifier notifier, LockdownRecord record, RunReport report, SecretRedactor redactor, CancellationToken cancellationToken)
    {
        var lines = new List<string> { $"reason: {record.Reason}", $"by {record.By} at {record.Since.UtcDateTime:yyyy-MM-dd HH:mm}Z", $"result: {report.Result}" };
        lines.AddRange(report.Changes.Select(c => $"{c.Resource}: {c.After} ({c.Outcome})"));
        if (record.EvidenceManifestSha256 is { } sha)
        {
            lines.Add($"evidence manifest sha256 {sha}");
        }

        try
        {
            await notifier.NotifyAsync(new IncidentAlert(IncidentKind.Lockdown, "critical", $"LOCKDOWN: {record.Reason}", lines.Select(redactor.Redact).ToList(), clock.GetUtcNow()), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The lockdown holds whether or not the alert left; its report says what was done.
        }
    }

    internal static void Quietly(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
