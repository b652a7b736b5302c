namespace OpenClaw.Desired.Reporting;

/// <summary>The score and refused-connection sections of the HTML report.</summary>
public sealed partial class HtmlRenderer
{
    private void Score(RunReport report)
    {
        if (report.Score is not { } score)
        {
            return;
        }

        var missing = score.Missing.ToList();
        Open("score", "Security score", missing.Count, open: score.BelowTarget, $" <span class=\"note\">{E(ScoreText.Short(score))}</span>");
        _html.Append("<table class=\"score\">\n<tr><th>category</th><th>score</th>").Append(score.After is null ? string.Empty : "<th>after the plan</th>").Append("</tr>\n");
        foreach (var category in score.Categories)
        {
            var after = score.After?.Categories.FirstOrDefault(c => c.Name == category.Name);
            _html.Append("<tr><td>").Append(E(category.Name)).Append("</td><td class=\"num\">").Append(E(ScoreText.Number(category.Score))).Append("</td>")
                .Append(after is null ? string.Empty : $"<td class=\"num\">{E(ScoreText.Number(after.Score))}</td>").Append("</tr>\n");
        }

        _html.Append("</table>\n");
        if (missing.Count > 0)
        {
            _html.Append("<h3>What costs points, and how to earn it back</h3>\n<ul class=\"criteria\">\n");
            foreach (var (category, criterion) in missing)
            {
                var state = criterion.Met is null ? "unknown" : "not met";
                _html.Append("<li><span class=\"badge\">").Append(E(state)).Append("</span> <code>").Append(E(criterion.Id)).Append("</code> <span class=\"note\">")
                    .Append(E(category)).Append(", weight ").Append(N(criterion.Weight))
                    .Append(ScoreText.MetAfter(score, criterion.Id) == true ? ", met after the plan" : string.Empty).Append("</span>: ").Append(E(criterion.Why))
                    .Append("<div class=\"why\">earn it back: ").Append(E(criterion.EarnBack)).Append("</div></li>\n");
            }

            _html.Append("</ul>\n");
        }

        Close();
    }

    private void Connections(RunReport report)
    {
        if (report.Connections is not { } connections)
        {
            return;
        }

        Open("connections", "Refused outbound connections", (int)Math.Min(int.MaxValue, connections.RefusedPackets), open: false);
        _html.Append("<ul>\n");
        foreach (var top in connections.Top)
        {
            _html.Append("<li><code>").Append(E($"{top.Address}:{top.Port}")).Append("</code> ").Append(E(top.Packets.ToString(System.Globalization.CultureInfo.InvariantCulture))).Append(" packet(s)</li>\n");
        }

        _html.Append("</ul>\n");
        Close();
    }
}
