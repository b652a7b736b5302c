using System.Diagnostics;
using OpenClaw.Desired.Safety;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Resources.Backups;

/// <summary>
/// From nothing to converged with real restic: a local repository and one behind <c>rclone serve restic</c>
/// on 127.0.0.1, both Git remotes, systemd timers; then the schedule's own commands, a byte-for-byte restore,
/// the 3-2-1 verdict, and the canary password absent from every output.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ArchiveConvergenceTests
{
    [Fact]
    public void Reconcile_FromNothing_ConvergesAndNextPlanIsEmpty()
    {
        using var s = BackupScenario.Create();
        var restPassword = "rest-canary-" + Guid.NewGuid().ToString("N")[..12];
        using var server = RcloneRestServer.Start(restPassword);
        s.AddToStore("REST_PASSWORD", restPassword);
        var posture = s.Posture(
            $"""
              scheduler: systemd
              git:
                maxAge: 2h
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
                  keep:
                    hourly: 24
                    daily: 7
                - name: remote
                  repository: {server.Url("claw")}
                  credential:
                    store: REST_PASSWORD
                  password:
                    store: RESTIC_PASSWORD
                  paths: [~/.openclaw/workspace]
                  offsite: true
              verify:
                check: "30 3 * * *"
                restoreTest: "45 3 * * 0"
                maxAge: 8d
            """);

        var plan = s.Reconcile(posture, "--dry-run");
        Assert.Equal(2, plan.ExitCode);
        Assert.False(Directory.Exists(s.Host.StateDir));
        Assert.Contains("archive/local/repository", BackupScenario.Resources(plan));
        Assert.Contains("archive/remote/verify", BackupScenario.Resources(plan));

        var apply = s.Reconcile(posture);
        Assert.True(apply.ExitCode == 0, apply.Stdout);
        s.AssertInSync(posture);

        // The schedule: a service and an enabled timer per job, OnCalendar from the cron expressions.
        var units = Directory.GetFiles(s.Host.Real("/etc/systemd/system"), "openclaw-desired-*").Select(Path.GetFileName).Order().ToList();
        Assert.Equal(14, units.Count);
        Assert.True(File.Exists(s.Host.Real("/etc/systemd/system/timers.target.wants/openclaw-desired-restore-test-remote.timer")));
        Assert.Contains("OnCalendar=Sun *-*-* 03:45:00", File.ReadAllText(s.Host.Real("/etc/systemd/system/openclaw-desired-restore-test-remote.timer")));
        Assert.True(File.Exists(s.Host.Real("/srv/backup/restic/openclaw/config")));
        Assert.Equal(s.WorkspaceHead(), s.RemoteHead(s.SecondaryRemote));
        Assert.True(File.Exists(Path.Combine(s.Host.StateDir, "backups", "remote", "restore-test.ok.json")));

        // What the backup timer runs works as written in the unit.
        File.WriteAllText(s.Host.Real("/home/claw/.openclaw/workspace/USER.md"), "changed after the first snapshot\n");
        var run = s.Cli(ExecStart(s, "openclaw-desired-backup-remote.service"));
        Assert.True(run.ExitCode == 0, run.All);
        var verify = s.Cli(ExecStart(s, "openclaw-desired-restore-test-remote.service"));
        Assert.True(verify.ExitCode == 0, verify.All);
        Assert.Contains("identical", verify.Stdout);

        // A restore from the offsite copy reproduces the workspace byte for byte.
        var restored = Path.Combine(s.Host.Folder, "restored");
        var restore = Restic(s, server.Url("claw").Replace("tester@", $"tester:{restPassword}@", StringComparison.Ordinal), "restore", "latest", "--target", restored);
        Assert.True(restore.ExitCode == 0, restore.Error);
        var source = s.WorkspaceReal;
        var copy = Path.Combine(restored, source.TrimStart('/'));
        var files = Directory.EnumerateFiles(source, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Where(f => !f.Contains("/.git/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(copy, Path.GetRelativePath(source, file))));
        }

        // 3-2-1: the live data, two Git remotes, two archives; two media; two offsite.
        var status = s.Backup("status", posture, "-o", "json");
        Assert.True(status.ExitCode == 0, status.All);
        var verdict = BackupScenario.Json(status).GetProperty("verdict");
        Assert.Equal(5, verdict.GetProperty("copies").GetInt32());
        Assert.Equal(2, verdict.GetProperty("media").GetInt32());
        Assert.Equal(2, verdict.GetProperty("offsite").GetInt32());
        Assert.True(verdict.GetProperty("met").GetBoolean());
        var configBackups = BackupScenario.Json(status).GetProperty("configBackups");
        Assert.True(configBackups.GetProperty("count").GetInt32() > 0);
        Assert.True(DateTimeOffset.UtcNow - configBackups.GetProperty("newest").GetDateTimeOffset() < TimeSpan.FromMinutes(10));

        var text = s.Backup("status", posture);
        Assert.StartsWith("backups: healthy; 3-2-1 met: 5 copies (3 needed), 2 media (2 needed), 2 offsite (1 needed)\n", text.Stdout);
        Assert.Contains("ok   archive:remote (archive, offsite): newest snapshot", text.Stdout);

        AssertCanaryAbsent(s, s.Canary, restPassword);
    }

    /// <summary>The verb arguments of a unit's ExecStart (the executable dropped; the test runs the CLI in-process).</summary>
    internal static string[] ExecStart(BackupScenario s, string unit)
    {
        var line = File.ReadAllLines(s.Host.Real("/etc/systemd/system/" + unit)).Single(l => l.StartsWith("ExecStart=", StringComparison.Ordinal));
        return line["ExecStart=".Length..].Split(' ').Skip(1).ToArray();
    }

    private static (int ExitCode, string Error) Restic(BackupScenario s, string repository, params string[] args)
    {
        var password = Path.Combine(s.Host.Folder, "restic-password");
        File.WriteAllText(password, s.Canary);
        var info = new ProcessStartInfo("restic") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment["RESTIC_REPOSITORY"] = repository;
        info.Environment["RESTIC_PASSWORD_FILE"] = password;
        info.ArgumentList.Add("--no-cache");
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        File.Delete(password);
        return (process.ExitCode, stderr.Result);
    }

    /// <summary>Every output: CLI stdout and stderr, reports, journals, records, unit files, .git/config.</summary>
    internal static void AssertCanaryAbsent(BackupScenario s, params string[] canaries)
    {
        var texts = new List<(string Where, string Text)>();
        texts.AddRange(s.Outputs.Select((o, i) => ($"cli output #{i}", o)));
        foreach (var file in Directory.EnumerateFiles(s.Host.StateDir, "*", SearchOption.AllDirectories).Where(f => !f.Contains("restic-cache", StringComparison.Ordinal)))
        {
            texts.Add((file, File.ReadAllText(file)));
        }

        foreach (var folder in new[] { "/etc", BackupScenario.Workspace + "/.git" })
        {
            var real = s.Host.Real(folder);
            if (Directory.Exists(real))
            {
                texts.AddRange(Directory.EnumerateFiles(real, "*", SearchOption.AllDirectories).Where(f => new FileInfo(f).LinkTarget is null && new FileInfo(f).Length < 1_000_000).Select(f => (f, File.ReadAllText(f))));
            }
        }

        Assert.Contains(texts, t => t.Where.EndsWith(RunJournal.FileName, StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Where.EndsWith("report.json", StringComparison.Ordinal));
        foreach (var canary in canaries)
        {
            var leaks = texts.Where(t => t.Text.Contains(canary, StringComparison.Ordinal)).Select(t => t.Where).ToList();
            Assert.True(leaks.Count == 0, $"the secret appears in: {string.Join(", ", leaks)}");
        }

    }
}
