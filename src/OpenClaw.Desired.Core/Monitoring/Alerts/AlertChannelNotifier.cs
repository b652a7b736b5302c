using OpenClaw.Desired.Host;
using OpenClaw.Desired.Incidents;
using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Monitoring.Alerts;

/// <summary>
/// Sends incident alerts (lockdown, release, integrity drift, the score below its target) to the alert channels the
/// posture configures under <c>monitoring.alerts</c>: the same Telegram chat and webhook as the health alerts, with
/// the same retries and redaction. With no channel configured nothing is sent.
/// </summary>
public sealed class AlertChannelNotifier(EffectivePosture posture, HostContext host) : IIncidentNotifier
{
    /// <summary>What every delivery to every channel ended as, in order (the caller reports the failed ones).</summary>
    public List<DeliveryResult> Deliveries { get; } = [];

    public async Task NotifyAsync(IncidentAlert alert, CancellationToken cancellationToken)
    {
        var dispatcher = await AlertDispatcher.OpenAsync(posture, host, cancellationToken);
        if (!dispatcher.Configured)
        {
            return;
        }

        var notice = ToNotice(alert);
        Deliveries.AddRange(await dispatcher.SendAsync(notice, cancellationToken));
    }

    /// <summary>The alert as a notice: its severity mapped, its source named after its kind.</summary>
    public static AlertNotice ToNotice(IncidentAlert alert) =>
        new(alert.Title, Severity(alert.Severity), alert.Lines)
        {
            Source = alert.Kind switch
            {
                IncidentKind.Lockdown => "lockdown",
                IncidentKind.LockdownReleased => "release",
                IncidentKind.IntegrityDrift => "integrity",
                IncidentKind.ScoreBelowTarget => "score",
                _ => "incident",
            },
            Host = alert.Host,
        };

    private static AlertSeverity Severity(string severity) => severity.ToLowerInvariant() switch
    {
        "critical" or "high" => AlertSeverity.Critical,
        "warning" or "medium" => AlertSeverity.Warning,
        _ => AlertSeverity.Info,
    };
}
