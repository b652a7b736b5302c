using OpenClaw.Desired.Tests.Resources.Firewall;
using OpenClaw.Desired.Tests.Support;
using static OpenClaw.Desired.Tests.Incidents.LockdownScenario;
using static OpenClaw.Desired.Tests.Resources.Firewall.NetnsPair;

namespace OpenClaw.Desired.Tests.Incidents;

/// <summary>
/// The emergency stop in a network namespace with a gateway that really runs: stopped, the namespace air-gapped (real
/// packets refused, loopback and SSH still through), evidence sealed and verifiable, HANDOFF.md written; a second
/// lockdown changes nothing; the release brings back the host byte for byte and the ruleset as it was.
/// </summary>
[Trait("Category", "Integration")]
public sealed class LockdownNetnsTests
{
    [Fact]
    public async Task Lockdown_StopsTheGateway_AirGaps_SealsEvidence_WritesHandoff_OnceOnly_AndReleaseRestoresAll()
    {
        using var fw = FirewallHost.Create();
        var (near, host) = (fw.Net.Near, fw.Host);
        File.WriteAllText(host.Real("/etc/ssh/sshd_config").Also(p => Directory.CreateDirectory(Path.GetDirectoryName(p)!)), "Port 2222\n");
        var foreign = await fw.AddForeignTableAsync();
        fw.Net.ListenTcp(near, 8081);
        fw.Net.ListenTcp(near, 2222);
        var posture = WritePosture(host, near);
        var config = File.ReadAllText(host.ConfigPath);
        using var gateway = await FakeGateway.StartAsync(near);
        await fw.Net.ExpectAsync(Probe.Pass(near, FarV4, 443), Probe.Pass(near, "127.0.0.1", FakeGateway.Port), Probe.Pass(fw.Net.Far, NearV4, 8081));
        var hostBefore = HostSnapshot.Of(host.Root);
        var rulesBefore = await fw.Net.RulesetAsync(near);

        var locked = Lockdown(host, posture);

        Assert.True(locked.ExitCode == 0, locked.All);
        Assert.True(gateway.Stopped, "the fake gateway is still running");
        await fw.Net.ExpectAsync(
            Probe.Block(near, FarV4, 443), Probe.Block(near, FarV6, 80), Probe.Block(near, FarV4, 53, udp: true),
            Probe.Block(fw.Net.Far, NearV4, 8081), Probe.Pass(near, "127.0.0.1", 8081), Probe.Pass(fw.Net.Far, NearV4, 2222));
        var changes = Changes(locked);
        Assert.Contains(changes, c => c.Resource == "gateway" && c.Outcome == "applied");
        Assert.Contains(changes, c => c.Resource == "network" && c.Outcome == "applied");
        Assert.Contains(changes, c => c.Resource == "skill/crypto-price-alerts" && c.Action == "quarantine");
        Assert.Contains(changes, c => c.Resource == "secrets" && c.After!.Contains("OPENAI_API_KEY", StringComparison.Ordinal));
        Assert.False(Directory.Exists(host.Real(BackupsWorkspace + "/skills/crypto-price-alerts")));

        var bundle = Directory.GetDirectories(Path.Combine(host.StateDir, "evidence")).Single();
        var verified = CliRunner.Run("evidence", "verify", bundle);
        Assert.True(verified.ExitCode == 0, verified.All);
        Assert.Contains($"\"pid\": {gateway.Process.Id}", ArchiveEntry(bundle, "system/processes.json"), StringComparison.Ordinal);
        Assert.Contains($":{FakeGateway.Port}", ArchiveEntry(bundle, "system/connections.txt"), StringComparison.Ordinal);
        Assert.Equal(config, ArchiveEntry(bundle, "host/home/claw/.openclaw/openclaw.json"));
        Assert.NotEqual(config, File.ReadAllText(host.ConfigPath));

        var handoff = File.ReadAllText(host.Real(BackupsWorkspace + "/HANDOFF.md"));
        Assert.Contains("skill crypto-price-alerts sends keys to a paste site", handoff, StringComparison.Ordinal);
        Assert.Contains($"process {gateway.Process.Id} (busybox", handoff, StringComparison.Ordinal);
        Assert.Contains("`OPENAI_API_KEY`", handoff, StringComparison.Ordinal);
        Assert.Contains("lockdown --release", handoff, StringComparison.Ordinal);

        var hostLocked = HostSnapshot.Of(host.Root);
        var rulesLocked = await fw.Net.RulesetAsync(near);
        var stateLocked = State(host);
        var again = Lockdown(host, posture, "a second call");
        Assert.True(again.ExitCode == 0, again.All);
        Assert.Contains("nothing was changed", again.Stdout, StringComparison.Ordinal);
        Assert.Empty(hostLocked.Differences(HostSnapshot.Of(host.Root)));
        Assert.Equal(rulesLocked, await fw.Net.RulesetAsync(near));
        Assert.Equal(stateLocked, State(host));

        var released = ReleaseLockdown(host);

        Assert.True(released.ExitCode == 0, released.All);
        Assert.Empty(hostBefore.Differences(HostSnapshot.Of(host.Root)));
        Assert.Equal(rulesBefore, await fw.Net.RulesetAsync(near));
        Assert.Equal(foreign, await fw.Net.NftAsync(near, "list", "table", "ip", "foreign"));
        Assert.Contains(Changes(released), c => c.Action == "manual" && c.After!.Contains($"busybox nc -ll -p {FakeGateway.Port}", StringComparison.Ordinal));
        await fw.Net.ExpectAsync(Probe.Pass(near, FarV4, 443), Probe.Pass(fw.Net.Far, NearV4, 8081));
    }

    private const string BackupsWorkspace = "/home/claw/.openclaw/workspace";
}
