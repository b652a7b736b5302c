using OpenClaw.Desired.Host;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Reconciliation;

namespace OpenClaw.Desired.Resources.Secrets;

/// <summary>
/// Secrets: finds plaintext credentials on the host, consolidates them (and the posture's declared secrets)
/// into one store with references in their place, keeps secret files private, tracks rotation and writes
/// an audit trail. Runs when the posture has a secrets section.
/// </summary>
public sealed class SecretsKind : ResourceKind<SecretsObservation>
{
    public const string Name = "secrets";

    public override string Kind => Name;

    public override int ApplyOrder => 20;

    public override bool AppliesTo(EffectivePosture posture) => posture.Document.Secrets is not null;

    public override Task<SecretsObservation> ProbeAsync(EffectivePosture posture, HostContext host, CancellationToken cancellationToken) =>
        SecretsProbe.ProbeAsync(Kind, posture, host, cancellationToken);

    public override KindPlan Diff(EffectivePosture posture, SecretsObservation observed) =>
        SecretsDiff.Diff(Kind, SecretsDesired.ForDiff(posture), observed);

    public override async Task<ChangeOutcome> ApplyAsync(PlannedChange change, ApplyContext context, CancellationToken cancellationToken)
    {
        try
        {
            return await new SecretsApply(context).ApplyAsync(change, cancellationToken);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException or InvalidDataException or global::OpenClaw.Desired.Secrets.Vault.VaultException or global::OpenClaw.Desired.OpenClaw.OpenClawConfigException)
        {
            return ChangeOutcome.Failed(change, context.Host.Redactor.Redact(Reporting.UserMessage.Of(e)));
        }
    }
}
