using OpenClaw.Desired.Tests.Examples;
using OpenClaw.Desired.Tests.Support;
using static OpenClaw.Desired.Tests.Source.GitPostures;

namespace OpenClaw.Desired.Tests.Release;

/// <summary>
/// The example posture-repository workflow installs a released executable: its install step, run against a
/// local copy of a release's download URLs (the artifacts the release workflow made), then its dry run with
/// what it installed.
/// </summary>
[Collection(ReleaseCollection.Name)]
public sealed class PosturePrInstallTests(ReleaseBuild release) : IDisposable
{
    private readonly ScratchHost _temp = ScratchHost.Empty();
    private readonly WorkflowStep _workflow = new(Path.Combine(RepoPaths.Root, "examples", "github", "posture-pr.yml"));

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task InstallStep_DownloadsAndChecksTheReleasedExecutable_ThenTheDryRunUsesIt()
    {
        using var server = new StaticFileServer(Downloads(tamper: false));
        var runnerTemp = Path.Combine(_temp.Folder, "runner");
        Directory.CreateDirectory(runnerTemp);
        using var repo = PostureRepo.Create();
        var sha = repo.Commit("fleet/posture.yaml", Standard());

        var install = await _workflow.RunAsync("Install openclaw-desired", runnerTemp, Env(server), timeout: TimeSpan.FromMinutes(3));
        var installed = WorkflowStep.ReadGithubEnv(runnerTemp)["OPENCLAW_DESIRED"];
        ScratchHost.CopyDirectory(RepoPaths.DemoHost, Path.Combine(repo.Path, "reference-host"));
        var plan = await _workflow.RunAsync("Dry run", runnerTemp, new Dictionary<string, string>
        {
            ["OPENCLAW_DESIRED"] = installed,
            ["REPO_DIR"] = repo.Path,
            ["BASE"] = sha,
            ["HEAD"] = sha,
        });

        Assert.True(install.ExitCode == 0, install.Log);
        Assert.Contains($"openclaw-desired {ReleaseBuild.Version} (commit {release.Commit}", install.Log);
        Assert.Equal(Path.Combine(runnerTemp, "ocd", $"openclaw-desired-{ReleaseBuild.Version}-linux-x64"), installed);
        Assert.True(plan.ExitCode == 0, plan.Log);
        Assert.Matches("worst=[23]", plan.Output);
        Assert.Contains("tools.exec", File.ReadAllText(Path.Combine(runnerTemp, "comment.md")));
    }

    [Fact]
    public async Task InstallStep_ExecutableNotMatchingSha256Sums_FailsAndInstallsNothing()
    {
        using var server = new StaticFileServer(Downloads(tamper: true));
        var runnerTemp = Path.Combine(_temp.Folder, "runner");
        Directory.CreateDirectory(runnerTemp);

        var install = await _workflow.RunAsync("Install openclaw-desired", runnerTemp, Env(server), timeout: TimeSpan.FromMinutes(3));

        Assert.NotEqual(0, install.ExitCode);
        Assert.Contains("FAILED", install.Log);
        Assert.False(WorkflowStep.ReadGithubEnv(runnerTemp).ContainsKey("OPENCLAW_DESIRED"));
    }

    private static Dictionary<string, string> Env(StaticFileServer server) => new()
    {
        ["OPENCLAW_DESIRED_VERSION"] = ReleaseBuild.Version,
        ["OPENCLAW_DESIRED_RELEASES"] = $"{server.Url}/releases",
    };

    /// <summary>The release laid out as GitHub serves it: releases/download/TAG/FILE.</summary>
    private string Downloads(bool tamper)
    {
        var folder = Path.Combine(_temp.Folder, "site");
        var download = Path.Combine(folder, "releases", "download", ReleaseBuild.Tag);
        Directory.CreateDirectory(download);
        var executable = $"openclaw-desired-{ReleaseBuild.Version}-linux-x64";
        File.Copy(release.File("SHA256SUMS"), Path.Combine(download, "SHA256SUMS"));
        File.Copy(release.File(executable), Path.Combine(download, executable));
        if (tamper)
        {
            using var file = File.OpenWrite(Path.Combine(download, executable));
            file.Seek(0, SeekOrigin.End);
            file.WriteByte(0);
        }

        return folder;
    }
}
