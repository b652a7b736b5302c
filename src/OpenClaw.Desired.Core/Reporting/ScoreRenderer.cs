using System.Text;

namespace OpenClaw.Desired.Reporting;

/// <summary>The score alone, as <c>openclaw-desired score</c> prints it: text or Markdown.</summary>
public static class ScoreRenderer
{
    public static string Text(RunReport report)
    {
        var text = new StringBuilder();
        if (report.Score is not { } score)
        {
            return "no score: the posture could not be used\n";
        }

        text.AppendLine($"score {ScoreText.Short(score)}{(score.BelowTarget ? " · BELOW TARGET" : string.Empty)}");
        foreach (var category in score.Categories)
        {
            var after = score.After?.Categories.FirstOrDefault(c => c.Name == category.Name);
            text.AppendLine($"  {category.Name,-17} {ScoreText.Number(category.Score),4}{(after is not null && after.Score != category.Score ? $" → {ScoreText.Number(after.Score)}" : string.Empty)}");
        }

        var missing = score.Missing.ToList();
        if (missing.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("what costs points (weight), and how to earn it back:");
            foreach (var (_, criterion) in missing)
            {
                var after = ScoreText.MetAfter(score, criterion.Id) == true ? " [reconcile fixes it]" : string.Empty;
                text.AppendLine($"  {(criterion.Met is null ? "?" : "-")} {criterion.Id} ({criterion.Weight}){after}: {criterion.Why}");
                text.AppendLine($"      {criterion.EarnBack}");
            }
        }

        return text.ToString();
    }

    public static string Markdown(RunReport report)
    {
        if (report.Score is not { } score)
        {
            return "no score: the posture could not be used\n";
        }

        var text = new StringBuilder();
        text.AppendLine($"### Security score: {Cell(ScoreText.Short(score))}").AppendLine();
        text.AppendLine(score.After is null ? "| category | score |\n|---|---:|" : "| category | score | after the plan |\n|---|---:|---:|");
        foreach (var category in score.Categories)
        {
            var after = score.After?.Categories.FirstOrDefault(c => c.Name == category.Name);
            text.AppendLine($"| {category.Name} | {ScoreText.Number(category.Score)} |{(after is null ? string.Empty : $" {ScoreText.Number(after.Score)} |")}");
        }

        var missing = score.Missing.ToList();
        if (missing.Count > 0)
        {
            text.AppendLine().AppendLine("| criterion | weight | state | why | earn it back |").AppendLine("|---|---:|---|---|---|");
            foreach (var (_, c) in missing)
            {
                var state = (c.Met is null ? "unknown" : "not met") + (ScoreText.MetAfter(score, c.Id) == true ? ", met after the plan" : string.Empty);
                text.AppendLine($"| `{c.Id}` | {c.Weight} | {state} | {Cell(c.Why)} | {Cell(c.EarnBack ?? string.Empty)} |");
            }
        }

        return text.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
