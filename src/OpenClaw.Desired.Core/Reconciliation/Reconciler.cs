using System.Diagnostics;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Safety;

namespace OpenClaw.Desired.Reconciliation;

/// <summary>A change and how applying it ended.</summary>
public sealed record AppliedChange(PlannedChange Change, ChangeOutcome Outcome, TimeSpan Took);

/// <summary>
/// The engine: probes every kind concurrently, orders the plan, applies change by change in kind order
/// (one failure never stops the others), then probes again to see what did not converge.
/// </summary>
public sealed class Reconciler(IReadOnlyList<IResourceKind> kinds)
{
    public IReadOnlyList<IResourceKind> Kinds { get; } = kinds.OrderBy(k => k.ApplyOrder).ThenBy(k => k.Kind, StringComparer.Ordinal).ToList();

    /// <summary>
    /// How long each kind's probe and diff took in the last plan, for the report's timings: measured on the
    /// kind's own thread from the moment it starts, so no kind is charged for waiting on another.
    /// </summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, double> ProbeTimings { get; } = new(StringComparer.Ordinal);

    public async Task<Plan> PlanAsync(EffectivePosture posture, HostContext host, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var active = Kinds.Where(k => k.AppliesTo(posture)).ToList();
        // Each kind probes on a thread of its own: probes read files synchronously, and a blocked
        // thread-pool thread would stall every other kind's continuations behind it.
        var tasks = active.Select(async kind =>
        {
            var (plan, took) = await OwnThread.RunAsync($"probe {kind.Kind}", () => kind.PlanAsync(posture, host, cancellationToken));
            ProbeTimings[kind.Kind] = took.TotalMilliseconds;
            progress?.Report($"probed {kind.Kind}");
            return plan;
        });
        var plans = await Task.WhenAll(tasks);
        return new Plan(plans.ToValueList());
    }

    public async Task<IReadOnlyList<AppliedChange>> ApplyAsync(Plan plan, ApplyContext context, RunJournal journal, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var results = new List<AppliedChange>();
        var byKind = Kinds.ToDictionary(k => k.Kind, StringComparer.Ordinal);
        foreach (var change in plan.Automatic)
        {
            // Stopping between steps, never inside one: a cancelled run finishes the change it started.
            if (cancellationToken.IsCancellationRequested)
            {
                results.Add(new AppliedChange(change, ChangeOutcome.Skipped(change, "run was stopped before this change"), TimeSpan.Zero));
                continue;
            }

            var watch = Stopwatch.StartNew();
            ChangeOutcome outcome;
            try
            {
                outcome = await byKind[change.Kind].ApplyAsync(change, context, CancellationToken.None);
            }
            catch (Exception e)
            {
                outcome = ChangeOutcome.Failed(change, context.Host.Redactor.Redact($"{e.GetType().Name}: {e.Message}"));
            }

            journal.Append(new JournalEntry { Event = JournalEvents.ChangeDone, ChangeId = change.Id, Detail = outcome.Status.ToString() });
            results.Add(new AppliedChange(change, outcome, watch.Elapsed));
            progress?.Report($"{outcome.Status.ToString().ToLowerInvariant()} {change.Id}");
        }

        return results;
    }
}
