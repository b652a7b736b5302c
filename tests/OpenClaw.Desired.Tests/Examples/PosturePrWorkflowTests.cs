using LibGit2Sharp;
using OpenClaw.Desired.Tests.Support;
using static OpenClaw.Desired.Tests.Source.GitPostures;

namespace OpenClaw.Desired.Tests.Examples;

/// <summary>The pull-request workflows' own shell steps, run against real repositories.</summary>
public sealed class PosturePrWorkflowTests
{
    private const string Marker = "<!-- openclaw-desired:report -->";

    private static string Cli => $"dotnet {CliRunner.Dll}";

    [Fact]
    public async Task ExampleWorkflow_LooseningPullRequest_ReportsEveryHostInOneCommentAndFailsTheGate()
    {
        using var temp = ScratchHost.Empty();
        var checkout = Path.Combine(temp.Folder, "postures");
        ScratchHost.CopyDirectory(RepoPaths.DemoHost, Path.Combine(checkout, "reference-host"));
        Write(checkout, "fleet/posture.yaml", Standard(ask: "always"));
        Write(checkout, "fleet/hosts/web2.yaml", "agent:\n  elevated:\n    enabled: false\n");
        var baseSha = CommitAll(checkout, "fleet posture");
        Write(checkout, "fleet/posture.yaml", Standard(ask: "off"));
        var headSha = CommitAll(checkout, "let the agent run commands without asking");
        var workflow = new WorkflowStep(Path.Combine(RepoPaths.Root, "examples", "github", "posture-pr.yml"));

        var (code, output, log) = await workflow.RunAsync("Dry run", temp.Folder, new Dictionary<string, string>
        {
            ["OPENCLAW_DESIRED"] = Cli,
            ["REPO_DIR"] = checkout,
            ["BASE"] = baseSha,
            ["HEAD"] = headSha,
            ["PLAN_HOSTS"] = "web1 web2",
        });
        var gate = await workflow.RunAsync("Gate", temp.Folder, new Dictionary<string, string> { ["WORST"] = "4" });

        Assert.True(code == 0, log);
        Assert.Contains("worst=4", output);
        var comment = File.ReadAllText(Path.Combine(temp.Folder, "comment.md"));
        Assert.StartsWith(Marker, comment);
        Assert.Contains("#### host `web1` (exit code 4)", comment);
        Assert.Contains("#### host `web2` (exit code 4)", comment);
        Assert.Contains("`fleet/hosts/web2.yaml`", comment);
        Assert.Contains("| `agent.exec.ask` | always → off | **loosens** |", comment);
        Assert.True(comment.Length < 65_535);
        Assert.DoesNotContain(Canary, comment);
        Assert.Equal(comment, File.ReadAllText(Path.Combine(temp.Folder, "step-summary.md")));
        Assert.Equal(1, gate.ExitCode);
        Assert.Contains("loosens posture", gate.Log);
    }

    [Fact]
    public async Task ExampleWorkflow_SarifStep_WritesValidSarifPointingAtThePostureFile()
    {
        using var temp = ScratchHost.Empty();
        var checkout = Path.Combine(temp.Folder, "postures");
        ScratchHost.CopyDirectory(RepoPaths.DemoHost, Path.Combine(checkout, "reference-host"));
        Write(checkout, "fleet/posture.yaml", Standard(ask: "off"));
        var headSha = CommitAll(checkout, "fleet posture");
        var workflow = new WorkflowStep(Path.Combine(RepoPaths.Root, "examples", "github", "posture-pr.yml"));

        var (code, _, log) = await workflow.RunAsync("SARIF for code scanning", temp.Folder, new Dictionary<string, string>
        {
            ["OPENCLAW_DESIRED"] = Cli,
            ["REPO_DIR"] = checkout,
            ["HEAD"] = headSha,
            ["PLAN_HOSTS"] = "web1 web2",
        });

        Assert.True(code == 0, log);
        var run = Reporting.Sarif.SarifTests.AssertValid(File.ReadAllText(Path.Combine(temp.Folder, "posture.sarif")));
        var uris = run.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()).ToList();
        Assert.Contains("fleet/posture.yaml", uris);
        Assert.DoesNotContain(Canary, File.ReadAllText(Path.Combine(temp.Folder, "posture.sarif")));
    }

    [Fact]
    public async Task ExampleWorkflow_NoReferenceHost_FailsWithAClearMessage()
    {
        using var repo = PostureRepo.Create();
        using var temp = ScratchHost.Empty();
        var sha = repo.Commit("fleet/posture.yaml", Standard());
        var workflow = new WorkflowStep(Path.Combine(RepoPaths.Root, "examples", "github", "posture-pr.yml"));

        var (code, output, log) = await workflow.RunAsync("Dry run", temp.Folder, new Dictionary<string, string>
        {
            ["OPENCLAW_DESIRED"] = Cli,
            ["REPO_DIR"] = repo.Path,
            ["BASE"] = sha,
            ["HEAD"] = sha,
        });

        Assert.Equal(0, code);
        Assert.Contains("worst=1", output);
        Assert.Contains("the reference host reference-host is not in the repository", log);
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("2", 0)]
    [InlineData("3", 0)]
    [InlineData("4", 1)]
    [InlineData("1", 1)]
    public async Task ExampleWorkflow_Gate_PassesOnlyPlansThatDoNotLoosen(string worst, int expected)
    {
        using var temp = ScratchHost.Empty();
        var workflow = new WorkflowStep(Path.Combine(RepoPaths.Root, "examples", "github", "posture-pr.yml"));

        var gate = await workflow.RunAsync("Gate", temp.Folder, new Dictionary<string, string> { ["WORST"] = worst });

        Assert.Equal(expected, gate.ExitCode);
    }

    [Fact]
    public async Task ProjectWorkflow_OnTheExamples_ShowsThePlanOfTheDemoHost()
    {
        using var temp = ScratchHost.Empty();
        var checkout = Path.Combine(temp.Folder, "postures");
        ScratchHost.CopyDirectory(RepoPaths.Examples, Path.Combine(checkout, "examples"));
        var baseSha = CommitAll(checkout, "examples");
        File.AppendAllText(Path.Combine(checkout, "examples", "standard", "posture.yaml"), "# reviewed\n");
        var headSha = CommitAll(checkout, "comment only");

        var workflow = new WorkflowStep(Path.Combine(RepoPaths.Root, ".github", "workflows", "posture-pr.yml"));
        var (code, output, log) = await workflow.RunAsync("Dry run", Path.Combine(temp.Folder), new Dictionary<string, string>
        {
            ["OPENCLAW_DESIRED"] = Cli,
            ["REPO_DIR"] = checkout,
            ["BASE"] = baseSha,
            ["HEAD"] = headSha,
        });

        Assert.True(code == 0, log);
        var comment = File.ReadAllText(Path.Combine(temp.Folder, "comment.md"));
        Assert.StartsWith(Marker, comment);
        Assert.Contains("tools.exec.security", comment);
        // No Ollama answers here: the local model is unknown, so the plan is shown with exit code 3, or 2 where one answers.
        Assert.Matches("worst=[23]", output);
    }

    private static void Write(string checkout, string path, string content)
    {
        var file = Path.Combine(checkout, path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, content);
    }

    /// <summary>Commits everything in the working folder (made a repository on first use), like a CI checkout.</summary>
    private static string CommitAll(string checkout, string message)
    {
        if (!Repository.IsValid(checkout))
        {
            Repository.Init(checkout);
        }

        using var repository = new Repository(checkout);
        var who = new LibGit2Sharp.Signature("CI", "ci@example.invalid", DateTimeOffset.UnixEpoch.AddDays(repository.Commits.Count()));
        Commands.Stage(repository, "*");
        return repository.Commit(message, who, who).Sha;
    }
}
