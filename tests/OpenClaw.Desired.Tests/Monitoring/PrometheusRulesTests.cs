using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Monitoring;

/// <summary>The example rule file is valid, and each alert fires on a breaking series and stays silent otherwise (promtool test rules).</summary>
[Trait("Category", "Integration")]
public sealed class PrometheusRulesTests
{
    private static readonly string Folder = Path.Combine(RepoPaths.Examples, "monitoring");

    [Fact]
    public void AlertRules_PassPromtoolCheckRules()
    {
        var (code, output) = PromTool.Run(null, "check", "rules", Path.Combine(Folder, "alerts.yml"));

        Assert.True(code == 0, output);
        Assert.Contains("SUCCESS: 13 rules found", output);
    }

    [Fact]
    public void AlertRules_FireOnBreakingSeriesAndStaySilentOtherwise()
    {
        var (code, output) = PromTool.Run(null, "test", "rules", Path.Combine(Folder, "alerts.test.yml"));

        Assert.True(code == 0, output);
    }

    [Fact]
    public void EveryHealthCheck_HasARuleAndEveryRuleATest()
    {
        var rules = File.ReadAllText(Path.Combine(Folder, "alerts.yml"));
        var tests = File.ReadAllText(Path.Combine(Folder, "alerts.test.yml"));
        foreach (var check in new[] { "disk", "memory", "browsers", "cron", "gateway", "backups", "secrets", "firewall", "drift", "loop" })
        {
            Assert.Contains($"check=\"{check}\"", rules);
        }

        foreach (var alert in System.Text.RegularExpressions.Regex.Matches(rules, @"- alert: (\w+)").Select(m => m.Groups[1].Value))
        {
            Assert.Contains($"alertname: {alert}", tests);
        }
    }

    [Fact]
    public void ExamplePrometheusConfig_IsValid()
    {
        var (code, output) = PromTool.Run(null, "check", "config", Path.Combine(Folder, "prometheus.yml"));

        Assert.True(code == 0, output);
    }
}
