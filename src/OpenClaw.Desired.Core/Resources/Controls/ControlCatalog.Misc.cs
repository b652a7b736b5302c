using Newtonsoft.Json.Linq;
using OpenClaw.Desired.OpenClaw;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Resources.Models;

namespace OpenClaw.Desired.Resources.Controls;

public static partial class ControlCatalog
{
    private static ControlRule Report(Func<RuleInput, string?> fix) => Rules.Report(fix);

    /// <summary>browser.*: Chromium's own sandbox, the sandbox browser, private networks, remote CDP endpoints.</summary>
    private static readonly ControlRow[] Browser =
    [
        new("browser.enabled", Scope.Global, Tier.Basic, "`agent.browser.enabled`", Rules.Want(input => input.Choices.Agent.BrowserEnabled is { } on ? V(on) : null),
            "browser tool on or off") { Order = ["true", "false"], Default = V(true) },
        new("browser.noSandbox", Scope.Global, Tier.Basic, "false with `agent.browser.sandbox`", Rules.Want(input => input.Choices.Agent.BrowserSandbox ? V(false) : null),
            "browser sandbox: Chromium's own sandbox stays on") { Order = ["true", "false"], Default = V(false) },
        new("agents.defaults.sandbox.browser.enabled", Scope.Global, Tier.Basic, "true with `agent.browser.sandbox` while the sandbox is on",
            Rules.Want(input => input.Choices.Agent.BrowserSandbox && input.Context.SandboxMode != "off" ? V(true) : null),
            "browser sandbox: sandboxed sessions use the sandbox browser") { Order = ["false", "true"], Default = V(false) },
        new("browser.ssrfPolicy.dangerouslyAllowPrivateNetwork", Scope.Global, Tier.Basic, "`agent.browser.allowPrivateNetwork` (default false)",
            Rules.Want(input => V(input.Choices.Agent.BrowserAllowPrivateNetwork)), "browser may not reach private networks",
            new CheckRef("config.insecure_or_dangerous_flags", True)) { Order = ["true", "false"], Default = V(false) },
        new("browser.extensionRelay.allowLegacyAuth", Scope.Global, Tier.Standard, "false", Rules.NotTrue(), "the extension relay takes only current authentication",
            "browser.extension_relay_legacy_auth") { Order = ["true", "false"] },
        new("browser.cdpUrl", Scope.Global, Tier.Standard, "reported: plain HTTP or a private host", Report(RemoteCdp), "remote browsers are reached over TLS on hosts meant for it",
            new CheckRef("browser.remote_cdp_http", c => CdpProblem(c) is (true, _)), new CheckRef("browser.remote_cdp_private_host", c => CdpProblem(c) is (_, true))),
        new("browser.profiles.*.cdpUrl", Scope.Global, Tier.Standard, "reported: plain HTTP or a private host", Report(RemoteCdp), "remote browsers are reached over TLS on hosts meant for it",
            new CheckRef("browser.remote_cdp_http", c => CdpProblem(c) is (true, _)), new CheckRef("browser.remote_cdp_private_host", c => CdpProblem(c) is (_, true))),
    ];

    private static string? RemoteCdp(RuleInput input) => CdpProblem(input.Current) switch
    {
        (true, _) => $"{input.Scope.ResourceOf(input.Captures.Count > 0 ? $"browser.profiles.{input.Captures[0]}.cdpUrl" : "browser.cdpUrl")} reaches a remote browser over plain {input.Text![..input.Text!.IndexOf(':')]}: use https:// or wss:// (or a local profile)",
        (_, true) => $"{(input.Captures.Count > 0 ? $"browser.profiles.{input.Captures[0]}.cdpUrl" : "browser.cdpUrl")} points at a private host: confirm it is meant, and restrict browser.ssrfPolicy.allowedHostnames to it",
        _ => null,
    };

    /// <summary>(plain HTTP to a remote host, a private non-loopback host) of a CDP URL.</summary>
    private static (bool Http, bool Private) CdpProblem(JToken? token)
    {
        if (token is not JValue { Type: JTokenType.String } value || !Uri.TryCreate((string)value!, UriKind.Absolute, out var uri))
        {
            return (false, false);
        }

        var loopback = uri.IsLoopback || uri.Host is "localhost";
        var plain = uri.Scheme is "http" or "ws";
        var isPrivate = !loopback && (System.Net.IPAddress.TryParse(uri.Host, out var ip)
            ? ip.IsIPv6UniqueLocal || ip.IsIPv6LinkLocal || IsPrivateV4(ip)
            : uri.Host.EndsWith(".local", StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith(".internal", StringComparison.OrdinalIgnoreCase) || !uri.Host.Contains('.'));
        return (plain && !loopback, isPrivate);
    }

    private static bool IsPrivateV4(System.Net.IPAddress ip)
    {
        var b = ip.GetAddressBytes();
        return b.Length == 4 && (b[0] == 10 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168) || (b[0] == 169 && b[1] == 254));
    }

    /// <summary>The model an agent overrides the defaults with (owned by the models kind, which converges agents.defaults.model).</summary>
    private static readonly ControlRow[] Models =
    [
        new("model", Scope.Agents, Tier.Basic, "the posture's chain: an agent's own model (or fallbacks) that differs is removed, so it uses agents.defaults.model",
            input => input.Context.Posture.Models.Primary is not null && input.Current is not null
                && !ControlContext.ModelRefs(input.Current).SequenceEqual(input.Context.Posture.Models.Chain, StringComparer.Ordinal)
                    ? Outcome.Unset(V("inherits agents.defaults.model")) with { ExtraChecks = ModelChecks(ControlContext.ModelRefs(input.Current)) }
                    : null,
            "every agent uses the posture's model chain")
        {
            Owner = ModelsKind.Name, Effect = (_, _) => PostureEffect.Neutral, Format = FormatModel,
            AlsoCloses = ["models.legacy", "models.weak_tier", "models.small_params"],
        },
        new("agents.defaults.model", Scope.Global, Tier.Standard, "reported: a legacy or below-tier model while the posture names none",
            Report(input => input.Context.Posture.Models.Primary is null && input.Context.ConfiguredModels().Where(m => ModelTiers.Legacy(m) is not null || ModelTiers.Weak(m) is not null).ToList() is { Count: > 0 } weak
                ? $"models below OpenClaw's recommended tier are configured ({string.Join(", ", weak)}): name a current model in models.primary (and fallbacks); every agent then uses it"
                : null),
            "models that resist prompt injection", "models.legacy", "models.weak_tier"),
    ];

    private static string FormatModel(JToken value) => value switch
    {
        JValue { Type: JTokenType.String } v => (string)v!,
        JObject o => $"{(string?)o["primary"]}, fallbacks [{string.Join(", ", (o["fallbacks"] as JArray ?? []).Select(t => (string?)t))}]",
        _ => value.ToString(Newtonsoft.Json.Formatting.None),
    };

    private static List<string> ModelChecks(IEnumerable<string> models)
    {
        var list = models.ToList();
        var checks = new List<string>();
        if (list.Any(m => ModelTiers.Legacy(m) is not null))
        {
            checks.Add("models.legacy");
        }

        if (list.Any(m => ModelTiers.Weak(m) is not null))
        {
            checks.Add("models.weak_tier");
        }

        if (list.Any(m => ControlContext.InferParams(m) is { } b && b <= ControlContext.SmallModelParams))
        {
            checks.Add("models.small_params");
        }

        return checks;
    }

    /// <summary>Skills, logging, discovery, audit suppressions, and credentials written into openclaw.json.</summary>
    private static readonly ControlRow[] Misc =
    [
        new("skills", Scope.DefaultsAndAgents, Tier.Basic, "`agent.skills.allow` with allowlistOnly; an agent's own list keeps only allowed skills",
            input => SkillsRule(input), "skills from the allowlist only") { Effect = Effects.Allowlist },
        new("logging.redactSensitive", Scope.Global, Tier.Basic, "`agent.logging.redactSensitive` (tools)", Rules.Want(c => c.Agent.RedactSensitive),
            "secrets redacted from OpenClaw's logs", new CheckRef("logging.redact_off", c => Str(c, "off"))) { Order = ["off", "tools"], Default = V("tools") },
        new("discovery.mdns.mode", Scope.Global, Tier.Paranoid, "off", Rules.Want(V("off")), "the gateway does not announce itself on the local network",
            new CheckRef("discovery.mdns_full_mode", c => Str(c, "full"))) { Order = ["full", "minimal", "off"], Default = V("minimal") },
        new("discovery.mdns.mode", Scope.Global, Tier.Basic, "not full (→ minimal); paranoid: off", Rules.Never("full", "minimal"),
            "mDNS does not publish the CLI path and SSH port", "discovery.mdns_full_mode") { Order = ["full", "minimal", "off"], Default = V("minimal") },
        new("security.audit.suppressions", Scope.Global, Tier.Paranoid, "unset: OpenClaw's own audit shows everything", input => input.Current is null ? null : Outcome.Unset(),
            "nothing is hidden from OpenClaw's audit", "security.audit.suppressions.active") { Effect = Effects.Tightens },
        new("gateway.auth.password", Scope.Global, Tier.Standard, "reported while written in openclaw.json with no secrets store",
            Report(input => input.Text is { } password && !SecretKeys.IsReference(password) && input.Context.Posture.Document.Secrets is null
                ? "gateway.auth.password is written in openclaw.json: add a secrets: section (the secrets kind moves it into the store and leaves a reference) or set OPENCLAW_GATEWAY_PASSWORD in OpenClaw's .env and remove the key"
                : null),
            "no password in the config file", "config.secrets.gateway_password_in_config"),
    ];

    private static Outcome? SkillsRule(RuleInput input)
    {
        var agent = input.Choices.Agent;
        if (!agent.SkillsAllowlistOnly)
        {
            return null;
        }

        var allow = agent.SkillsAllow ?? Planning.ValueList<string>.Empty;
        if (!input.Scope.IsAgent)
        {
            return Outcome.Set(Rules.Strings(allow));
        }

        return Rules.Drop(new Dropper("skill not on the allowlist", (skill, _) => !allow.Contains(skill), string.Empty))(input);
    }
}
