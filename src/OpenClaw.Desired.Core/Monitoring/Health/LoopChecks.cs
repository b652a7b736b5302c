using System.Text.Json;
using OpenClaw.Desired.Loop;
using OpenClaw.Desired.Reporting;

namespace OpenClaw.Desired.Monitoring.Health;

/// <summary>
/// <c>drift</c>: the converge loop's last tick found the host converged: no change it planned and did not
/// apply (a detect-only or suspended loop, a change that did not converge) and nothing it could not see.
/// Runs where the loop has left a report.
/// </summary>
public sealed class DriftCheck : IHealthCheck
{
    public const string CheckName = "drift";

    public string Name => CheckName;

    public bool AppliesTo(HealthContext context) =>
        context.Settings.Drift ?? (context.StateDir is { } dir && File.Exists(Path.Combine(dir, StatusFile.LastReport)));

    public Task<IReadOnlyList<HealthCheckResult>> RunAsync(HealthContext context, CancellationToken cancellationToken)
    {
        var report = LastReport.Read(context.StateDir);
        if (report is null)
        {
            return Task.FromResult<IReadOnlyList<HealthCheckResult>>([HealthCheckResult.Unknown(Name, "the loop has left no readable last-report.json", 0, "changes")]);
        }

        var open = report.Mode == "apply" ? report.NotConverged.Count : report.Changes.Count;
        var unknown = report.Summary.Unknown;
        var at = $"tick of {report.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm}Z ({report.Result})";
        HealthCheckResult result = unknown > 0 && open == 0
            ? HealthCheckResult.Unknown(Name, $"{at}: {unknown} resource(s) could not be probed", 0, "changes") with { Value = 0 }
            : HealthCheckResult.Judge(Name, open == 0, open, 0, "changes",
                open == 0 ? $"{at}: the host matches the posture" : $"{at}: {open} change(s) not converged: {string.Join(", ", Kinds(report))}");
        return Task.FromResult<IReadOnlyList<HealthCheckResult>>([result]);
    }

    private static IEnumerable<string> Kinds(RunReport report) =>
        (report.Mode == "apply" ? report.NotConverged : report.Changes).GroupBy(c => c.Kind).Select(g => $"{g.Key} {g.Count()}");
}

/// <summary>
/// <c>loop</c>: the converge loop is alive: its next tick is not overdue by more than the grace, and its
/// last ticks did not all fail. Runs where the loop has run (or when <c>checks.loop.enabled</c> demands it).
/// </summary>
public sealed class LoopCheck : IHealthCheck
{
    public const string CheckName = "loop";

    public string Name => CheckName;

    public bool AppliesTo(HealthContext context) =>
        context.Settings.Loop ?? (context.StateDir is { } dir && File.Exists(Path.Combine(dir, StatusFile.FileName)));

    public Task<IReadOnlyList<HealthCheckResult>> RunAsync(HealthContext context, CancellationToken cancellationToken)
    {
        var status = context.StateDir is { } dir ? StatusFile.Read(dir) : null;
        var grace = context.Settings.LoopGrace;
        if (status is null)
        {
            return Result(HealthCheckResult.Failed(Name, null, grace.TotalSeconds, "seconds", "the converge loop has never run here (no status.json)"));
        }

        var last = status.LastRun is { } l ? $"last tick {l.UtcDateTime:yyyy-MM-dd HH:mm}Z ({status.Result})" : "no tick yet";
        if (status.NextRun is not { } next)
        {
            return Result(context.Settings.Loop == true
                ? HealthCheckResult.Failed(Name, null, grace.TotalSeconds, "seconds", $"the loop is not running: {last}, no next tick planned")
                : HealthCheckResult.Ok(Name, 0, grace.TotalSeconds, "seconds", $"{last}; the loop is not running (stopped, or run once)"));
        }

        var late = (context.Now - next).TotalSeconds;
        if (late > grace.TotalSeconds)
        {
            return Result(HealthCheckResult.Failed(Name, Math.Round(late), grace.TotalSeconds, "seconds",
                $"stalled: the tick due {next.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z is {BrowsersCheck.Age(TimeSpan.FromSeconds(late))} late; {last}"));
        }

        if (status.ConsecutiveFailures >= 3)
        {
            return Result(HealthCheckResult.Failed(Name, Math.Max(0, Math.Round(late)), grace.TotalSeconds, "seconds",
                $"the last {status.ConsecutiveFailures} ticks failed; {last}"));
        }

        var stalled = status.Stalled.Count > 0 ? $"; {status.Stalled.Count} change(s) wait for a human" : string.Empty;
        return Result(HealthCheckResult.Ok(Name, Math.Max(0, Math.Round(late)), grace.TotalSeconds, "seconds", $"{last}, next {next.UtcDateTime:HH:mm:ss}Z{stalled}"));
    }

    private static Task<IReadOnlyList<HealthCheckResult>> Result(HealthCheckResult result) =>
        Task.FromResult<IReadOnlyList<HealthCheckResult>>([result]);
}

/// <summary>The loop's <c>last-report.json</c>, or null when there is none (or it is torn).</summary>
public static class LastReport
{
    public static RunReport? Read(string? stateDir)
    {
        if (stateDir is null)
        {
            return null;
        }

        try
        {
            var path = Path.Combine(stateDir, StatusFile.LastReport);
            return File.Exists(path) ? ReportWriter.Read(File.ReadAllBytes(path)) : null;
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return null;
        }
    }
}
