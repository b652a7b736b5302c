using OpenClaw.Desired.Resources.Firewall;

namespace OpenClaw.Desired.Monitoring.Health;

/// <summary>
/// <c>firewall</c>: no firewall change is waiting for <c>openclaw-desired confirm</c>. A waiting change is
/// rolled back at its deadline, so it means someone applied and walked away (or cannot reach the host).
/// </summary>
public sealed class FirewallCheck : IHealthCheck
{
    public const string CheckName = "firewall";

    public string Name => CheckName;

    public bool AppliesTo(HealthContext context) =>
        context.Settings.Firewall ?? (context.Posture.Document.Firewall is not null || Confirm(context).All().Count > 0);

    public Task<IReadOnlyList<HealthCheckResult>> RunAsync(HealthContext context, CancellationToken cancellationToken)
    {
        var awaiting = Confirm(context).Awaiting();
        context.Samples.FirewallPending = awaiting.Count;
        var message = awaiting.Count == 0
            ? "no firewall change awaits confirmation"
            : string.Join("; ", awaiting.Select(c => $"the change of {c.AppliedAt.UtcDateTime:yyyy-MM-dd HH:mm}Z to table {c.Table} awaits `openclaw-desired confirm`; it is rolled back at {c.Deadline.UtcDateTime:HH:mm:ss}Z"));
        return Task.FromResult<IReadOnlyList<HealthCheckResult>>([HealthCheckResult.Judge(Name, awaiting.Count == 0, awaiting.Count, 0, "changes", message)]);
    }

    private static CommitConfirm Confirm(HealthContext context) => new(context.Host.Root, context.Host.Commands, context.Host.Clock);
}
