using OpenClaw.Desired.Tests.Safety;
using OpenClaw.Desired.Tests.Support;
using static OpenClaw.Desired.Tests.Incidents.LockdownScenario;

namespace OpenClaw.Desired.Tests.Incidents;

/// <summary>A lockdown killed at any step is still a lockdown: the next one finishes it, and release puts the host back byte for byte.</summary>
public sealed class LockdownCrashTests
{
    [Theory]
    [InlineData("quarantine-moved:1")]
    [InlineData("write-begin:1")]
    [InlineData("temp-written:1")]
    [InlineData("lockdown-suspected:1")]
    [InlineData("temp-written:2")]
    public async Task Lockdown_KilledMidway_IsFinishedByTheNext_AndReleaseRestoresTheHostByteForByte(string holdAt)
    {
        using var host = ScratchHost.FromDemo();
        var posture = WritePosture(host);
        var before = HostSnapshot.Of(host.Root);
        using (var held = await HeldRun.StartAsync(host, holdAt, "lockdown", "--reason", "crash test", "--posture", posture, "--root", host.Root, "--state-dir", host.StateDir))
        {
            await held.KillAsync();
        }

        Assert.True(File.Exists(Path.Combine(host.StateDir, "lockdown.json")), "a lockdown killed half-way left no record");
        var again = Lockdown(host, posture, "crash test, again");
        Assert.True(again.ExitCode == 0, again.All);
        Assert.True(File.ReadAllText(host.Real("/home/claw/.openclaw/workspace/HANDOFF.md")).Contains("crash test", StringComparison.Ordinal));
        Assert.False(Directory.Exists(host.Real("/home/claw/.openclaw/workspace/skills/crypto-price-alerts")));

        var released = ReleaseLockdown(host);

        Assert.True(released.ExitCode == 0, released.All);
        Assert.Empty(before.Differences(HostSnapshot.Of(host.Root)));
        Assert.Empty(Directory.GetFiles(host.Root, "*.ocd-tmp-*", SearchOption.AllDirectories));
    }
}
