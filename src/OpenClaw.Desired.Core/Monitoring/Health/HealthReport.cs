namespace OpenClaw.Desired.Monitoring.Health;

/// <summary>One run of the health checks: every verdict in a stable order, the details metrics need, and how long it took.</summary>
public sealed record HealthReport(DateTimeOffset At, IReadOnlyList<HealthCheckResult> Checks, HealthSamples Samples, TimeSpan Took)
{
    /// <summary>Failed when any check failed, else unknown when any could not see, else ok.</summary>
    public HealthStatus Overall =>
        Checks.Any(c => c.Status == HealthStatus.Failed) ? HealthStatus.Failed
        : Checks.Any(c => c.Status == HealthStatus.Unknown) ? HealthStatus.Unknown
        : HealthStatus.Ok;

    public bool Healthy => Checks.All(c => c.Healthy);

    public HealthCheckResult? this[string name] => Checks.FirstOrDefault(c => c.Name == name);
}
