using OpenClaw.Desired.Host;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Redaction;
using OpenClaw.Desired.Resources.Backups;
using Xunit.Abstractions;

namespace OpenClaw.Desired.Tests.Resources.Backups;

/// <summary>A real restic repository whose pack files get damaged: verify must fail and the report turn red.</summary>
[Trait("Category", "Integration")]
public sealed class ArchiveVerifyTests(ITestOutputHelper output)
{
    private const string Repository = "/srv/backup/restic/openclaw";

    [Fact]
    public async Task Verify_CorruptedPackFile_FailsAndReportTurnsRed()
    {
        using var s = BackupScenario.Create();
        var posture = s.Posture(
            $"""
              scheduler: cron
              archives:
                - name: local
                  repository: {Repository}
                  password:
                    store: RESTIC_PASSWORD
                  paths: [~/.openclaw]
            """);

        // Built straight through the jobs, with every restic command line and environment kept.
        var runner = new RecordingCommandRunner();
        var host = new HostContext(new HostRoot(s.Host.Root), runner, TimeProvider.System, new HttpClient(), new SecretRedactor()) { StateDir = s.Host.StateDir, PosturePath = posture };
        var effective = PostureLoader.LoadFile(posture).Posture!;
        var archive = BackupsDesired.From(effective, host).Archives.Single();
        var (target, unknown) = await ResticConnector.ConnectAsync(archive, effective, host, host.PathsFor(effective), CancellationToken.None);
        Assert.True(target is not null, unknown);
        var jobs = new ArchiveJobs(host, new RecordStore(s.Host.StateDir), s.Host.StateDir);
        Assert.True((await jobs.InitAsync(archive, target, CancellationToken.None)).Ok);
        Assert.True((await jobs.BackupAsync(archive, target, CancellationToken.None)).Ok);
        var verified = await BackupsKind.VerifyAsync(jobs, archive, target, null, checkOnly: false, CancellationToken.None);
        Assert.True(verified.Ok, verified.Message);
        Assert.True(verified.FilesCompared > 5, verified.Message);
        Assert.All(runner.Calls, call =>
        {
            Assert.Equal("restic", call.File);
            Assert.Contains("--json", call.Arguments);
            Assert.DoesNotContain(call.Arguments, a => a.Contains(s.Canary, StringComparison.Ordinal) || a.Contains(Repository, StringComparison.Ordinal));
            Assert.DoesNotContain(call.Environment.Values, v => v.Contains(s.Canary, StringComparison.Ordinal));
            Assert.True(call.Environment.ContainsKey("RESTIC_PASSWORD_FILE"));
        });

        var converge = s.Reconcile(posture);
        Assert.True(converge.ExitCode == 0, converge.Stdout);
        s.AssertInSync(posture);

        foreach (var pack in Directory.EnumerateFiles(s.Host.Real(Repository + "/data"), "*", SearchOption.AllDirectories))
        {
            using var stream = new FileStream(pack, FileMode.Open, FileAccess.ReadWrite);
            stream.Position = stream.Length / 2;
            stream.Write(new byte[16].Select(_ => (byte)0xA5).ToArray());
        }

        var verify = s.Backup("verify", posture, "local");
        Assert.Equal(3, verify.ExitCode);
        output.WriteLine(verify.Stdout);
        Assert.StartsWith("FAILED restore-test local: restic check failed", verify.Stdout);

        var red = s.Reconcile(posture);
        Assert.Equal(3, red.ExitCode);
        var report = BackupScenario.Json(red);
        Assert.Equal("failed", report.GetProperty("result").GetString());
        Assert.Contains(report.GetProperty("changes").EnumerateArray(),
            c => c.GetProperty("resource").GetString() == "archive/local/verify" && c.GetProperty("outcome").GetString() == "failed");
        Assert.Equal(3, s.Backup("status", posture).ExitCode);
        Assert.Equal(2, s.Reconcile(posture, "--dry-run").ExitCode);

        ArchiveConvergenceTests.AssertCanaryAbsent(s, s.Canary);
    }
}
