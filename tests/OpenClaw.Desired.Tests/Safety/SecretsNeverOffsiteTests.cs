using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using LibGit2Sharp;
using OpenClaw.Desired.Tests.Resources.Backups;
using OpenClaw.Desired.Tests.Secrets.Corpus;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Safety;

/// <summary>
/// No secret leaves the host in plaintext: tokens planted in the workspace (and a malicious skill) never reach a Git
/// remote or a restic archive on the first apply; what the Git backup is about to commit is scanned; a write killed
/// halfway leaves no temp file with plaintext keys for long; a token moved behind ${VAR} is still judged by its length.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SecretsNeverOffsiteTests
{
    private static readonly SyntheticValues Values = new(20261129);

    private static readonly string[] Tokens =
    [
        Values.GitHub(), Values.OpenAiProject(), Values.Anthropic(), Values.SlackBot(),
    ];

    private static string Posture(BackupScenario s) => s.Host.WritePosture($"""
        apiVersion: openclaw.desired/v1
        tier: standard
        openclaw:
          user: claw
        agent:
          skills:
            allowlistOnly: true
            allow: [weather]
        secrets:
          store:
            kind: env
        sandboxes:
          openclaw:
            mode: off
        backups:
          interval: 1h
          scheduler: cron
          git:
            branch: main
            primary:
              url: {s.PrimaryRemote}
            secondary:
              name: offsite
              url: {s.SecondaryRemote}
              offsite: true
          archives:
            - name: local
              repository: /srv/backup/restic/openclaw
              password:
                store: RESTIC_PASSWORD
              paths: [~/.openclaw]
        """);

    [Fact]
    public void FirstApply_TokensInTheWorkspace_ReachNoRemoteAndNoArchive()
    {
        using var s = BackupScenario.Create();
        var workspace = s.WorkspaceReal;
        File.AppendAllText(Path.Combine(workspace, "MEMORY.md"), $"\n- deploy token: {Tokens[0]}\n- openai: {Tokens[1]}\n");
        File.WriteAllText(Path.Combine(workspace, "memory", "keys.md"), $"# keys\nanthropic {Tokens[2]}\nslack {Tokens[3]}\n");
        var posture = Posture(s);

        var apply = s.Reconcile(posture);

        Assert.NotEqual(1, apply.ExitCode);
        Assert.NotNull(s.RemoteHead(s.PrimaryRemote));
        foreach (var remote in new[] { s.PrimaryRemote, s.SecondaryRemote })
        {
            var everything = AllBlobText(remote);
            Assert.All(Tokens, token => Assert.DoesNotContain(token, everything, StringComparison.Ordinal));
            // The demo's malicious skill was quarantined before the backup ran: it never went offsite either.
            Assert.DoesNotContain("crypto-price-alerts", AllPaths(remote));
        }

        var restored = Restore(s, "/srv/backup/restic/openclaw");
        try
        {
            // The env store is where secrets belong (inside an encrypted archive); nothing else may hold them.
            var files = Directory.GetFiles(restored, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != ".env");
            foreach (var file in files)
            {
                var text = File.ReadAllText(file);
                Assert.All(Tokens, token => Assert.DoesNotContain(token, text, StringComparison.Ordinal));
            }
        }
        finally
        {
            Directory.Delete(restored, recursive: true);
        }
    }

    [Fact]
    public void GitBackup_FileWithAPlaintextToken_IsHeldBackAndNamed()
    {
        using var s = BackupScenario.Create();
        File.WriteAllText(Path.Combine(s.WorkspaceReal, "notes.md"), $"token {Tokens[0]}\n");
        var posture = s.Posture($"  scheduler: cron\n  git:\n    branch: main\n    primary:\n      url: {s.PrimaryRemote}\n");

        var apply = s.Reconcile(posture);

        Assert.Equal(3, apply.ExitCode);
        Assert.Contains("not committed, because they hold credentials in plaintext: notes.md", apply.Stdout);
        Assert.DoesNotContain(Tokens[0], AllBlobText(s.PrimaryRemote), StringComparison.Ordinal);
        Assert.Contains("MEMORY.md", AllPaths(s.PrimaryRemote));
    }

    [Fact]
    public void GitBackup_CommitTheAgentMadeWithAToken_IsNeverPushed()
    {
        // The agent commits in its own workspace (as agents do), a token included, then tidies the file: the tree
        // the backup commits is clean, the history under it is not.
        using var s = BackupScenario.Create();
        var workspace = s.WorkspaceReal;
        Repository.Init(workspace);
        using (var repo = new Repository(workspace))
        {
            repo.Refs.UpdateTarget("HEAD", "refs/heads/main");
            File.WriteAllText(Path.Combine(workspace, "notes.md"), $"token {Tokens[0]}\n");
            Commands.Stage(repo, "notes.md");
            var agent = new Signature("claw", "claw@localhost", DateTimeOffset.UtcNow);
            repo.Commit("notes", agent, agent);
        }

        File.WriteAllText(Path.Combine(workspace, "notes.md"), "token moved to the store\n");
        var posture = s.Posture($"  scheduler: cron\n  git:\n    branch: main\n    primary:\n      url: {s.PrimaryRemote}\n");

        var apply = s.Reconcile(posture);

        Assert.DoesNotContain(Tokens[0], AllBlobText(s.PrimaryRemote), StringComparison.Ordinal);
        Assert.Equal(3, apply.ExitCode);
        Assert.Contains("notes.md", apply.Stdout);
    }

    [Fact]
    public async Task KilledWhileWritingTheEnvStore_TheTempFileIsGoneAfterTheNextRun()
    {
        using var host = ScratchHost.FromDemo();
        var posture = host.WritePosture(SecretPostures.EnvStore());
        using (var run = await HeldRun.StartAsync(host, "temp-written:1", ["reconcile", .. host.Args(posture, "--yes", "--yes")]))
        {
            await run.KillAsync();
        }

        var left = Directory.GetFiles(host.Real(ScratchHost.OpenClawHome), "*ocd-tmp*", SearchOption.AllDirectories);
        Assert.NotEmpty(left);

        var next = CliRunner.Run(["reconcile", .. host.Args(posture, "--yes", "--no-color")]);

        Assert.Contains("removed the temp file", next.Stdout);
        Assert.Empty(Directory.GetFiles(host.Real(ScratchHost.OpenClawHome), "*ocd-tmp*", SearchOption.AllDirectories));
    }

    [Fact]
    public void GatewayTokenBehindAVariable_IsStillLengthChecked()
    {
        using var host = ScratchHost.FromDemo();
        File.WriteAllText(host.ConfigPath, File.ReadAllText(host.ConfigPath).Replace("\"claw-demo-short\"", "\"${GW_TOKEN}\"", StringComparison.Ordinal));
        File.AppendAllText(host.Real(ScratchHost.OpenClawHome + "/.env"), "GW_TOKEN=fifteen-chars-x\n");
        var posture = host.WritePosture(Postures.AgentOnly());

        var plan = CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run", "-o", "json")]);

        var change = JsonNode.Parse(plan.Stdout)!["changes"]!.AsArray().Single(c => (string?)c!["resource"] == "gateway.auth.token");
        Assert.Equal("manual", (string?)change!["action"]);
        Assert.Contains("is 15 characters", (string?)change["reason"], StringComparison.Ordinal);
    }

    [Fact]
    public void GatewayOnPassword_IsNotSwitchedToTokenModeWithoutAToken()
    {
        using var host = ScratchHost.FromDemo();
        var config = File.ReadAllText(host.ConfigPath);
        File.WriteAllText(host.ConfigPath, config.Replace("token: \"claw-demo-short\"", "password: \"a-password-the-operator-chose\"", StringComparison.Ordinal).Replace("mode: \"token\"", "mode: \"password\"", StringComparison.Ordinal));
        var inherited = host.WritePosture(Postures.AgentOnly());
        var explicitToken = host.WritePosture(Postures.AgentOnly(agent: "  gateway:\n    auth: token\n"), "explicit.yaml");

        CliRunner.Run(["reconcile", .. host.Args(inherited, "--yes")]);
        var keptPassword = (string?)global::OpenClaw.Desired.OpenClaw.OpenClawConfig.Parse(File.ReadAllText(host.ConfigPath)).Get("/gateway/auth/mode");
        var plan = CliRunner.Run(["reconcile", .. host.Args(explicitToken, "--dry-run", "-o", "json")]);

        Assert.Equal("password", keptPassword);
        var changes = JsonNode.Parse(plan.Stdout)!["changes"]!.AsArray();
        Assert.DoesNotContain(changes, c => (string?)c!["resource"] == "gateway.auth.mode");
        Assert.Contains(changes, c => (string?)c!["resource"] == "gateway.auth.token" && (string?)c["action"] == "manual");
    }

    private static string AllBlobText(string bareRemote)
    {
        using var repo = new Repository(bareRemote);
        var text = new StringBuilder();
        foreach (var blob in repo.ObjectDatabase.OfType<Blob>())
        {
            text.AppendLine(blob.GetContentText());
        }

        return text.ToString();
    }

    private static IReadOnlyList<string> AllPaths(string bareRemote)
    {
        using var repo = new Repository(bareRemote);
        return repo.Commits.QueryBy(new CommitFilter { IncludeReachableFrom = repo.Refs }).SelectMany(c => Paths(c.Tree, string.Empty)).Distinct().ToList();
    }

    private static IEnumerable<string> Paths(Tree tree, string prefix) =>
        tree.SelectMany(e => e.TargetType == TreeEntryTargetType.Tree ? Paths((Tree)e.Target, prefix + e.Name + "/") : [prefix + e.Name]);

    private static string Restore(BackupScenario s, string repository)
    {
        var target = Directory.CreateTempSubdirectory("ocd-restored-").FullName;
        var info = new ProcessStartInfo("restic", ["-r", s.Host.Real(repository), "restore", "latest", "--target", target]) { RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment["RESTIC_PASSWORD"] = s.Canary;
        using var process = Process.Start(info)!;
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, process.StandardError.ReadToEnd());
        return target;
    }
}
