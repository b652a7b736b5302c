using System.Text.RegularExpressions;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Monitoring.Metrics;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Monitoring;

/// <summary>`metrics`: valid exposition (promtool), names as documented, the textfile, and the seam for the security score.</summary>
[Collection(nameof(ScoreProviderCollection))]
public sealed partial class MetricsTests : IDisposable
{
    private readonly AlertScenario _s = new();

    public void Dispose() => _s.Dispose();

    private string[] Metrics(params string[] extra) =>
        ["metrics", "--posture", _s.Host.WritePosture(_s.Posture(disk: 1)), "--root", _s.Host.Root, "--state-dir", _s.Host.StateDir, .. extra];

    [Fact]
    public void Exposition_PassesPromtoolLint_AndCarriesTheChecks()
    {
        CliRunner.Run(_s.Health(_s.Posture(disk: 1), "--alert"));

        var run = CliRunner.Run(Metrics());

        Assert.True(run.ExitCode == 0, run.All);
        var (code, lint) = PromTool.Run(run.Stdout, "check", "metrics");
        Assert.True(code == 0, lint);
        Assert.Contains("openclaw_desired_health_check_status{check=\"disk\",status=\"failed\"} 1", run.Stdout);
        Assert.Contains("openclaw_desired_health_check_threshold{check=\"disk\"} 1", run.Stdout);
        Assert.Contains("openclaw_desired_gateway_up 1", run.Stdout);
        Assert.Contains("openclaw_desired_alerts_sent_total{channel=\"telegram\"} 1", run.Stdout);
        Assert.Contains("openclaw_desired_alert_delivery_failures_total{channel=\"webhook\"} 0", run.Stdout);
        Assert.Contains("openclaw_desired_backup_max_age_seconds{backup=\"local\"} 7200", run.Stdout);
    }

    [Fact]
    public void EveryMetricExported_IsListedInTheDocs_AndEveryListedOneIsReal()
    {
        var documented = DocumentedNames().ToHashSet();
        var exported = new HashSet<string>();
        foreach (var line in File.ReadAllLines(Path.Combine(RepoPaths.Root, "src", "OpenClaw.Desired.Core", "Monitoring", "Metrics", "DesiredMetrics.cs")))
        {
            foreach (Match m in CreateCall().Matches(line))
            {
                exported.Add(m.Groups[1].Value);
            }
        }

        Assert.True(exported.Count > 40, $"only {exported.Count} metric names found in the source");
        Assert.Empty(exported.Except(documented));
        Assert.Empty(documented.Except(exported));
        Assert.All(exported, n => Assert.Matches("^openclaw_desired_[a-z0-9_]+$", n));
        Assert.All(exported.Where(n => n.EndsWith("_total", StringComparison.Ordinal)), n => Assert.Contains($"CreateCounter(\"{n}\"", File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "OpenClaw.Desired.Core", "Monitoring", "Metrics", "DesiredMetrics.cs"))));
    }

    [Fact]
    public void Textfile_IsWrittenWhole_AndStdoutStaysEmpty()
    {
        var target = Path.Combine(_s.Host.Folder, "textfile", "openclaw-desired.prom");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);

        var run = CliRunner.Run(Metrics("--textfile", target));

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Equal(0, PromTool.Run(File.ReadAllText(target), "check", "metrics").ExitCode);
        Assert.Equal([target], Directory.GetFiles(Path.GetDirectoryName(target)!));
    }

    [Fact]
    public void HealthWithTextfile_WritesTheSameMetricsItJudgedOn()
    {
        var target = Path.Combine(_s.Host.Folder, "health.prom");

        var run = CliRunner.Run(_s.Health(_s.Posture(disk: 1), "--textfile", target));

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("openclaw_desired_health_check_status{check=\"disk\",status=\"failed\"} 1", File.ReadAllText(target));
    }

    [Fact]
    public void ScoreProvider_PublishesOneGaugePerCategory()
    {
        var provider = new FixedScores([new CategoryScore("sandboxing", 85), new CategoryScore("secrets", 40.5), new CategoryScore("broken", double.NaN)]);
        SecurityScores.Register(provider);
        try
        {
            // The provider is registered in this process: the CLI runs here too.
            var run = CliRunner.RunInProcess(Metrics());
            var health = CliRunner.RunInProcess(_s.Health(_s.Posture(disk: 99.9), "--output", "json"));

            Assert.Contains("openclaw_desired_security_score{category=\"sandboxing\"} 85", run.Stdout);
            Assert.Contains("openclaw_desired_security_score{category=\"secrets\"} 40.5", run.Stdout);
            Assert.DoesNotContain("category=\"broken\"", run.Stdout);
            Assert.Contains("\"category\": \"sandboxing\"", health.Stdout);
        }
        finally
        {
            SecurityScores.Unregister(provider);
        }

        Assert.DoesNotContain("{category=\"sandboxing\"} 85", CliRunner.RunInProcess(Metrics()).Stdout);
    }

    [Fact]
    public void TheMeasuredScore_IsPublishedOverallAndPerCategory_OnTheZeroToTenScale()
    {
        var run = CliRunner.Run(Metrics());

        var samples = run.Stdout.Split('\n').Where(l => l.StartsWith("openclaw_desired_security_score{", StringComparison.Ordinal)).ToList();
        Assert.Contains(samples, l => l.StartsWith("openclaw_desired_security_score{category=\"overall\"} ", StringComparison.Ordinal));
        Assert.True(samples.Count >= 2, run.Stdout);
        Assert.All(samples, l => Assert.InRange(double.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture), 0, 10));
    }

    [Fact]
    public void AScoreProviderThatThrows_TakesNothingDown()
    {
        var provider = new ThrowingScores();
        SecurityScores.Register(provider);
        try
        {
            var run = CliRunner.Run(Metrics());

            Assert.Equal(0, run.ExitCode);
            Assert.Contains("openclaw_desired_security_score{category=\"overall\"}", run.Stdout);
        }
        finally
        {
            SecurityScores.Unregister(provider);
        }
    }

    private static IEnumerable<string> DocumentedNames()
    {
        foreach (var line in File.ReadAllLines(Path.Combine(RepoPaths.Root, "docs", "monitoring.md")))
        {
            var m = DocRow().Match(line);
            if (m.Success)
            {
                yield return m.Groups[1].Value;
            }
        }
    }

    [GeneratedRegex("Create(?:Gauge|Counter|Histogram)\\(\"(openclaw_desired_[a-z0-9_]+)\"")]
    private static partial Regex CreateCall();

    [GeneratedRegex("^\\| `(openclaw_desired_[a-z0-9_]+)` \\|")]
    private static partial Regex DocRow();

    private sealed class FixedScores(IReadOnlyList<CategoryScore> scores) : ISecurityScoreProvider
    {
        public Task<IReadOnlyList<CategoryScore>> ScoreAsync(EffectivePosture posture, HostContext host, CancellationToken cancellationToken) => Task.FromResult(scores);
    }

    private sealed class ThrowingScores : ISecurityScoreProvider
    {
        public Task<IReadOnlyList<CategoryScore>> ScoreAsync(EffectivePosture posture, HostContext host, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the score could not be computed");
    }
}

/// <summary>Tests that register score providers (process-wide) do not run beside each other.</summary>
[CollectionDefinition(nameof(ScoreProviderCollection), DisableParallelization = true)]
public sealed class ScoreProviderCollection;
