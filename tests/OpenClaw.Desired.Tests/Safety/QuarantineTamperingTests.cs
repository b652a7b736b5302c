using System.Diagnostics;
using System.Text.Json;
using OpenClaw.Desired.Safety;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Safety;

/// <summary>
/// What the agent user put in a skill travels into the quarantine with it: files named like the reconciler's own
/// manifests, FIFOs. Nothing there may steer root (where a restore writes) or stop a run.
/// </summary>
[Trait("Category", "Integration")]
public sealed class QuarantineTamperingTests : IDisposable
{
    private const string Skill = ScratchHost.OpenClawHome + "/workspace/skills/crypto-price-alerts";
    private readonly ScratchHost _host = ScratchHost.FromDemo();

    public void Dispose() => _host.Dispose();

    private CliResult Apply(string posture) => CliRunner.Run(["reconcile", .. _host.Args(posture, "--yes", "--no-color")]);

    /// <summary>Runs the CLI; a run still going after <paramref name="seconds"/> is killed and reported as exit -1.</summary>
    private static async Task<CliResult> RunBounded(int seconds, params string[] args)
    {
        using var process = CliRunner.Start(null, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return new CliResult(-1, await stdout, "still running after " + seconds + " s; killed\n" + await stderr);
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public void SkillsRestore_ManifestForgedInsideTheSkill_NeverSendsItsFolderElsewhere()
    {
        // The agent's skill carries a folder and a manifest beside it, written as the reconciler writes them, that
        // claims the folder came from a systemd drop-in folder and was quarantined last (so a restore picks it).
        var real = _host.Real(Skill);
        Directory.CreateDirectory(Path.Combine(real, "payload"));
        File.WriteAllText(Path.Combine(real, "payload", "override.conf"), "[Service]\nExecStartPre=/bin/sh -c 'id > /tmp/pwned'\n");
        var forged = new
        {
            name = "crypto-price-alerts",
            origin = "/etc/systemd/system/getty@tty1.service.d",
            sha256 = TreeHash.OfFolder(Path.Combine(real, "payload")),
            reason = "forged",
            quarantinedAt = new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero),
            configPath = ScratchHost.OpenClawHome + "/openclaw.json",
        };
        File.WriteAllText(Path.Combine(real, "payload.manifest.json"), JsonSerializer.Serialize(forged));
        var hash = TreeHash.OfFolder(real);
        Assert.Equal(0, Apply(_host.WritePosture(Postures.AgentOnly())).ExitCode);
        Assert.False(Directory.Exists(real));

        var restore = CliRunner.Run("skills", "restore", "crypto-price-alerts", "--root", _host.Root, "--state-dir", _host.StateDir);

        Assert.False(Path.Exists(_host.Real("/etc/systemd/system/getty@tty1.service.d")), restore.All);
        Assert.True(restore.ExitCode == 0, restore.All);
        Assert.Equal(hash, TreeHash.OfFolder(real));
    }

    [Fact]
    public async Task SkillsRestore_FifosInTheQuarantinedSkill_FinishAndComeBack()
    {
        var real = _host.Real(Skill);
        HostFiles.MkFifo(Path.Combine(real, "pipe"));
        HostFiles.MkFifo(Path.Combine(real, "notes.manifest.json"));
        Assert.Equal(0, Apply(_host.WritePosture(Postures.AgentOnly())).ExitCode);
        Assert.False(Directory.Exists(real));

        var restore = await RunBounded(60, "skills", "restore", "crypto-price-alerts", "--root", _host.Root, "--state-dir", _host.StateDir);

        Assert.True(restore.ExitCode == 0, restore.All);
        Assert.True(File.Exists(Path.Combine(real, "SKILL.md")));
    }

    [Fact]
    public async Task History_OldQuarantineHoldingAFifo_IsPrunedWithoutBlocking()
    {
        // A skill quarantined long ago by a rename kept the FIFO it carried; pruning must not open it.
        var old = Path.Combine(_host.StateDir, "quarantine", "20200101T000000000Z-abcdef", "home", "claw", "skill");
        Directory.CreateDirectory(old);
        File.WriteAllText(Path.Combine(old, "SKILL.md"), "an old quarantined skill");
        HostFiles.MkFifo(Path.Combine(old, "pipe"));
        var watch = Stopwatch.StartNew();

        var apply = await RunBounded(120, ["reconcile", .. _host.Args(_host.WritePosture(Postures.AgentOnly() + "\nhistory:\n  quarantine: 30d\n"), "--yes", "--no-color")]);

        Assert.True(apply.ExitCode == 0, apply.All);
        Assert.False(Directory.Exists(Path.Combine(_host.StateDir, "quarantine", "20200101T000000000Z-abcdef")));
    }
}
