using Newtonsoft.Json.Linq;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.OpenClaw;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Reconciliation;

namespace OpenClaw.Desired.Resources.AgentControls;

/// <summary>Get result of the agent controls kind: openclaw.json and the gateway token the posture names, if any.</summary>
public sealed record AgentObservation(ConfigObservation Config, JToken? DesiredToken, string? TokenUnknown);

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
        return new AgentObservation(config, token, unknown);
    }

    public override KindPlan Diff(EffectivePosture posture, AgentObservation observed)
    {
        if (observed.Config.Unknown is { } why)
        {
            return KindPlan.Of(Kind, [], [new UnknownState(Kind, "openclaw.json", why)]);
        }

        var config = observed.Config.Config!;
        var changes = AgentControls.For(posture, config, observed.DesiredToken)
            .Select(control => control.Diff(Kind, observed.Config))
            .OfType<PlannedChange>()
            .ToList();
        var unknowns = new List<UnknownState>();
        if (observed.TokenUnknown is { } tokenUnknown)
        {
            unknowns.Add(new UnknownState(Kind, "gateway.auth.token", tokenUnknown));
        }
        else if (observed.DesiredToken is null && posture.Agent.GatewayAuth == "token" && config.Get("/gateway/auth/token") is JValue { Type: JTokenType.String } current)
        {
            var text = (string)current!;
            if (!SecretKeys.IsReference(text) && text.Length < posture.Agent.MinTokenLength)
            {
                changes.Add(new PlannedChange(Kind, "gateway.auth.token", ChangeAction.Manual,
                    $"the gateway token is {text.Length} characters; the posture asks for at least {posture.Agent.MinTokenLength}: replace it with a random one (e.g. `openssl rand -hex 32`) or give agent.gateway.token",
                    observed.Config.Fingerprint(text), $"≥ {posture.Agent.MinTokenLength} characters", PostureEffect.Tightens));
            }
        }

        return KindPlan.Of(Kind, changes, unknowns);
    }

    public override Task<ChangeOutcome> ApplyAsync(PlannedChange change, ApplyContext context, CancellationToken cancellationToken) =>
        change.Payload is JsonEdit edit
            ? JsonEditApplier.ApplyAsync(change, edit, context, cancellationToken)
            : Task.FromResult(ChangeOutcome.Skipped(change, "manual action: not applied by the reconciler"));
}
