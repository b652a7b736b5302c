using System.Text.RegularExpressions;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Redaction;
using OpenClaw.Desired.Scoring;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Scoring;

/// <summary>What monitoring reads: the score measured on demand, and the score and refused connections as metric samples.</summary>
public sealed partial class SecurityFeedsTests
{
    [Fact]
    public async Task Measure_GivesTheScoreAReconcileWouldReport_AndSamplesAreValidExposition()
    {
        using var host = ScratchHost.FromDemo();
        var path = host.WritePosture(Postures.AgentOnly());
        var posture = PostureLoader.LoadFile(path).Posture!;
        using var http = new HttpClient();
        var context = new HostContext(new HostRoot(host.Root), new ProcessCommandRunner(), TimeProvider.System, http, new SecretRedactor()) { StateDir = host.StateDir, DryRun = true };

        var (score, connections) = await SecurityFeeds.MeasureAsync(posture, context, CancellationToken.None);
        var reported = System.Text.Json.JsonDocument.Parse(CliRunner.Run("score", "--posture", path, "--root", host.Root, "--state-dir", host.StateDir, "-o", "json").Stdout)
            .RootElement.GetProperty("score").GetProperty("overall").GetDouble();

        Assert.Equal(reported, score.Overall);
        Assert.Null(connections);
        var samples = SecurityFeeds.Samples(score, new Desired.Reporting.ConnectionsReport(12, 720, [new("203.0.113.9", 443, 9)])).ToList();
        Assert.Contains(samples, s => s.Name == "openclaw_desired_score" && s.Labels["category"] == "overall" && s.Value == score.Overall);
        Assert.Equal(7, samples.Count(s => s.Name == "openclaw_desired_score"));
        Assert.Contains(samples, s => s.Name == "openclaw_desired_firewall_refused_destination_packets" && s.Labels["address"] == "203.0.113.9" && s.Value == 9);
        var exposition = SecurityFeeds.Exposition(samples);
        Assert.All(exposition.TrimEnd('\n').Split('\n'), line => Assert.Matches(Line(), line));
        Assert.Equal(4, exposition.Split('\n').Count(l => l.StartsWith("# TYPE ", StringComparison.Ordinal)) - 1);
    }

    [Fact]
    public async Task ScoreProvider_TakesTheLoopsFreshScoreOfTheSamePosture_AndMeasuresOtherwise()
    {
        using var host = ScratchHost.FromDemo();
        var posture = PostureLoader.LoadFile(host.WritePosture(Postures.AgentOnly())).Posture!;
        using var http = new HttpClient();
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var context = new HostContext(new HostRoot(host.Root), new ProcessCommandRunner(), clock, http, new SecretRedactor()) { StateDir = host.StateDir, DryRun = true };
        var measured = (await SecurityFeeds.MeasureAsync(posture, context, CancellationToken.None)).Score;
        var planted = new Desired.Reporting.ScoreReport(4.2, 9, [new("secrets", 4.2, [])]);
        Directory.CreateDirectory(host.StateDir);
        void WriteLastReport(string digest) => File.WriteAllText(
            Path.Combine(host.StateDir, Desired.Loop.StatusFile.LastReport),
            System.Text.Json.JsonSerializer.Serialize(
                new Desired.Reporting.RunReport { RunId = "r1", Mode = "dry-run", ToolVersion = "test", StartedAt = clock.GetUtcNow(), FinishedAt = clock.GetUtcNow(), Result = "in-sync", Posture = new(host.Root, digest, "basic"), Host = new(host.Root, "claw", host.StateDir), Score = planted },
                Desired.Reporting.ReportWriter.Options));

        WriteLastReport(posture.Digest);
        var fresh = await MeasuredScoreProvider.Instance.ScoreAsync(posture, context, CancellationToken.None);
        clock.Advance(MeasuredScoreProvider.FreshFor + TimeSpan.FromSeconds(1));
        var stale = await MeasuredScoreProvider.Instance.ScoreAsync(posture, context, CancellationToken.None);
        WriteLastReport("sha256:another-posture");
        var other = await MeasuredScoreProvider.Instance.ScoreAsync(posture, context, CancellationToken.None);

        Assert.Equal([("overall", 4.2), ("secrets", 4.2)], fresh.Select(c => (c.Category, c.Score)));
        Assert.Equal(measured.Overall, stale.Single(c => c.Category == "overall").Score);
        Assert.Equal(measured.Overall, other.Single(c => c.Category == "overall").Score);
        Assert.NotEqual(4.2, measured.Overall);
    }

    [GeneratedRegex("""^(# (HELP|TYPE) [a-z_]+ .+|[a-z_]+(\{[a-z_]+="[^"\\]*"(,[a-z_]+="[^"\\]*")*\})? -?[0-9.]+)$""")]
    private static partial Regex Line();
}
