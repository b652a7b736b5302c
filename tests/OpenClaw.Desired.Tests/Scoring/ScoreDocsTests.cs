using OpenClaw.Desired.Scoring;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Scoring;

/// <summary>docs/score.md lists exactly the criteria the code scores: its table is generated from the rows.</summary>
public sealed class ScoreDocsTests
{
    [Fact]
    public void DocsScoreMd_CriteriaTable_IsTheGeneratedOne()
    {
        var path = Path.Combine(RepoPaths.Root, "docs", "score.md");
        var text = File.ReadAllText(path);
        var start = text.IndexOf(ScoreDocs.Begin, StringComparison.Ordinal);
        var end = text.IndexOf(ScoreDocs.End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "docs/score.md has no generated criteria table");
        var current = text[start..(end + ScoreDocs.End.Length)];
        if (Environment.GetEnvironmentVariable("OPENCLAW_DESIRED_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, text.Replace(current, ScoreDocs.Table(), StringComparison.Ordinal));
            return;
        }

        Assert.True(ScoreDocs.Table() == current, "docs/score.md is out of date: run the tests with OPENCLAW_DESIRED_UPDATE_DOCS=1 to regenerate its table");
    }

    [Fact]
    public void Criteria_HaveUniqueIds_KnownCategories_PositiveWeights_AndWordsForEveryColumn()
    {
        Assert.Equal(ScoreCriteria.All.Count, ScoreCriteria.All.Select(c => c.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(ScoreCriteria.All, c =>
        {
            Assert.Contains(c.Category, ScoreCategories.All);
            Assert.StartsWith(c.Category switch { "accessControl" => "access.", "incidentResponse" => "incident.", var other => other + "." }, c.Id, StringComparison.Ordinal);
            Assert.InRange(c.Weight, 1, 5);
            Assert.False(string.IsNullOrWhiteSpace(c.Means) || string.IsNullOrWhiteSpace(c.Observes) || string.IsNullOrWhiteSpace(c.EarnBack) || string.IsNullOrWhiteSpace(c.Source));
        });
        Assert.Equal(["backup", "accessControl", "monitoring", "incidentResponse", "network", "secrets"], ScoreCategories.All);
    }
}
