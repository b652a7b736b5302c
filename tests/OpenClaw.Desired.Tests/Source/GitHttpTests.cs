using OpenClaw.Desired.Host;
using OpenClaw.Desired.Reconciliation;
using OpenClaw.Desired.Source;
using OpenClaw.Desired.Tests.Support;
using static OpenClaw.Desired.Tests.Source.GitPostures;

namespace OpenClaw.Desired.Tests.Source;

/// <summary>A posture repository over smart HTTP (git http-backend) behind a token: credentials only from the environment.</summary>
public sealed class GitHttpTests
{
    private const string Token = "http-canary-token-5e8d2c4a9b1f3e7d6c0a";

    private static async Task<(global::OpenClaw.Desired.Reporting.RunReport Report, string Json)> DryRunAsync(ScratchHost host, string url, IReadOnlyDictionary<string, string> environment)
    {
        using var http = new HttpClient();
        var run = new ReconcileRun(ResourceKinds.All(), new ProcessCommandRunner(), TimeProvider.System, http, name => environment.GetValueOrDefault(name));
        var options = new RunOptions { PosturePath = "posture.yaml", Root = host.Root, StateDir = host.StateDir, DryRun = true, Source = new SourceRequest { Repo = url, HostName = "web1" } };
        var (report, redactor) = await run.RunAsync(options, null, CancellationToken.None);
        return (report, global::OpenClaw.Desired.Reporting.ReportWriter.ToJson(report, redactor));
    }

    [Fact]
    public async Task Fetch_TokenFromEnvironment_ReadsThePostureAndNeverShowsTheToken()
    {
        using var repo = PostureRepo.Create();
        using var host = ScratchHost.FromDemo();
        var sha = repo.Commit("posture.yaml", Standard());
        using var server = new GitHttpServer(repo.Folder, Token);

        var result = await CliRunner.RunProcessAsync(new Dictionary<string, string> { [GitCredentials.TokenVariable] = Token }, TimeSpan.FromSeconds(60),
            [.. Args(host, server.UrlOf("postures.git"), "--dry-run", "-o", "json")]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(sha, SourceOf(Json(result)).GetProperty("commit").GetString());
        Assert.DoesNotContain(Token, result.All);
        foreach (var file in Directory.EnumerateFiles(host.StateDir, "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain(Token, File.ReadAllText(file));
        }
    }

    [Fact]
    public async Task Fetch_TokenFromFile_Works()
    {
        using var repo = PostureRepo.Create();
        using var host = ScratchHost.FromDemo();
        var sha = repo.Commit("posture.yaml", Standard());
        using var server = new GitHttpServer(repo.Folder, Token);
        var tokenFile = Path.Combine(host.Folder, "git-token");
        File.WriteAllText(tokenFile, Token + "\n");

        var (report, json) = await DryRunAsync(host, server.UrlOf("postures.git"), new Dictionary<string, string> { [GitCredentials.TokenFileVariable] = tokenFile });

        Assert.Equal(sha, report.Posture!.Source!.Commit);
        Assert.DoesNotContain(Token, json);
    }

    [Fact]
    public async Task Fetch_NoToken_FailsAndSaysWhereTheTokenGoes()
    {
        using var repo = PostureRepo.Create();
        using var host = ScratchHost.FromDemo();
        repo.Commit("posture.yaml", Standard());
        using var server = new GitHttpServer(repo.Folder, Token);

        var (report, json) = await DryRunAsync(host, server.UrlOf("postures.git"), new Dictionary<string, string>());

        Assert.Equal(1, report.ExitCode);
        Assert.Contains("set OPENCLAW_DESIRED_GIT_TOKEN", json);
    }

    [Fact]
    public async Task Fetch_WrongToken_GivesUpAtOnceWithoutPrintingIt()
    {
        using var repo = PostureRepo.Create();
        using var host = ScratchHost.FromDemo();
        repo.Commit("posture.yaml", Standard());
        using var server = new GitHttpServer(repo.Folder, Token);
        const string Wrong = "wrong-canary-token-1a2b3c4d5e6f7a8b";

        var (report, json) = await DryRunAsync(host, server.UrlOf("postures.git"), new Dictionary<string, string> { [GitCredentials.TokenVariable] = Wrong });

        Assert.Equal(1, report.ExitCode);
        Assert.Contains("refused the token", json);
        Assert.DoesNotContain(Wrong, json);
        Assert.InRange(server.Refused, 1, 3);
    }
}
