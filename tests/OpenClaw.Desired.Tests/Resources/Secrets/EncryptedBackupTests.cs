using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Resources.Secrets;

/// <summary>secrets.backupRecipient: backups are encrypted with real gpg, and rollback decrypts them.</summary>
public sealed class EncryptedBackupTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private static string Posture(ScratchHost host) =>
        host.WritePosture(SecretPostures.EnvStore($"backupRecipient: {GpgHome.Recipient}\nscan:\n  sessionLogs: true\n"));

    [Fact]
    public async Task ApplyThenRollback_WithRecipient_BackupsAreEncryptedAndRestoreByteForByte()
    {
        using var gpg = GpgHome.Create();
        using var host = ScratchHost.FromDemo();
        Canaries.Plant(host);
        var posture = Posture(host);
        var before = HostSnapshot.Of(host.Root);

        var apply = await CliRunner.RunProcessAsync(gpg.Environment, Timeout, ["reconcile", .. host.Args(posture, "--yes")]);

        Assert.True(apply.ExitCode == 0, apply.All);
        var backups = Directory.EnumerateFiles(host.StateDir, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(Path.GetDirectoryName(f)) == "files").ToList();
        Assert.NotEmpty(backups);
        Assert.All(backups, b => Assert.EndsWith(".gpg", b));
        Assert.All(backups, b => Assert.StartsWith("-----BEGIN PGP MESSAGE-----", File.ReadAllText(b)));
        foreach (var file in Directory.EnumerateFiles(host.StateDir, "*", SearchOption.AllDirectories))
        {
            Assert.Empty(Canaries.In(File.ReadAllText(file)));
        }

        var rollback = await CliRunner.RunProcessAsync(gpg.Environment, Timeout, ["rollback", "--root", host.Root, "--state-dir", host.StateDir]);

        Assert.True(rollback.ExitCode == 0, rollback.All);
        Assert.Empty(before.Differences(HostSnapshot.Of(host.Root)));
    }

    [Fact]
    public async Task Rollback_WithoutTheKey_FailsAndChangesNothing()
    {
        using var gpg = GpgHome.Create();
        using var stranger = GpgHome.Create(withKey: false);
        using var host = ScratchHost.FromDemo();
        var posture = Posture(host);
        await CliRunner.RunProcessAsync(gpg.Environment, Timeout, ["reconcile", .. host.Args(posture, "--yes")]);
        var applied = HostSnapshot.Of(host.Root);

        var rollback = await CliRunner.RunProcessAsync(stranger.Environment, Timeout, ["rollback", "--root", host.Root, "--state-dir", host.StateDir]);

        Assert.NotEqual(0, rollback.ExitCode);
        Assert.Contains("decrypt", rollback.All);
        Assert.Empty(applied.Differences(HostSnapshot.Of(host.Root)));
    }

    [Fact]
    public async Task Apply_RecipientWithoutKey_FailsBeforeTouchingAnyFile()
    {
        using var stranger = GpgHome.Create(withKey: false);
        using var host = ScratchHost.FromDemo();
        var posture = Posture(host);
        var before = HostSnapshot.Of(host.Root);

        var apply = await CliRunner.RunProcessAsync(stranger.Environment, Timeout, ["reconcile", .. host.Args(posture, "--yes")]);

        Assert.Equal(3, apply.ExitCode);
        Assert.Contains("gpg could not encrypt", apply.Stdout);
        // Only permissions (no backup needed) may have changed; every file's bytes are as they were.
        // Skills off the allowlist are moved to quarantine whole (a move needs no backup), so they are left out.
        var after = HostSnapshot.Of(host.Root);
        Assert.All(before.Entries.Where(e => !e.Key.Contains("/workspace/skills/", StringComparison.Ordinal)), e => Assert.Equal(e.Value.Sha, after.Entries[e.Key].Sha));
    }
}
