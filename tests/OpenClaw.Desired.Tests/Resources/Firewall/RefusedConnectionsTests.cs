using System.Text.Json;
using OpenClaw.Desired.Resources.Firewall;
using static OpenClaw.Desired.Tests.Resources.Firewall.NetnsPair;

namespace OpenClaw.Desired.Tests.Resources.Firewall;

/// <summary>
/// Refused outbound connections: the owned table counts them, keeps each destination with its own counter and logs
/// them (rate-limited); the report shows the top destinations; the counts are data, never drift.
/// </summary>
[Trait("Category", "Integration")]
public sealed class RefusedConnectionsTests
{
    [Fact]
    public async Task RefusedAttempts_AreCountedPerDestination_ReportedBusiestFirst_AndNeverMakeAPlan()
    {
        using var fw = FirewallHost.Create();
        var posture = fw.Posture("level: filter\nconfirmTimeout: 30s\negress:\n  - name: https\n    proto: tcp\n    ports: [443]\n");
        Assert.Equal(0, fw.Reconcile(posture).ExitCode);
        var table = await fw.TableAsync();
        Assert.Contains("comment \"refused:count\"", table, StringComparison.Ordinal);
        Assert.Contains("log prefix \"openclaw-desired refused: \" level info", table, StringComparison.Ordinal);

        await fw.Net.ExpectAsync(Probe.Pass(fw.Net.Near, FarV4, 443), Probe.Block(fw.Net.Near, FarV4, 80), Probe.Block(fw.Net.Near, FarV6, 8080));
        for (var i = 0; i < 3; i++)
        {
            await fw.Net.ExpectAsync(Probe.Block(fw.Net.Near, FarV4, 80));
        }

        var plan = fw.Reconcile(posture, "--dry-run");

        Assert.True(FirewallHost.Changes(plan).Count == 0, plan.Stdout);
        var connections = JsonDocument.Parse(plan.Stdout).RootElement.GetProperty("connections");
        Assert.True(connections.GetProperty("refusedPackets").GetInt64() >= 5, connections.ToString());
        var top = connections.GetProperty("top").EnumerateArray().Select(t => (Address: t.GetProperty("address").GetString(), Port: t.GetProperty("port").GetInt32(), Packets: t.GetProperty("packets").GetInt64())).ToList();
        Assert.Equal((FarV4, 80), (top[0].Address, top[0].Port));
        Assert.True(top[0].Packets >= 4, $"{top[0].Packets} packets to {FarV4}:80");
        Assert.Contains(top, t => t.Address == FarV6 && t.Port == 8080);
        Assert.DoesNotContain(top, t => t.Port == 443);
        var text = Support.CliRunner.Run(["reconcile", .. fw.Host.Args(posture, "--no-color", "--local", "--dry-run")]);
        Assert.Contains($"{FarV4}:80", text.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusedRules_ReadBackFromNftJson_RenderAsTheDesiredTableWritesThem()
    {
        const string listing = """
            {"nftables": [{"table": {"family": "inet", "name": "t", "handle": 1}},
             {"set": {"family": "inet", "name": "refused4", "table": "t", "type": ["ipv4_addr", "inet_service"], "handle": 2, "size": 4096, "flags": ["timeout"], "timeout": 86400, "stmt": [{"counter": null}],
               "elem": [{"elem": {"val": {"concat": ["192.0.2.9", 443]}, "expires": 86000, "counter": {"packets": 7, "bytes": 420}}}, {"elem": {"val": {"concat": ["192.0.2.7", 25]}, "counter": {"packets": 2, "bytes": 120}}}]}},
             {"chain": {"family": "inet", "table": "t", "name": "output", "handle": 1, "type": "filter", "hook": "output", "prio": 0, "policy": "drop"}},
             {"rule": {"family": "inet", "table": "t", "chain": "output", "handle": 5, "comment": "refused:count", "expr": [{"counter": {"packets": 11, "bytes": 660}}]}},
             {"rule": {"family": "inet", "table": "t", "chain": "output", "handle": 7, "comment": "refused:top (ipv4)", "expr": [{"match": {"op": "==", "left": {"meta": {"key": "l4proto"}}, "right": {"set": ["tcp", "udp"]}}}, {"set": {"op": "update", "elem": {"concat": [{"payload": {"protocol": "ip", "field": "daddr"}}, {"payload": {"protocol": "th", "field": "dport"}}]}, "set": "@refused4"}}]}},
             {"rule": {"family": "inet", "table": "t", "chain": "output", "handle": 10, "comment": "refused:log", "expr": [{"limit": {"rate": 10, "burst": 5, "per": "minute"}}, {"log": {"prefix": "openclaw-desired refused: ", "level": "info"}}]}}]}
            """;

        var table = NftJsonReader.ReadTable(listing, "inet", "t", string.Empty);
        var desired = RefusedRules.Rules("output").ToList();
        var refused = RefusedConnections.Read(listing)!;

        Assert.Equal(desired[0].Body, table.Rules.Single(r => r.Comment == "refused:count").Body);
        Assert.Equal(desired[1].Body, table.Rules.Single(r => r.Comment == "refused:top (ipv4)").Body);
        Assert.Equal(desired[3].Body, table.Rules.Single(r => r.Comment == "refused:log").Body);
        Assert.Equal(RefusedRules.Sets[0], table.Sets.Single());
        Assert.Equal(11, refused.RefusedPackets);
        Assert.Equal([("192.0.2.9", 443, 7L), ("192.0.2.7", 25, 2L)], refused.Top.Select(t => (t.Address, t.Port, t.Packets)));
    }
}
