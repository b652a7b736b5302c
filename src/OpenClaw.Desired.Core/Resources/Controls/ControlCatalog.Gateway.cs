using Newtonsoft.Json.Linq;
using OpenClaw.Desired.OpenClaw;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Resources.Controls;

public static partial class ControlCatalog
{
    /// <summary>Tools the gateway's HTTP /tools/invoke denies by default (OpenClaw's dangerous-tools list).</summary>
    public static readonly IReadOnlySet<string> HttpDeniedTools = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "exec", "spawn", "shell", "fs_write", "fs_delete", "fs_move", "apply_patch", "sessions_spawn", "sessions_send", "cron", "gateway",
        "nodes", "desktop", "whatsapp_login",
    };

    /// <summary>Node commands that act on the device or read personal data (OpenClaw's dangerous node commands).</summary>
    public static readonly IReadOnlySet<string> DangerousNodeCommands = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "camera.snap", "camera.clip", "screen.record", "screen.snapshot", "contacts.add", "contacts.search", "calendar.add", "reminders.add",
        "sms.send", "sms.search", "location.get", "system.run", "desktop.input", "health.read", "file.read", "file.write",
    };

    private static readonly JObject RateLimit = new() { ["maxAttempts"] = 10, ["windowMs"] = 60000, ["lockoutMs"] = 300000 };

    private static bool TrustedProxyAuth(ControlScope scope, ControlContext context) => context.Posture.Agent.GatewayAuth == "trusted-proxy";

    /// <summary>gateway.*: where the gateway listens, who may talk to it, what it trusts.</summary>
    private static readonly ControlRow[] Gateway =
    [
        new("gateway.bind", Scope.Global, Tier.Basic, "`agent.gateway.bind` (default loopback)", Rules.Want(c => c.Agent.GatewayBind),
            "gateway reachable from loopback only unless the posture says otherwise",
            new CheckRef("gateway.bind_no_auth", c => c is not null && !Str(c, "loopback")) { If = i => !i.Context.GatewaySecretInFile },
            new CheckRef("gateway.control_ui.allowed_origins_required", c => c is not null && !Str(c, "loopback"))
            {
                If = i => !False(i.Context.Config.Get("/gateway/controlUi/enabled")) && i.Context.Config.Get("/gateway/controlUi/allowedOrigins") is null or JArray { Count: 0 },
            })
        {
            Order = ["lan", "custom", "auto", "tailnet", "loopback"], Default = V("loopback"),
        },
        new("gateway.auth.mode", Scope.Global, Tier.Basic, "`agent.gateway.auth` (default token)", Rules.Want(c => c.Agent.GatewayAuth), "gateway authentication",
            new CheckRef("gateway.http.no_auth", c => Str(c, "none")), new CheckRef("gateway.trusted_proxy_auth", c => Str(c, "trusted-proxy")),
            new CheckRef("gateway.trusted_proxy_no_proxies", c => Str(c, "trusted-proxy")), new CheckRef("gateway.trusted_proxy_no_user_header", c => Str(c, "trusted-proxy")),
            new CheckRef("gateway.trusted_proxy_no_allowlist", c => Str(c, "trusted-proxy")), new CheckRef("gateway.trusted_proxy_allow_loopback", c => Str(c, "trusted-proxy")))
        {
            Order = ["none", "trusted-proxy", "password", "token"], Default = V("token"),
        },
        new("gateway.auth.token", Scope.Global, Tier.Basic, "`agent.gateway.token` (a reference); without one, a token of `minTokenLength` is asked for",
            Rules.First(Rules.Want(input => input.Context.GatewayToken), GatewayTokenReport), "gateway token from the posture",
            new CheckRef("gateway.loopback_no_auth", c => c is null) { If = i => !i.Context.GatewaySecretInFile }, new CheckRef("browser.control_no_auth", c => c is null) { If = i => !i.Context.GatewaySecretInFile },
            new CheckRef("gateway.bind_no_auth", c => c is null) { If = i => !i.Context.GatewaySecretInFile && !Str(i.Context.Config.Get("/gateway/bind"), "loopback") && i.Context.Config.Get("/gateway/bind") is not null },
            new CheckRef("gateway.token_too_short", c => c is JValue { Type: JTokenType.String } v && !SecretKeys.IsReference((string)v!) && ((string)v!).Length < 24))
        {
            Secret = true, Effect = Effects.Neutral,
        },
        new("gateway.tailscale.mode", Scope.Global, Tier.Basic, "`agent.gateway.tailscale`; unset: funnel → serve (paranoid: off)",
            Rules.First(Rules.Want(c => c.Tailscale), Rules.Never("funnel", "serve")), "the gateway is not published on the internet",
            new CheckRef("gateway.tailscale_funnel", c => Str(c, "funnel")), new CheckRef("gateway.tailscale_serve", c => Str(c, "serve")) { From = Tier.Paranoid })
        {
            Order = ["funnel", "serve", "off"], Default = V("off"),
        },
        new("gateway.trustedProxies", Scope.Global, Tier.Basic, "`agent.gateway.trustedProxies`; unset from standard: loopback (127.0.0.1, ::1)",
            Rules.First(
                Rules.Want(input => input.Choices.TrustedProxies is { } list ? Rules.Strings(list) : null),
                input => input.Context.Tier >= Tier.Standard && input.Choices.Agent.GatewayBind == "loopback" && input.Choices.ControlUiEnabled != false
                    ? Rules.IfMissing(_ => Rules.Strings(ControlChoices.LoopbackProxies))(input) : null),
            "forwarded client addresses are believed only from the reverse proxies named", new CheckRef("gateway.trusted_proxies_missing") { From = Tier.Standard },
            new CheckRef("gateway.trusted_proxy_no_proxies", c => c is null or JArray { Count: 0 }) { If = i => Str(i.Context.Config.Get("/gateway/auth/mode"), "trusted-proxy") || i.Choices.Agent.GatewayAuth == "trusted-proxy" })
        {
            Effect = Effects.Neutral,
        },
        new("gateway.allowRealIpFallback", Scope.Global, Tier.Basic, "false", Rules.NotTrue(), "X-Real-IP is not trusted when X-Forwarded-For is missing",
            "gateway.real_ip_fallback_enabled") { Order = ["true", "false"], Default = V(false) },
        new("gateway.auth.rateLimit", Scope.Global, Tier.Standard, "present (10 attempts a minute, 5 minutes lockout, when unset)",
            Rules.IfMissing(_ => RateLimit.DeepClone()), "failed logins are rate limited",
            new CheckRef("gateway.auth_no_rate_limit") { If = i => i.Context.Config.Get("/gateway/bind") is { } bind && !Str(bind, "loopback") })
        {
            When = (_, c) => c.Posture.Agent.GatewayAuth != "trusted-proxy",
        },
        new("gateway.auth.trustedProxy.userHeader", Scope.Global, Tier.Basic, "`agent.gateway.trustedProxy.userHeader` (with auth trusted-proxy)",
            Rules.Want(c => c.TrustedProxyUserHeader), "the header that carries the proxy's authenticated user", "gateway.trusted_proxy_no_user_header")
        {
            When = TrustedProxyAuth, Effect = Effects.Tightens,
        },
        new("gateway.auth.trustedProxy.allowUsers", Scope.Global, Tier.Basic, "`agent.gateway.trustedProxy.allowUsers` (with auth trusted-proxy)",
            Rules.Want(input => input.Choices.TrustedProxyAllowUsers is { } users ? Rules.Strings(users) : null), "only the users named get in through the proxy",
            "gateway.trusted_proxy_no_allowlist") { When = TrustedProxyAuth, Effect = Effects.Allowlist },
        new("gateway.auth.trustedProxy.allowLoopback", Scope.Global, Tier.Standard, "false", Rules.NotTrue(), "a loopback caller is not taken for the proxy",
            "gateway.trusted_proxy_allow_loopback") { Order = ["true", "false"] },
        new("gateway.tools.allow", Scope.Global, Tier.Basic, "none of the tools HTTP /tools/invoke denies by default",
            Rules.Drop(new Dropper("tool denied over HTTP by default", (tool, _) => HttpDeniedTools.Contains(tool.Trim()), "gateway.tools_invoke_http.dangerous_allow")),
            "session spawning and control-plane tools stay off the HTTP API") { AlsoCloses = ["gateway.tools_invoke_http.dangerous_allow"] },
        new("gateway.nodes.commands.allow", Scope.Global, Tier.Basic, "no device-control or personal-data command",
            Rules.Drop(new Dropper("dangerous node command", (command, _) => DangerousNodeCommands.Contains(command.Trim()), "gateway.nodes.allow_commands_dangerous")),
            "paired devices cannot be driven into camera, screen, SMS or contacts") { AlsoCloses = ["gateway.nodes.allow_commands_dangerous"] },
        new("gateway.nodes.allowCommands", Scope.Global, Tier.Basic, "no device-control or personal-data command",
            Rules.Drop(new Dropper("dangerous node command", (command, _) => DangerousNodeCommands.Contains(command.Trim()), "gateway.nodes.allow_commands_dangerous")),
            "paired devices cannot be driven into camera, screen, SMS or contacts") { AlsoCloses = ["gateway.nodes.allow_commands_dangerous"] },
        new("gateway.nodes.commands.deny", Scope.Global, Tier.Standard, "reported: pattern-like entries",
            Rules.Report(input => Strings(input.Current).Where(LooksLikePattern).ToList() is { Count: > 0 } patterns
                ? $"gateway.nodes.commands.deny matches exact command names only; these entries match nothing: {string.Join(", ", patterns)}. Replace them with exact names (e.g. system.run, camera.snap)"
                : null),
            "deny entries that match nothing give false comfort", "gateway.nodes.deny_commands_ineffective"),
        new("gateway.http.endpoints.chatCompletions.enabled", Scope.Global, Tier.Paranoid, "false", Rules.NotTrue(), "no OpenAI-compatible HTTP endpoint that lets callers pick sessions",
            "gateway.http.session_key_override_enabled") { Order = ["true", "false"] },
        new("gateway.http.endpoints.responses.enabled", Scope.Global, Tier.Paranoid, "false", Rules.NotTrue(), "no OpenAI-compatible HTTP endpoint that lets callers pick sessions",
            "gateway.http.session_key_override_enabled") { Order = ["true", "false"] },
    ];

    private static bool LooksLikePattern(string entry) =>
        entry.IndexOfAny(['?', '*', '[', ']', '{', '}', '(', ')', ',', '|', ' ', '\t']) >= 0 || entry.StartsWith('/') || entry.EndsWith('/')
        || entry.StartsWith('^') || entry.EndsWith('$') || entry.Contains("group:", StringComparison.Ordinal);

    /// <summary>No token from the posture: a short one, or none at all, is for a human to replace.</summary>
    private static Outcome? GatewayTokenReport(RuleInput input)
    {
        var agent = input.Choices.Agent;
        if (agent.GatewayAuth != "token")
        {
            return null;
        }

        if (input.Current is JValue { Type: JTokenType.String } current)
        {
            var text = (string)current!;
            return !SecretKeys.IsReference(text) && text.Length < agent.MinTokenLength
                ? new Outcome(null, ManualFix: $"the gateway token is {text.Length} characters; the posture asks for at least {agent.MinTokenLength}: replace it with a random one (e.g. `openssl rand -hex 32`) or give agent.gateway.token")
                {
                    Checks = text.Length < 24 ? ["gateway.token_too_short"] : [],
                }
                : null;
        }

        return input.Current is null && !input.Context.GatewayTokenInEnvFile
            ? new Outcome(null, ManualFix: "the gateway has no token, so anything that reaches it (a reverse proxy, the browser control) is unauthenticated: give agent.gateway.token (e.g. {store: OPENCLAW_GATEWAY_TOKEN}) or set OPENCLAW_GATEWAY_TOKEN in OpenClaw's .env")
            : null;
    }

    /// <summary>gateway.controlUi.*: the browser Control UI.</summary>
    private static readonly ControlRow[] ControlUi =
    [
        new("gateway.controlUi.enabled", Scope.Global, Tier.Basic, "`agent.gateway.controlUi.enabled`", Rules.Want(input => input.Choices.ControlUiEnabled is { } on ? V(on) : null),
            "the Control UI on or off") { Order = ["true", "false"], Default = V(true) },
        new("gateway.controlUi.allowedOrigins", Scope.Global, Tier.Basic, "`agent.gateway.controlUi.allowedOrigins`; never *",
            Rules.First(
                Rules.Want(input => input.Choices.AllowedOrigins is { } list ? Rules.Strings(list) : null),
                Rules.Drop(new Dropper("wildcard origin", (origin, _) => origin.Trim() == "*", "gateway.control_ui.allowed_origins_wildcard"))),
            "only named browser origins may use the Control UI",
            new CheckRef("gateway.control_ui.allowed_origins_wildcard", c => Strings(c).Contains("*")), new CheckRef("gateway.control_ui.allowed_origins_required", c => c is null or JArray { Count: 0 }))
        {
            Effect = Effects.Allowlist,
        },
        new("gateway.controlUi.dangerouslyAllowHostHeaderOriginFallback", Scope.Global, Tier.Basic, "false", Rules.NotTrue(), "origins are not taken from the Host header",
            "gateway.control_ui.host_header_origin_fallback", "config.insecure_or_dangerous_flags") { Order = ["true", "false"] },
        new("gateway.controlUi.dangerouslyDisableDeviceAuth", Scope.Global, Tier.Basic, "false", Rules.NotTrue(), "the Control UI checks device identity",
            "config.insecure_or_dangerous_flags", "gateway.control_ui.device_auth_disabled") { Order = ["true", "false"] },
        new("gateway.controlUi.allowInsecureAuth", Scope.Global, Tier.Standard, "false", Rules.NotTrue(), "no insecure-auth toggle on the Control UI",
            "config.insecure_or_dangerous_flags", "gateway.control_ui.insecure_auth") { Order = ["true", "false"] },
    ];
}
