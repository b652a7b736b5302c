using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Resources.Controls;

/// <summary>
/// Posture checks for the controls of OpenClaw's own audit that the schema cannot express: combinations that
/// leave an audit check failing which the tier says must be closed (basic: critical ones, standard: warnings too).
/// </summary>
internal static class ControlChecks
{
    public static void Run(PostureDocument document, Locator at, List<Diagnostic> diagnostics)
    {
        var tier = TierPolicy.Parse(document.Tier);
        var tierName = TierPolicy.Name(tier);
        var agent = document.Agent;
        var gateway = agent?.Gateway;
        if (gateway?.Tailscale is "funnel")
        {
            diagnostics.Add(at.At("agent.gateway.tailscale", "Tailscale Funnel publishes the gateway on the internet; no tier allows it (use serve, tailnet only, or off)"));
        }
        else if (gateway?.Tailscale is "serve" && tier == Tier.Paranoid)
        {
            diagnostics.Add(at.At("agent.gateway.tailscale", "is weaker than the paranoid tier requires (off)"));
        }

        if (gateway?.Bind is { } bind && bind != "loopback" && gateway.ControlUi?.Enabled != false && gateway.ControlUi?.AllowedOrigins is not { Count: > 0 })
        {
            diagnostics.Add(at.At("agent.gateway", $"a gateway bound to {bind} with the Control UI on needs agent.gateway.controlUi.allowedOrigins (or controlUi.enabled: false)"));
        }

        if ((gateway?.Auth ?? "token") == "trusted-proxy")
        {
            if (gateway?.TrustedProxies is not { Count: > 0 })
            {
                diagnostics.Add(at.At("agent.gateway", "auth trusted-proxy needs agent.gateway.trustedProxies (the proxies' addresses)"));
            }

            if (gateway?.TrustedProxy?.UserHeader is null)
            {
                diagnostics.Add(at.At("agent.gateway", "auth trusted-proxy needs agent.gateway.trustedProxy.userHeader"));
            }

            if (tier >= Tier.Standard && gateway?.TrustedProxy?.AllowUsers is not { Count: > 0 })
            {
                diagnostics.Add(at.At("agent.gateway", $"auth trusted-proxy at the {tierName} tier needs agent.gateway.trustedProxy.allowUsers"));
            }
        }

        if (agent?.Hooks?.Token is { } hooksToken)
        {
            if (gateway?.Token is { } gatewayToken && gatewayToken == hooksToken)
            {
                diagnostics.Add(at.At("agent.hooks.token", "is the gateway's token: whoever holds the hook token could drive the whole gateway; give it a secret of its own"));
            }

            if (hooksToken.Literal is { } literal)
            {
                diagnostics.Add(at.At("agent.hooks.token", "a literal secret in the posture ends up in Git; prefer {env: NAME} or {store: NAME}", Severity.Warning));
                if (literal.Length < 24)
                {
                    diagnostics.Add(at.At("agent.hooks.token", "the hook token is shorter than 24 characters"));
                }
            }
        }

        if (agent?.Tools?.Profile is "full" && tier >= Tier.Standard)
        {
            diagnostics.Add(at.At("agent.tools.profile", $"is weaker than the {tierName} tier requires (coding or stricter)"));
        }

        Models(document, tier, at, diagnostics);
    }

    private static void Models(PostureDocument document, Tier tier, Locator at, List<Diagnostic> diagnostics)
    {
        var models = document.Models;
        var chain = new List<(string Path, string Ref)>();
        if (models?.Primary is { } primary)
        {
            chain.Add(("models.primary", primary));
        }

        for (var i = 0; i < (models?.Fallbacks?.Count ?? 0); i++)
        {
            chain.Add(($"models.fallbacks[{i}]", models!.Fallbacks![i]));
        }

        foreach (var (path, reference) in chain)
        {
            if ((ModelTiers.Legacy(reference) ?? ModelTiers.Weak(reference)) is { } why)
            {
                var severity = tier >= Tier.Standard ? Severity.Error : Severity.Warning;
                diagnostics.Add(at.At(path, $"'{reference}' is a {why} model, below what OpenClaw's audit recommends for an agent with tools{(severity == Severity.Error ? $" (the {TierPolicy.Name(tier)} tier closes its warnings)" : string.Empty)}", severity));
            }
        }

        if (document.Sandboxes?.OpenClaw?.Mode is { } mode and not "all" && chain.Any(c => ControlContext.InferParams(c.Ref) is { } b && b <= ControlContext.SmallModelParams))
        {
            diagnostics.Add(at.At("sandboxes.openclaw.mode", $"a small model is in the chain but the sandbox is {mode}: OpenClaw's audit reports models.small_params as critical until every session is sandboxed (all)", Severity.Warning));
        }
    }
}
