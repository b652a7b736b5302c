using OpenClaw.Desired.Host;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Safety;

namespace OpenClaw.Desired.Reconciliation;

/// <summary>What apply may use: the host, and the one way to change files (backed up, journalled, atomic).</summary>
public sealed record ApplyContext(HostContext Host, FileChanger Files, EffectivePosture Posture);

/// <summary>
/// A resource kind in the DSC manner: Get (probe), Test (diff, pure), Set (apply one change, idempotently).
/// The engine sees kinds only through this interface.
/// </summary>
public interface IResourceKind
{
    /// <summary>Name used in plans and reports, e.g. "models".</summary>
    string Kind { get; }

    /// <summary>Kinds apply in ascending order: secrets scrubbed first, offsite backups after every file change, network changes last.</summary>
    int ApplyOrder { get; }

    bool AppliesTo(EffectivePosture posture);

    /// <summary>Probe and diff. A probe that cannot see reports <see cref="UnknownState"/>, never "in sync".</summary>
    Task<KindPlan> PlanAsync(EffectivePosture posture, HostContext host, CancellationToken cancellationToken);

    Task<ChangeOutcome> ApplyAsync(PlannedChange change, ApplyContext context, CancellationToken cancellationToken);
}

/// <summary>Typed base: an observation type between probe and diff, so diff stays a pure function.</summary>
public abstract class ResourceKind<TObserved> : IResourceKind
{
    public abstract string Kind { get; }

    public abstract int ApplyOrder { get; }

    public virtual bool AppliesTo(EffectivePosture posture) => true;

    /// <summary>Get: what the host has now.</summary>
    public abstract Task<TObserved> ProbeAsync(EffectivePosture posture, HostContext host, CancellationToken cancellationToken);

    /// <summary>Test: the changes that would bring <paramref name="observed"/> to the posture. Pure.</summary>
    public abstract KindPlan Diff(EffectivePosture posture, TObserved observed);

    /// <summary>Set: carry out one change. Idempotent: applying an applied change changes nothing.</summary>
    public abstract Task<ChangeOutcome> ApplyAsync(PlannedChange change, ApplyContext context, CancellationToken cancellationToken);

    public async Task<KindPlan> PlanAsync(EffectivePosture posture, HostContext host, CancellationToken cancellationToken)
    {
        TObserved observed;
        try
        {
            observed = await ProbeAsync(posture, host, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return KindPlan.Of(Kind, [], [new UnknownState(Kind, "*", host.Redactor.Redact($"probe failed: {Reporting.UserMessage.Of(e)}"))]);
        }

        var plan = Diff(posture, observed);
        return plan with { Observations = Scoring.Observers.Observe(observed!, plan) };
    }
}
