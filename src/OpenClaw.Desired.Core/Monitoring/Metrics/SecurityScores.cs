using OpenClaw.Desired.Host;
using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Monitoring.Metrics;

/// <summary>One category's security score, 0 (worst) to 10 (best) as docs/score.md defines it, e.g. ("secrets", 8.5).</summary>
public sealed record CategoryScore(string Category, double Score);

/// <summary>
/// The seam for the security score: a provider computes a score per category for a posture and host; the
/// metrics publish each as <c>openclaw_desired_security_score{category="…"}</c> (and the health run's JSON
/// carries them). Providers must be quick and must not throw for what they find (return fewer categories).
/// </summary>
public interface ISecurityScoreProvider
{
    Task<IReadOnlyList<CategoryScore>> ScoreAsync(EffectivePosture posture, HostContext host, CancellationToken cancellationToken);
}

/// <summary>
/// The score providers this build knows: the measured score (<see cref="Scoring.MeasuredScoreProvider"/>), like the
/// resource kinds in <see cref="Reconciliation.ResourceKinds"/>. Tests may add their own or take it out.
/// </summary>
public static class SecurityScores
{
    private static readonly List<ISecurityScoreProvider> Registered = [Scoring.MeasuredScoreProvider.Instance];
    private static readonly Lock Gate = new();

    public static IReadOnlyList<ISecurityScoreProvider> Providers
    {
        get
        {
            lock (Gate)
            {
                return [.. Registered];
            }
        }
    }

    public static void Register(ISecurityScoreProvider provider)
    {
        lock (Gate)
        {
            Registered.Add(provider);
        }
    }

    public static void Unregister(ISecurityScoreProvider provider)
    {
        lock (Gate)
        {
            Registered.Remove(provider);
        }
    }

    /// <summary>Every provider's scores; a provider that fails contributes nothing (its categories go missing, which alerts can see).</summary>
    public static async Task<IReadOnlyList<CategoryScore>> CollectAsync(EffectivePosture posture, HostContext host, CancellationToken cancellationToken)
    {
        var scores = new List<CategoryScore>();
        foreach (var provider in Providers)
        {
            try
            {
                scores.AddRange(await provider.ScoreAsync(posture, host, cancellationToken));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A broken provider must not take the health run or the metrics down with it.
            }
        }

        return scores.Where(s => double.IsFinite(s.Score)).GroupBy(s => s.Category, StringComparer.Ordinal).Select(g => g.Last()).ToList();
    }
}
