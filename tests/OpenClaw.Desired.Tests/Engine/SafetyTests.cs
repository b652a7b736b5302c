using System.Diagnostics;
using OpenClaw.Desired.OpenClaw;
using OpenClaw.Desired.Safety;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Engine;

/// <summary>Nothing is lost: backups, rollback, crash mid-apply, the lock.</summary>
public sealed class SafetyTests
{
    private static byte[] Sha(string path) => System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path));

    [Fact]
    public void Rollback_AfterApply_RestoresFilesByteForByteWithMode()
    {
        using var host = ScratchHost.FromDemo();
        File.SetUnixFileMode(host.ConfigPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        var original = File.ReadAllBytes(host.ConfigPath);
        var posture = host.WritePosture(Postures.AgentOnly());

        Assert.Equal(0, CliRunner.Run(["reconcile", .. host.Args(posture, "--yes")]).ExitCode);
        Assert.NotEqual(original, File.ReadAllBytes(host.ConfigPath));
        var rollback = CliRunner.Run("rollback", "--root", host.Root, "--state-dir", host.StateDir);

        Assert.True(rollback.ExitCode == 0, rollback.All);
        Assert.Contains("restored: /home/claw/.openclaw/openclaw.json", rollback.Stdout);
        Assert.Equal(original, File.ReadAllBytes(host.ConfigPath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(host.ConfigPath));
    }

    [Fact]
    public void Rollback_FileCreatedByRun_IsQuarantinedNotDeleted()
    {
        using var host = ScratchHost.FromDemo();
        File.Delete(host.ConfigPath);
        var posture = host.WritePosture(Postures.AgentOnly());

        Assert.Equal(0, CliRunner.Run(["reconcile", .. host.Args(posture, "--yes")]).ExitCode);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(host.ConfigPath));
        var created = File.ReadAllBytes(host.ConfigPath);
        var rollback = CliRunner.Run("rollback", "--root", host.Root, "--state-dir", host.StateDir);

        Assert.True(rollback.ExitCode == 0, rollback.All);
        Assert.False(File.Exists(host.ConfigPath));
        var kept = Directory.GetFiles(Path.Combine(host.StateDir, "quarantine"), "openclaw.json", SearchOption.AllDirectories);
        Assert.Equal(created, File.ReadAllBytes(Assert.Single(kept)));
    }

    [Fact]
    public void Apply_BacksUpEveryFileBeforeChangingIt()
    {
        using var host = ScratchHost.FromDemo();
        var original = File.ReadAllBytes(host.ConfigPath);
        var posture = host.WritePosture(Postures.AgentOnly());

        Assert.Equal(0, CliRunner.Run(["reconcile", .. host.Args(posture, "--yes")]).ExitCode);

        var run = Assert.Single(Directory.GetDirectories(Path.Combine(host.StateDir, "runs")));
        var backup = Assert.Single(Directory.GetFiles(Path.Combine(run, "files")));
        Assert.Equal(original, File.ReadAllBytes(backup));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(backup));
        var journal = RunJournal.Read(Path.Combine(run, RunJournal.FileName));
        Assert.Equal(JournalEvents.RunStart, journal[0].Event);
        Assert.Equal(JournalEvents.Backup, journal[1].Event);
        Assert.Equal(JournalEvents.RunEnd, journal[^1].Event);
        Assert.True(journal.Select(e => e.Seq).SequenceEqual(Enumerable.Range(1, journal.Count).Select(i => (long)i)));
    }

    [Theory]
    [InlineData("backup:1")]
    [InlineData("write-begin:1")]
    [InlineData("write-done:1")]
    [InlineData("write-begin:3")]
    public async Task Apply_KilledBetweenSteps_LeavesWholeFilesAndRollbackWorks(string holdAt)
    {
        using var host = ScratchHost.FromDemo();
        var original = File.ReadAllBytes(host.ConfigPath);
        var posture = host.WritePosture(Postures.AgentOnly());

        using (var process = CliRunner.Start(new Dictionary<string, string> { [TestHold.Variable] = holdAt }, ["reconcile", .. host.Args(posture, "--yes")]))
        {
            try
            {
                var marker = await WaitForMarkerAsync(host.StateDir, process);
                Assert.NotNull(marker);
            }
            finally
            {
                process.Kill(entireProcessTree: true); // SIGKILL: no cleanup of any kind runs
                await process.WaitForExitAsync();
            }
        }

        // Every file is either the old or a complete new version: it parses, and the journal says which.
        var config = OpenClawConfig.Parse(File.ReadAllText(host.ConfigPath));
        Assert.NotNull(config);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(host.ConfigPath)!, ".openclaw.json.ocd-tmp-*"));
        var dry = CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run")]);
        Assert.NotEqual(1, dry.ExitCode);

        // The next applying run notices the interrupted one and names the state of its files.
        var next = CliRunner.Run(["reconcile", .. host.Args(posture, "--yes")]);
        Assert.True(next.ExitCode == 0, next.All);
        Assert.Contains("was interrupted", next.Stdout);
        Assert.Contains("took over a stale lock", next.Stdout);
        if (holdAt.StartsWith("write-begin", StringComparison.Ordinal))
        {
            // Held right after the journal said "begin" and before the rename: the file is still the old one.
            Assert.Contains("/home/claw/.openclaw/openclaw.json: old", next.Stdout);
        }

        // Rolling back the later run, then the interrupted one, gives back the original bytes.
        var runs = Directory.GetDirectories(Path.Combine(host.StateDir, "runs")).Select(Path.GetFileName).Order().ToList();
        foreach (var run in runs.AsEnumerable().Reverse())
        {
            var rollback = CliRunner.Run("rollback", run!, "--root", host.Root, "--state-dir", host.StateDir);
            Assert.True(rollback.ExitCode is 0 or 1, rollback.All);
        }

        Assert.Equal(original, File.ReadAllBytes(host.ConfigPath));
    }

    [Fact]
    public async Task Apply_TwoAtOnce_NeverInterleave()
    {
        using var host = ScratchHost.FromDemo();
        var posture = host.WritePosture(Postures.AgentOnly());

        using var first = CliRunner.Start(new Dictionary<string, string> { [TestHold.Variable] = "write-begin:1" }, ["reconcile", .. host.Args(posture, "--yes")]);
        try
        {
            await TwoAtOnceAsync(host, posture, first);
        }
        finally
        {
            // A held run waits for its release file; never leave one behind when an assertion fails.
            if (!first.HasExited)
            {
                first.Kill(entireProcessTree: true);
            }
        }
    }

    private static async Task TwoAtOnceAsync(ScratchHost host, string posture, Process first)
    {
        var marker = await WaitForMarkerAsync(host.StateDir, first);
        Assert.NotNull(marker);

        // A second run with a short wait gives up with a clear message and changes nothing.
        var impatient = await CliRunner.RunProcessAsync(null, TimeSpan.FromSeconds(60), ["reconcile", .. host.Args(posture, "--yes", "--lock-timeout", "1")]);
        Assert.Equal(1, impatient.ExitCode);
        Assert.Contains("another run holds the lock", impatient.All);
        Assert.Contains($"pid={first.Id}", impatient.All);

        // A patient one waits, and only starts once the first has finished.
        var patient = CliRunner.RunProcessAsync(null, TimeSpan.FromSeconds(60), ["reconcile", .. host.Args(posture, "--yes", "--lock-timeout", "60")]);
        await Task.Delay(1000);
        Assert.False(patient.IsCompleted);
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(marker)!, TestHold.ReleaseName), string.Empty);
        await first.WaitForExitAsync();
        var second = await patient;

        Assert.Equal(0, first.ExitCode);
        Assert.True(second.ExitCode == 0, second.All);
        var journals = Directory.GetDirectories(Path.Combine(host.StateDir, "runs"))
            .Select(d => RunJournal.Read(Path.Combine(d, RunJournal.FileName)))
            .Where(j => j.Count > 0)
            .OrderBy(j => j[0].At)
            .ToList();
        var (a, b) = (journals[^2], journals[^1]);
        Assert.True(a[^1].At <= b[0].At, "the second run started before the first had ended");
    }

    private static async Task<string?> WaitForMarkerAsync(string stateDir, Process process)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(30) && !process.HasExited)
        {
            var runs = Path.Combine(stateDir, "runs");
            if (Directory.Exists(runs))
            {
                var marker = Directory.GetFiles(runs, TestHold.MarkerName, SearchOption.AllDirectories).FirstOrDefault();
                if (marker is not null)
                {
                    return marker;
                }
            }

            await Task.Delay(25);
        }

        return null;
    }
}
