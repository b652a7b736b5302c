using System.Text.Json;
using NJsonSchema;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Reporting.Sarif;

/// <summary>Every SARIF file the tool writes validates against the OASIS schema and is fit for code scanning.</summary>
public sealed class SarifTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromFileAsync(Path.Combine(RepoPaths.Root, "tests", "OpenClaw.Desired.Tests", "Reporting", "Sarif", "sarif-schema-2.1.0.json")).GetAwaiter().GetResult();

    internal static JsonElement AssertValid(string sarif)
    {
        var errors = Schema.Validate(sarif);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
        var log = JsonDocument.Parse(sarif).RootElement;
        Assert.Equal("2.1.0", log.GetProperty("version").GetString());
        return log.GetProperty("runs")[0];
    }

    private static IEnumerable<JsonElement> Results(JsonElement run) => run.GetProperty("results").EnumerateArray();

    [Fact]
    public void Reconcile_DryRunAndApply_WriteValidSarifWithRulesLocationsAndStableFingerprints()
    {
        using var host = ScratchHost.FromDemo();
        var posture = host.WritePosture(Postures.AgentOnly(agent: "  gateway:\n    bind: lan\n    auth: token\n    controlUi:\n      enabled: false\n") + $"waivers:\n  - match: agent/browser.noSandbox\n    reason: kernel lacks namespaces\n    owner: ops\n    until: {DateTime.UtcNow.AddDays(3):yyyy-MM-dd}\n");

        var first = CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run", "-o", "sarif")]);
        var second = CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run", "--report", Path.Combine(host.Folder, "plan.sarif"))]);
        var run = AssertValid(first.Stdout);
        AssertValid(File.ReadAllText(Path.Combine(host.Folder, "plan.sarif")));

        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        Assert.All(rules, r => Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("help").GetProperty("text").GetString())));
        Assert.Contains(rules, r => r.GetProperty("id").GetString() == "posture/agent");
        Assert.Contains(rules, r => r.GetProperty("id").GetString() == "download-exec");
        var results = Results(run).ToList();
        Assert.All(results, r => Assert.Single(r.GetProperty("locations").EnumerateArray()));
        var change = results.First(r => r.GetProperty("ruleId").GetString() == "posture/agent");
        Assert.Equal(posture, change.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!.Replace("file://", string.Empty, StringComparison.Ordinal));
        Assert.Equal(8, change.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
        var finding = results.First(r => r.GetProperty("ruleId").GetString() == "download-exec");
        Assert.Equal("error", finding.GetProperty("level").GetString());
        Assert.EndsWith("/home/claw/.openclaw/workspace/skills/crypto-price-alerts/SKILL.md", finding.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(10, finding.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
        var waived = results.Single(r => r.GetProperty("message").GetProperty("text").GetString()!.StartsWith("agent/browser.noSandbox", StringComparison.Ordinal));
        Assert.Equal("accepted", waived.GetProperty("suppressions")[0].GetProperty("status").GetString());

        static IEnumerable<string> Fingerprints(JsonElement run) => Results(run).Select(r => r.GetProperty("partialFingerprints").GetProperty("openclawDesired/v1").GetString()!);
        var again = AssertValid(File.ReadAllText(Path.Combine(host.Folder, "plan.sarif")));
        Assert.Equal(Fingerprints(run), Fingerprints(again));
        Assert.Equal(Fingerprints(run).Count(), Fingerprints(run).Distinct().Count());
        Assert.Equal(0, second.ExitCode is 2 or 3 or 4 ? 0 : second.ExitCode);
    }

    [Fact]
    public void Reconcile_LooseningChange_IsAnErrorAndAPostureProblemPointsAtItsLine()
    {
        using var host = ScratchHost.FromDemo();
        var bad = host.WritePosture("apiVersion: openclaw.desired/v1\ntier: standard\nagent:\n  exec:\n    ask: sometimes\n", "bad.yaml");

        var run = AssertValid(CliRunner.Run(["reconcile", .. host.Args(bad, "--dry-run", "-o", "sarif")]).Stdout);

        // The one error; a standard posture without a firewall section also carries the SSH lock-out warning.
        var problem = Assert.Single(Results(run), r => r.GetProperty("level").GetString() == "error");
        Assert.Equal("posture/problem", problem.GetProperty("ruleId").GetString());
        var region = problem.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal((5, 10), (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32()));
    }

    [Fact]
    public void SkillsAudit_Sarif_IsValidWithFileAndLine()
    {
        var skills = Path.Combine(RepoPaths.DemoHost, "home/claw/.openclaw/workspace/skills");

        var result = CliRunner.Run("skills", "audit", skills, "--output", "sarif");

        var run = AssertValid(result.Stdout);
        Assert.Equal(2, result.ExitCode);
        var results = Results(run).ToList();
        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.True(r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32() > 0));
        Assert.Contains(results, r => r.GetProperty("ruleId").GetString() == "credential-exfiltration" && r.GetProperty("level").GetString() == "error");
    }

    [Fact]
    public void SecretsScan_Sarif_IsValidAndNeverHoldsTheSecret()
    {
        using var host = ScratchHost.Empty();
        var file = Path.Combine(host.Folder, "notes.md");
        File.WriteAllText(file, $"deploy with\nexport OPENAI_API_KEY={Canaries.Profile}\n");

        var result = CliRunner.Run("secrets", "scan", file, "--output", "sarif");

        var run = AssertValid(result.Stdout);
        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain(Canaries.Profile, result.All);
        var found = Assert.Single(Results(run));
        var region = found.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal(2, region.GetProperty("startLine").GetInt32());
        Assert.True(region.GetProperty("startColumn").GetInt32() > 1);
        Assert.StartsWith("secret/", found.GetProperty("ruleId").GetString());
    }
}
