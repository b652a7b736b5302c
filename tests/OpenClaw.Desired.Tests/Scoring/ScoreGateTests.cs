using System.Text.Json;
using OpenClaw.Desired.Tests.Reporting;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Scoring;

/// <summary>
/// The score in reports and the gate: a dry run whose score after the plan stays below score.target exits 5 (graver
/// results win), the standard tier's default target is 9.0, basic has none, 0 turns it off; every format shows it.
/// </summary>
public sealed class ScoreGateTests
{
    private static string Posture(ScratchHost host, string tier, string? target, string name = "posture.yaml") => host.WritePosture($"""
        apiVersion: openclaw.desired/v1
        tier: {tier}
        openclaw:
          user: claw
        sandboxes:
          openclaw:
            mode: off
        agent:
          skills:
            allowlistOnly: true
            allow: [weather]
        {(target is null ? string.Empty : $"score:\n  target: {target}")}
        """, name);

    private static CliResult DryRun(ScratchHost host, string posture, params string[] extra) =>
        CliRunner.Run(["reconcile", .. host.Args(posture, ["--dry-run", "--local", "--no-color", .. extra])]);

    [Fact]
    public void StandardDefault_BelowNineAfterThePlan_Exits5_AndSaysWhy()
    {
        using var host = ScratchHost.FromDemo();
        var posture = Posture(host, "standard", null);

        var json = DryRun(host, posture, "-o", "json");
        var text = DryRun(host, posture, "--quiet");

        Assert.Equal(5, json.ExitCode);
        var report = JsonDocument.Parse(json.Stdout).RootElement;
        Assert.Equal("below-target", report.GetProperty("result").GetString());
        Assert.Equal(9.0, report.GetProperty("score").GetProperty("target").GetDouble());
        Assert.True(report.GetProperty("score").GetProperty("after").GetProperty("overall").GetDouble() < 9.0);
        ReportSchemaTests.AssertValid(json.Stdout);
        Assert.Equal(5, text.ExitCode);
        Assert.StartsWith("BELOW SCORE TARGET · tier standard", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("the security score after this plan is", text.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("standard", "0", 2)]
    [InlineData("basic", null, 2)]
    [InlineData("basic", "1", 2)]
    [InlineData("basic", "9.5", 5)]
    public void TheTarget_DecidesTheGate(string tier, string? target, int exit)
    {
        using var host = ScratchHost.FromDemo();

        Assert.Equal(exit, DryRun(host, Posture(host, tier, target)).ExitCode);
    }

    [Fact]
    public void GraverResults_WinOverTheGate_AndAnApplyKeepsItsExitCode()
    {
        using var host = ScratchHost.FromDemo();
        var unknown = host.WritePosture(File.ReadAllText(Posture(host, "standard", null)) + "models:\n  primary: ollama/llama3.3:8b\n  local: {baseUrl: \"http://127.0.0.1:9\", model: llama3.3:8b}\n", "unknown.yaml");

        Assert.Equal(3, DryRun(host, unknown).ExitCode);

        var posture = Posture(host, "standard", null);
        var apply = CliRunner.Run(["reconcile", .. host.Args(posture, "--yes", "--local", "-o", "json")]);
        Assert.NotEqual(5, apply.ExitCode);
        var score = JsonDocument.Parse(apply.Stdout).RootElement.GetProperty("score");
        Assert.True(score.TryGetProperty("before", out _));
        Assert.False(score.TryGetProperty("after", out _));
        ReportSchemaTests.AssertValid(apply.Stdout);
    }

    [Fact]
    public void EveryFormat_ShowsTheScore_AndMarkdownListsWhatCostsPointsWithHowToEarnItBack()
    {
        using var host = ScratchHost.FromDemo();
        var posture = Posture(host, "standard", "0");

        var text = DryRun(host, posture).Stdout;
        var markdown = DryRun(host, posture, "-o", "markdown").Stdout;
        var html = DryRun(host, posture, "-o", "html").Stdout;

        Assert.Matches(@"· score \d+\.\d/10 → \d+\.\d after the plan \(no target\) ·", text.Split('\n')[0]);
        Assert.Contains("access.gatewayAuth", text, StringComparison.Ordinal);
        Assert.Contains("earn it back:", text, StringComparison.Ordinal);
        Assert.Contains("| score | **", markdown, StringComparison.Ordinal);
        Assert.Contains("| `access.gatewayAuth` | 3 | not met |", markdown, StringComparison.Ordinal);
        Assert.Contains("| `access.execAllowlist` | 3 | not met, met after the plan |", markdown, StringComparison.Ordinal);
        Assert.Contains("id=\"count-score\"", html, StringComparison.Ordinal);
        Assert.Contains("<section id=\"score\">", html, StringComparison.Ordinal);
        Assert.Contains("earn it back: ", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ScoreVerb_PrintsOnlyTheScoreNow_InEachFormat_WritesNothing_AndGatesOnTheTarget()
    {
        using var host = ScratchHost.FromDemo();
        var below = Posture(host, "standard", null);
        var none = Posture(host, "standard", "0", "none.yaml");
        var before = HostSnapshot.Of(host.Root);

        var text = CliRunner.Run("score", "--posture", below, "--root", host.Root, "--state-dir", host.StateDir);
        var json = CliRunner.Run("score", "--posture", below, "--root", host.Root, "--state-dir", host.StateDir, "-o", "json");
        var markdown = CliRunner.Run("score", "--posture", none, "--root", host.Root, "--state-dir", host.StateDir, "-o", "markdown");

        Assert.Equal(5, text.ExitCode);
        Assert.StartsWith("score ", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("BELOW TARGET", text.Stdout, StringComparison.Ordinal);
        var score = JsonDocument.Parse(json.Stdout).RootElement.GetProperty("score");
        Assert.Equal(["backup", "accessControl", "monitoring", "incidentResponse", "network", "secrets"], score.GetProperty("categories").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.All(score.GetProperty("categories").EnumerateArray().SelectMany(c => c.GetProperty("criteria").EnumerateArray()), c =>
        {
            Assert.True(c.TryGetProperty("id", out _) && c.TryGetProperty("weight", out _) && c.TryGetProperty("why", out _));
            Assert.True(c.TryGetProperty("met", out var met) && met.ValueKind is JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null);
        });
        Assert.False(score.TryGetProperty("after", out _));
        Assert.Equal(0, markdown.ExitCode);
        Assert.StartsWith("### Security score:", markdown.Stdout, StringComparison.Ordinal);
        Assert.Empty(before.Differences(HostSnapshot.Of(host.Root)));
        Assert.False(Directory.Exists(host.StateDir));
    }
}
