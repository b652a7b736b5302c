using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace OpenClaw.Desired.Posture;

public enum Tier
{
    Basic,
    Standard,
    Paranoid,
}

/// <summary>posture.yaml as written (version 1). Null means "not stated": the tier fills it in.</summary>
public sealed record PostureDocument(
    string ApiVersion,
    string Tier,
    IReadOnlyList<string>? Include,
    OpenClawSpec? OpenClaw,
    ModelsSpec? Models,
    AgentSpec? Agent,
    BackupsSpec? Backups,
    FirewallSpec? Firewall,
    SecretsSpec? Secrets,
    SandboxesSpec? Sandboxes,
    MonitoringSpec? Monitoring,
    SourceSpec? Source)
{
    /// <summary>How long the reconciler keeps its own run folders and quarantine (history: in posture.yaml).</summary>
    public HistorySpec? History { get; init; }

    /// <summary>Known risks accepted until a date (see <see cref="Waivers.WaiverSpec"/>).</summary>
    public IReadOnlyList<Waivers.WaiverSpec>? Waivers { get; init; }

    /// <summary>The security score's target (score: in posture.yaml).</summary>
    public ScoreSpec? Score { get; init; }

    /// <summary>The paths whose hashes every apply records (integrity: in posture.yaml).</summary>
    public IntegritySpec? Integrity { get; init; }
}

/// <summary>score: the target, 0-10; null takes the tier's default.</summary>
public sealed record ScoreSpec(double? Target);

/// <summary>integrity: watch the defaults (unless false) and these paths.</summary>
public sealed record IntegritySpec(bool? Defaults, IReadOnlyList<string>? Paths);

/// <summary>history: run folders kept by count and age; quarantine kept by age. Pruned files are overwritten before removal.</summary>
public sealed record HistorySpec(int? Runs, string? MaxAge, string? Quarantine);

public sealed record OpenClawSpec(string? User, string? StateDir, string? ConfigPath, string? Workspace, string? AgentId, string? Cli = null, string? AuditTimeout = null, bool? AuditDeep = null);

public sealed record ModelsSpec(
    string? Primary,
    IReadOnlyList<string>? Fallbacks,
    bool? LocalOnly,
    LocalModelSpec? Local,
    IReadOnlyDictionary<string, ProviderSpec>? Providers);

public sealed record LocalModelSpec(string? Provider, string? BaseUrl, string Model, bool? Pull, bool? Probe);

public sealed record ProviderSpec(bool? Local, string? BaseUrl);

public sealed record AgentSpec(
    ExecSpec? Exec,
    ElevatedSpec? Elevated,
    BrowserSpec? Browser,
    SocialMediaSpec? SocialMedia,
    SkillsSpec? Skills,
    GatewaySpec? Gateway,
    LoggingSpec? Logging,
    ToolsSpec? Tools = null,
    HooksSpec? Hooks = null,
    ChannelsSpec? Channels = null,
    PluginsSpec? Plugins = null);

public sealed record ExecSpec(string? Security, string? Ask);

public sealed record ElevatedSpec(bool? Enabled);

public sealed record BrowserSpec(bool? Enabled, bool? Sandbox, bool? AllowPrivateNetwork, string? CdpSourceRange = null);

public sealed record SocialMediaSpec(bool? ReadOnly);

public sealed record SkillsSpec(bool? AllowlistOnly, IReadOnlyList<string>? Allow);

public sealed record GatewaySpec(
    string? Bind,
    string? Auth,
    SecretRef? Token,
    int? MinTokenLength,
    string? Tailscale = null,
    IReadOnlyList<string>? TrustedProxies = null,
    TrustedProxySpec? TrustedProxy = null,
    ControlUiSpec? ControlUi = null);

/// <summary>agent.gateway.trustedProxy: who the reverse proxy vouches for when gateway auth is trusted-proxy.</summary>
public sealed record TrustedProxySpec(string? UserHeader, IReadOnlyList<string>? AllowUsers);

/// <summary>agent.gateway.controlUi: the browser origins allowed to use the Control UI.</summary>
public sealed record ControlUiSpec(bool? Enabled, IReadOnlyList<string>? AllowedOrigins);

/// <summary>agent.tools: the tool profile every agent gets at least.</summary>
public sealed record ToolsSpec(string? Profile);

/// <summary>agent.hooks: the webhook ingress (hooks.*) when OpenClaw's hooks are enabled.</summary>
public sealed record HooksSpec(SecretRef? Token, string? Path, string? DefaultSessionKey, IReadOnlyList<string>? AllowedAgentIds, IReadOnlyDictionary<string, PluginPinSpec>? Pins = null);

/// <summary>agent.channels: who may talk to the agent on chat channels.</summary>
public sealed record ChannelsSpec(
    string? DmPolicy,
    string? GroupPolicy,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? AllowFrom,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? GroupAllowFrom);

/// <summary>agent.plugins: which installed plugins may load, and the versions (with integrity) they are pinned to.</summary>
public sealed record PluginsSpec(IReadOnlyList<string>? Allow, IReadOnlyDictionary<string, PluginPinSpec>? Pins);

public sealed record PluginPinSpec(string Version, string? Integrity);

public sealed record LoggingSpec(string? RedactSensitive);

public sealed record BackupsSpec(
    string? Interval,
    bool? ConfigBeforeChange,
    string? Scheduler,
    GitBackupSpec? Git,
    IReadOnlyList<ArchiveSpec>? Archives,
    BackupVerifySpec? Verify);

/// <summary>backups.git: the workspace repository and its two remotes.</summary>
public sealed record GitBackupSpec(string? Repo, string? Branch, string? MaxAge, string? Schedule, GitRemoteSpec? Primary, GitRemoteSpec? Secondary);

public sealed record GitRemoteSpec(string? Name, string Url, SecretRef? Credential, bool? Offsite);

/// <summary>One restic repository of backups.archives.</summary>
public sealed record ArchiveSpec(
    string Name,
    string Repository,
    SecretRef Password,
    SecretRef? Credential,
    IReadOnlyDictionary<string, SecretRef>? Env,
    IReadOnlyList<string> Paths,
    string? Schedule,
    string? MaxAge,
    bool? Offsite,
    RetentionSpec? Keep);

public sealed record RetentionSpec(int? Hourly, int? Daily, int? Weekly, int? Monthly);

public sealed record BackupVerifySpec(string? Check, string? RestoreTest, string? MaxAge, int? Sample);

public sealed record FirewallSpec(
    string? Level,
    string? Table,
    string? ConfirmTimeout,
    bool? AllowGitRemote,
    string? Netns,
    FirewallDnsSpec? Dns,
    IReadOnlyList<FirewallRuleSpec>? Egress,
    IReadOnlyList<FirewallRuleSpec>? Inbound,
    FirewallProxySpec? Proxy)
{
    /// <summary>The operator knows no inbound rule lets SSH in (the console is the way in): apply goes ahead.</summary>
    public bool? AcknowledgeNoSsh { get; init; }
}

public sealed record FirewallDnsSpec(IReadOnlyList<string>? Resolvers);

/// <summary>One egress or inbound rule as written; addresses are checked by the firewall's semantic checks.</summary>
public sealed record FirewallRuleSpec(
    string Name,
    string? Proto,
    IReadOnlyList<int>? Ports,
    IReadOnlyList<string>? To,
    IReadOnlyList<string>? From,
    string? User,
    string? Cgroup);

public sealed record FirewallProxySpec(string? User, string? Listen, IReadOnlyList<string>? NoProxy);

public sealed record SecretsSpec(
    SecretStoreSpec? Store,
    RotationSpec? Rotation,
    SecretScanSpec? Scan,
    IReadOnlyList<DeclaredSecret>? Declared,
    string? BackupRecipient);

/// <summary>Where consolidated secrets live: OpenClaw's .env (env), its file provider (file), or Vault KV v2 (vault).</summary>
public sealed record SecretStoreSpec(string Kind, string? Path, string? Provider, VaultStoreSpec? Vault);

public sealed record VaultStoreSpec(string Address, string? Namespace, string? Mount, string? Path, VaultAuthSpec? Auth, string? Resolver);

public sealed record VaultAuthSpec(string Method, string? TokenEnv, string? RoleIdEnv, string? SecretIdEnv);

/// <summary>What the secrets scan covers; <see cref="Rules"/> names a gitleaks-format TOML file of extra rules and allowlists (a host path).</summary>
public sealed record SecretScanSpec(bool? SessionLogs, IReadOnlyList<string>? Paths, IReadOnlyList<string>? Exclude, string? Rules = null);

public sealed record RotationSpec(string? ApiKey, string? OAuth, string? BotToken, string? Password);

public sealed record DeclaredSecret(string Name, string Type, SecretRef? Value);

public sealed record SandboxesSpec(
    EngineSpec? Engine,
    SandboxOpenClawSpec? OpenClaw,
    ContainerSpec? Defaults,
    IReadOnlyDictionary<string, ContainerSpec>? Skills,
    string? OnHashMismatch,
    AuditSpec? Audit);

public sealed record EngineSpec(string? Socket);

public sealed record SandboxOpenClawSpec(string? Mode, string? WorkspaceAccess);

/// <summary>A skill's container as written: defaults, or one skill's overrides of them.</summary>
public sealed record ContainerSpec(
    string? Image,
    BuildSpec? Build,
    bool? ReadOnlyRoot,
    string? Network,
    string? User,
    string? TmpfsSize,
    string? Memory,
    int? Pids,
    double? Cpus,
    bool? Privileged,
    IReadOnlyList<string>? CapAdd,
    IReadOnlyList<string>? Binds,
    string? Workspace,
    string? Output,
    string? Hash,
    IReadOnlyList<string>? Command);

public sealed record BuildSpec(string Context, string? Dockerfile);

public sealed record AuditSpec(string? Block);

public sealed record SourceSpec(string? Repo, string? Ref, string? Path, IReadOnlyList<string>? HostGroups, JsonObject? Verify);

/// <summary>
/// A secret in the posture: a literal, or a reference resolved on the host. Its value never leaves through
/// <see cref="ToString"/>, which only says where it comes from.
/// </summary>
[JsonConverter(typeof(SecretRefConverter))]
public sealed record SecretRef(string? Literal, string? Env, string? File, string? Store)
{
    public override string ToString() =>
        Env is not null ? $"env:{Env}" : File is not null ? $"file:{File}" : Store is not null ? $"store:{Store}" : "literal";
}
