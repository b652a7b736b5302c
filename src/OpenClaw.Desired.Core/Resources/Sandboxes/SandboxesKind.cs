using OpenClaw.Desired.Host;
using OpenClaw.Desired.OpenClaw;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Reconciliation;

namespace OpenClaw.Desired.Resources.Sandboxes;

/// <summary>
/// Skill sandboxes on a real container engine (Docker.DotNet against Docker or Podman's compatible API):
/// one labelled container per skill, compared setting by setting and recreated when it differs; managed
/// containers of skills no longer listed removed; images built from a context or required; OpenClaw's own
/// sandbox config converged and its sandbox containers reported when weaker. Unlabelled containers are never touched.
/// </summary>
public sealed class SandboxesKind : ResourceKind<SandboxesObservation>
{
    public const string Name = "sandboxes";

    public override string Kind => Name;

    public override int ApplyOrder => 50;

    public override bool AppliesTo(EffectivePosture posture) => posture.Document.Sandboxes is not null || posture.Agent.SandboxMode != "off";

    public override Task<SandboxesObservation> ProbeAsync(EffectivePosture posture, HostContext host, CancellationToken cancellationToken) =>
        SandboxesProbe.ProbeAsync(posture, host, cancellationToken);

    public override KindPlan Diff(EffectivePosture posture, SandboxesObservation observed) => SandboxesDiff.Diff(Kind, observed);

    public override Task<ChangeOutcome> ApplyAsync(PlannedChange change, ApplyContext context, CancellationToken cancellationToken) =>
        change.Payload switch
        {
            JsonEdit edit => JsonEditApplier.ApplyAsync(change, edit, context, cancellationToken),
            null => Task.FromResult(ChangeOutcome.Skipped(change, "manual action: not applied by the reconciler")),
            _ => ContainerApplier.ApplyAsync(change, context, cancellationToken),
        };
}
