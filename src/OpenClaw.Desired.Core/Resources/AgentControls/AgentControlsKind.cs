using Newtonsoft.Json.Linq;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.OpenClaw;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Reconciliation;

namespace OpenClaw.Desired.Resources.AgentControls;

/// <summary>Get result of the agent controls kind: openclaw.json and the gateway token the posture names, if any.</summary>
public sealed record AgentObservation(ConfigObservation Config, JToken? DesiredToken, string? TokenUnknown)
{
    /// <summary>What the gateway's token really is (its length behind a ${VAR} reference too).</summary>
    public GatewayTokenFacts Token { get; init; } = new(null, null, null);
}

/// <summary>
/// Agent controls in openclaw.json: exec approval, elevated mode, browser sandbox, read-only social media,
/// skill allowlist, gateway bind/auth/token, log redaction and OpenClaw's own sandbox mode.
/// </summary>
public sealed class AgentControlsKind : ResourceKind<AgentObservation>
{
    public const string Name = "agent";

    public override string Kind => Name;

    public override int ApplyOrder => 40;

    public override async Task<AgentObservation> ProbeAsync(EffectivePosture posture, HostContext host, CancellationToken cancellationToken)
    {
        var config = await ConfigObservation.ProbeAsync(host, host.PathsFor(posture), cancellationToken);
        var (token, unknown) = await GatewayToken.ResolveAsync(posture.Agent.GatewayToken, posture, host, cancellationToken);
        return new AgentObservation(config, token, unknown) { Token = GatewayAuthCheck.Probe(host, host.PathsFor(posture), config.Config, token) };
    }

    public override KindPlan Diff(EffectivePosture posture, AgentObservation observed)
    {
        if (observed.Config.Unknown is { } why)
        {
            return KindPlan.Of(Kind, [], [new UnknownState(Kind, "openclaw.json", why)]);
        }

        var config = observed.Config.Config!;
        var (gateway, keepMode) = GatewayAuthCheck.Diff(Kind, posture, config, observed.Token);
        var changes = AgentControls.For(posture, config, observed.DesiredToken)
            .Where(control => !(keepMode && control.Pointer == "/gateway/auth/mode"))
            .Select(control => control.Diff(Kind, observed.Config))
            .OfType<PlannedChange>()
            .Concat(gateway)
            .ToList();
        var unknowns = new List<UnknownState>();
        if (observed.TokenUnknown is { } tokenUnknown)
        {
            unknowns.Add(new UnknownState(Kind, "gateway.auth.token", tokenUnknown));
        }

        return KindPlan.Of(Kind, changes, unknowns);
    }

    public override Task<ChangeOutcome> ApplyAsync(PlannedChange change, ApplyContext context, CancellationToken cancellationToken) =>
        change.Payload is JsonEdit edit
            ? JsonEditApplier.ApplyAsync(change, edit, context, cancellationToken)
            : Task.FromResult(ChangeOutcome.Skipped(change, "manual action: not applied by the reconciler"));
}
