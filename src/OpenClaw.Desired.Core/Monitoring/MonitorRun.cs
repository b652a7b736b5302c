using OpenClaw.Desired.Monitoring.Alerts;
using OpenClaw.Desired.Monitoring.Health;
using OpenClaw.Desired.Monitoring.Metrics;

namespace OpenClaw.Desired.Monitoring;

/// <summary>One monitoring pass: the checks, the security scores, and (when asked) the alerts.</summary>
public sealed record MonitorOutcome(HealthReport Health, IReadOnlyList<CategoryScore> Scores, AlertRun? Alerts, string? AlertProblem)
{
    /// <summary>0 when every check passed and every alert was delivered, else 3.</summary>
    public int ExitCode =>
        Health.Healthy && AlertProblem is null && (Alerts?.AllDelivered ?? true) ? Reporting.ExitCodes.Ok : Reporting.ExitCodes.FailedOrUnknown;
}

public static class MonitorRun
{
    public static async Task<MonitorOutcome> RunAsync(HealthSession session, bool alert, CancellationToken cancellationToken)
    {
        var health = await HealthRunner.RunAsync(session.Posture, session.Host, cancellationToken);
        var scores = await SecurityScores.CollectAsync(session.Posture, session.Host, cancellationToken);
        if (!alert)
        {
            return new MonitorOutcome(health, scores, null, null);
        }

        var settings = MonitoringSettings.From(session.Posture);
        if (!settings.Alerts.Any)
        {
            return new MonitorOutcome(health, scores, null, "--alert: the posture names no alert channel (monitoring.alerts.telegram or .webhook)");
        }

        try
        {
            var dispatcher = await AlertDispatcher.OpenAsync(session.Posture, session.Host, cancellationToken);
            var alerts = await HealthAlerter.RunAsync(health, dispatcher, settings.Alerts, session.StateDir, HealthSession.HostName(session.Host), cancellationToken);
            return new MonitorOutcome(health, scores, alerts, null);
        }
        catch (IOException e)
        {
            // The state dir could not be locked or written: say so; the checks still count.
            return new MonitorOutcome(health, scores, null, session.Redactor.Redact($"alerts not sent: {e.Message}"));
        }
    }

    /// <summary>Everything the metrics show for one pass, plus what the loop left in the state dir.</summary>
    public static DesiredMetrics Metrics(MonitorOutcome outcome, string? stateDir, DesiredMetrics? into = null)
    {
        var metrics = into ?? new DesiredMetrics();
        metrics.Record(outcome.Health);
        metrics.Record(outcome.Scores);
        if (stateDir is not null)
        {
            if (Loop.StatusFile.Read(stateDir) is { } status)
            {
                metrics.Record(status);
            }

            if (LastReport.Read(stateDir) is { } report)
            {
                metrics.Record(report);
            }

            metrics.Record(new MonitoringState(stateDir).ReadCounters());
        }

        return metrics;
    }
}
