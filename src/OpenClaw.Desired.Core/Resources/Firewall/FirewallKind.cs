using System.Runtime.CompilerServices;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Reconciliation;

namespace OpenClaw.Desired.Resources.Firewall;

/// <summary>
/// The host firewall in nftables: one owned table (default <c>inet openclaw_desired</c>) for the posture's level,
/// diffed rule by rule and replaced in one commit-confirmed transaction; nothing outside the table is touched.
/// </summary>
public sealed class FirewallKind : ResourceKind<FirewallObservation>
{
    public const string Name = "firewall";

    // Every table change of a plan shares one transaction object: the first change applies it, the rest report it.
    private readonly ConditionalWeakTable<FirewallTransaction, ChangeOutcome> _applied = [];

    public override string Kind => Name;

    public override int ApplyOrder => 90;

    public override Task<FirewallObservation> ProbeAsync(EffectivePosture posture, HostContext host, CancellationToken cancellationToken) =>
        FirewallProbe.ProbeAsync(posture, host, cancellationToken);

    public override KindPlan Diff(EffectivePosture posture, FirewallObservation observed) =>
        FirewallDiff.Plan(Kind, observed) with { Connections = observed.Refused };

    public override async Task<ChangeOutcome> ApplyAsync(PlannedChange change, ApplyContext context, CancellationToken cancellationToken)
    {
        switch (change.Payload)
        {
            case FirewallTransaction transaction:
                if (_applied.TryGetValue(transaction, out var first))
                {
                    return first with { ChangeId = change.Id, Message = $"in the same transaction as {first.ChangeId}" };
                }

                var outcome = await FirewallApplier.ApplyAsync(change, transaction, context, cancellationToken);
                _applied.AddOrUpdate(transaction, outcome);
                return outcome;
            case EnvFileEdit edit:
                return ProxyFilesApplier.Apply(change, edit, context);
            case OwnedFileWrite write:
                return ProxyFilesApplier.Apply(change, write, context);
            default:
                return ChangeOutcome.Skipped(change, "manual action: not applied by the reconciler");
        }
    }
}
