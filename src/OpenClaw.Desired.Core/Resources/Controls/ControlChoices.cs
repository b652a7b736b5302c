using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Resources.Controls;

/// <summary>
/// What the posture asks of OpenClaw's controls once the tier has filled in what it leaves out. Null means the
/// posture does not govern the key at this tier.
/// </summary>
public sealed class ControlChoices(EffectivePosture posture)
{
    public static readonly string[] LoopbackProxies = ["127.0.0.1", "::1"];

    public EffectivePosture Posture { get; } = posture;

    public Tier Tier => Posture.Tier;

    public EffectiveAgent Agent => Posture.Agent;

    private AgentSpec? Spec => Posture.Document.Agent;

    /// <summary>tools.exec.mode (newer OpenClaw) from the posture's security and ask.</summary>
    public string ExecMode => Agent.ExecSecurity == "deny" ? "deny"
        : Agent.ExecAsk == "always" ? "ask"
        : Agent.ExecSecurity == "allowlist" ? "allowlist"
        : Agent.ExecAsk == "on-miss" ? "auto" : "full";

    public string? ToolsProfile => Spec?.Tools?.Profile ?? (Tier >= Tier.Standard ? "coding" : null);

    public string? Tailscale => Spec?.Gateway?.Tailscale ?? (Tier == Tier.Paranoid ? "off" : null);

    public IReadOnlyList<string>? TrustedProxies => Spec?.Gateway?.TrustedProxies;

    public string? TrustedProxyUserHeader => Spec?.Gateway?.TrustedProxy?.UserHeader;

    public IReadOnlyList<string>? TrustedProxyAllowUsers => Spec?.Gateway?.TrustedProxy?.AllowUsers;

    public bool? ControlUiEnabled => Spec?.Gateway?.ControlUi?.Enabled;

    public IReadOnlyList<string>? AllowedOrigins => Spec?.Gateway?.ControlUi?.AllowedOrigins;

    public string HooksPath => Spec?.Hooks?.Path ?? "/hooks";

    public string HooksDefaultSessionKey => Spec?.Hooks?.DefaultSessionKey ?? "hook:ingress";

    public IReadOnlyList<string> HooksAllowedAgentIds => Spec?.Hooks?.AllowedAgentIds ?? [Posture.OpenClaw.AgentId];

    public SecretRef? HooksToken => Spec?.Hooks?.Token;

    public string DmPolicy => Spec?.Channels?.DmPolicy ?? "pairing";

    public string GroupPolicy => Spec?.Channels?.GroupPolicy ?? "allowlist";

    public IReadOnlyList<string>? AllowFrom(string provider) => Spec?.Channels?.AllowFrom?.GetValueOrDefault(provider);

    public IReadOnlyList<string>? GroupAllowFrom(string provider) => Spec?.Channels?.GroupAllowFrom?.GetValueOrDefault(provider);

    public IReadOnlyList<string>? PluginsAllow => Spec?.Plugins?.Allow;

    public PluginPinSpec? PluginPin(string id) => Spec?.Plugins?.Pins?.GetValueOrDefault(id);

    public PluginPinSpec? HookPin(string id) => Spec?.Hooks?.Pins?.GetValueOrDefault(id);

    public string? CdpSourceRange => Spec?.Browser?.CdpSourceRange;

    /// <summary>The gateway is reachable beyond this host as the posture wants it (several audit checks grow to critical then).</summary>
    public bool RemoteExposed => Agent.GatewayBind != "loopback" || (Tailscale ?? "off") is "serve" or "funnel";
}
