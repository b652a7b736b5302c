using OpenClaw.Desired.Tests.Support;
using static OpenClaw.Desired.Tests.Resources.Firewall.NetnsPair;

namespace OpenClaw.Desired.Tests.Resources.Firewall;

/// <summary>The plan: rule by rule in nft syntax against a real table, and clear words where nft cannot be used.</summary>
[Trait("Category", "Integration")]
public sealed class FirewallPlanTests
{
    [Fact]
    public async Task DryRun_HandEditedTable_ShowsEachRuleChangeInNftSyntaxAndApplyConverges()
    {
        using var fw = FirewallHost.Create();
        var first = fw.Posture("level: filter\nconfirmTimeout: 30s\negress:\n  - name: https\n    proto: tcp\n    ports: [443]\n", name: "first.yaml");
        Assert.True(fw.Reconcile(first).ExitCode == 0);
        await fw.Net.NftAsync(fw.Net.Near, "add", "rule", "inet", "openclaw_desired", "output", "tcp", "dport", "25", "accept");
        await fw.Net.NftAsync(fw.Net.Near, "add", "set", "inet", "openclaw_desired", "extra", "{ type ipv4_addr; }");
        var second = fw.Posture("level: filter\nconfirmTimeout: 30s\negress:\n  - name: https\n    proto: tcp\n    ports: [443, 8443]\n    to: [10.203.0.0/24, \"fd00:203::/64\"]\n", name: "second.yaml");

        var plan = fw.Reconcile(second, "--dry-run");

        var changes = FirewallHost.Changes(plan);
        Assert.Equal(5, changes.Count);
        Assert.Contains(changes, c => c.Action == "remove" && c.Resource == "output/egress:https");
        Assert.Contains(changes, c => c.Action == "remove" && c.Resource.StartsWith("output/handle ", StringComparison.Ordinal));
        Assert.Contains(changes, c => c.Action == "remove" && c.Resource == "set extra");
        Assert.Contains(changes, c => c.Resource == "output/egress:https (ipv4)" && c.After == "ip daddr 10.203.0.0/24 tcp dport { 443, 8443 } accept");
        Assert.Contains(changes, c => c.Resource == "output/egress:https (ipv6)" && c.After == "ip6 daddr fd00:203::/64 tcp dport { 443, 8443 } accept");
        Assert.Contains("tcp dport 25 accept", plan.Stdout, StringComparison.Ordinal);

        Assert.True(fw.Reconcile(second).ExitCode == 0);
        Assert.Empty(FirewallHost.Changes(fw.Reconcile(second, "--dry-run")));
        await fw.Net.ExpectAsync(Probe.Pass(fw.Net.Near, FarV6, 443), Probe.Block(fw.Net.Near, FarV4, 80));
    }

    [Fact]
    public void DryRun_UnknownUser_IsUnknownNotInSync()
    {
        using var fw = FirewallHost.Create();
        var posture = fw.Posture("level: filter\negress:\n  - name: web\n    proto: tcp\n    ports: [443]\n    user: nobody-here\n");

        var plan = fw.Reconcile(posture, "--dry-run");

        Assert.Equal(3, plan.ExitCode);
        Assert.Contains(FirewallHost.Unknowns(plan), u => u.Contains("user 'nobody-here' does not exist on this host", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DryRun_HostWithoutNft_SaysSoAndChangesNothing()
    {
        using var fw = FirewallHost.Create();
        var posture = fw.Posture("level: filter\n");

        // Without /usr/sbin on PATH neither nft nor iptables can be found, as on a host without them.
        var result = await CliRunner.RunProcessAsync(
            new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin" }, TimeSpan.FromSeconds(60), ["reconcile", .. fw.Host.Args(posture, "--dry-run", "-o", "json")]);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains(FirewallHost.Unknowns(result), u => u.Contains("this host has no nftables (the nft command is missing)", StringComparison.Ordinal));
        Assert.Null(await fw.TableAsync());
    }

    [Fact]
    public async Task Reconcile_HostWithLegacyIptablesOnly_ReportsItUnsupportedForApply()
    {
        using var fw = FirewallHost.Create();
        var bin = Path.Combine(fw.Host.Folder, "bin");
        Directory.CreateDirectory(bin);
        File.CreateSymbolicLink(Path.Combine(bin, "iptables"), "/usr/sbin/iptables-legacy");
        var posture = fw.Posture("level: filter\n");

        var result = await CliRunner.RunProcessAsync(
            new Dictionary<string, string> { ["PATH"] = $"{bin}:/usr/bin:/bin" }, TimeSpan.FromSeconds(60), ["reconcile", .. fw.Host.Args(posture, "--yes", "-o", "json")]);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains(FirewallHost.Unknowns(result), u => u.Contains("legacy iptables", StringComparison.Ordinal) && u.Contains("does not support for apply", StringComparison.Ordinal));
        Assert.Null(await fw.TableAsync());
    }

    [Fact]
    public void DryRun_ScratchRootWithoutNamespace_LeavesTheKernelFirewallAlone()
    {
        using var host = ScratchHost.FromDemo();

        var plan = CliRunner.Run(["reconcile", .. host.Args(RepoPaths.Posture("standard"), "--dry-run", "-o", "json")]);

        Assert.Empty(FirewallHost.Changes(plan));
        Assert.DoesNotContain(FirewallHost.Unknowns(plan), u => u.Contains("nft", StringComparison.Ordinal));
    }
}
