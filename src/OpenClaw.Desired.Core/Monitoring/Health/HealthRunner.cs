using System.Diagnostics;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Monitoring.Health;

/// <summary>
/// Runs every applicable check concurrently, each under its own time limit. A check that throws or runs over
/// becomes an unknown result naming why; one check never stops the others.
/// </summary>
public static class HealthRunner
{
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(20);

    public static Task<HealthReport> RunAsync(EffectivePosture posture, HostContext host, CancellationToken cancellationToken) =>
        RunAsync(new HealthContext(posture, host), HealthChecks.All(), cancellationToken);

    public static async Task<HealthReport> RunAsync(HealthContext context, IReadOnlyList<IHealthCheck> checks, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var active = checks.Where(c => Applies(c, context)).ToList();
        var seconds = new System.Collections.Concurrent.ConcurrentDictionary<string, double>(StringComparer.Ordinal);
        var runs = active.Select(check => Task.Run(async () =>
        {
            var started = Stopwatch.StartNew();
            try
            {
                return await GuardedAsync(check, context, cancellationToken);
            }
            finally
            {
                seconds[check.Name] = started.Elapsed.TotalSeconds;
            }
        }, cancellationToken));
        var results = await Task.WhenAll(runs);
        context.Samples.CheckSeconds = new Dictionary<string, double>(seconds, StringComparer.Ordinal);
        var ordered = results.SelectMany(r => r)
            .Select(r => r with { Message = context.Host.Redactor.Redact(r.Message) })
            .ToList();
        return new HealthReport(context.Now, ordered, context.Samples, watch.Elapsed);
    }

    private static bool Applies(IHealthCheck check, HealthContext context)
    {
        try
        {
            return check.AppliesTo(context);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // Whether it applies could not be told: run it, and let it say what it cannot see.
            return true;
        }
    }

    private static async Task<IReadOnlyList<HealthCheckResult>> GuardedAsync(IHealthCheck check, HealthContext context, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(CheckTimeout);
        try
        {
            return await check.RunAsync(context, limit.Token).WaitAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return [HealthCheckResult.Unknown(check.Name, $"the check did not finish within {CheckTimeout.TotalSeconds:0} s")];
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return [HealthCheckResult.Unknown(check.Name, $"the check could not run: {HealthContext.Describe(e)}")];
        }
    }
}

/// <summary>The checks this build knows, in the order results are shown.</summary>
public static class HealthChecks
{
    public static IReadOnlyList<IHealthCheck> All() =>
    [
        new DiskCheck(),
        new MemoryCheck(),
        new BrowsersCheck(),
        new CronCheck(),
        new GatewayCheck(),
        new TargetsCheck(),
        new BackupsCheck(),
        new SecretsCheck(),
        new FirewallCheck(),
        new DriftCheck(),
        new LoopCheck(),
    ];
}
