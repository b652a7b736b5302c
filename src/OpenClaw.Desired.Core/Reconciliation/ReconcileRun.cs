using System.Diagnostics;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Redaction;
using OpenClaw.Desired.Reporting;
using OpenClaw.Desired.Safety;
using OpenClaw.Desired.Source;

namespace OpenClaw.Desired.Reconciliation;

/// <summary>
/// One reconcile: load the posture, plan, and (unless dry run) lock, journal, apply, verify. The report is
/// always produced, also when the run fails, and a dry run writes nothing on the host.
/// </summary>
public sealed class ReconcileRun(IReadOnlyList<IResourceKind> kinds, ICommandRunner commands, TimeProvider clock, HttpClient http, Func<string, string?>? environment = null)
{
    private readonly PostureSources _sources = new(commands, clock, environment ?? Environment.GetEnvironmentVariable);

    /// <summary>The posture the last run loaded (null until one loaded): the loop's health checks read their settings from it.</summary>
    public EffectivePosture? LastPosture { get; private set; }

    public async Task<(RunReport Report, SecretRedactor Redactor)> RunAsync(RunOptions options, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        var started = clock.GetUtcNow();
        var root = new HostRoot(options.Root);
        var state = new StateDirectory(options.ResolveStateDir(root));
        var runId = StateDirectory.NewRunId(clock);
        var redactor = new SecretRedactor(FingerprintKey.Load(state, create: !options.DryRun));
        var report = new RunReport
        {
            RunId = runId,
            Mode = options.DryRun ? "dry-run" : "apply",
            ToolVersion = ToolInfo.Version,
            StartedAt = started,
            Result = "error",
            ExitCode = ExitCodes.Error,
            Host = new HostInfo(root.Root, null, options.DryRun ? null : state.Path),
        };

        var load = Stopwatch.StartNew();
        var resolved = await _sources.LoadAsync(options, root, state.Path, redactor, cancellationToken);
        var loaded = resolved.Loaded;
        load.Stop();
        report = report with { Diagnostics = [.. loaded.Diagnostics.Select(d => d.ToString()), .. resolved.Notes], Timings = new Timings { LoadMs = load.Elapsed.TotalMilliseconds } };
        if (!loaded.Succeeded && !options.DryRun && resolved.ApplyBlocker is { } unread)
        {
            // A commit that failed verification was not even parsed: say why, with where it came from.
            var refused = PostureSources.Refuse(report, resolved, unread);
            return (Finish(refused with { Diagnostics = [.. resolved.Notes, refused.Diagnostics[^1]], Posture = new PostureInfo(resolved.Path, string.Empty, string.Empty, resolved.Source) }, total, clock), redactor);
        }

        if (!loaded.Succeeded)
        {
            return (Finish(report, total, clock), redactor);
        }

        var posture = loaded.Posture!;
        LastPosture = posture;
        foreach (var secret in posture.LiteralSecrets)
        {
            redactor.Add(secret);
        }

        var host = new HostContext(root, commands, clock, http, redactor) { StateDir = state.Path, PosturePath = Path.GetFullPath(options.PosturePath), DryRun = options.DryRun };
        var paths = host.PathsFor(posture);
        report = report with
        {
            Posture = new PostureInfo(resolved.Path, posture.Digest, TierPolicy.Name(posture.Tier), resolved.Source) { Sections = posture.Sections },
            Host = report.Host with { OpenClawUser = paths.User },
        };

        var reconciler = new Reconciler(kinds);
        (report, var lockedDown) = Incidents.LockdownGuard.Check(report, state, options.DryRun);
        if (lockedDown)
        {
            return (Finish(report, total, clock), redactor);
        }

        if (options.DryRun)
        {
            var planWatch = Stopwatch.StartNew();
            var plan = await reconciler.PlanAsync(posture, host, progress, cancellationToken);
            report = ReportBuilder.WithPlan(report, plan) with { Timings = report.Timings with { PlanMs = planWatch.Elapsed.TotalMilliseconds, Kinds = reconciler.ProbeTimings.OrderBy(k => k.Key, StringComparer.Ordinal).ToDictionary(k => k.Key, k => Math.Round(k.Value, 1)) } };
            var scored = await Scoring.ScoreStep.DryRunAsync(ReportBuilder.DryRunResult(report, plan), plan, posture, host, state, cancellationToken);
            return (Finish(PostureSources.FlagDryRun(scored, resolved), total, clock), redactor);
        }

        if (resolved.ApplyBlocker is { } blocker)
        {
            return (Finish(PostureSources.Refuse(report, resolved, blocker), total, clock), redactor);
        }

        Plan? shown = null;
        if (options.Confirm is { } confirm)
        {
            // Plan first, ask, and apply only a plan equal to the one that was shown.
            var preview = await reconciler.PlanAsync(posture, new HostContext(root, commands, clock, http, redactor) { StateDir = state.Path, PosturePath = host.PosturePath, DryRun = true }, progress, cancellationToken);
            if (preview.Automatic.Any())
            {
                var shownReport = Finish(ReportBuilder.DryRunResult(ReportBuilder.WithPlan(report, preview), preview) with { Mode = "dry-run" }, total, clock);
                if (!await confirm(shownReport, redactor, cancellationToken))
                {
                    return (Finish(shownReport with { Mode = "apply", Result = "declined", ExitCode = ExitCodes.Error, Diagnostics = [.. shownReport.Diagnostics, "not applied: the plan was not confirmed; nothing was changed"] }, total, clock), redactor);
                }

                shown = preview;
            }
        }

        RunLock runLock;
        try
        {
            runLock = await RunLock.AcquireAsync(state.Path, runId, options.LockTimeout, clock, cancellationToken);
        }
        catch (LockHeldException e)
        {
            return (Finish(report with { Diagnostics = [.. report.Diagnostics, e.Message] }, total, clock), redactor);
        }

        using (runLock)
        {
            // Ids are taken under the lock, so their order is the order in which runs changed the host.
            runId = StateDirectory.NewRunId(clock);
            runLock.SetOwner(runId);
            report = report with { RunId = runId };
            report = report with { StaleLock = runLock.StaleHolder, Interrupted = InterruptedRuns.Find(root, state) };
            // The state dir must take the journal and the backups before the host changes at all: a read-only or
            // full state dir is named as such, and the run stops here with nothing changed.
            string runDirectory;
            RunJournal journal;
            try
            {
                runDirectory = state.CreateRun(runId);
                StateSpace.Check(state.Path);
                journal = RunJournal.Create(runDirectory, clock);
                journal.Append(new JournalEntry { Event = JournalEvents.RunStart, Detail = $"apply {posture.Digest}" });
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return (Finish(report with { Diagnostics = [.. report.Diagnostics, StateSpace.Describe(state.Path, e)] }, total, clock), redactor);
            }

            using (journal)
            {
                var recovered = InterruptedRuns.Recover(host.Fs, state, runId, clock);
                report = report with { Diagnostics = [.. report.Diagnostics, .. recovered] };
                try
                {
                    var planWatch = Stopwatch.StartNew();
                    var plan = await reconciler.PlanAsync(posture, host, progress, cancellationToken);
                    planWatch.Stop();
                    report = ReportBuilder.WithPlan(report, plan);
                    if (shown is not null && !SamePlan(shown, plan))
                    {
                        report = report with
                        {
                            Result = "refused",
                            ExitCode = ExitCodes.Error,
                            Diagnostics = [.. report.Diagnostics, "not applied: the host changed after the plan was shown, so the plan confirmed is not the plan now; nothing was changed, run again"],
                        };
                    }
                    else
                    {
                        var files = new FileChanger(root, state, runId, journal, host.Fs) { Sealer = Secrets.GpgBackupSealer.For(posture, commands) };
                        var scoreBefore = await Scoring.ScoreStep.BeforeAsync(plan, posture, host, state, runId, cancellationToken);
                        var applyWatch = Stopwatch.StartNew();
                        var applied = await reconciler.ApplyAsync(plan, new ApplyContext(host, files, posture), journal, progress, cancellationToken);
                        applyWatch.Stop();
                        var recorded = Integrity.IntegrityStep.Record(host, state, posture, runId);
                        var verifyWatch = Stopwatch.StartNew();
                        var after = await reconciler.PlanAsync(posture, host, progress, CancellationToken.None);
                        verifyWatch.Stop();
                        report = ReportBuilder.WithApply(report, applied, after) with
                        {
                            Score = await Scoring.ScoreStep.AppliedAsync(after, scoreBefore, posture, host, state, runId, CancellationToken.None),
                            Connections = after.Kinds.Select(k => k.Connections).FirstOrDefault(c => c is not null) ?? report.Connections,
                            Diagnostics = [.. report.Diagnostics, .. recorded],
                            Timings = report.Timings with
                            {
                                PlanMs = planWatch.Elapsed.TotalMilliseconds,
                                Kinds = reconciler.ProbeTimings.OrderBy(k => k.Key, StringComparer.Ordinal).ToDictionary(k => k.Key, k => Math.Round(k.Value, 1)),
                                ApplyMs = applyWatch.Elapsed.TotalMilliseconds,
                                VerifyMs = verifyWatch.Elapsed.TotalMilliseconds,
                            },
                        };
                        resolved.RecordApplied(runId, clock.GetUtcNow());
                        var pruned = HistoryPruner.Prune(state, HistorySettings.From(posture.Document.History), runId, clock);
                        report = report with { Diagnostics = [.. report.Diagnostics, .. pruned] };
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Exit 1 promises that nothing changed; after the lock the host may have, so a failure here is 3,
                    // with a report and a closed journal.
                    report = report with
                    {
                        Result = "failed",
                        ExitCode = ExitCodes.FailedOrUnknown,
                        Diagnostics = [.. report.Diagnostics, redactor.Redact($"the run stopped: {e.Message}")],
                    };
                }
                finally
                {
                    report = Finish(report, total, clock);
                    Quietly(() => journal.Append(new JournalEntry { Event = JournalEvents.RunEnd, Detail = report.Result }));
                    Quietly(() => ReportWriter.WriteJsonFile(Path.Combine(runDirectory, "report.json"), report, redactor));
                }
            }
        }

        return (report, redactor);
    }

    /// <summary>Best effort on a full or broken state dir: the report still reaches the terminal.</summary>
    private static void Quietly(Action write)
    {
        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>The same automatic changes, to the same values: what was confirmed is what would be applied.</summary>
    private static bool SamePlan(Plan shown, Plan now) =>
        shown.Automatic.Select(c => (c.Id, c.Action, c.Before, c.After)).SequenceEqual(now.Automatic.Select(c => (c.Id, c.Action, c.Before, c.After)));

    private static RunReport Finish(RunReport report, Stopwatch total, TimeProvider clock) =>
        report with { FinishedAt = clock.GetUtcNow(), Timings = report.Timings with { TotalMs = total.Elapsed.TotalMilliseconds } };
}
