namespace OpenClaw.Desired.Monitoring.Health;

/// <summary>
/// One health check. It never throws for what it finds on the host: a file it may not read, a process that
/// vanished or a port that does not answer becomes a result (failed, or unknown when it could not see).
/// </summary>
public interface IHealthCheck
{
    /// <summary>The name in results, alerts and the <c>check</c> label of the metrics.</summary>
    string Name { get; }

    /// <summary>Whether this check runs on this posture and host (some only when their subject is configured).</summary>
    bool AppliesTo(HealthContext context);

    /// <summary>One result, or several (one per health target).</summary>
    Task<IReadOnlyList<HealthCheckResult>> RunAsync(HealthContext context, CancellationToken cancellationToken);
}
