using OpenClaw.Desired.Host;
using OpenClaw.Desired.Tests.Examples;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Release;

/// <summary>
/// The release workflow's own steps (Version, Format, Build, Pack, SBOM, Checksums), run once as written in a
/// copy of this repository committed to a fresh Git repository, as for a pushed tag. The packaging tests
/// install what it made. The Test step is the command CI runs itself; attestation and publishing need GitHub.
/// </summary>
public sealed class ReleaseBuild : IAsyncLifetime
{
    public const string Tag = "v0.9.1-test.1";
    public const string Version = "0.9.1-test.1";

    /// <summary>The steps run here, in the workflow's order.</summary>
    public static readonly string[] StepsRun = ["Version", "Format", "Build", "Pack", "SBOM", "Checksums"];

    private readonly ScratchHost _temp = ScratchHost.Empty();

    public string Checkout => Path.Combine(_temp.Folder, "checkout");

    public string RunnerTemp => Path.Combine(_temp.Folder, "runner");

    public string ReleaseDir => Path.Combine(RunnerTemp, "release");

    public string Commit { get; private set; } = string.Empty;

    public long CommitTime { get; private set; }

    public List<(string Step, int ExitCode, string Log)> Steps { get; } = [];

    public WorkflowStep Workflow { get; } = new(Path.Combine(RepoPaths.Root, ".github", "workflows", "release.yml"), "release");

    public string File(string name) => Path.Combine(ReleaseDir, name);

    public string Executable(string rid) => File($"openclaw-desired-{Version}-{rid}");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(RunnerTemp);
        await CopyRepositoryAsync();
        var env = new Dictionary<string, string>(StringComparer.Ordinal) { ["GITHUB_REF_NAME"] = Tag, ["GITHUB_REPOSITORY"] = "openclaw-desired/openclaw-desired" };
        foreach (var step in StepsRun)
        {
            foreach (var (key, value) in WorkflowStep.ReadGithubEnv(RunnerTemp))
            {
                env[key] = value;
            }

            var (code, _, log) = await Workflow.RunAsync(step, RunnerTemp, env, Checkout, TimeSpan.FromMinutes(25));
            Steps.Add((step, code, log));
            if (code != 0)
            {
                // Every test of the collection fails with this: the step and what it printed.
                throw new InvalidOperationException($"the release workflow's step {step} exited {code}:\n{log}");
            }
        }
    }

    public Task DisposeAsync()
    {
        _temp.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Tracked and new (not ignored) files of this working tree, committed in a fresh repository: a clean clone.</summary>
    private async Task CopyRepositoryAsync()
    {
        var git = new ProcessCommandRunner();
        var listed = await git.RunAsync("git", ["-C", RepoPaths.Root, "ls-files", "-z", "--cached", "--others", "--exclude-standard"], TimeSpan.FromMinutes(1));
        Assert.True(listed.Succeeded, listed.StandardError);
        foreach (var relative in listed.StandardOutput.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var source = Path.Combine(RepoPaths.Root, relative);
            if (!System.IO.File.Exists(source))
            {
                continue;
            }

            var target = Path.Combine(Checkout, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            System.IO.File.Copy(source, target);
            System.IO.File.SetUnixFileMode(target, System.IO.File.GetUnixFileMode(source));
        }

        var identity = new Dictionary<string, string>
        {
            ["GIT_AUTHOR_NAME"] = "Release Test",
            ["GIT_AUTHOR_EMAIL"] = "release@example.invalid",
            ["GIT_AUTHOR_DATE"] = "2026-11-01T12:00:00Z",
            ["GIT_COMMITTER_NAME"] = "Release Test",
            ["GIT_COMMITTER_EMAIL"] = "release@example.invalid",
            ["GIT_COMMITTER_DATE"] = "2026-11-01T12:00:00Z",
        };
        foreach (var args in new[] { new[] { "init", "-q", "-b", "main" }, ["add", "-A"], ["commit", "-q", "-m", "release"], ["tag", Tag] })
        {
            var result = await git.RunAsync("git", ["-C", Checkout, .. args], TimeSpan.FromMinutes(1), environment: identity);
            Assert.True(result.Succeeded, $"git {string.Join(' ', args)}: {result.StandardError}");
        }

        Commit = (await git.RunAsync("git", ["-C", Checkout, "rev-parse", "HEAD"], TimeSpan.FromMinutes(1))).StandardOutput.Trim();
        CommitTime = DateTimeOffset.Parse("2026-11-01T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds();
    }
}

[CollectionDefinition(Name)]
public sealed class ReleaseCollection : ICollectionFixture<ReleaseBuild>
{
    public const string Name = "release build";
}
