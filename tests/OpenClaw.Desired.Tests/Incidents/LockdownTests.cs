using OpenClaw.Desired.Loop;
using OpenClaw.Desired.Secrets.Rotation;
using OpenClaw.Desired.Safety;
using OpenClaw.Desired.Tests.Support;
using static OpenClaw.Desired.Tests.Incidents.LockdownScenario;

namespace OpenClaw.Desired.Tests.Incidents;

/// <summary>Lockdown and release on a scratch root: every step but the firewall (said so), journalled and undone exactly.</summary>
public sealed class LockdownTests
{
    private const string Workspace = "/home/claw/.openclaw/workspace";

    [Fact]
    public void Lockdown_ScratchRootWithoutNamespace_DoesAllButTheFirewall_SaysSo_AndReleaseRestoresByteForByte()
    {
        using var host = ScratchHost.FromDemo();
        var posture = WritePosture(host);
        var before = HostSnapshot.Of(host.Root);

        var locked = Lockdown(host, posture);

        Assert.True(locked.ExitCode == 0, locked.All);
        Reporting.ReportSchemaTests.AssertValid(locked.Stdout);
        Assert.Contains("the firewall step is skipped", locked.Stdout, StringComparison.Ordinal);
        Assert.Contains("not part of a scratch root", locked.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(Changes(locked), c => c.Resource == "network");
        Assert.Equal(["evidence", "skill/crypto-price-alerts", "secrets", "loop", "handoff"], Changes(locked).Select(c => c.Resource));
        Assert.NotNull(SuspendFile.Active(host.StateDir, DateTimeOffset.UtcNow));
        var record = RotationRecords.Load(new StateDirectory(host.StateDir)).Get("OPENAI_API_KEY");
        Assert.True(record?.Suspected, "the stored secret is not suspected");
        var handoff = File.ReadAllText(host.Real(Workspace + "/HANDOFF.md"));
        Assert.Contains("Not cut: a scratch root without a network namespace", handoff, StringComparison.Ordinal);
        Assert.Contains("Anthropic API key at /home/claw/.openclaw/agents/main/agent/auth-profiles.json", handoff, StringComparison.Ordinal);

        var released = ReleaseLockdown(host);

        Assert.True(released.ExitCode == 0, released.All);
        Reporting.ReportSchemaTests.AssertValid(released.Stdout);
        Assert.Empty(before.Differences(HostSnapshot.Of(host.Root)));
        Assert.Null(SuspendFile.Active(host.StateDir, DateTimeOffset.UtcNow));
        Assert.True(RotationRecords.Load(new StateDirectory(host.StateDir)).Get("OPENAI_API_KEY")?.Suspected, "release cleared the suspicion without being asked");
        Assert.True(File.Exists(Path.Combine(host.StateDir, "incidents", Json(locked).GetProperty("runId").GetString() + ".json")));
        Assert.False(File.Exists(Path.Combine(host.StateDir, "lockdown.json")));
    }

    [Fact]
    public void Lockdown_Twice_ChangesNothingTheSecondTime_ButRedoesAStepThatWasUndone()
    {
        using var host = ScratchHost.FromDemo();
        var posture = WritePosture(host);
        Assert.Equal(0, Lockdown(host, posture).ExitCode);
        var hostLocked = HostSnapshot.Of(host.Root);
        var stateLocked = State(host);

        var again = Lockdown(host, posture, "again");

        Assert.Equal(0, again.ExitCode);
        Assert.Equal("in-sync", Json(again).GetProperty("result").GetString());
        Assert.Empty(hostLocked.Differences(HostSnapshot.Of(host.Root)));
        Assert.Equal(stateLocked, State(host));

        // Someone resumes the loop and drops a skill back in: the next lockdown takes both back, nothing else.
        CliRunner.Run("resume", "--state-dir", host.StateDir);
        ScratchHost.CopyDirectory(Path.Combine(RepoPaths.DemoHost, "home/claw/.openclaw/workspace/skills/crypto-price-alerts"), host.Real(Workspace + "/skills/crypto-price-alerts"));
        var third = Lockdown(host, posture, "again");

        Assert.Equal(0, third.ExitCode);
        Assert.Equal(["skill/crypto-price-alerts", "loop"], Changes(third).Select(c => c.Resource));
    }

    [Fact]
    public void Release_KeepsWhatTheOperatorChangedSince_AndRestoresTheRest()
    {
        using var host = ScratchHost.FromDemo();
        var original = "# Notes the agent left\n\nwhere things stand\n";
        File.WriteAllText(host.Real(Workspace + "/HANDOFF.md"), original);
        var posture = WritePosture(host);
        var config = File.ReadAllText(host.ConfigPath);
        Assert.Equal(0, Lockdown(host, posture).ExitCode);
        var handoff = File.ReadAllText(host.Real(Workspace + "/HANDOFF.md"));
        Assert.EndsWith(original, handoff, StringComparison.Ordinal);
        Assert.StartsWith("# HANDOFF: incident lockdown", handoff, StringComparison.Ordinal);
        var edited = File.ReadAllText(host.ConfigPath).Replace("\"lan\"", "\"loopback\"", StringComparison.Ordinal);
        File.WriteAllText(host.ConfigPath, edited);

        var released = ReleaseLockdown(host);

        Assert.Equal(0, released.ExitCode);
        Assert.Equal(edited, File.ReadAllText(host.ConfigPath));
        Assert.NotEqual(config, edited);
        Assert.Contains(Json(released).GetProperty("restored").EnumerateArray(), r => r.GetProperty("path").GetString() == "/home/claw/.openclaw/openclaw.json" && r.GetProperty("action").GetString()!.StartsWith("kept as it is now", StringComparison.Ordinal));
        Assert.Equal(original, File.ReadAllText(host.Real(Workspace + "/HANDOFF.md")));
        Assert.True(Directory.Exists(host.Real(Workspace + "/skills/crypto-price-alerts")));
    }

    [Fact]
    public void WhileLockedDown_ApplyingIsRefused_DryRunsSaySo_AndReleaseCanClearSuspicions()
    {
        using var host = ScratchHost.FromDemo();
        var posture = WritePosture(host);
        Assert.Equal(0, Lockdown(host, posture).ExitCode);
        var before = HostSnapshot.Of(host.Root);

        var apply = CliRunner.Run(["reconcile", .. host.Args(posture, "--yes", "--local", "-o", "json")]);
        var dry = CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run", "--local")]);

        Assert.Equal(1, apply.ExitCode);
        Assert.Contains("locked down", apply.Stdout, StringComparison.Ordinal);
        Assert.Empty(before.Differences(HostSnapshot.Of(host.Root)));
        Assert.Contains("this host is locked down since", dry.Stdout, StringComparison.Ordinal);

        var released = ReleaseLockdown(host, "--clear-suspected");

        Assert.Equal(0, released.ExitCode);
        Assert.False(RotationRecords.Load(new StateDirectory(host.StateDir)).Get("OPENAI_API_KEY")?.Suspected ?? false);
        var after = CliRunner.Run(["reconcile", .. host.Args(posture, "--yes", "--local", "-o", "json")]);
        Assert.NotEqual("refused", Json(after).GetProperty("result").GetString());
    }

    [Fact]
    public void Lockdown_BadInput_ChangesNothing()
    {
        using var host = ScratchHost.FromDemo();
        var before = HostSnapshot.Of(host.Root);

        var noReason = CliRunner.Run("lockdown", "--root", host.Root, "--state-dir", host.StateDir);
        var noPosture = CliRunner.Run("lockdown", "--reason", "x", "--posture", Path.Combine(host.Folder, "missing.yaml"), "--root", host.Root, "--state-dir", host.StateDir);
        var notLocked = ReleaseLockdown(host);

        Assert.Equal(1, noReason.ExitCode);
        Assert.Contains("--reason", noReason.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, noPosture.ExitCode);
        Assert.Contains("give a local copy with --posture", noPosture.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, notLocked.ExitCode);
        Assert.Contains("not locked down", notLocked.Stdout, StringComparison.Ordinal);
        Assert.Empty(before.Differences(HostSnapshot.Of(host.Root)));
        Assert.False(Directory.Exists(Path.Combine(host.StateDir, "runs")));
    }
}
