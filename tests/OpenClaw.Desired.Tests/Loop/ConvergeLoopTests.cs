using System.Text.Json;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Loop;
using OpenClaw.Desired.Reconciliation;
using OpenClaw.Desired.Tests.Support;
using static OpenClaw.Desired.Tests.Source.GitPostures;

namespace OpenClaw.Desired.Tests.Loop;

public sealed class ConvergeLoopTests
{
    private static string[] Once(ScratchHost host, string repo, params string[] extra) =>
        ["run", "--once", "--repo", repo, "--root", host.Root, "--state-dir", host.StateDir, "--hostname", "web1", "--no-color", .. extra];

    private static JsonElement Status(ScratchHost host) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(host.StateDir, StatusFile.FileName))).RootElement;

    [Fact]
    public void RunOnce_NewCommit_AppliesThenIdles()
    {
        using var repo = PostureRepo.Create();
        using var host = ScratchHost.FromDemo();
        var sha = repo.Commit("posture.yaml", Standard());

        var first = CliRunner.Run(Once(host, repo.Path));
        var second = CliRunner.Run(Once(host, repo.Path));

        Assert.Equal(0, first.ExitCode);
        Assert.StartsWith($"new revision {sha[..12]}: applied", first.Stdout);
        Assert.StartsWith("in sync: in sync", second.Stdout);
        Assert.Single(Directory.GetDirectories(Path.Combine(host.StateDir, "runs")));
        var status = Status(host);
        Assert.Equal(sha, status.GetProperty("appliedRevision").GetString());
        Assert.Equal("in-sync", status.GetProperty("result").GetString());
        Assert.Equal(JsonValueKind.Null, status.GetProperty("nextRun").ValueKind);
        Assert.DoesNotContain(Canary, File.ReadAllText(Path.Combine(host.StateDir, StatusFile.LastReport)));
        Assert.DoesNotContain(Canary, first.All + second.All);
    }

    [Fact]
    public void RunOnce_Suspended_ReportsDriftButAppliesOnlyAfterResume()
    {
        using var repo = PostureRepo.Create();
        using var host = ScratchHost.FromDemo();
        repo.Commit("posture.yaml", Standard());
        var config = File.ReadAllBytes(host.ConfigPath);

        var suspend = CliRunner.Run("suspend", "--reason", "vendor maintenance until 14:00", "--state-dir", host.StateDir);
        var paused = CliRunner.Run(Once(host, repo.Path));
        var pausedStatus = Status(host);
        Assert.Equal(config, File.ReadAllBytes(host.ConfigPath));
        var resume = CliRunner.Run("resume", "--state-dir", host.StateDir);
        var resumed = CliRunner.Run(Once(host, repo.Path));

        Assert.Equal(0, suspend.ExitCode);
        Assert.Equal(2, paused.ExitCode);
        Assert.Matches(@"\[suspended until \d{4}-\d{2}-\d{2} \d{2}:\d{2}Z: vendor maintenance until 14:00\]", paused.Stdout);
        Assert.Contains("not applied: suspended", paused.Stdout);
        Assert.Equal("suspended", pausedStatus.GetProperty("mode").GetString());
        Assert.Equal("vendor maintenance until 14:00", pausedStatus.GetProperty("suspended").GetProperty("reason").GetString());
        Assert.Contains("resumed", resume.Stdout);
        Assert.Equal(0, resumed.ExitCode);
        Assert.NotEqual(config, File.ReadAllBytes(host.ConfigPath));
    }

    [Fact]
    public void RunOnce_DetectOnly_NeverApplies()
    {
        using var repo = PostureRepo.Create();
        using var host = ScratchHost.FromDemo();
        repo.Commit("posture.yaml", Standard());
        var config = File.ReadAllBytes(host.ConfigPath);

        var result = CliRunner.Run(Once(host, repo.Path, "--dry-run"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not applied: detect-only", result.Stdout);
        Assert.Equal(config, File.ReadAllBytes(host.ConfigPath));
        Assert.Equal("detect-only", Status(host).GetProperty("mode").GetString());
    }

    [Fact]
    public void RunOnce_RepeatedFailures_AreCountedForBackoff()
    {
        using var host = ScratchHost.FromDemo();
        var missing = Path.Combine(host.Folder, "missing.git");

        CliRunner.Run(Once(host, missing));
        var second = CliRunner.Run(Once(host, missing));

        Assert.Equal(1, second.ExitCode);
        Assert.Equal(2, Status(host).GetProperty("consecutiveFailures").GetInt32());
    }

    [Fact]
    public void RunOnce_RefusedCommit_IsNotRetriedUntilANewOne()
    {
        using var repo = PostureRepo.Create();
        using var host = ScratchHost.FromDemo();
        var sha = repo.Commit("posture.yaml", Standard());
        const string Key = "0123456789ABCDEF0123456789ABCDEF01234567";

        var refused = CliRunner.Run(Once(host, repo.Path, "--verify-key", Key));
        var waiting = CliRunner.Run(Once(host, repo.Path, "--verify-key", Key));

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("refused to apply", refused.Stdout);
        Assert.Contains("this revision was refused, waiting for a new one", waiting.Stdout);
        var status = Status(host);
        Assert.Equal(sha, status.GetProperty("refusedRevision").GetString());
        Assert.Equal(0, status.GetProperty("consecutiveFailures").GetInt32());
    }

    [Fact]
    public async Task Tick_StalledChange_IsReportedAndNotRetried()
    {
        using var host = ScratchHost.FromDemo();
        var posture = host.WritePosture("apiVersion: openclaw.desired/v1\ntier: basic\nopenclaw:\n  user: claw\n");
        var kind = new StallingTestKind();
        using var http = new HttpClient();
        var run = new ReconcileRun([kind], new ProcessCommandRunner(), TimeProvider.System, http);
        var loop = new ConvergeLoop(run, new LoopOptions { Run = new RunOptions { PosturePath = posture, Root = host.Root, StateDir = host.StateDir } }, TimeProvider.System, new Random(1));

        var first = await loop.TickAsync(null, CancellationToken.None);
        var second = await loop.TickAsync(first.Status, CancellationToken.None);

        Assert.True(first.Decision.Apply);
        Assert.Equal("stalled", first.Report.Changes.Single().Outcome);
        Assert.Equal(0, first.Status.ConsecutiveFailures);
        Assert.Equal("stalling/thing", Assert.Single(first.Status.Stalled).Change);
        Assert.False(second.Decision.Apply);
        Assert.Contains("1 stalled change(s) need a human", second.Decision.Why);
        Assert.Equal(1, kind.Applies);
    }

    [Fact]
    public void RunOnce_SuspensionPastItsEnd_AppliesAgain()
    {
        using var repo = PostureRepo.Create();
        using var host = ScratchHost.FromDemo();
        repo.Commit("posture.yaml", Standard());
        var config = File.ReadAllBytes(host.ConfigPath);
        var now = DateTimeOffset.UtcNow;
        SuspendFile.Write(host.StateDir, new SuspendRecord("maintenance window", now.AddHours(-3), "ops") { Until = now.AddMinutes(-1) });

        var tick = CliRunner.Run(Once(host, repo.Path));

        Assert.True(tick.ExitCode == 0, tick.All);
        Assert.DoesNotContain("suspended", tick.Stdout);
        Assert.NotEqual(config, File.ReadAllBytes(host.ConfigPath));
    }
}
