using Newtonsoft.Json.Linq;
using OpenClaw.Desired.OpenClaw;
using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Resources.Controls;

public static partial class ControlCatalog
{
    private static bool HooksOn(ControlScope scope, ControlContext context) => context.HooksEnabled;

    /// <summary>Hooks are critical from basic when the gateway is reachable from elsewhere, a warning otherwise.</summary>
    private static bool HooksAt(ControlContext context, Tier exposed, Tier local) => context.HooksEnabled && context.Tier >= (context.RemoteExposed ? exposed : local);

    /// <summary>hooks.*: the webhook ingress, when OpenClaw's hooks are enabled.</summary>
    private static readonly ControlRow[] Hooks =
    [
        new("hooks.token", Scope.Global, Tier.Basic, "`agent.hooks.token` (a reference, not the gateway's); without one, reuse, a short or an inline token is reported",
            Rules.First(Rules.Want(input => input.Context.HooksToken), HooksTokenReport), "the hook token from the posture, distinct from the gateway's",
            new CheckRef("hooks.token_reuse_gateway_token", c => c is not null), new CheckRef("hooks.token_too_short", c => c is JValue { Type: JTokenType.String } v && ((string)v!).Length < 24),
            new CheckRef("config.secrets.hooks_token_in_config", c => c is JValue { Type: JTokenType.String } v && !SecretKeys.IsReference((string)v!)))
        {
            When = HooksOn, Secret = true, Effect = Effects.Neutral,
        },
        new("hooks.path", Scope.Global, Tier.Basic, "`agent.hooks.path`; never / (default /hooks)",
            Rules.First(Rules.Want(input => input.Context.Posture.Document.Agent?.Hooks?.Path is { } path ? V(path) : null), Rules.Never(current => Str(current, "/"), input => V(input.Choices.HooksPath))),
            "hook ingress on a path of its own", new CheckRef("hooks.path_root", c => Str(c, "/"))) { When = HooksOn, Effect = Effects.Tightens },
        new("hooks.defaultSessionKey", Scope.Global, Tier.Standard, "`agent.hooks.defaultSessionKey` (default hook:ingress)",
            Rules.First(Rules.Want(input => input.Context.Posture.Document.Agent?.Hooks?.DefaultSessionKey is { } key ? V(key) : null), Rules.IfMissing(input => V(input.Choices.HooksDefaultSessionKey))),
            "hook runs land in one known session", "hooks.default_session_key_unset") { When = HooksOn, Effect = Effects.Tightens },
        new("hooks.allowedAgentIds", Scope.Global, Tier.Basic, "`agent.hooks.allowedAgentIds` (default: the posture's agent); never * (basic when the gateway is exposed, else standard)",
            input => AllowedAgentIdsRule(input), "hook callers reach only the agents named", "hooks.allowed_agent_ids_unrestricted")
        {
            When = (_, c) => HooksAt(c, Tier.Basic, Tier.Standard), Effect = Effects.Allowlist,
        },
        new("hooks.allowRequestSessionKey", Scope.Global, Tier.Basic, "false (basic when the gateway is exposed, else standard)", Rules.NotTrue(),
            "hook callers cannot pick the session", new CheckRef("hooks.request_session_key_enabled", True), new CheckRef("config.insecure_or_dangerous_flags", True),
            new CheckRef("hooks.request_session_key_prefixes_missing", True))
        {
            When = (_, c) => HooksAt(c, Tier.Basic, Tier.Standard), Order = ["true", "false"],
        },
        new("hooks.gmail.allowUnsafeExternalContent", Scope.Global, Tier.Standard, "false", Rules.NotTrue(), "mail content stays wrapped as untrusted",
            "config.insecure_or_dangerous_flags") { Order = ["true", "false"] },
        new("hooks.mappings.*.allowUnsafeExternalContent", Scope.Global, Tier.Standard, "false", Rules.NotTrue(), "hook payloads stay wrapped as untrusted",
            "config.insecure_or_dangerous_flags") { Order = ["true", "false"] },
    ];

    private static Outcome? AllowedAgentIdsRule(RuleInput input)
    {
        if (input.Context.Posture.Document.Agent?.Hooks?.AllowedAgentIds is { } stated)
        {
            return Rules.Want(Rules.Strings(stated))(input);
        }

        return input.Current is null || Strings(input.Current).Contains("*") ? Outcome.Set(Rules.Strings(input.Choices.HooksAllowedAgentIds)) : null;
    }

    private static Outcome? HooksTokenReport(RuleInput input)
    {
        if (input.Current is not JValue { Type: JTokenType.String } current)
        {
            return null;
        }

        var token = (string)current!;
        var gateway = input.Context.Config.Get("/gateway/auth/token") as JValue;
        var password = input.Context.Config.Get("/gateway/auth/password") as JValue;
        if ((gateway is not null && (string?)gateway == token) || (password is not null && (string?)password == token)
            || (input.Context.GatewayToken is JValue desired && (string?)desired == token))
        {
            return new Outcome(null, ManualFix: "hooks.token is the gateway's token (or password): whoever holds the hook token can drive the whole gateway. Give agent.hooks.token a secret of its own (e.g. {store: OPENCLAW_HOOKS_TOKEN}) and update the hook senders")
            {
                Checks = ["hooks.token_reuse_gateway_token"],
            };
        }

        if (!SecretKeys.IsReference(token) && token.Length < 24)
        {
            return new Outcome(null, ManualFix: $"hooks.token is {token.Length} characters: replace it with a random one of 32 or more (e.g. `openssl rand -hex 32`) through agent.hooks.token") { Checks = ["hooks.token_too_short"] };
        }

        return !SecretKeys.IsReference(token) && input.Context.Tier >= Tier.Standard && input.Context.Posture.Document.Secrets is null
            ? new Outcome(null, ManualFix: "hooks.token is written in openclaw.json: give agent.hooks.token as {env: NAME} or {store: NAME}, or add a secrets: section so the secrets kind moves it into the store")
            {
                Checks = ["config.secrets.hooks_token_in_config"],
            }
            : null;
    }
}
