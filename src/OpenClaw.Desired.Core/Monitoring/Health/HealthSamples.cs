namespace OpenClaw.Desired.Monitoring.Health;

/// <summary>
/// What the checks measured beyond their verdicts, for the metrics: each check fills its own part (so the
/// concurrent checks never write the same field) and leaves the others null.
/// </summary>
public sealed class HealthSamples
{
    public IReadOnlyList<FilesystemSample>? Filesystems { get; set; }

    public MemorySample? Memory { get; set; }

    public BrowserSample? Browsers { get; set; }

    public IReadOnlyList<CronJobSample>? CronJobs { get; set; }

    public bool? GatewayUp { get; set; }

    public IReadOnlyList<BackupSample>? Backups { get; set; }

    public SecretsSample? Secrets { get; set; }

    public int? FirewallPending { get; set; }

    public IReadOnlyDictionary<string, double> CheckSeconds { get; set; } = new Dictionary<string, double>();
}

/// <summary>One filesystem: the paths on it the disk check looked at, its size and what is free.</summary>
public sealed record FilesystemSample(string Path, IReadOnlyList<string> Holds, long SizeBytes, long AvailableBytes, double UsedRatio);

public sealed record MemorySample(long TotalBytes, long AvailableBytes, double UsedRatio);

/// <summary>Headless browsers of the agent user: main processes, all their processes, orphans, and the oldest one's age.</summary>
public sealed record BrowserSample(int Browsers, int Processes, int Orphaned, int TooOld, double OldestSeconds);

/// <summary>One OpenClaw cron job as the health check saw it; the state is ok, error, disabled, auto_disabled or never_run.</summary>
public sealed record CronJobSample(
    string Id,
    string Name,
    string State,
    int ConsecutiveErrors,
    DateTimeOffset? LastRun,
    int RunsOk,
    int RunsFailed)
{
    /// <summary>Successful runs among finished ones in the window; null without runs.</summary>
    public double? SuccessRatio => RunsOk + RunsFailed == 0 ? null : RunsOk / (double)(RunsOk + RunsFailed);
}

/// <summary>One backup copy: its last success's age against the schedule's limit.</summary>
public sealed record BackupSample(string Name, double? AgeSeconds, double MaxAgeSeconds);

public sealed record SecretsSample(int Tracked, int Overdue);
