using OpenClaw.Desired.Tests.Support;
using static OpenClaw.Desired.Tests.Source.GitPostures;

namespace OpenClaw.Desired.Tests.Source;

public sealed class PostureDiffTests
{
    [Fact]
    public void DryRunWithBase_LooseningCommit_ExitsFourAndMarksWhatLoosens()
    {
        using var repo = PostureRepo.Create();
        using var host = ScratchHost.FromDemo();
        var baseSha = repo.Commit("posture.yaml", Standard(ask: "always"));
        var headSha = repo.Commit("posture.yaml", Standard(ask: "off", skills: "[weather, github-triage]"));

        var result = CliRunner.Run(Args(host, repo.Path, "--dry-run", "--base", baseSha, "--ref", headSha, "-o", "json"));

        Assert.Equal(4, result.ExitCode);
        var report = Json(result);
        Assert.Equal("loosens", report.GetProperty("result").GetString());
        var diff = report.GetProperty("postureDiff");
        Assert.Equal(baseSha, diff.GetProperty("baseCommit").GetString());
        Assert.Equal(headSha, diff.GetProperty("headCommit").GetString());
        var changes = diff.GetProperty("changes").EnumerateArray().ToDictionary(c => c.GetProperty("path").GetString()!);
        Assert.Equal(["agent.exec.ask", "agent.skills.allow"], changes.Keys.Order().ToArray());
        Assert.Equal("always", changes["agent.exec.ask"].GetProperty("before").GetString());
        Assert.Equal("off", changes["agent.exec.ask"].GetProperty("after").GetString());
        Assert.All(changes.Values, c => Assert.Equal("loosens", c.GetProperty("effect").GetString()));
    }

    [Fact]
    public void DryRunWithBase_TighteningCommit_KeepsThePlanExitCodeAndRendersMarkdown()
    {
        using var repo = PostureRepo.Create();
        using var host = ScratchHost.FromDemo();
        repo.Commit("posture.yaml", Standard(ask: "on-miss"));
        repo.Commit("posture.yaml", Standard(ask: "always"));

        var result = CliRunner.Run(Args(host, repo.Path, "--dry-run", "--base", "main~1", "--ref", "main", "-o", "markdown"));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("<!-- openclaw-desired:report -->", result.Stdout);
        Assert.Contains("<b>posture change</b> `main~1`", result.Stdout);
        Assert.Contains("| `agent.exec.ask` | on-miss → always | tightens |", result.Stdout);
        Assert.DoesNotContain(Canary, result.Stdout);
    }

    [Fact]
    public void DryRunWithBase_SecretChanged_ShowsFingerprintsOnly()
    {
        using var repo = PostureRepo.Create();
        using var host = ScratchHost.FromDemo();
        const string OldToken = "old-canary-token-4b1d8e2f9a7c3b5d1e0f2a4c";
        repo.Commit("posture.yaml", Standard().Replace(Canary, OldToken, StringComparison.Ordinal));
        repo.Commit("posture.yaml", Standard());

        var result = CliRunner.Run(Args(host, repo.Path, "--dry-run", "--base", "main~1", "--ref", "main", "-o", "json"));
        var text = CliRunner.Run(Args(host, repo.Path, "--dry-run", "--base", "main~1", "--ref", "main"));

        var change = Json(result).GetProperty("postureDiff").GetProperty("changes").EnumerateArray().Single();
        Assert.Equal("agent.gateway.token", change.GetProperty("path").GetString());
        Assert.StartsWith("fp:", change.GetProperty("before").GetString());
        Assert.StartsWith("fp:", change.GetProperty("after").GetString());
        Assert.DoesNotContain(OldToken, result.All + text.All);
        Assert.DoesNotContain(Canary, text.All);
    }

    [Fact]
    public void DryRunWithBase_PostureNewInHead_ListsEveryValueAsNew()
    {
        using var repo = PostureRepo.Create();
        using var host = ScratchHost.FromDemo();
        repo.Commit("README.md", "postures live here\n");
        repo.Commit("posture.yaml", Standard());

        var report = Json(CliRunner.Run(Args(host, repo.Path, "--dry-run", "--base", "main~1", "--ref", "main", "-o", "json")));

        var changes = report.GetProperty("postureDiff").GetProperty("changes").EnumerateArray().ToList();
        Assert.Contains(changes, c => c.GetProperty("path").GetString() == "tier" && c.GetProperty("after").GetString() == "standard");
        Assert.All(changes, c => Assert.False(c.TryGetProperty("before", out _)));
        Assert.Contains("has no posture.yaml; every value is new", Diagnostics(report));
    }
}
