using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Resources.Firewall;
using OpenClaw.Desired.Source;

namespace OpenClaw.Desired.Tests.Resources.Firewall;

/// <summary>Widening a rule is a loosening, with its own reason; in the host's plan and in a posture's pull request.</summary>
public sealed class RuleWidthTests
{
    private static string[] Rule(string body) => [.. body.Split(" ; "), "accept"];

    [Theory]
    [InlineData("tcp dport 443", "tcp dport { 443, 80 }", PostureEffect.Loosens)]
    [InlineData("tcp dport { 443, 80 }", "tcp dport 443", PostureEffect.Tightens)]
    [InlineData("ip daddr 10.0.0.1 ; tcp dport 443", "ip daddr 10.0.0.0/24 ; tcp dport 443", PostureEffect.Loosens)]
    [InlineData("ip daddr 10.0.0.0/24 ; tcp dport 443", "ip daddr 10.0.0.7 ; tcp dport 443", PostureEffect.Tightens)]
    [InlineData("ip daddr 10.0.0.1 ; tcp dport 443", "tcp dport 443", PostureEffect.Loosens)]
    [InlineData("tcp dport 443", "meta l4proto { tcp, udp } ; th dport 443", PostureEffect.Loosens)]
    [InlineData("meta skuid 1000 ; tcp dport 443", "tcp dport 443", PostureEffect.Loosens)]
    [InlineData("tcp dport 443", "tcp dport 443", PostureEffect.Neutral)]
    [InlineData("tcp dport 443", "tcp dport 8443", PostureEffect.Loosens)]
    public void Effect_OfAnAcceptRuleChange(string before, string after, PostureEffect effect) =>
        Assert.Equal(effect, RuleWidth.Effect(Rule(before), Rule(after)));

    [Fact]
    public void Widened_SaysWhatIsAdmitted() =>
        Assert.Equal("widens the rule: port also 80", RuleWidth.Widened(Rule("tcp dport 443"), Rule("tcp dport { 443, 80 }")));

    [Theory]
    [InlineData("firewall.egress[https].ports", "[443]", "[443, 80]", "loosens")]
    [InlineData("firewall.egress[https].ports", "[443, 80]", "[443]", "tightens")]
    [InlineData("firewall.egress[https].ports", "[443]", null, "loosens")]
    [InlineData("firewall.egress[db].to", "[10.0.0.5]", "[10.0.0.0/16]", "loosens")]
    [InlineData("firewall.inbound[ssh].from", "[192.168.1.0/24]", "[192.168.1.10]", "tightens")]
    [InlineData("firewall.egress[dns].proto", "udp", "any", "loosens")]
    [InlineData("firewall.egress[web].name", null, "web", "loosens")]
    [InlineData("firewall.egress[web].name", "web", null, "tightens")]
    [InlineData("sandboxes.openclaw.workspaceAccess", "none", "ro", "loosens")]
    [InlineData("sandboxes.openclaw.workspaceAccess", "ro", "rw", "loosens")]
    [InlineData("sandboxes.defaults.workspace", "ro", "rw", "loosens")]
    [InlineData("sandboxes.skills.weather.network", "none", "bridge", "loosens")]
    [InlineData("sandboxes.defaults.capAdd", "[NET_BIND_SERVICE]", "[NET_BIND_SERVICE, SYS_ADMIN]", "loosens")]
    [InlineData("sandboxes.defaults.memory", "512m", "2g", "loosens")]
    [InlineData("sandboxes.audit.block", "high", "critical", "loosens")]
    [InlineData("secrets.scan.exclude", "[a]", "[a, b]", "loosens")]
    public void PostureDiff_AdmittingMore_Loosens(string path, string? before, string? after, string effect)
    {
        var changes = new PostureChangeEffects().Of(path, before, after);

        Assert.Equal(effect, changes);
    }

    private sealed class PostureChangeEffects
    {
        public string Of(string path, string? before, string? after) => PostureEffects.Of(path, before, after).ToString().ToLowerInvariant();
    }
}
