using OpenClaw.Desired.Monitoring.Processes;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Reconciliation;
using OpenClaw.Desired.Safety;

namespace OpenClaw.Desired.Resources.Monitoring;

/// <summary>
/// Ends one orphaned headless browser: each of its processes is pinned, checked to be the same process of the
/// agent user that the plan saw, and signalled (SIGTERM, then SIGKILL after 5 s). Every signal is journalled.
/// </summary>
public static class BrowserReaper
{
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    public static async Task<ChangeOutcome> ApplyAsync(PlannedChange change, ReapBrowser reap, ApplyContext context, CancellationToken cancellationToken)
    {
        if (reap.Uid <= 0)
        {
            return ChangeOutcome.Stalled(change, "the agent user is root or unknown: processes of root are never ended");
        }

        var results = await ProcessSignals.EndAsync(context.Host.Fs, reap.Processes.Select(p => (p.Pid, p.StartTicks)).ToList(), reap.Uid, Grace, cancellationToken);
        foreach (var result in results)
        {
            context.Files.Record(JournalEvents.ProcessSignal, change.Id, $"pid {result.Pid} (uid {reap.Uid}): {result.Outcome}");
        }

        var ended = results.Count(r => r.Outcome.StartsWith("ended", StringComparison.Ordinal));
        var gone = results.Count(r => r.Outcome == "already gone");
        var refused = results.Where(r => r.Outcome.StartsWith("refused", StringComparison.Ordinal)).ToList();
        if (refused.Count > 0 && ended == 0)
        {
            return ended + gone == 0 && refused.All(r => r.Outcome.Contains("real root", StringComparison.Ordinal))
                ? ChangeOutcome.Stalled(change, refused[0].Outcome)
                : ChangeOutcome.Failed(change, string.Join("; ", refused.Select(r => $"pid {r.Pid}: {r.Outcome}")));
        }

        if (ended > 0)
        {
            try
            {
                new Desired.Monitoring.MonitoringState(context.Files.State.Path).Count(c => c with { BrowsersReaped = c.BrowsersReaped + 1 });
            }
            catch (IOException)
            {
                // The counter is for the metrics; the browser is ended either way.
            }
        }

        return ended == 0 ? ChangeOutcome.Skipped(change, "already gone") : ChangeOutcome.Applied(change, $"ended {ended} process(es) of the browser{(gone > 0 ? $", {gone} had already exited" : "")}");
    }
}
