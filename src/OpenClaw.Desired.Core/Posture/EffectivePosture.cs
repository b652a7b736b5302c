using OpenClaw.Desired.Planning;

namespace OpenClaw.Desired.Posture;

/// <summary>
/// The posture after tier expansion: every control the implemented kinds need has a value. Sections whose
/// kinds come later are carried as written in <see cref="Document"/>.
/// </summary>
public sealed record EffectivePosture(
    Tier Tier,
    PostureDocument Document,
    EffectiveOpenClaw OpenClaw,
    EffectiveModels Models,
    EffectiveAgent Agent,
    EffectiveBackups Backups,
    EffectiveSecrets Secrets,
    string FirewallLevel,
    string Digest,
    ValueList<Diagnostic> Warnings)
{
    /// <summary>The folder of the posture file, for paths the posture gives relative to itself (build contexts).</summary>
    public string? SourceDirectory { get; init; }

    /// <summary>Known risks accepted until a date, checked (see <see cref="Waivers.WaiverMatcher"/>).</summary>
    public ValueList<Waivers.Waiver> Waivers { get; init; } = ValueList<Waivers.Waiver>.Empty;

    /// <summary>Where the posture's sections are written (for SARIF locations); see <see cref="PostureSpot.Sections"/>.</summary>
    [Newtonsoft.Json.JsonIgnore]
    public IReadOnlyDictionary<string, PostureSpot> Sections { get; init; } = new Dictionary<string, PostureSpot>();

    /// <summary>Literal secret values the posture itself holds; every output is scrubbed of them.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<string> LiteralSecrets =>
        new[] { Agent.GatewayToken?.Literal }
            .Concat(Document.Secrets?.Declared?.Select(d => d.Value?.Literal) ?? [])
            .OfType<string>();
}

public sealed record EffectiveOpenClaw(string? User, string StateDir, string? ConfigPath, string? Workspace, string AgentId);

public sealed record EffectiveModels(
    string? Primary,
    ValueList<string> Fallbacks,
    bool LocalOnly,
    EffectiveLocalModel? Local)
{
    public IEnumerable<string> Chain => (Primary is null ? [] : new[] { Primary }).Concat(Fallbacks);
}

public sealed record EffectiveLocalModel(string Provider, string BaseUrl, string Model, bool Pull, bool Probe)
{
    public string Ref => $"{Provider}/{Model}";
}

public sealed record EffectiveAgent(
    string ExecSecurity,
    string ExecAsk,
    bool ElevatedEnabled,
    bool? BrowserEnabled,
    bool BrowserSandbox,
    bool BrowserAllowPrivateNetwork,
    bool SocialMediaReadOnly,
    bool SkillsAllowlistOnly,
    ValueList<string>? SkillsAllow,
    string GatewayBind,
    string GatewayAuth,
    SecretRef? GatewayToken,
    int MinTokenLength,
    string RedactSensitive,
    string SandboxMode,
    string SandboxWorkspaceAccess);

public sealed record EffectiveBackups(TimeSpan Interval, bool ConfigBeforeChange);

public sealed record EffectiveSecrets(TimeSpan ApiKeyRotation, TimeSpan OAuthRotation, TimeSpan BotTokenRotation, TimeSpan PasswordRotation);

/// <summary>A place in a posture file.</summary>
public sealed record PostureSpot(string File, int Line, int Column)
{
    /// <summary>The sections whose place the loader records: what each resource kind converges comes from one of them.</summary>
    public static readonly IReadOnlyList<string> Sections =
        ["tier", "openclaw", "models", "agent", "agent.exec", "agent.skills", "agent.gateway", "agent.browser", "backups", "firewall", "secrets", "sandboxes", "monitoring", "waivers"];
}
