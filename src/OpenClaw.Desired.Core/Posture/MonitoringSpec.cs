namespace OpenClaw.Desired.Posture;

/// <summary>
/// The monitoring section as written: how often the health checks run, the health targets (also used by the
/// firewall's commit-confirm), each check's threshold, where alerts go, and OpenClaw's own telemetry.
/// See docs/monitoring.md; the effective values are <see cref="Monitoring.MonitoringSettings"/>.
/// </summary>
public sealed record MonitoringSpec(
    string? Interval,
    System.Text.Json.Nodes.JsonArray? Targets,
    MonitoringChecksSpec? Checks,
    AlertsSpec? Alerts,
    BrowserReapSpec? Browsers,
    string? Scheduler,
    string? Textfile,
    TelemetrySpec? Telemetry);

/// <summary>monitoring.checks: one entry per check; every key is optional.</summary>
public sealed record MonitoringChecksSpec(
    CheckSpec? Disk,
    CheckSpec? Memory,
    CheckSpec? Browsers,
    CheckSpec? Cron,
    CheckSpec? Gateway,
    CheckSpec? Targets,
    CheckSpec? Backups,
    CheckSpec? Secrets,
    CheckSpec? Firewall,
    CheckSpec? Drift,
    CheckSpec? Loop);

/// <summary>One check's settings; the schema allows each check only the keys that mean something to it.</summary>
public sealed record CheckSpec(
    bool? Enabled,
    double? MaxPercent,
    int? Max,
    string? MaxAge,
    int? MaxOrphans,
    int? MaxFailed,
    string? Window,
    double? MinSuccessRatio,
    string? Host,
    int? Port,
    string? Timeout,
    string? Grace);

/// <summary>monitoring.alerts: the channels, and how often a failing check is repeated.</summary>
public sealed record AlertsSpec(TelegramSpec? Telegram, WebhookSpec? Webhook, string? Repeat, int? Retries, bool? Recovery);

/// <summary>The Telegram Bot API channel: the bot token only as a reference, never literal.</summary>
public sealed record TelegramSpec(SecretRef BotToken, SecretRef ChatId, string? ApiBase);

/// <summary>A generic webhook (JSON, Slack or Discord body); the HMAC secret only as a reference.</summary>
public sealed record WebhookSpec(SecretRef Url, SecretRef? Secret, string? Format);

/// <summary>monitoring.browsers: end orphaned headless browsers of the agent user.</summary>
public sealed record BrowserReapSpec(bool? Reap);

/// <summary>monitoring.telemetry: OpenClaw's diagnostics-otel plugin, converged in openclaw.json.</summary>
public sealed record TelemetrySpec(
    bool? Enabled,
    string? Endpoint,
    string? Protocol,
    string? ServiceName,
    bool? Metrics,
    bool? Traces,
    bool? Logs,
    double? SampleRate);
