using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Monitoring;

/// <summary>
/// The monitoring section with every default filled in: the guide's thresholds (disk 80 %, memory 90 %,
/// 5 headless browsers, no failed cron job), a 5-minute interval and a 4-hour reminder.
/// </summary>
public sealed record MonitoringSettings
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(5);

    public TimeSpan Interval { get; init; } = DefaultInterval;

    public DiskSettings Disk { get; init; } = new();

    public MemorySettings Memory { get; init; } = new();

    public BrowserSettings Browsers { get; init; } = new(true, 5, TimeSpan.FromHours(6), 0);

    public CronSettings Cron { get; init; } = new(true, 0, TimeSpan.FromDays(7), 0);

    public GatewaySettings Gateway { get; init; } = new(true, null, null, TimeSpan.FromSeconds(3));

    public bool Targets { get; init; } = true;

    /// <summary>The own-state checks: null means "when the thing is configured (or has run) here".</summary>
    public bool? Backups { get; init; }

    public bool? Secrets { get; init; }

    public bool? Firewall { get; init; }

    public bool? Drift { get; init; }

    public bool? Loop { get; init; }

    public TimeSpan LoopGrace { get; init; } = TimeSpan.FromMinutes(5);

    public AlertSettings Alerts { get; init; } = new(null, null, TimeSpan.FromHours(4), 3, true);

    public bool ReapBrowsers { get; init; }

    /// <summary>systemd, cron or none: whether a timer runs <c>health --alert</c> every interval.</summary>
    public string Scheduler { get; init; } = "none";

    public string? Textfile { get; init; }

    public TelemetrySpec? Telemetry { get; init; }

    public static MonitoringSettings From(EffectivePosture posture) => From(posture.Document.Monitoring);

    public static MonitoringSettings From(MonitoringSpec? spec)
    {
        var checks = spec?.Checks;
        var alerts = spec?.Alerts;
        return new MonitoringSettings
        {
            Interval = ParseOr(spec?.Interval, DefaultInterval),
            Disk = new DiskSettings(checks?.Disk?.Enabled ?? true, checks?.Disk?.MaxPercent ?? 80),
            Memory = new MemorySettings(checks?.Memory?.Enabled ?? true, checks?.Memory?.MaxPercent ?? 90),
            Browsers = new BrowserSettings(
                checks?.Browsers?.Enabled ?? true,
                checks?.Browsers?.Max ?? 5,
                ParseOr(checks?.Browsers?.MaxAge, TimeSpan.FromHours(6)),
                checks?.Browsers?.MaxOrphans ?? 0),
            Cron = new CronSettings(
                checks?.Cron?.Enabled ?? true,
                checks?.Cron?.MaxFailed ?? 0,
                ParseOr(checks?.Cron?.Window, TimeSpan.FromDays(7)),
                checks?.Cron?.MinSuccessRatio ?? 0),
            Gateway = new GatewaySettings(
                checks?.Gateway?.Enabled ?? true,
                checks?.Gateway?.Host,
                checks?.Gateway?.Port,
                ParseOr(checks?.Gateway?.Timeout, TimeSpan.FromSeconds(3))),
            Targets = checks?.Targets?.Enabled ?? true,
            Backups = checks?.Backups?.Enabled,
            Secrets = checks?.Secrets?.Enabled,
            Firewall = checks?.Firewall?.Enabled,
            Drift = checks?.Drift?.Enabled,
            Loop = checks?.Loop?.Enabled,
            LoopGrace = ParseOr(checks?.Loop?.Grace, TimeSpan.FromMinutes(5)),
            Alerts = new AlertSettings(
                alerts?.Telegram,
                alerts?.Webhook,
                ParseOr(alerts?.Repeat, TimeSpan.FromHours(4)),
                alerts?.Retries ?? 3,
                alerts?.Recovery ?? true),
            ReapBrowsers = spec?.Browsers?.Reap ?? false,
            Scheduler = spec?.Scheduler ?? "none",
            Textfile = spec?.Textfile,
            Telemetry = spec?.Telemetry,
        };
    }

    private static TimeSpan ParseOr(string? text, TimeSpan fallback) =>
        Duration.TryParse(text, out var value) && value > TimeSpan.Zero ? value : fallback;
}

public sealed record DiskSettings(bool Enabled = true, double MaxPercent = 80);

public sealed record MemorySettings(bool Enabled = true, double MaxPercent = 90);

public sealed record BrowserSettings(bool Enabled, int Max, TimeSpan MaxAge, int MaxOrphans);

public sealed record CronSettings(bool Enabled, int MaxFailed, TimeSpan Window, double MinSuccessRatio);

public sealed record GatewaySettings(bool Enabled, string? Host, int? Port, TimeSpan Timeout);

/// <summary>Where alerts go and how often; secrets stay references until a channel resolves them.</summary>
public sealed record AlertSettings(TelegramSpec? Telegram, WebhookSpec? Webhook, TimeSpan Repeat, int Retries, bool Recovery)
{
    public bool Any => Telegram is not null || Webhook is not null;
}
