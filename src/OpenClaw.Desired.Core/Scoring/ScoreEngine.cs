using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Reporting;

namespace OpenClaw.Desired.Scoring;

/// <summary>
/// Scores observations against the criteria: a category scores the share of its weight that is met, out of 10 (one
/// decimal); the overall score is the mean of the categories. Unknown counts as not met and says so.
/// </summary>
public static class ScoreEngine
{
    public static ScoreReport Score(ObservationSet observations, double target, IReadOnlyList<Criterion>? criteria = null)
    {
        var rows = criteria ?? ScoreCriteria.All;
        var categories = rows.GroupBy(c => c.Category, StringComparer.Ordinal)
            .OrderBy(g => Order(g.Key))
            .Select(g =>
            {
                var judged = g.Select(c => Judge(c, observations)).ToList();
                var total = judged.Sum(j => j.Weight);
                var met = judged.Where(j => j.Met == true).Sum(j => j.Weight);
                return new ScoreCategoryReport(g.Key, Round(total == 0 ? 10 : 10.0 * met / total), judged);
            })
            .ToList();
        return new ScoreReport(Round(categories.Count == 0 ? 10 : categories.Average(c => c.Score)), target, categories);
    }

    /// <summary>The score now, with the score after the plan's automatic, unwaived changes (and the apply itself).</summary>
    public static ScoreReport WithAfter(ObservationSet now, Plan plan, double target) =>
        Score(now, target) with { After = Score(now.After(plan.Automatic.Select(c => c.Id)), target) };

    private static ScoreCriterionReport Judge(Criterion criterion, ObservationSet observations)
    {
        Verdict verdict;
        try
        {
            verdict = criterion.Judge(observations);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentException)
        {
            verdict = Verdict.Unknown($"could not be judged: {e.Message}");
        }

        var why = verdict.Met is null ? $"unknown (counts as not met): {verdict.Why}" : verdict.Why;
        return new ScoreCriterionReport(criterion.Id, criterion.Weight, verdict.Met, why) { EarnBack = verdict.Met == true ? null : criterion.EarnBack };
    }

    private static int Order(string category)
    {
        var index = ScoreCategories.All.ToList().IndexOf(category);
        return index < 0 ? int.MaxValue : index;
    }

    public static double Round(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);
}
