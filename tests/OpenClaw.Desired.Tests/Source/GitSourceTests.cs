using System.Text.Json;
using OpenClaw.Desired.Tests.Support;
using static OpenClaw.Desired.Tests.Source.GitPostures;

namespace OpenClaw.Desired.Tests.Source;

public sealed class GitSourceTests
{
    [Fact]
    public void DryRun_FromBareRepo_ReportsCommitShaTimeAuthorAndDigest()
    {
        using var repo = PostureRepo.Create();
        using var host = ScratchHost.FromDemo();
        var sha = repo.Commit("posture.yaml", Standard());
        var local = host.WritePosture(Standard());

        var report = Json(CliRunner.Run([.. Args(host, repo.Path, "--dry-run", "-o", "json")]));
        var digest = Json(CliRunner.Run(["reconcile", .. host.Args(local, "--dry-run", "-o", "json")])).GetProperty("posture").GetProperty("digest").GetString();

        var source = SourceOf(report);
        Assert.Equal(sha, source.GetProperty("commit").GetString());
        Assert.Equal("Posture Author <author@example.invalid>", source.GetProperty("author").GetString());
        Assert.Equal(DateTimeOffset.Parse("2026-11-01T12:01:00Z", System.Globalization.CultureInfo.InvariantCulture), source.GetProperty("commitTime").GetDateTimeOffset());
        Assert.Equal(repo.Path, source.GetProperty("repo").GetString());
        Assert.Equal("HEAD", source.GetProperty("ref").GetString());
        Assert.False(source.GetProperty("stale").GetBoolean());
        Assert.Equal(digest, report.GetProperty("posture").GetProperty("digest").GetString());
        Assert.Equal(2, report.GetProperty("exitCode").GetInt32());
    }

    [Fact]
    public void Apply_FromFileUrl_ConvergesAndRecordsTheAppliedCommit()
    {
        using var repo = PostureRepo.Create();
        using var host = ScratchHost.FromDemo();
        var sha = repo.Commit("posture.yaml", Standard());

        var applied = CliRunner.Run(Args(host, repo.FileUrl, "--ref", "main", "-o", "json"));
        var again = Json(CliRunner.Run([.. Args(host, repo.FileUrl, "--ref", "main", "--dry-run", "-o", "json")]));

        Assert.Equal(0, applied.ExitCode);
        Assert.Equal("applied", Json(applied).GetProperty("result").GetString());
        Assert.Equal("in-sync", again.GetProperty("result").GetString());
        Assert.Equal(sha, SourceOf(again).GetProperty("lastApplied").GetString());
        var record = Directory.GetFiles(Path.Combine(host.StateDir, "source"), "applied.json", SearchOption.AllDirectories).Single();
        Assert.Contains(sha, File.ReadAllText(record));
        Assert.DoesNotContain(Canary, File.ReadAllText(Directory.GetFiles(host.StateDir, "report.json", SearchOption.AllDirectories).Single()));
    }

    [Fact]
    public void Reconcile_UnknownRef_FailsWithClearMessage()
    {
        using var repo = PostureRepo.Create();
        using var host = ScratchHost.FromDemo();
        repo.Commit("posture.yaml", Standard());

        var result = CliRunner.Run(Args(host, repo.Path, "--ref", "release-9", "--dry-run"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("'release-9' names no commit", result.Stdout);
    }

    [Fact]
    public void Reconcile_PasswordInUrl_RefusedAndNeverPrinted()
    {
        using var host = ScratchHost.FromDemo();

        var result = CliRunner.Run(Args(host, "https://deploy:hunter2-secret-pw@git.example.invalid/postures.git", "--dry-run"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("OPENCLAW_DESIRED_GIT_TOKEN", result.Stdout);
        Assert.DoesNotContain("hunter2-secret-pw", result.All);
    }

    [Fact]
    public void Reconcile_RemoteGone_UsesCachedCommitAndReportsStale()
    {
        using var repo = PostureRepo.Create();
        using var host = ScratchHost.FromDemo();
        var sha = repo.Commit("posture.yaml", Standard());
        Assert.Equal(0, CliRunner.Run(Args(host, repo.Path)).ExitCode);
        Directory.Move(repo.Path, repo.Path + ".moved");
        try
        {
            var report = Json(CliRunner.Run([.. Args(host, repo.Path, "--dry-run", "-o", "json")]));
            var text = CliRunner.Run(Args(host, repo.Path, "--dry-run"));

            var source = SourceOf(report);
            Assert.True(source.GetProperty("stale").GetBoolean());
            Assert.Equal(sha, source.GetProperty("commit").GetString());
            Assert.True(source.TryGetProperty("staleFor", out _));
            Assert.Equal("in-sync", report.GetProperty("result").GetString());
            Assert.Contains("could not be reached", Diagnostics(report));
            Assert.Contains("STALE", text.Stdout);
        }
        finally
        {
            Directory.Move(repo.Path + ".moved", repo.Path);
        }
    }

    [Fact]
    public void Reconcile_RemoteGoneAndNoCache_FailsWithoutChangingAnything()
    {
        using var host = ScratchHost.FromDemo();
        var before = File.ReadAllBytes(host.ConfigPath);

        var result = CliRunner.Run(Args(host, Path.Combine(host.Folder, "nowhere.git")));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("does not exist", result.Stdout);
        Assert.Contains("cache holds no copy", result.Stdout);
        Assert.Equal(before, File.ReadAllBytes(host.ConfigPath));
    }

    [Fact]
    public void Apply_AncestorOfLastApplied_RefusedUnlessAllowRollback()
    {
        using var repo = PostureRepo.Create();
        using var host = ScratchHost.FromDemo();
        var first = repo.Commit("posture.yaml", Standard(ask: "on-miss"));
        var second = repo.Commit("posture.yaml", Standard(ask: "always"));
        Assert.Equal(0, CliRunner.Run(Args(host, repo.Path)).ExitCode);
        repo.ResetBranch(first);
        var config = File.ReadAllBytes(host.ConfigPath);

        var refused = CliRunner.Run(Args(host, repo.Path));
        var dryRun = CliRunner.Run(Args(host, repo.Path, "--dry-run"));
        Assert.Equal(config, File.ReadAllBytes(host.ConfigPath));
        var allowed = CliRunner.Run(Args(host, repo.Path, "--allow-rollback", "-o", "json"));

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains($"older than the last applied commit {second[..12]}", refused.Stdout);
        Assert.Contains("--allow-rollback", refused.Stdout);
        Assert.Contains("would refuse to apply", dryRun.Stdout);
        Assert.Contains("tools.exec.ask", dryRun.Stdout);
        Assert.Equal(0, allowed.ExitCode);
        Assert.Equal(first, SourceOf(Json(allowed)).GetProperty("commit").GetString());
        Assert.Contains("\"on-miss\"", File.ReadAllText(host.ConfigPath));
    }

    [Fact]
    public void Apply_NewerCommit_IsNotARollback()
    {
        using var repo = PostureRepo.Create();
        using var host = ScratchHost.FromDemo();
        repo.Commit("posture.yaml", Standard(ask: "on-miss"));
        Assert.Equal(0, CliRunner.Run(Args(host, repo.Path)).ExitCode);
        var newer = repo.Commit("posture.yaml", Standard(ask: "always"));

        var result = CliRunner.Run(Args(host, repo.Path, "-o", "json"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(newer, SourceOf(Json(result)).GetProperty("commit").GetString());
    }

    [Fact]
    public void Reconcile_BootstrapFile_ReadsRepoAndRefusesPostureBelowItsTier()
    {
        using var repo = PostureRepo.Create();
        using var host = ScratchHost.FromDemo();
        repo.Commit("fleet/posture.yaml", Standard(tier: "basic"));
        var bootstrap = host.WritePosture($"""
            apiVersion: openclaw.desired/v1
            tier: standard
            source:
              repo: {repo.Path}
              ref: main
              path: fleet/posture.yaml
            """, "bootstrap.yaml");

        var dryRun = Json(CliRunner.Run(["reconcile", .. host.Args(bootstrap, "--dry-run", "-o", "json")]));
        var apply = CliRunner.Run(["reconcile", .. host.Args(bootstrap, "--yes")]);

        Assert.Equal("fleet/posture.yaml", dryRun.GetProperty("posture").GetProperty("path").GetString());
        Assert.Equal("basic", dryRun.GetProperty("posture").GetProperty("tier").GetString());
        Assert.Contains("below the tier standard", Diagnostics(dryRun));
        Assert.Equal(1, apply.ExitCode);
        Assert.Contains("refused to apply", apply.Stdout);
    }

    [Fact]
    public void Reconcile_BaseWithoutGitSource_IsAnError()
    {
        using var host = ScratchHost.FromDemo();

        var result = CliRunner.Run(["reconcile", .. host.Args(RepoPaths.Posture("standard"), "--dry-run", "--base", "main")]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--base needs a Git source", result.Stdout);
    }

    [Fact]
    public void Reconcile_DamagedCache_IsSetAsideAndRebuilt()
    {
        using var repo = PostureRepo.Create();
        using var host = ScratchHost.FromDemo();
        var sha = repo.Commit("posture.yaml", Standard());
        Assert.Equal(2, CliRunner.Run(Args(host, repo.Path, "--dry-run")).ExitCode);
        var cache = Directory.GetDirectories(Path.Combine(host.StateDir, "source")).Single() + "/cache.git";
        Directory.Delete(cache, recursive: true);
        Directory.CreateDirectory(cache);
        File.WriteAllText(Path.Combine(cache, "HEAD"), "garbage");

        var report = Json(CliRunner.Run([.. Args(host, repo.Path, "--dry-run", "-o", "json")]));

        Assert.Equal(sha, SourceOf(report).GetProperty("commit").GetString());
        Assert.Single(Directory.GetDirectories(Path.GetDirectoryName(cache)!, "cache.git.damaged-*"));
    }
}
