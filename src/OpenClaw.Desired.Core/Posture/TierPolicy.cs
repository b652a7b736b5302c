namespace OpenClaw.Desired.Posture;

/// <summary>
/// What each tier requires and what it fills in, from the hardening guide. Required controls carry the
/// lowest tier that requires them; an explicit value weaker than that is an error.
/// basic: hourly backups, config backup before changes, read-only social media.
/// standard: + skill allowlist only, API keys rotated monthly, browser sandbox.
/// paranoid: + no outbound network, local models only, manual approval of every tool call.
/// </summary>
public static class TierPolicy
{
    /// <summary>One control a tier requires: its path, the tier from which it is required, and the required value.</summary>
    public sealed record Requirement(string Path, Tier From, string Required, string Describe);

    public static readonly IReadOnlyList<Requirement> Requirements =
    [
        new("backups.interval", Tier.Basic, "1h", "hourly backups (1h or more often)"),
        new("backups.configBeforeChange", Tier.Basic, "true", "a config backup before every change"),
        new("agent.socialMedia.readOnly", Tier.Basic, "true", "read-only social media"),
        new("agent.skills.allowlistOnly", Tier.Standard, "true", "skills from the allowlist only"),
        new("secrets.rotation.apiKey", Tier.Standard, "30d", "API keys rotated monthly (30d or sooner)"),
        new("agent.browser.sandbox", Tier.Standard, "true", "a sandboxed browser"),
        new("firewall.level", Tier.Paranoid, "airgap", "no outbound network (airgap)"),
        new("models.localOnly", Tier.Paranoid, "true", "local models only"),
        new("agent.exec.ask", Tier.Paranoid, "always", "manual approval of every tool call"),
        new("agent.gateway.tailscale", Tier.Basic, "off or serve", "the gateway never on the internet through Tailscale Funnel"),
        new("agent.channels.dmPolicy", Tier.Basic, "pairing, allowlist or disabled", "no channel open to DMs from anyone (open becomes pairing)"),
        new("agent.plugins.allow", Tier.Standard, "a list", "a plugin allowlist (default: the plugins installed now)"),
        new("agent.tools.profile", Tier.Standard, "coding", "a tool profile no broader than coding, for every agent"),
        new("agent.gateway.tailscale", Tier.Paranoid, "off", "no Tailscale exposure at all"),
    ];

    public static bool Requires(Tier tier, string path) => Requirements.Any(r => r.Path == path && tier >= r.From);

    public static string Name(Tier tier) => tier.ToString().ToLowerInvariant();

    public static Tier Parse(string tier) => tier switch
    {
        "standard" => Tier.Standard,
        "paranoid" => Tier.Paranoid,
        _ => Tier.Basic,
    };

    private static readonly string[] FirewallLevels = ["off", "filter", "proxy", "airgap"];

    public static int FirewallRank(string level) => Array.IndexOf(FirewallLevels, level);

    private static readonly string[] AskLevels = ["off", "on-miss", "always"];

    public static int AskRank(string ask) => Array.IndexOf(AskLevels, ask);

    private static readonly string[] SecurityLevels = ["full", "allowlist", "deny"];

    public static int SecurityRank(string security) => Array.IndexOf(SecurityLevels, security);

    public static string DefaultFirewall(Tier tier) => tier switch
    {
        Tier.Paranoid => "airgap",
        Tier.Standard => "filter",
        _ => "off",
    };

    public static string DefaultAsk(Tier tier) => tier == Tier.Paranoid ? "always" : "on-miss";

    public static string DefaultSandboxMode(Tier tier) => tier switch
    {
        Tier.Paranoid => "all",
        Tier.Standard => "non-main",
        _ => "off",
    };

    public static int DefaultMinTokenLength(Tier tier) => tier == Tier.Paranoid ? 48 : 32;
}
