using System.Net;
using static OpenClaw.Desired.Tests.Resources.Firewall.NetnsPair;

namespace OpenClaw.Desired.Tests.Resources.Firewall;

/// <summary>Each level applied with the real nft inside a namespace, proven by connecting through it.</summary>
[Trait("Category", "Integration")]
public sealed class FirewallLevelTests
{
    private const int Claw = 1000;
    private const int ProxyUid = 13;

    [Fact]
    public async Task Filter_AppliedInNamespace_ListedTrafficPassesTheRestIsDropped()
    {
        using var fw = FirewallHost.Create();
        var foreign = await fw.AddForeignTableAsync();
        fw.Net.ListenTcp(fw.Net.Near, 22);
        fw.Net.ListenTcp(fw.Net.Near, 2222);
        var posture = fw.Posture("""
            level: filter
            confirmTimeout: 30s
            dns:
              resolvers: [10.203.0.2]
            egress:
              - name: https
                proto: tcp
                ports: [443]
                to: [10.203.0.2, "fd00:203::2"]
              - name: alt-http
                proto: tcp
                ports: [8080]
                user: claw
            inbound:
              - name: ssh
                proto: tcp
                ports: [22]
                from: [10.203.0.0/24]
            """, "monitoring:\n  targets:\n    - name: far-https\n      tcp: \"10.203.0.2:443\"\n");

        var apply = fw.Reconcile(posture);

        Assert.True(apply.ExitCode == 0, apply.All);
        Assert.All(FirewallHost.Changes(apply), c => Assert.Equal("applied", c.Outcome));
        Assert.Contains(FirewallHost.Changes(apply), c => c.Message!.Contains("confirmed (reached", StringComparison.Ordinal));
        var (near, far) = (fw.Net.Near, fw.Net.Far);
        await fw.Net.ExpectAsync(
            Probe.Pass(near, FarV4, 443),
            Probe.Pass(near, FarV6, 443),
            Probe.Pass(near, FarV4, 53, udp: true),
            Probe.Pass(near, FarV4, 8080, uid: Claw),
            Probe.Block(near, FarV4, 80),
            Probe.Block(near, FarV4, 22),
            Probe.Block(near, FarV6, 53, udp: true),
            Probe.Block(near, FarV4, 8080),
            Probe.Pass(far, NearV4, 22),
            Probe.Block(far, NearV4, 2222),
            Probe.Block(far, NearV6, 22));
        Assert.Empty(FirewallHost.Changes(fw.Reconcile(posture, "--dry-run")));
        Assert.Equal(foreign, await fw.Net.NftAsync(fw.Net.Near, "list", "table", "ip", "foreign"));
    }

    [Fact]
    public async Task Proxy_AppliedInNamespace_OnlyTheProxyUserGetsOut()
    {
        using var fw = FirewallHost.Create();
        File.AppendAllText(fw.Host.Real("/etc/passwd"), "proxy:x:13:13:proxy:/bin:/usr/sbin/nologin\n");
        var unit = fw.Host.Real("/home/claw/.config/systemd/user/openclaw-gateway.service");
        Directory.CreateDirectory(Path.GetDirectoryName(unit)!);
        File.WriteAllText(unit, "[Service]\nExecStart=/usr/bin/openclaw gateway\n");
        fw.Net.ListenTcp(fw.Net.Near, 3128, IPAddress.Loopback);
        var posture = fw.Posture("""
            level: proxy
            confirmTimeout: 30s
            proxy:
              user: proxy
              listen: 127.0.0.1:3128
              noProxy: [ollama.internal]
            """);

        var apply = fw.Reconcile(posture);

        Assert.True(apply.ExitCode == 0, apply.All);
        var near = fw.Net.Near;
        await fw.Net.ExpectAsync(
            Probe.Pass(near, FarV4, 443, uid: ProxyUid),
            Probe.Pass(near, FarV4, 80, uid: ProxyUid),
            Probe.Pass(near, FarV6, 8080, uid: ProxyUid),
            Probe.Pass(near, FarV4, 53, uid: ProxyUid, udp: true),
            Probe.Pass(near, "127.0.0.1", 3128, uid: Claw),
            Probe.Block(near, FarV4, 443, uid: Claw),
            Probe.Block(near, FarV6, 443, uid: Claw),
            Probe.Block(near, FarV4, 443),
            Probe.Block(near, FarV4, 53, uid: Claw, udp: true));
        var env = File.ReadAllText(fw.Host.Real("/home/claw/.openclaw/.env"));
        Assert.Contains("HTTPS_PROXY=http://127.0.0.1:3128\n", env, StringComparison.Ordinal);
        Assert.Contains("no_proxy=localhost,127.0.0.1,::1,ollama.internal\n", env, StringComparison.Ordinal);
        Assert.Contains("OPENAI_API_KEY=sk-proj-DEMO", env, StringComparison.Ordinal);
        var dropIn = File.ReadAllText(unit + ".d/openclaw-desired-proxy.conf");
        Assert.Contains("Environment=\"HTTP_PROXY=http://127.0.0.1:3128\"", dropIn, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-proj-DEMO", apply.All, StringComparison.Ordinal);
        Assert.Empty(FirewallHost.Changes(fw.Reconcile(posture, "--dry-run")));
    }

    [Fact]
    public async Task Airgap_AppliedInNamespace_OnlyLoopbackAndTheReconcilersGitRemote()
    {
        using var fw = FirewallHost.Create();
        fw.Net.ListenTcp(fw.Net.Near, 18789, IPAddress.Loopback);
        var posture = fw.Posture("""
            level: airgap
            confirmTimeout: 30s
            inbound:
              - name: ssh
                proto: tcp
                ports: [22]
            """, "source:\n  repo: https://10.203.0.2/ops/posture.git\nmonitoring:\n  targets:\n    - name: gateway\n      tcp: \"127.0.0.1:18789\"\n");

        var apply = fw.Reconcile(posture);

        Assert.True(apply.ExitCode == 0, apply.All);
        Assert.Contains(FirewallHost.Changes(apply), c => c.Message!.Contains("reached git remote (10.203.0.2:443)", StringComparison.Ordinal));
        var near = fw.Net.Near;
        await fw.Net.ExpectAsync(
            Probe.Pass(near, FarV4, 443),
            Probe.Pass(near, "127.0.0.1", 18789, uid: Claw),
            Probe.Block(near, FarV4, 443, uid: Claw),
            Probe.Block(near, FarV4, 80),
            Probe.Block(near, FarV6, 443),
            Probe.Block(near, FarV4, 53, udp: true),
            Probe.Block(near, FarV4, 53, uid: Claw, udp: true));
        Assert.Empty(FirewallHost.Changes(fw.Reconcile(posture, "--dry-run")));
    }

    [Fact]
    public async Task Off_AfterFilter_RemovesOnlyTheOwnedTable()
    {
        using var fw = FirewallHost.Create();
        var foreign = await fw.AddForeignTableAsync();
        var filter = fw.Posture("level: filter\nconfirmTimeout: 30s\n");
        Assert.True(fw.Reconcile(filter).ExitCode == 0);
        await fw.Net.ExpectAsync(Probe.Block(fw.Net.Near, FarV4, 443));

        var off = fw.Reconcile(fw.Posture("level: off\n", name: "off.yaml"));

        Assert.True(off.ExitCode == 0, off.All);
        var removal = Assert.Single(FirewallHost.Changes(off));
        Assert.Equal("table inet openclaw_desired", removal.Resource);
        Assert.Null(await fw.TableAsync());
        await fw.Net.ExpectAsync(Probe.Pass(fw.Net.Near, FarV4, 443), Probe.Pass(fw.Net.Near, FarV4, 80));
        Assert.Equal(foreign, await fw.Net.NftAsync(fw.Net.Near, "list", "table", "ip", "foreign"));
    }

    [Fact]
    public async Task Filter_CgroupRule_LetsOnlyProcessesInThatCgroupOut()
    {
        var mount = File.Exists("/sys/fs/cgroup/cgroup.controllers") ? "/sys/fs/cgroup" : "/sys/fs/cgroup/unified";
        Assert.True(File.Exists(Path.Combine(mount, "cgroup.controllers")), "a cgroup v2 hierarchy must be mounted for cgroup rules");
        var group = $"ocd-{Guid.NewGuid():N}"[..16];
        var path = Path.Combine(mount, group);
        Directory.CreateDirectory(path);
        try
        {
            using var fw = FirewallHost.Create();
            var posture = fw.Posture($"level: filter\nconfirmTimeout: 30s\negress:\n  - name: agent\n    proto: tcp\n    ports: [443]\n    cgroup: {group}\n");

            var apply = fw.Reconcile(posture);

            Assert.True(apply.ExitCode == 0, apply.All);
            var procs = Path.Combine(path, "cgroup.procs");
            await fw.Net.ExpectAsync(
                Probe.Pass(fw.Net.Near, FarV4, 443) with { CgroupProcs = procs },
                Probe.Pass(fw.Net.Near, FarV6, 443) with { CgroupProcs = procs },
                Probe.Block(fw.Net.Near, FarV4, 80) with { CgroupProcs = procs },
                Probe.Block(fw.Net.Near, FarV4, 443));
            Assert.Empty(FirewallHost.Changes(fw.Reconcile(posture, "--dry-run")));
        }
        finally
        {
            await FirewallHost.EventuallyAsync(() => Task.FromResult(File.ReadAllText(Path.Combine(path, "cgroup.procs")).Length == 0), TimeSpan.FromSeconds(5));
            Directory.Delete(path);
        }
    }
}
