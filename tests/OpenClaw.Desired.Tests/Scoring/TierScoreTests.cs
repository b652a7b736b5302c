using System.Globalization;
using System.Text.Json;
using OpenClaw.Desired.Tests.Support;
using Xunit.Abstractions;

namespace OpenClaw.Desired.Tests.Scoring;

/// <summary>
/// The score on the demo host under each tier's example posture. For every tier the dry run's score after the plan is
/// what the apply then measures, criterion by criterion; the demo scores low, a standard apply higher, a paranoid apply
/// higher still; and the README's table holds exactly these figures.
/// </summary>
[Trait("Category", "Integration")]
public sealed class TierScoreTests(ITestOutputHelper output)
{
    private static readonly string[] Tiers = ["basic", "standard", "paranoid"];

    [Fact]
    public async Task EachTier_DryRunAfterEqualsTheApply_ScoresRiseWithTheTier_AndTheReadmeSaysSo()
    {
        var rows = new List<string>();
        var figures = new List<(double Before, double After)>();
        foreach (var tier in Tiers)
        {
            using var scenario = await TierScenario.CreateAsync(tier);
            var dry = scenario.DryRun();
            var apply = scenario.Apply();

            var now = TierScenario.Score(dry);
            var predicted = now.GetProperty("after");
            var measured = TierScenario.Score(apply);
            var wrong = TierScenario.Criteria(predicted).Where(p => TierScenario.Criteria(measured)[p.Key] != p.Value)
                .Select(p => $"{p.Key}: predicted {Met(p.Value)}, measured {Met(TierScenario.Criteria(measured)[p.Key])}").ToList();
            Assert.True(wrong.Count == 0, $"{tier}: " + string.Join("; ", wrong));
            Assert.Equal(predicted.GetProperty("overall").GetDouble(), measured.GetProperty("overall").GetDouble());
            Assert.Equal(now.GetProperty("overall").GetDouble(), measured.GetProperty("before").GetProperty("overall").GetDouble());

            figures.Add((now.GetProperty("overall").GetDouble(), measured.GetProperty("overall").GetDouble()));
            var categories = measured.GetProperty("categories").EnumerateArray().Select(c => c.GetProperty("score").GetDouble().ToString("0.0", CultureInfo.InvariantCulture));
            rows.Add(string.Create(CultureInfo.InvariantCulture, $"| {tier} | {figures[^1].Before:0.0} | **{figures[^1].After:0.0}** | {string.Join(" | ", categories)} |"));
        }

        output.WriteLine(string.Join('\n', rows));
        Assert.True(figures.Max(f => f.Before) < 3, "the demo host does not score low");
        Assert.True(figures[1].After > figures[0].After && figures[1].After > figures.Max(f => f.Before), "a standard apply does not score higher");
        Assert.True(figures[2].After > figures[1].After, "a paranoid apply does not score higher still");

        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var start = readme.IndexOf("<!-- score:tiers -->", StringComparison.Ordinal);
        var end = readme.IndexOf("<!-- /score:tiers -->", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "README.md has no score:tiers table");
        var table = readme[start..end].Split('\n').Where(l => Tiers.Any(t => l.StartsWith($"| {t} |", StringComparison.Ordinal))).ToList();
        Assert.Equal(rows, table);
    }

    private static string Met(bool? met) => met?.ToString() ?? "unknown";
}
