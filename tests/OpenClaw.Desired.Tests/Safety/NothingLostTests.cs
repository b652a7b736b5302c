using System.Text.Json.Nodes;
using OpenClaw.Desired.Safety;
using OpenClaw.Desired.Tests.Resources.Backups;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Safety;

/// <summary>
/// Nothing the operator has is lost: rollback never overwrites a later change, undoes what a run created, keeps
/// links as links and can itself be undone exactly; a quarantine killed halfway is finished by the next run; exit 1
/// always means nothing changed; the state dir keeps a bounded history.
/// </summary>
[Trait("Category", "Integration")]
public sealed class NothingLostTests
{
    private const string Home = ScratchHost.OpenClawHome;

    private static CliResult Apply(ScratchHost host, string posture, params string[] extra) =>
        CliRunner.Run(["reconcile", .. host.Args(posture, ["--yes", "--no-color", .. extra])]);

    private static CliResult Rollback(ScratchHost host, params string[] extra) =>
        CliRunner.Run(["rollback", .. extra, "--root", host.Root, "--state-dir", host.StateDir, "--no-color"]);

    [Fact]
    public void Rollback_FileChangedAfterTheRun_RefusesThenKeepsTheLaterBytesInQuarantine()
    {
        using var host = ScratchHost.FromDemo();
        var original = File.ReadAllBytes(host.ConfigPath);
        Assert.Equal(0, Apply(host, host.WritePosture(Postures.AgentOnly())).ExitCode);
        var later = System.Text.Encoding.UTF8.GetBytes(File.ReadAllText(host.ConfigPath) + "\n// the operator's own edit, made after the run\n");
        File.WriteAllBytes(host.ConfigPath, later);

        var refused = Rollback(host);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("/home/claw/.openclaw/openclaw.json: changed since the run", refused.All);
        Assert.Equal(later, File.ReadAllBytes(host.ConfigPath));

        var forced = Rollback(host, "--force");

        Assert.True(forced.ExitCode == 0, forced.All);
        Assert.Equal(original, File.ReadAllBytes(host.ConfigPath));
        var kept = Directory.GetFiles(Path.Combine(host.StateDir, "quarantine"), "openclaw.json", SearchOption.AllDirectories);
        Assert.Contains(kept, k => File.ReadAllBytes(k).SequenceEqual(later));
    }

    [Fact]
    public void RollbackOfARollback_ReQuarantinesTheSkillExactly()
    {
        using var host = ScratchHost.FromDemo();
        var skill = host.Real(Home + "/workspace/skills/crypto-price-alerts");
        var hash = TreeHash.OfFolder(skill);
        Assert.Equal(0, Apply(host, host.WritePosture(Postures.AgentOnly())).ExitCode);
        Assert.False(Directory.Exists(skill));

        Assert.Equal(0, Rollback(host).ExitCode);
        Assert.Equal(hash, TreeHash.OfFolder(skill));
        var rollbackRun = Directory.GetDirectories(Path.Combine(host.StateDir, "runs")).Select(Path.GetFileName).Order(StringComparer.Ordinal).Last()!;

        var again = Rollback(host, rollbackRun);

        Assert.True(again.ExitCode == 0, again.All);
        Assert.False(Directory.Exists(skill));
        var restore = CliRunner.Run("skills", "restore", "crypto-price-alerts", "--root", host.Root, "--state-dir", host.StateDir);
        Assert.True(restore.ExitCode == 0, restore.All);
        Assert.Equal(hash, TreeHash.OfFolder(skill));
    }

    [Fact]
    public void Rollback_TakesAwayTheRepositoryAndEnableLinksTheRunCreated()
    {
        using var s = BackupScenario.Create();
        var posture = s.Posture($"  scheduler: systemd\n  git:\n    branch: main\n    primary:\n      url: {s.PrimaryRemote}\n");
        Assert.Equal(0, s.Reconcile(posture).ExitCode);
        var wants = s.Host.Real("/etc/systemd/system/timers.target.wants/openclaw-desired-backup-git.timer");
        Assert.True(Directory.Exists(Path.Combine(s.WorkspaceReal, ".git")));
        Assert.NotNull(new FileInfo(wants).LinkTarget);

        var rollback = Rollback(s.Host);

        Assert.True(rollback.ExitCode == 0, rollback.All);
        Assert.False(Directory.Exists(Path.Combine(s.WorkspaceReal, ".git")));
        Assert.False(Path.Exists(wants));
        Assert.Empty(Directory.GetFiles(s.Host.Real("/etc/systemd/system"), "openclaw-desired-*"));
    }

    [Fact]
    public void ApplyAndRollback_RootOwnedLinkToTheConfig_StaysALink()
    {
        using var host = ScratchHost.FromDemo();
        var dotfiles = host.Real("/home/claw/dotfiles");
        Directory.CreateDirectory(dotfiles);
        File.Move(host.ConfigPath, Path.Combine(dotfiles, "openclaw.json"));
        File.CreateSymbolicLink(host.ConfigPath, "../dotfiles/openclaw.json");
        var original = File.ReadAllBytes(Path.Combine(dotfiles, "openclaw.json"));

        Assert.Equal(0, Apply(host, host.WritePosture(Postures.AgentOnly())).ExitCode);
        Assert.Equal("../dotfiles/openclaw.json", new FileInfo(host.ConfigPath).LinkTarget);
        Assert.NotEqual(original, File.ReadAllBytes(Path.Combine(dotfiles, "openclaw.json")));
        Assert.Equal(0, Rollback(host).ExitCode);

        Assert.Equal("../dotfiles/openclaw.json", new FileInfo(host.ConfigPath).LinkTarget);
        Assert.Equal(original, File.ReadAllBytes(Path.Combine(dotfiles, "openclaw.json")));
    }

    [Fact]
    public async Task Quarantine_KilledRightAfterTheMove_IsRecordedByTheNextRunAndRestorable()
    {
        using var host = ScratchHost.FromDemo();
        var skill = host.Real(Home + "/workspace/skills/crypto-price-alerts");
        var hash = TreeHash.OfFolder(skill);
        var posture = host.WritePosture(Postures.AgentOnly());
        using (var run = await HeldRun.StartAsync(host, "quarantine-moved:1", ["reconcile", .. host.Args(posture, "--yes")]))
        {
            await run.KillAsync();
        }

        Assert.False(Directory.Exists(skill));
        var next = Apply(host, posture);
        Assert.Contains("had moved it; recorded", next.Stdout);

        var restore = CliRunner.Run("skills", "restore", "crypto-price-alerts", "--root", host.Root, "--state-dir", host.StateDir);

        Assert.True(restore.ExitCode == 0, restore.All);
        Assert.Equal(hash, TreeHash.OfFolder(skill));
    }

    [Fact]
    public void Apply_TwoSecretsInOneString_EndsWithAReportAndAClosedJournalNeverExit1()
    {
        using var host = ScratchHost.FromDemo();
        var values = new Secrets.Corpus.SyntheticValues(7);
        var (github, openai) = (values.GitHub(), values.OpenAiProject());
        File.WriteAllText(host.ConfigPath, File.ReadAllText(host.ConfigPath).Replace("  models: {", $"  env: {{ NOTES: \"gh {github} and openai {openai}\" }},\n  models: {{", StringComparison.Ordinal));

        var apply = Apply(host, host.WritePosture(SecretPostures.EnvStore()), "-o", "json");

        Assert.NotEqual(1, apply.ExitCode);
        var report = JsonNode.Parse(apply.Stdout)!;
        var journal = RunJournal.Read(Path.Combine(host.StateDir, "runs", (string)report["runId"]!, RunJournal.FileName));
        Assert.Equal(JournalEvents.RunEnd, journal[^1].Event);
        var config = File.ReadAllText(host.ConfigPath);
        Assert.DoesNotContain(github, config, StringComparison.Ordinal);
        Assert.DoesNotContain(openai, config, StringComparison.Ordinal);
        Assert.Contains(" and openai ", config, StringComparison.Ordinal);
    }

    [Fact]
    public void History_KeepsTheNewestRunsAndPrunesOldQuarantine()
    {
        using var host = ScratchHost.FromDemo();
        var posture = host.WritePosture(Postures.AgentOnly() + "\nhistory:\n  runs: 3\n  quarantine: 30d\n");
        var old = Path.Combine(host.StateDir, "quarantine", "20200101T000000000Z-abcdef", "home", "claw");
        Directory.CreateDirectory(old);
        File.WriteAllText(Path.Combine(old, "secret.md"), "an old quarantined file");

        for (var i = 0; i < 6; i++)
        {
            Assert.NotEqual(1, Apply(host, posture).ExitCode);
        }

        var runs = Directory.GetDirectories(Path.Combine(host.StateDir, "runs"));
        // The three newest, plus the newest run that changed files (the first): rollback keeps its target.
        Assert.True(runs.Length <= 4, string.Join(", ", runs.Select(Path.GetFileName)));
        Assert.False(Directory.Exists(Path.Combine(host.StateDir, "quarantine", "20200101T000000000Z-abcdef")));
        Assert.Equal(0, Rollback(host).ExitCode);
    }

    [Fact]
    public void Shred_OverwritesFilesBeforeRemovingThem()
    {
        var folder = Directory.CreateTempSubdirectory("ocd-shred-").FullName;
        var file = Path.Combine(folder, "backup");
        File.WriteAllText(file, "secret bytes");
        using var held = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);

        HistoryPruner.Shred(folder);

        var bytes = new byte[12];
        held.ReadExactly(bytes);
        Assert.All(bytes, b => Assert.Equal(0, b));
        Assert.False(Directory.Exists(folder));
    }
}
