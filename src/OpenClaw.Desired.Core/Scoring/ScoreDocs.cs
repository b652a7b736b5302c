using System.Text;

namespace OpenClaw.Desired.Scoring;

/// <summary>The criteria table of docs/score.md, generated from <see cref="ScoreCriteria.All"/> (a test keeps the file in step).</summary>
public static class ScoreDocs
{
    public const string Begin = "<!-- criteria: generated from ScoreCriteria, do not edit by hand -->";
    public const string End = "<!-- /criteria -->";

    public static string Table()
    {
        var text = new StringBuilder(Begin).Append('\n');
        foreach (var category in ScoreCategories.All)
        {
            var rows = ScoreCriteria.All.Where(c => c.Category == category).ToList();
            text.Append($"\n### {category} (total weight {rows.Sum(r => r.Weight)})\n\n");
            text.Append("| criterion | weight | met when | observed from (probe) | earn it back |\n|---|---:|---|---|---|\n");
            foreach (var row in rows)
            {
                text.Append($"| `{row.Id}` | {row.Weight} | {Cell(row.Means)} | {Cell(row.Observes)} ({row.Source}) | {Cell(row.EarnBack)} |\n");
            }
        }

        return text.Append('\n').Append(End).ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
