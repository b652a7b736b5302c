using OpenClaw.Desired.Host;
using OpenClaw.Desired.Monitoring.Health;
using OpenClaw.Desired.Monitoring.Metrics;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Reporting;

namespace OpenClaw.Desired.Scoring;

/// <summary>
/// The security score as monitoring publishes it, one value per category and <c>overall</c>, 0–10 as docs/score.md
/// defines them. Where the converge loop's last report (<c>last-report.json</c> in the state dir) is of the same
/// posture and younger than <see cref="FreshFor"/>, its score is taken as it is (the loop measured it a moment ago);
/// otherwise it is measured from the posture and the host (the probes of the scored kinds, nothing written).
/// Registered in <see cref="SecurityScores"/> by default, so every health run and metrics scrape carries it.
/// </summary>
public sealed class MeasuredScoreProvider : ISecurityScoreProvider
{
    public static MeasuredScoreProvider Instance { get; } = new();

    /// <summary>How old the loop's last score may be and still be published instead of a new measure.</summary>
    public static TimeSpan FreshFor { get; } = TimeSpan.FromMinutes(15);

    public async Task<IReadOnlyList<CategoryScore>> ScoreAsync(EffectivePosture posture, HostContext host, CancellationToken cancellationToken)
    {
        var score = Recent(posture, host) ?? (await SecurityFeeds.MeasureAsync(posture, host, cancellationToken)).Score;
        return [new CategoryScore("overall", score.Overall), .. score.Categories.Select(c => new CategoryScore(c.Name, c.Score))];
    }

    /// <summary>The score of the loop's last report when it is of this posture and fresh; null otherwise.</summary>
    public static ScoreReport? Recent(EffectivePosture posture, HostContext host)
    {
        if (LastReport.Read(host.StateDir) is not { Score: { } score } report
            || report.Posture?.Digest != posture.Digest
            || report.FinishedAt > host.Clock.GetUtcNow()
            || host.Clock.GetUtcNow() - report.FinishedAt > FreshFor)
        {
            return null;
        }

        return score;
    }
}
