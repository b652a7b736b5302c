using LibGit2Sharp;
using OpenClaw.Desired.Safety;

namespace OpenClaw.Desired.Tests.Resources.Backups;

/// <summary>The Git part on real repositories: a workspace and two bare remotes on disk, scheduled through cron.</summary>
[Trait("Category", "Integration")]
public sealed class GitBackupTests
{
    private static string GitPosture(BackupScenario s) => s.Posture(
        $"""
          scheduler: cron
          git:
            branch: main
            maxAge: 2h
            primary:
              url: {s.PrimaryRemote}
            secondary:
              name: offsite
              url: {s.SecondaryRemote}
              offsite: true
        """);

    [Fact]
    public void Reconcile_DeletedAndStaleRemotes_AreReaddedAndPushed()
    {
        using var s = BackupScenario.Create();
        var posture = GitPosture(s);

        var first = s.Reconcile(posture);
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("git/repository", BackupScenario.Resources(first));
        Assert.Equal(s.WorkspaceHead(), s.RemoteHead(s.PrimaryRemote));
        Assert.Equal(s.WorkspaceHead(), s.RemoteHead(s.SecondaryRemote));
        var cron = File.ReadAllText(s.Host.Real("/etc/cron.d/openclaw-desired-backups"));
        Assert.Contains("root openclaw-desired backup run git --posture", cron);
        s.AssertInSync(posture);

        // A deleted remote is added again, through FileChanger (its old config is in the run's backup).
        using (var repo = new Repository(s.WorkspaceReal))
        {
            repo.Network.Remotes.Remove("origin");
        }

        var plan = s.Reconcile(posture, "--dry-run");
        Assert.Equal(2, plan.ExitCode);
        Assert.Equal(["git/push/origin", "git/remote/origin"], BackupScenario.Resources(plan));
        var readd = s.Reconcile(posture);
        Assert.Equal(0, readd.ExitCode);
        using (var repo = new Repository(s.WorkspaceReal))
        {
            Assert.Equal(s.PrimaryRemote, repo.Network.Remotes["origin"].Url);
        }

        var runId = BackupScenario.Json(readd).GetProperty("runId").GetString()!;
        var journal = RunJournal.Read(Path.Combine(s.Host.StateDir, "runs", runId, RunJournal.FileName));
        Assert.Contains(journal, e => e.Event == JournalEvents.Backup && e.Path == BackupScenario.Workspace + "/.git/config");
        s.AssertInSync(posture);

        // A fresh local commit is not drift yet; one older than maxAge is, and both remotes get it.
        var fresh = Commit(s, "fresh.md", DateTimeOffset.UtcNow);
        s.AssertInSync(posture);
        var stale = Commit(s, "stale.md", DateTimeOffset.UtcNow.AddHours(-3));
        plan = s.Reconcile(posture, "--dry-run");
        Assert.Equal(["git/push/offsite", "git/push/origin"], BackupScenario.Resources(plan));
        Assert.Equal(0, s.Reconcile(posture).ExitCode);
        Assert.Equal(stale, s.RemoteHead(s.PrimaryRemote));
        Assert.Equal(stale, s.RemoteHead(s.SecondaryRemote));
        Assert.NotEqual(fresh, stale);
        s.AssertInSync(posture);
    }

    [Fact]
    public void Reconcile_UncommittedWorkOlderThanMaxAge_IsCommittedAndPushed()
    {
        using var s = BackupScenario.Create();
        var posture = GitPosture(s);
        Assert.Equal(0, s.Reconcile(posture).ExitCode);

        var note = Path.Combine(s.WorkspaceReal, "memory", "2026-11-24.md");
        File.WriteAllText(note, "an old note nobody committed\n");
        s.AssertInSync(posture);
        File.SetLastWriteTimeUtc(note, DateTime.UtcNow.AddHours(-5));
        var plan = s.Reconcile(posture, "--dry-run");
        Assert.Equal(["git/commit"], BackupScenario.Resources(plan));

        Assert.Equal(0, s.Reconcile(posture).ExitCode);
        using var remote = new Repository(s.PrimaryRemote);
        var blob = (Blob)remote.Branches["main"].Tip["memory/2026-11-24.md"].Target;
        Assert.Equal("an old note nobody committed\n", blob.GetContentText());
        s.AssertInSync(posture);
    }

    [Fact]
    public void BackupRunGit_AsTheScheduleCallsIt_CommitsAndPushes()
    {
        using var s = BackupScenario.Create();
        var posture = GitPosture(s);
        Assert.Equal(0, s.Reconcile(posture).ExitCode);
        File.WriteAllText(Path.Combine(s.WorkspaceReal, "MEMORY.md"), "remember the scheduled push\n");

        var line = File.ReadAllLines(s.Host.Real("/etc/cron.d/openclaw-desired-backups")).Single(l => l.Contains("backup run git", StringComparison.Ordinal));
        var args = CronArguments(line);
        var run = s.Cli(args);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(s.WorkspaceHead(), s.RemoteHead(s.PrimaryRemote));
        Assert.Equal(s.WorkspaceHead(), s.RemoteHead(s.SecondaryRemote));
        Assert.True(File.Exists(Path.Combine(s.Host.StateDir, "backups", "git", "push.ok.json")));
    }

    /// <summary>The verb's arguments from a cron.d line: after the user, before the redirection; quotes removed.</summary>
    internal static string[] CronArguments(string line)
    {
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var command = fields.Skip(7).TakeWhile(f => !f.StartsWith(">/dev/null", StringComparison.Ordinal));
        return command.Select(a => a.Trim('\'')).ToArray();
    }

    private static string Commit(BackupScenario s, string file, DateTimeOffset when)
    {
        using var repo = new Repository(s.WorkspaceReal);
        File.WriteAllText(Path.Combine(s.WorkspaceReal, file), $"written {when:O}\n");
        Commands.Stage(repo, file);
        var signature = new Signature("claw", "claw@example.invalid", when);
        return repo.Commit($"add {file}", signature, signature).Sha;
    }
}
