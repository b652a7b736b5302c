using NJsonSchema;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Reporting;

/// <summary>Every JSON report the tool writes conforms to schemas/report.schema.json.</summary>
public sealed class ReportSchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromFileAsync(Path.Combine(RepoPaths.Root, "schemas", "report.schema.json")).GetAwaiter().GetResult();

    internal static void AssertValid(string json)
    {
        var errors = Schema.Validate(json);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
    }

    [Fact]
    public void Reports_OfDryRunApplyRollbackAndError_MatchTheSchema()
    {
        using var ollama = new FakeOllamaServer("llama3.3:8b");
        using var host = ScratchHost.FromDemo();
        var posture = host.WritePosture(Postures.Standard(ollama.BaseUrl));
        var bad = host.WritePosture("apiVersion: nope\n", "bad.yaml");

        var reports = new[]
        {
            CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run", "--output", "json")]).Stdout,
            CliRunner.Run(["reconcile", .. host.Args(posture, "--yes", "--output", "json")]).Stdout,
            CliRunner.Run(["reconcile", .. host.Args(bad, "--dry-run", "--output", "json")]).Stdout,
            CliRunner.Run("rollback", "--root", host.Root, "--state-dir", host.StateDir, "--output", "json").Stdout,
        };

        foreach (var report in reports)
        {
            AssertValid(report);
        }

        foreach (var stored in Directory.GetFiles(Path.Combine(host.StateDir, "runs"), "report.json", SearchOption.AllDirectories))
        {
            AssertValid(File.ReadAllText(stored));
        }
    }

    [Fact]
    public void Reports_OfGitSourcedRunsAndPullRequestDryRuns_MatchTheSchema()
    {
        using var repo = PostureRepo.Create();
        using var host = ScratchHost.FromDemo();
        repo.Commit("posture.yaml", Source.GitPostures.Standard(ask: "always"));
        repo.Commit("posture.yaml", Source.GitPostures.Standard(ask: "off"));

        var pullRequest = CliRunner.Run(Source.GitPostures.Args(host, repo.Path, "--dry-run", "--base", "main~1", "--ref", "main", "-o", "json"));
        var apply = CliRunner.Run(Source.GitPostures.Args(host, repo.Path, "-o", "json"));
        var again = CliRunner.Run(Source.GitPostures.Args(host, repo.Path, "--dry-run", "-o", "json"));

        Assert.Contains("\"postureDiff\"", pullRequest.Stdout);
        Assert.Contains("\"lastApplied\"", again.Stdout);
        AssertValid(pullRequest.Stdout);
        AssertValid(apply.Stdout);
        AssertValid(again.Stdout);
    }

    [Fact]
    public void SchemaVerb_PrintsBothSchemas()
    {
        var posture = CliRunner.Run("schema");
        var report = CliRunner.Run("schema", "--report");

        Assert.Equal(File.ReadAllText(Path.Combine(RepoPaths.Root, "schemas", "posture.schema.json")), posture.Stdout);
        Assert.Equal(File.ReadAllText(Path.Combine(RepoPaths.Root, "schemas", "report.schema.json")), report.Stdout);
    }
}
