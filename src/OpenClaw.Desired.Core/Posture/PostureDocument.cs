using Newtonsoft.Json;

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
    SourceSpec? Source);

public sealed record OpenClawSpec(string? User, string? StateDir, string? ConfigPath, string? Workspace, string? AgentId);

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
    LoggingSpec? Logging);

public sealed record ExecSpec(string? Security, string? Ask);

public sealed record ElevatedSpec(bool? Enabled);

public sealed record BrowserSpec(bool? Enabled, bool? Sandbox, bool? AllowPrivateNetwork);

public sealed record SocialMediaSpec(bool? ReadOnly);

public sealed record SkillsSpec(bool? AllowlistOnly, IReadOnlyList<string>? Allow);

public sealed record GatewaySpec(string? Bind, string? Auth, SecretRef? Token, int? MinTokenLength);

public sealed record LoggingSpec(string? RedactSensitive);

public sealed record BackupsSpec(
    string? Interval,
    bool? ConfigBeforeChange,
    string? Scheduler,
    Newtonsoft.Json.Linq.JObject? Git,
    Newtonsoft.Json.Linq.JArray? Archives,
    Newtonsoft.Json.Linq.JObject? Verify);

public sealed record FirewallSpec(
    string? Level,
    string? Table,
    string? ConfirmTimeout,
    bool? AllowGitRemote,
    Newtonsoft.Json.Linq.JObject? Dns,
    Newtonsoft.Json.Linq.JArray? Egress,
    Newtonsoft.Json.Linq.JArray? Inbound,
    Newtonsoft.Json.Linq.JObject? Proxy);

public sealed record SecretsSpec(
    Newtonsoft.Json.Linq.JObject? Store,
    RotationSpec? Rotation,
    Newtonsoft.Json.Linq.JObject? Scan,
    IReadOnlyList<DeclaredSecret>? Declared,
    string? BackupRecipient);

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

public sealed record MonitoringSpec(string? Interval, Newtonsoft.Json.Linq.JArray? Targets, Newtonsoft.Json.Linq.JObject? Alerts);

public sealed record SourceSpec(string? Repo, string? Ref, string? Path, IReadOnlyList<string>? HostGroups, Newtonsoft.Json.Linq.JObject? Verify);

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
