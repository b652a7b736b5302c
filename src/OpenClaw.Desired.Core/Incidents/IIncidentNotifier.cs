namespace OpenClaw.Desired.Incidents;

/// <summary>What an incident alert is about.</summary>
public enum IncidentKind
{
    /// <summary>A lockdown began (or was extended by a second lockdown that had to act).</summary>
    Lockdown,

    /// <summary>A lockdown was released.</summary>
    LockdownReleased,

    /// <summary>Watched files changed outside the reconciler since the last apply.</summary>
    IntegrityDrift,

    /// <summary>The security score fell below score.target.</summary>
    ScoreBelowTarget,
}

/// <summary>
/// One alert for the operator: what, how serious, a title and lines of detail (paths, names, hashes: never a
/// secret value; every text has passed the run's redactor), the host and when.
/// </summary>
public sealed record IncidentAlert(IncidentKind Kind, string Severity, string Title, IReadOnlyList<string> Lines, DateTimeOffset At)
{
    /// <summary>The host the alert is about (its name).</summary>
    public string Host { get; init; } = Environment.MachineName;
}

/// <summary>
/// Where lockdown, integrity drift and the score gate send alerts. This build knows no alert channel: the CLI wires
/// <see cref="NullIncidentNotifier"/> (see the CLI's IncidentWiring), and the monitoring's channels plug in there.
/// Implementations must not throw for their own delivery failures and must not block long.
/// </summary>
public interface IIncidentNotifier
{
    Task NotifyAsync(IncidentAlert alert, CancellationToken cancellationToken);
}

/// <summary>Sends nothing. The default until an alert channel is configured.</summary>
public sealed class NullIncidentNotifier : IIncidentNotifier
{
    public static NullIncidentNotifier Instance { get; } = new();

    public Task NotifyAsync(IncidentAlert alert, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Keeps every alert in memory: for tests, and for a report of what was sent.</summary>
public sealed class RecordingIncidentNotifier : IIncidentNotifier
{
    private readonly List<IncidentAlert> _alerts = [];
    private readonly Lock _gate = new();

    public IReadOnlyList<IncidentAlert> Alerts
    {
        get
        {
            lock (_gate)
            {
                return [.. _alerts];
            }
        }
    }

    public Task NotifyAsync(IncidentAlert alert, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _alerts.Add(alert);
        }

        return Task.CompletedTask;
    }
}
