using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Resources.Firewall;

namespace OpenClaw.Desired.Tests.Resources.Firewall;

/// <summary>The pure parts: reading nft's JSON, building rules, addresses, Git remotes and dotenv edits.</summary>
public sealed class FirewallModelTests
{
    // A rule as nft 1.0.6 lists it with -j (captured from a real table): the kernel sorts set elements its own way.
    private const string Listing = """
        {"nftables": [{"metainfo": {"version": "1.0.6", "json_schema_version": 1}},
         {"table": {"family": "inet", "name": "t", "handle": 1}},
         {"chain": {"family": "inet", "table": "t", "name": "output", "handle": 1, "type": "filter", "hook": "output", "prio": 0, "policy": "drop"}},
         {"rule": {"family": "inet", "table": "t", "chain": "output", "handle": 3, "comment": "egress:dns (ipv6)", "expr": [
           {"match": {"op": "==", "left": {"meta": {"key": "skuid"}}, "right": {"set": [0, 13]}}},
           {"match": {"op": "==", "left": {"payload": {"protocol": "ip6", "field": "daddr"}}, "right": {"set": ["2001:db8::1", {"prefix": {"addr": "fd00::", "len": 8}}]}}},
           {"match": {"op": "==", "left": {"meta": {"key": "l4proto"}}, "right": {"set": ["tcp", "udp"]}}},
           {"match": {"op": "==", "left": {"payload": {"protocol": "th", "field": "dport"}}, "right": 53}},
           {"accept": null}]}},
         {"rule": {"family": "inet", "table": "t", "chain": "output", "handle": 4, "expr": [
           {"match": {"op": "in", "left": {"ct": {"key": "state"}}, "right": ["related", "established"]}},
           {"match": {"op": "==", "left": {"meta": {"key": "oif"}}, "right": "lo"}},
           {"counter": {"packets": 12, "bytes": 800}}, {"accept": null}]}},
         {"rule": {"family": "inet", "table": "t", "chain": "output", "handle": 5, "expr": [{"mangle": {"key": {"meta": {"key": "mark"}}, "value": 1}}]}},
         {"set": {"family": "inet", "name": "extra", "table": "t", "type": "ipv4_addr", "handle": 6}}]}
        """;

    [Fact]
    public void ReadTable_RealListing_RendersRulesAsTheDesiredTableWouldWriteThem()
    {
        var table = NftJsonReader.ReadTable(Listing, "inet", "t", string.Empty);

        Assert.Equal(new NftChain("output", "output", 0, "drop"), Assert.Single(table.Chains));
        Assert.Equal("meta skuid { 0, 13 } ip6 daddr { 2001:db8::1, fd00::/8 } meta l4proto { tcp, udp } th dport 53 accept", table.Rules[0].Body);
        Assert.Equal("egress:dns (ipv6)", table.Rules[0].Comment);
        Assert.Equal("ct state established,related oif \"lo\" counter accept", table.Rules[1].Body);
        Assert.Equal(4, table.Rules[1].Handle);
        Assert.StartsWith("{\"mangle\"", table.Rules[2].Body, StringComparison.Ordinal);
        Assert.Equal(["set extra"], table.OtherObjects);
    }

    [Fact]
    public void FromPosture_AddressesOfBothVersions_OneRulePerVersionWithSortedSets()
    {
        var rule = new FirewallRule("api", "firewall.egress[0]", RuleDirection.Egress, "tcp", new[] { 8443, 443 }.ToValueList(),
            new[] { "10.0.0.0/8", "fd00::1", "192.0.2.1" }.Select(NetAddress.Parse).ToValueList(), ValueList<NetAddress>.Empty, "claw", null);
        var facts = new FirewallFacts(new Dictionary<string, int> { ["claw"] = 1000 }, ValueList<NetAddress>.Empty, string.Empty);

        var rules = DesiredTable.FromPosture(rule, facts).ToList();

        Assert.Equal(2, rules.Count);
        Assert.Equal("meta skuid 1000 ip daddr { 10.0.0.0/8, 192.0.2.1 } tcp dport { 443, 8443 } accept comment \"egress:api (ipv4)\"", rules[0].Text);
        Assert.Equal("meta skuid 1000 ip6 daddr fd00::1 tcp dport { 443, 8443 } accept comment \"egress:api (ipv6)\"", rules[1].Text);
    }

    [Theory]
    [InlineData("any", "", "")]
    [InlineData("any", "53", "meta l4proto { tcp, udp } th dport 53 accept")]
    [InlineData("udp", "", "meta l4proto udp accept")]
    [InlineData("icmp", "", "meta l4proto { icmp, ipv6-icmp } accept")]
    public void FromPosture_Protocols_RenderAsNftListsThem(string proto, string port, string expected)
    {
        var ports = port.Length == 0 ? ValueList<int>.Empty : new[] { int.Parse(port, System.Globalization.CultureInfo.InvariantCulture) }.ToValueList();
        var rule = new FirewallRule("r", "p", RuleDirection.Inbound, proto, ports, ValueList<NetAddress>.Empty, ValueList<NetAddress>.Empty, null, null);

        var text = Assert.Single(DesiredTable.FromPosture(rule, FirewallFacts.None)).Body;

        Assert.Equal(expected.Length == 0 ? "accept" : expected, text);
    }

    [Theory]
    [InlineData("10.0.0.1", "10.0.0.1")]
    [InlineData("10.0.0.1/32", "10.0.0.1")]
    [InlineData("FD00:0:0::/8", "fd00::/8")]
    [InlineData("2001:db8:0:0:0:0:0:1", "2001:db8::1")]
    public void Parse_WrittenForms_CanonicalAsNftPrintsThem(string written, string canonical) =>
        Assert.Equal(canonical, NetAddress.Parse(written).Text);

    [Theory]
    [InlineData("10")]
    [InlineData("10.0.0.0/33")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("example.org")]
    public void TryParse_NotAnAddressAnyNftWouldTake_Fails(string written) =>
        Assert.False(NetAddress.TryParse(written, out _, out _));

    [Theory]
    [InlineData("https://git.example.com/ops/posture.git", "git.example.com", 443)]
    [InlineData("ssh://git@[2001:db8::5]:2222/ops.git", "2001:db8::5", 2222)]
    [InlineData("git@github.com:ops/posture.git", "github.com", 22)]
    [InlineData("git://10.0.0.5/posture", "10.0.0.5", 9418)]
    public void FromGitUrl_NetworkRemotes_HostAndPort(string url, string host, int port)
    {
        var endpoint = Endpoint.FromGitUrl("git remote", url);

        Assert.Equal((host, port), (endpoint!.Host, endpoint.Port));
    }

    [Theory]
    [InlineData("/srv/git/posture.git")]
    [InlineData("file:///srv/git/posture.git")]
    [InlineData("~/posture")]
    public void FromGitUrl_LocalRemotes_NeedNoNetwork(string url) => Assert.Null(Endpoint.FromGitUrl("git remote", url));

    [Fact]
    public void Set_ExistingDotEnv_ChangesOnlyTheProxyKeys()
    {
        const string current = "# keys\nOPENAI_API_KEY=sk-x\nexport HTTP_PROXY=\"http://old:1\"\n\nOTHER=1\n";

        var updated = global::OpenClaw.Desired.Secrets.DotEnv.Set(global::OpenClaw.Desired.Secrets.DotEnv.Set(current, "HTTP_PROXY", "http://127.0.0.1:3128"), "NO_PROXY", "localhost");

        Assert.Equal("# keys\nOPENAI_API_KEY=sk-x\nHTTP_PROXY=http://127.0.0.1:3128\n\nOTHER=1\nNO_PROXY=localhost\n", updated);
        Assert.Equal("http://old:1", global::OpenClaw.Desired.Secrets.DotEnv.Parse(current).Last(e => e.Name == "HTTP_PROXY").Value);
    }

    [Fact]
    public void Replace_NoDesiredTable_DeletesOnlyTheOwnedTable()
    {
        var script = NftScript.Replace("inet openclaw_desired", null);

        Assert.EndsWith("table inet openclaw_desired\ndelete table inet openclaw_desired\n", script, StringComparison.Ordinal);
        Assert.DoesNotContain("flush ruleset", script, StringComparison.Ordinal);
    }
}
