using OpenClaw.Desired.Host;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Reconciliation;

namespace OpenClaw.Desired.Tests.Loop;

/// <summary>
/// A resource kind for loop tests whose one change always stalls (as a change that needs a human does),
/// so the loop's handling of stalls can be watched through the real engine. Counts apply attempts.
/// </summary>
internal sealed class StallingTestKind : IResourceKind
{
    private int _applies;

    public string Kind => "stalling";

    public int ApplyOrder => 100;

    public int Applies => _applies;

    public bool AppliesTo(EffectivePosture posture) => true;

    public Task<KindPlan> PlanAsync(EffectivePosture posture, HostContext host, CancellationToken cancellationToken) =>
        Task.FromResult(KindPlan.Of(Kind, [new PlannedChange(Kind, "thing", ChangeAction.Update, "needs a human to finish", "old", "new", PostureEffect.Neutral)]));

    public Task<ChangeOutcome> ApplyAsync(PlannedChange change, ApplyContext context, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _applies);
        return Task.FromResult(ChangeOutcome.Stalled(change, "the vendor console must confirm this"));
    }
}
