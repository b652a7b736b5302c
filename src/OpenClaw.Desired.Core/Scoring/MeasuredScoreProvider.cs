using OpenClaw.Desired.Host;
using OpenClaw.Desired.Monitoring.Metrics;
using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Scoring;

/// <summary>
/// The security score as monitoring publishes it: measured from the posture and the host (the probes of the scored
/// kinds, nothing written), one value per category and <c>overall</c>, 0–10 as docs/score.md defines them.
/// Registered in <see cref="SecurityScores"/> by default, so every health run and metrics scrape carries it.
/// </summary>
public sealed class MeasuredScoreProvider : ISecurityScoreProvider
{
    public static MeasuredScoreProvider Instance { get; } = new();

    public async Task<IReadOnlyList<CategoryScore>> ScoreAsync(EffectivePosture posture, HostContext host, CancellationToken cancellationToken)
    {
        var (score, _) = await SecurityFeeds.MeasureAsync(posture, host, cancellationToken);
        return [new CategoryScore("overall", score.Overall), .. score.Categories.Select(c => new CategoryScore(c.Name, c.Score))];
    }
}
