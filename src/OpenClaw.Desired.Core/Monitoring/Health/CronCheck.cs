using System.Text.Json;
using Microsoft.Data.Sqlite;
using OpenClaw.Desired.Monitoring.Cron;

namespace OpenClaw.Desired.Monitoring.Health;

/// <summary>
/// <c>cron</c>: OpenClaw's cron jobs in every storage era. A job fails when it is enabled and its last run
/// failed, when OpenClaw disabled it after repeated errors, or when its success ratio in the window is below
/// minSuccessRatio. The value is the number of failing jobs; more than maxFailed fails the check.
/// </summary>
public sealed class CronCheck : IHealthCheck
{
    public const string CheckName = "cron";

    public string Name => CheckName;

    public bool AppliesTo(HealthContext context) => context.Settings.Cron.Enabled;

    public Task<IReadOnlyList<HealthCheckResult>> RunAsync(HealthContext context, CancellationToken cancellationToken)
    {
        var settings = context.Settings.Cron;
        if (context.ConfigProblem is { } configProblem)
        {
            return Result(HealthCheckResult.Unknown(Name, $"cannot tell where the cron store is: {configProblem}", settings.MaxFailed, "jobs"));
        }

        if (!CronStores.Enabled(context))
        {
            context.Samples.CronJobs = [];
            return Result(HealthCheckResult.Ok(Name, 0, settings.MaxFailed, "jobs", "OpenClaw's scheduler is off (cron.enabled: false)"));
        }

        CronInventory inventory;
        try
        {
            inventory = CronStores.Read(context);
        }
        catch (Exception e) when (e is IOException or JsonException or InvalidDataException or SqliteException or UnauthorizedAccessException)
        {
            return Result(HealthCheckResult.Unknown(Name, $"cannot read the cron store: {HealthContext.Describe(e)}", settings.MaxFailed, "jobs"));
        }

        var failing = new List<string>();
        var samples = new List<CronJobSample>();
        foreach (var job in inventory.Jobs.OrderBy(j => j.Id, StringComparer.Ordinal))
        {
            var runs = inventory.Runs.GetValueOrDefault(job.Id) ?? new CronRunCounts(0, 0);
            var sample = new CronJobSample(job.Id, context.Scrub(job.Name, 80), job.State, job.ConsecutiveErrors,
                job.LastRunAtMs is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at) : null, runs.Ok, runs.Failed);
            samples.Add(sample);
            if (Why(job, sample, settings) is { } why)
            {
                failing.Add($"{sample.Name} ({why})");
            }
        }

        context.Samples.CronJobs = samples;
        var summary = inventory.Era == "none"
            ? "no cron store (no job is scheduled)"
            : $"{inventory.Jobs.Count} job(s) in {inventory.Era}";
        if (inventory.Problems.Count > 0 && failing.Count <= settings.MaxFailed)
        {
            return Result(HealthCheckResult.Unknown(Name, $"{summary}; {string.Join("; ", inventory.Problems.Take(3))}", settings.MaxFailed, "jobs") with { Value = failing.Count });
        }

        var message = failing.Count == 0
            ? $"{summary}, none failing"
            : $"{summary}, {failing.Count} failing: {string.Join("; ", failing.Take(5))}{(failing.Count > 5 ? "; …" : "")}";
        return Result(HealthCheckResult.Judge(Name, failing.Count <= settings.MaxFailed, failing.Count, settings.MaxFailed, "jobs", message));

        string? Why(CronJobView job, CronJobSample sample, CronSettings limits)
        {
            if (job.AutoDisabled)
            {
                return $"disabled by OpenClaw after {Math.Max(job.ConsecutiveErrors, job.ScheduleErrors)} errors";
            }

            if (job.Enabled && job.LastStatus == "error")
            {
                var error = job.LastError is { Length: > 0 } e ? ": " + context.Scrub(e, 120) : string.Empty;
                return $"last run failed{(job.ConsecutiveErrors > 1 ? $", {job.ConsecutiveErrors} in a row" : "")}{error}";
            }

            if (job.Enabled && limits.MinSuccessRatio > 0 && sample.SuccessRatio is { } ratio && ratio < limits.MinSuccessRatio)
            {
                return $"{ratio:P0} of runs succeeded in the last {Posture.Duration.Format(limits.Window)}";
            }

            return null;
        }
    }

    private static Task<IReadOnlyList<HealthCheckResult>> Result(HealthCheckResult result) =>
        Task.FromResult<IReadOnlyList<HealthCheckResult>>([result]);
}
