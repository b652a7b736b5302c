using System.Diagnostics;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Redaction;
using OpenClaw.Desired.Reporting;
using OpenClaw.Desired.Safety;

namespace OpenClaw.Desired.Reconciliation;

/// <summary>
/// <c>rollback [RUN]</c>: restores the files of an applying run (the newest one by default) byte for byte,
/// under the lock and with its own journal and backups.
/// </summary>
public sealed class RollbackRun(TimeProvider clock, ICommandRunner? commands = null)
{
    public async Task<(RunReport Report, SecretRedactor Redactor)> RunAsync(string rootPath, string stateDirPath, string? targetRunId, TimeSpan lockTimeout, CancellationToken cancellationToken, bool force = false)
    {
        var total = Stopwatch.StartNew();
        var root = new HostRoot(rootPath);
        var state = new StateDirectory(stateDirPath);
        var runId = StateDirectory.NewRunId(clock);
        var redactor = new SecretRedactor(FingerprintKey.Load(state, create: false));
        var report = new RunReport
        {
            RunId = runId,
            Mode = "rollback",
            ToolVersion = ToolInfo.Version,
            StartedAt = clock.GetUtcNow(),
            Result = "error",
            ExitCode = ExitCodes.Error,
            Host = new HostInfo(root.Root, null, state.Path),
        };

        var target = targetRunId ?? LatestApplyRun(state);
        if (target is null || !Directory.Exists(state.RunPath(target)))
        {
            var what = target is null ? "no applying run with changed files" : $"no run {target}";
            return (Done(report with { Diagnostics = [$"{what} in {state.Path}"] }), redactor);
        }

        RunLock runLock;
        try
        {
            runLock = await RunLock.AcquireAsync(state.Path, runId, lockTimeout, clock, cancellationToken);
        }
        catch (LockHeldException e)
        {
            return (Done(report with { Diagnostics = [e.Message] }), redactor);
        }

        using (runLock)
        {
            // Ids are taken under the lock, so their order is the order in which runs changed the host.
            runId = StateDirectory.NewRunId(clock);
            runLock.SetOwner(runId);
            report = report with { RunId = runId };
            var runDirectory = state.CreateRun(runId);
            using var journal = RunJournal.Create(runDirectory, clock);
            journal.Append(new JournalEntry { Event = JournalEvents.RunStart, Detail = $"rollback {target}" });
            try
            {
                var opener = commands is null ? null : new Secrets.GpgBackupSealer(commands, recipient: null);
                var restored = Rollback.Restore(root, state, target, new FileChanger(root, state, runId, journal), opener, force);
                Integrity.IntegrityBaseline.Refresh(new Host.Fs.HostFs(root), state, runId, clock);
                report = report with
                {
                    Result = "rolled-back",
                    ExitCode = ExitCodes.Ok,
                    Restored = restored.Select(r => new RestoredReport(r.Path, r.Action)).ToList(),
                    Diagnostics = [$"rolled back run {target}"],
                };
                journal.Append(new JournalEntry { Event = JournalEvents.RunEnd, Detail = report.Result });
            }
            catch (RollbackConflictException e)
            {
                // Found before any change: nothing on the host moved.
                report = report with
                {
                    Diagnostics = [redactor.Redact($"rollback of {target} refused: {e.Message}"), .. e.Conflicts.Select(c => $"{c.Path}: {c.Why}")],
                    ExitCode = ExitCodes.Error,
                    Result = "refused",
                };
                journal.Append(new JournalEntry { Event = JournalEvents.RunEnd, Detail = report.Result });
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException)
            {
                report = report with { Diagnostics = [redactor.Redact($"rollback of {target} failed: {UserMessage.Of(e)}")], ExitCode = ExitCodes.FailedOrUnknown, Result = "failed" };
            }
            finally
            {
                report = Done(report);
                ReportWriter.WriteJsonFile(Path.Combine(runDirectory, "report.json"), report, redactor);
            }
        }

        return (report, redactor);

        RunReport Done(RunReport r) => r with { FinishedAt = clock.GetUtcNow(), Timings = r.Timings with { TotalMs = total.Elapsed.TotalMilliseconds } };
    }

    /// <summary>The newest run that changed files and was not itself a rollback.</summary>
    public static string? LatestApplyRun(StateDirectory state) =>
        state.RunIds().Reverse().FirstOrDefault(id =>
        {
            var entries = RunJournal.Read(Path.Combine(state.RunPath(id), RunJournal.FileName));
            return entries.Any(e => e.Event is JournalEvents.Backup or JournalEvents.ModeChange)
                && entries.FirstOrDefault(e => e.Event == JournalEvents.RunStart)?.Detail?.StartsWith("apply", StringComparison.Ordinal) == true;
        });
}
