using OpenClaw.Desired.Host;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Reporting;
using OpenClaw.Desired.Safety;
using OpenClaw.Desired.Scoring.Sources;

namespace OpenClaw.Desired.Scoring;

/// <summary>
/// The score in a run: a dry run reports the score now and after its plan, and fails its gate (exit 5) when the score
/// after the plan stays below the target; an applying run reports the score it measured at its end, and the one
/// before. The score never stops a run: a criterion that cannot be judged is unknown.
/// </summary>
public static class ScoreStep
{
    public static async Task<ObservationSet> ObserveAsync(Plan plan, EffectivePosture posture, HostContext host, StateDirectory state, string? applyingRun, CancellationToken cancellationToken, string? notYet = null)
    {
        var facts = plan.Kinds.SelectMany(k => k.Observations).ToList();
        facts.AddRange(ConfigObserver.Observe(posture, host, plan));
        facts.AddRange(await StateObserver.ObserveAsync(host, state, posture, plan, applyingRun, cancellationToken, notYet));
        return new ObservationSet(facts, Observers.Problems(plan));
    }

    /// <summary>Adds the score now and after the plan, and the gate: below target after the plan is exit 5 unless something graver (3, 4) holds.</summary>
    public static async Task<RunReport> DryRunAsync(RunReport report, Plan plan, EffectivePosture posture, HostContext host, StateDirectory state, CancellationToken cancellationToken)
    {
        var observations = await ObserveAsync(plan, posture, host, state, null, cancellationToken);
        var score = ScoreEngine.WithAfter(observations, plan, ScoreTarget.Of(posture));
        report = report with { Score = score };
        return Gate(report, score.After!);
    }

    /// <summary>The score before an apply, from the plan it is about to carry out (the apply's own run not counted yet).</summary>
    public static async Task<ScoreReport> BeforeAsync(Plan plan, EffectivePosture posture, HostContext host, StateDirectory state, string runId, CancellationToken cancellationToken) =>
        ScoreEngine.Score(await ObserveAsync(plan, posture, host, state, null, cancellationToken, notYet: runId), ScoreTarget.Of(posture));

    /// <summary>The score an apply measured (from its verifying plan), with the score before it.</summary>
    public static async Task<ScoreReport> AppliedAsync(Plan after, ScoreReport? before, EffectivePosture posture, HostContext host, StateDirectory state, string runId, CancellationToken cancellationToken) =>
        ScoreEngine.Score(await ObserveAsync(after, posture, host, state, runId, cancellationToken), ScoreTarget.Of(posture)) with { Before = before };

    public static RunReport Gate(RunReport report, ScoreReport after) =>
        after.Target > 0 && after.Overall < after.Target && report.ExitCode is ExitCodes.Ok or ExitCodes.Changes
            ? report with
            {
                Result = "below-target",
                ExitCode = ExitCodes.BelowTarget,
                Diagnostics = [.. report.Diagnostics, $"the security score after this plan is {after.Overall:0.0}, below the target {after.Target:0.0} (score.target); see the criteria that cost points"],
            }
            : report;
}
