using OpenClaw.Desired.Tests.Support;
using static OpenClaw.Desired.Tests.Source.GitPostures;

namespace OpenClaw.Desired.Tests.Source;

public sealed class CompositionTests
{
    private const string Base = """
        apiVersion: openclaw.desired/v1
        tier: standard
        score: { target: 0 }
        include: [shared/agent.yaml]
        openclaw:
          user: claw
          stateDir: ~/.openclaw
        """;

    private const string SharedAgent = """
        agent:
          exec:
            security: allowlist
            ask: on-miss
          skills:
            allowlistOnly: true
            allow: [weather, github-triage]
          logging:
            redactSensitive: off
        """;

    [Fact]
    public void Compose_IncludeGroupAndHostOverlay_MergeInThatOrder()
    {
        using var repo = PostureRepo.Create();
        using var host = ScratchHost.FromDemo();
        repo.Commit(new Dictionary<string, string?>
        {
            ["fleet/posture.yaml"] = Base,
            ["fleet/shared/agent.yaml"] = SharedAgent,
            ["fleet/groups/edge.yaml"] = "agent:\n  exec:\n    ask: always\n  skills:\n    allow: [weather]\n",
            ["fleet/hosts/web1.yaml"] = "agent:\n  logging:\n    redactSensitive: tools\n  skills:\n    allow: null\n",
            ["fleet/hosts/web2.yaml"] = "agent:\n  exec:\n    security: deny\n",
        });

        var report = Json(CliRunner.Run([.. Args(host, repo.Path, "--path", "fleet/posture.yaml", "--host-group", "edge", "--dry-run", "-o", "json")]));
        var changes = report.GetProperty("changes").EnumerateArray().ToDictionary(c => c.GetProperty("resource").GetString()!, c => c.GetProperty("after").GetString());

        Assert.Equal(0, report.GetProperty("diagnostics").GetArrayLength() - CountWarnings(report));
        Assert.Equal(["fleet/posture.yaml", "fleet/shared/agent.yaml", "fleet/groups/edge.yaml", "fleet/hosts/web1.yaml"],
            SourceOf(report).GetProperty("files").EnumerateArray().Select(f => f.GetString()!).ToArray());
        Assert.Equal("always", changes["tools.exec.ask"]);            // group over include
        Assert.Equal("allowlist", changes["tools.exec.security"]);     // include, untouched by web1's overlay
        Assert.Equal("tools", changes["logging.redactSensitive"]);     // host over include
        Assert.Equal("[]", changes["agents.defaults.skills"]);        // null removed the list: allowlist only, nothing allowed
    }

    [Fact]
    public void Compose_ErrorInOverlay_PointsIntoTheOverlayFile()
    {
        using var repo = PostureRepo.Create();
        using var host = ScratchHost.FromDemo();
        repo.Commit(new Dictionary<string, string?>
        {
            ["posture.yaml"] = Standard(),
            ["hosts/web1.yaml"] = "agent:\n  exec:\n    ask: sometimes\n",
        });

        var result = CliRunner.Run(Args(host, repo.Path, "--dry-run"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("hosts/web1.yaml:3:10: must be one of: off, on-miss, always (agent.exec.ask)", result.Stdout);
    }

    [Fact]
    public void Compose_MissingGroupOverlay_IsAnErrorButMissingHostOverlayIsNot()
    {
        using var repo = PostureRepo.Create();
        using var host = ScratchHost.FromDemo();
        repo.Commit("posture.yaml", Standard());

        var missingGroup = CliRunner.Run(Args(host, repo.Path, "--host-group", "dmz", "--dry-run"));
        var noHostOverlay = CliRunner.Run(ArgsAs("db9", host, repo.Path, "--dry-run"));

        Assert.Equal(1, missingGroup.ExitCode);
        Assert.Contains("groups/dmz.yaml is not in the repository at this commit", missingGroup.Stdout);
        Assert.Equal(2, noHostOverlay.ExitCode);
    }

    [Theory]
    [InlineData("include: [posture.yaml]", "include cycle: posture.yaml -> posture.yaml")]
    [InlineData("include: [a.yaml]", "include cycle: posture.yaml -> a.yaml -> posture.yaml")]
    [InlineData("include: [../../etc/passwd]", "an include must be a path inside the repository")]
    [InlineData("include: [nothere.yaml]", "nothere.yaml is not in the repository at this commit")]
    public void Compose_BadInclude_FailsWithClearMessage(string include, string message)
    {
        using var repo = PostureRepo.Create();
        using var host = ScratchHost.FromDemo();
        repo.Commit(new Dictionary<string, string?>
        {
            ["posture.yaml"] = Standard() + "\n" + include + "\n",
            ["a.yaml"] = "include: [posture.yaml]\n",
        });

        var result = CliRunner.Run(Args(host, repo.Path, "--dry-run"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Stdout);
    }

    private static int CountWarnings(System.Text.Json.JsonElement report) =>
        report.GetProperty("diagnostics").EnumerateArray().Count(d => d.GetString()!.Contains(": warning: ", StringComparison.Ordinal));
}
