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
        // The kinds probe side by side and several walk and read the same folders (the workspace, every skill): while
        // they probe, each folder is listed once and each small file read once (see HostFs.Remember). Probes only read.
        using var remembered = host.Fs.Remember();
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
        var today = DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime);
        return Waivers.WaiverMatcher.Apply(new Plan(WithRefusals(plans, host).ToValueList()), posture.Waivers, today);
    }

    /// <summary>
    /// Every path the host filesystem refused while probing (a link the agent user planted, a FIFO where a file
    /// belongs, a hard link to someone else's file) is a finding of its own: it is what an attack looks like.
    /// </summary>
    private static IEnumerable<KindPlan> WithRefusals(IEnumerable<KindPlan> plans, HostContext host)
    {
        foreach (var plan in plans)
        {
            yield return plan;
        }

        var refused = host.Fs.Refused;
        if (refused.Count > 0)
        {
            yield return KindPlan.Of(HostKind, []) with
            {
                Findings = refused.Select(r => new Finding(HostKind, r.HostPath, r.Rule, "high", r.HostPath, r.Detail + " (never followed or opened)")).ToValueList(),
            };
        }
    }

    /// <summary>The name findings about the host's paths carry in plans and reports.</summary>
    public const string HostKind = "host";

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
                outcome = ChangeOutcome.Failed(change, context.Host.Redactor.Redact(Reporting.UserMessage.Of(e)));
            }

            journal.Append(new JournalEntry { Event = JournalEvents.ChangeDone, ChangeId = change.Id, Detail = outcome.Status.ToString() });
            results.Add(new AppliedChange(change, outcome, watch.Elapsed));
            progress?.Report($"{outcome.Status.ToString().ToLowerInvariant()} {change.Id}");
        }

        return results;
    }
}
