using System.Globalization;

namespace OpenClaw.Desired.Reporting;

/// <summary>The score in words and numbers, the same in every format.</summary>
public static class ScoreText
{
    public static string Number(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>"6.8/10 → 8.9 after the plan (target 9.0)", "8.9/10 (was 6.8; target 9.0)".</summary>
    public static string Short(ScoreReport score)
    {
        var target = score.Target > 0 ? $"target {Number(score.Target)}" : "no target";
        return score switch
        {
            { After: { } after } => $"{Number(score.Overall)}/10 → {Number(after.Overall)} after the plan ({target})",
            { Before: { } before } => $"{Number(score.Overall)}/10 (was {Number(before.Overall)}; {target})",
            _ => $"{Number(score.Overall)}/10 ({target})",
        };
    }

    /// <summary>Each category's score, with its score after the plan when there is one: "backup 3.6 → 7.3".</summary>
    public static IEnumerable<string> Categories(ScoreReport score) =>
        score.Categories.Select(c => score.After?.Categories.FirstOrDefault(a => a.Name == c.Name) is { } after && after.Score != c.Score
            ? $"{c.Name} {Number(c.Score)} → {Number(after.Score)}"
            : $"{c.Name} {Number(c.Score)}");

    /// <summary>Whether a missing criterion is met after the plan.</summary>
    public static bool? MetAfter(ScoreReport score, string id) =>
        score.After?.Categories.SelectMany(c => c.Criteria).FirstOrDefault(k => k.Id == id)?.Met;
}
