using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void DryRun_OnDemoHost_ShowsChangesAndWritesNothing()
    {
        using var host = ScratchHost.FromDemo();
        var before = File.ReadAllBytes(host.ConfigPath);

        var result = CliRunner.Run(["reconcile", .. host.Args(RepoPaths.Posture("standard"), "--dry-run", "--no-color")]);

        Assert.Contains("tools.exec.security", result.Stdout);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal(before, File.ReadAllBytes(host.ConfigPath));
        Assert.False(Directory.Exists(host.StateDir));
    }
}
