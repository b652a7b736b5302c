using OpenClaw.Desired.Resources.Backups;

namespace OpenClaw.Desired.Monitoring.Health;

/// <summary>
/// <c>backups</c>: every backup the posture schedules (the workspace push, each restic archive) succeeded
/// within its maxAge (by default twice backups.interval), from the results the scheduled jobs leave in the
/// reconciler's state dir. The value is the stalest copy's age in seconds.
/// </summary>
public sealed class BackupsCheck : IHealthCheck
{
    public const string CheckName = "backups";

    public string Name => CheckName;

    public bool AppliesTo(HealthContext context) =>
        context.Settings.Backups ?? (context.Posture.Document.Backups is { } b && (b.Git is not null || (b.Archives?.Count ?? 0) > 0));

    public Task<IReadOnlyList<HealthCheckResult>> RunAsync(HealthContext context, CancellationToken cancellationToken)
    {
        if (context.StateDir is not { } stateDir)
        {
            return Result(HealthCheckResult.Unknown(Name, "no reconciler state dir to read backup results from", null, "seconds"));
        }

        var desired = BackupsDesired.From(context.Posture, context.Host);
        var records = new RecordStore(stateDir);
        var copies = new List<(string Name, DateTimeOffset? At, TimeSpan MaxAge)>();
        if (desired.Git is { } git)
        {
            copies.Add((BackupsDesired.GitName, records.LastSuccess(BackupsDesired.GitName, BackupOperations.Push)?.At, git.MaxAge));
        }

        copies.AddRange(desired.Archives.Select(a => (a.Name, records.LastSuccess(a.Name, BackupOperations.Backup)?.At, a.MaxAge)));
        if (copies.Count == 0)
        {
            return Result(HealthCheckResult.Unknown(Name, "the posture schedules no backup", null, "seconds"));
        }

        var samples = copies.Select(c => new BackupSample(c.Name, c.At is { } at ? Math.Max(0, (context.Now - at).TotalSeconds) : null, c.MaxAge.TotalSeconds)).ToList();
        context.Samples.Backups = samples;
        var stale = samples.Where(s => s.AgeSeconds is null || s.AgeSeconds > s.MaxAgeSeconds).ToList();
        var worst = samples.MaxBy(s => s.AgeSeconds is { } age ? age / s.MaxAgeSeconds : double.MaxValue)!;
        var describe = string.Join(", ", samples.Select(s => s.AgeSeconds is { } age
            ? $"{s.Name} {BrowsersCheck.Age(TimeSpan.FromSeconds(age))} ago (max {Posture.Duration.Format(TimeSpan.FromSeconds(s.MaxAgeSeconds))})"
            : $"{s.Name} never succeeded"));
        var message = stale.Count == 0 ? $"every backup is fresh: {describe}" : $"{stale.Count} backup(s) overdue: {describe}";
        return Result(HealthCheckResult.Judge(Name, stale.Count == 0, worst.AgeSeconds is { } w ? Math.Round(w) : null, worst.MaxAgeSeconds, "seconds", message));
    }

    private static Task<IReadOnlyList<HealthCheckResult>> Result(HealthCheckResult result) =>
        Task.FromResult<IReadOnlyList<HealthCheckResult>>([result]);
}
