using System.Text.Json;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Tests.Examples;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Release;

/// <summary>The release workflow's steps, as run by <see cref="ReleaseBuild"/>, and what they produced.</summary>
[Collection(ReleaseCollection.Name)]
public sealed class ReleaseWorkflowTests(ReleaseBuild release)
{
    [Fact]
    public void ReleaseWorkflow_EveryStepRunHere_Succeeds()
    {
        Assert.Equal(ReleaseBuild.StepsRun, release.Steps.Select(s => s.Step));
        foreach (var (step, code, log) in release.Steps)
        {
            Assert.True(code == 0, $"step {step} exited {code}:\n{log}");
        }
    }

    [Fact]
    public void ReleaseWorkflow_StepsNotRunHere_AreOnlyTheTestAndTheGitHubOnes()
    {
        var notRun = release.Workflow.StepNames.Except(ReleaseBuild.StepsRun).ToList();

        Assert.Equal(["Test", "Attest build provenance", "Publish the release", "Publish the tool on NuGet"], notRun);
        // The Test step is what CI runs on every change (.ci/run runs scripts/test.sh).
        Assert.Equal("bash scripts/test.sh", release.Workflow.Script("Test").Trim());
        Assert.Contains("exec bash scripts/test.sh", File.ReadAllText(Path.Combine(RepoPaths.Root, ".ci", "run")));
    }

    [Fact]
    public async Task ReleaseWorkflow_ChecksumsCoverEveryArtifact()
    {
        var expected = new[]
        {
            $"OpenClaw.Desired.{ReleaseBuild.Version}.nupkg",
            $"openclaw-desired-{ReleaseBuild.Version}-linux-x64",
            $"openclaw-desired-{ReleaseBuild.Version}-linux-x64-portable",
            $"openclaw-desired-{ReleaseBuild.Version}-linux-arm64-portable",
            $"openclaw-desired_0.9.1~test.1_amd64.deb",
            $"openclaw-desired_0.9.1~test.1_arm64.deb",
            $"openclaw-desired-{ReleaseBuild.Version}.cdx.json",
        };
        var sums = File.ReadAllLines(release.File("SHA256SUMS"));

        Assert.Equal(expected.Order(StringComparer.Ordinal), sums.Select(l => l[66..]).Order(StringComparer.Ordinal));
        Assert.Equal(expected.Append("SHA256SUMS").Order(StringComparer.Ordinal), Directory.EnumerateFiles(release.ReleaseDir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var check = await new ProcessCommandRunner().RunAsync("bash", ["-c", $"cd '{release.ReleaseDir}' && sha256sum --check --strict SHA256SUMS"], TimeSpan.FromMinutes(2));
        Assert.True(check.Succeeded, check.StandardOutput + check.StandardError);
    }

    [Fact]
    public void ReleaseWorkflow_Sbom_IsCycloneDxNamingTheShippedLibraries()
    {
        using var sbom = JsonDocument.Parse(File.ReadAllText(release.File($"openclaw-desired-{ReleaseBuild.Version}.cdx.json")));
        var root = sbom.RootElement;
        var components = root.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();

        Assert.Equal("CycloneDX", root.GetProperty("bomFormat").GetString());
        Assert.Equal("openclaw-desired", root.GetProperty("metadata").GetProperty("component").GetProperty("name").GetString());
        Assert.Equal(ReleaseBuild.Version, root.GetProperty("metadata").GetProperty("component").GetProperty("version").GetString());
        Assert.Contains("YamlDotNet", components);
        Assert.Contains("LibGit2Sharp", components);
        Assert.Contains("OpenClaw.Desired.Core", components);
    }

    [Fact]
    public async Task SingleFileExecutable_RunsAndNamesItsVersionCommitAndBuildDate()
    {
        var result = await new ProcessCommandRunner().RunAsync(release.Executable("linux-x64"), ["--version"], TimeSpan.FromMinutes(1));

        Assert.True(result.Succeeded, result.StandardError);
        Assert.Equal($"openclaw-desired {ReleaseBuild.Version} (commit {release.Commit}, built 2026-11-01T12:00:00Z)", result.StandardOutput.Trim());
    }

    [Fact]
    public async Task SingleFileExecutable_ValidatesAndPlansOnItsOwn()
    {
        using var host = ScratchHost.FromDemo();
        var runner = new ProcessCommandRunner();

        var validate = await runner.RunAsync(release.Executable("linux-x64"), ["validate", "--posture", RepoPaths.Posture("standard")], TimeSpan.FromMinutes(1));
        var plan = await runner.RunAsync(release.Executable("linux-x64"), ["reconcile", "--dry-run", "--no-color", .. host.Args(RepoPaths.Posture("basic"))], TimeSpan.FromMinutes(2));

        Assert.True(validate.Succeeded, validate.StandardOutput + validate.StandardError);
        Assert.Contains("changes", plan.StandardOutput + plan.StandardError);
        Assert.Contains(plan.ExitCode, new[] { 2, 3 });
    }

    [Theory]
    [InlineData("linux-x64", 0x3E)]
    [InlineData("linux-x64-portable", 0x3E)]
    [InlineData("linux-arm64-portable", 0xB7)]
    public void SingleFileExecutable_IsAnElfExecutableForItsArchitecture(string rid, int machine)
    {
        var header = new byte[20];
        using (var file = File.OpenRead(release.Executable(rid)))
        {
            file.ReadExactly(header);
        }

        Assert.Equal("\u007fELF"u8.ToArray(), header[..4]);
        Assert.Equal(machine, header[18] | (header[19] << 8));
        Assert.True(File.GetUnixFileMode(release.Executable(rid)).HasFlag(UnixFileMode.UserExecute));
    }

    [Fact]
    public async Task PortableExecutable_RunsAndPlansOnItsOwn()
    {
        using var host = ScratchHost.FromDemo();
        var runner = new ProcessCommandRunner();

        var version = await runner.RunAsync(release.Executable("linux-x64-portable"), ["--version"], TimeSpan.FromMinutes(1));
        var plan = await runner.RunAsync(release.Executable("linux-x64-portable"), ["reconcile", "--dry-run", "--no-color", .. host.Args(RepoPaths.Posture("basic"))], TimeSpan.FromMinutes(2));

        Assert.StartsWith($"openclaw-desired {ReleaseBuild.Version} (commit {release.Commit}", version.StandardOutput);
        Assert.Contains("changes", plan.StandardOutput + plan.StandardError);
        Assert.Contains(plan.ExitCode, new[] { 2, 3 });
    }

    [Fact]
    public async Task NativeExecutable_IsOneFileThatLoadsTheGitLibraryItCarries()
    {
        // Nothing beside the executable: libgit2 comes from inside it. A posture read from a Git repository
        // needs it; run from an empty folder so no copy of the library elsewhere could be found instead.
        Assert.DoesNotContain(Directory.EnumerateFiles(release.ReleaseDir), f => f.EndsWith(".so", StringComparison.Ordinal));
        using var repo = PostureRepo.Create();
        var head = repo.Commit(new Dictionary<string, string?> { ["posture.yaml"] = File.ReadAllText(RepoPaths.Posture("basic")) });
        using var host = ScratchHost.FromDemo();
        using var lonely = ScratchHost.Empty();
        var executable = Path.Combine(lonely.Folder, "openclaw-desired");
        File.Copy(release.Executable("linux-x64"), executable);
        File.SetUnixFileMode(executable, File.GetUnixFileMode(release.Executable("linux-x64")));

        var plan = await new ProcessCommandRunner().RunAsync(executable, ["reconcile", "--dry-run", "--no-color", "--repo", repo.Path, "--root", host.Root, "--state-dir", host.StateDir], TimeSpan.FromMinutes(2));

        Assert.Contains(plan.ExitCode, new[] { 2, 3 });
        Assert.Contains("changes", plan.StandardOutput + plan.StandardError);
        Assert.Contains(head[..7], plan.StandardOutput + plan.StandardError);
    }

    [Fact]
    public async Task ToolPackage_InstallsAsOpenclawDesiredAndRuns()
    {
        using var temp = ScratchHost.Empty();
        var tools = Path.Combine(temp.Folder, "tools");
        var runner = new ProcessCommandRunner();

        var install = await runner.RunAsync("dotnet", ["tool", "install", "--tool-path", tools, "--add-source", release.ReleaseDir, "OpenClaw.Desired", "--version", ReleaseBuild.Version], TimeSpan.FromMinutes(5));
        var version = await runner.RunAsync(Path.Combine(tools, "openclaw-desired"), ["--version"], TimeSpan.FromMinutes(1));
        var validate = await runner.RunAsync(Path.Combine(tools, "openclaw-desired"), ["validate", "--posture", RepoPaths.Posture("paranoid")], TimeSpan.FromMinutes(1));

        Assert.True(install.Succeeded, install.StandardOutput + install.StandardError);
        Assert.StartsWith($"openclaw-desired {ReleaseBuild.Version} (commit {release.Commit}", version.StandardOutput);
        Assert.True(validate.Succeeded, validate.StandardOutput + validate.StandardError);
    }
}
