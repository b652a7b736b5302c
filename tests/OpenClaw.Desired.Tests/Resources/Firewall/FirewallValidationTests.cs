using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Resources.Firewall;

/// <summary>Contradictions and self-lockout are rejected before anything runs, as file:line:col diagnostics naming the rule.</summary>
public sealed class FirewallValidationTests
{
    private const string Head = "apiVersion: openclaw.desired/v1\ntier: basic\n";

    [Theory]
    [InlineData("firewall:\n  level: airgap\n  egress:\n    - name: web\n      ports: [443]\n",
        "posture.yaml:6:7: rule 'web': level airgap lets nothing out but loopback and the Git remote; remove the rule or choose level filter (firewall.egress[0])")]
    [InlineData("firewall:\n  level: filter\n  egress:\n    - name: ping\n      proto: icmp\n      ports: [7]\n",
        "posture.yaml:8:7: rule 'ping': icmp has no ports; use proto tcp, udp or any (firewall.egress[0].ports)")]
    [InlineData("firewall:\n  level: filter\n  egress:\n    - name: lan\n      to: [10.1.2.3/8]\n",
        "posture.yaml:7:12: rule 'lan': '10.1.2.3/8' has host bits set; did you mean 10.0.0.0/8? (firewall.egress[0].to[0])")]
    [InlineData("firewall:\n  level: filter\n  egress:\n    - name: lan\n      to: [10.0.0.0/8, 10.1.0.0/16]\n",
        "posture.yaml:7:24: rule 'lan': '10.1.0.0/16' overlaps '10.0.0.0/8'; list the larger block only (firewall.egress[0].to[1])")]
    [InlineData("firewall:\n  level: filter\n  egress:\n    - name: all\n      ports: [443]\n      to: [\"::/0\"]\n",
        "posture.yaml:8:12: rule 'all': '::/0' matches every address; leave the list out instead (firewall.egress[0].to[0])")]
    [InlineData("firewall:\n  level: filter\n  egress:\n    - name: api\n      to: [api.example.com]\n",
        "posture.yaml:7:12: rule 'api': 'api.example.com' is not an IPv4 or IPv6 address or CIDR block (rules match addresses, not names) (firewall.egress[0].to[0])")]
    [InlineData("firewall:\n  level: filter\n  egress:\n    - name: everything\n",
        "posture.yaml:6:7: rule 'everything' matches all outbound traffic, so level filter would filter nothing; narrow it or choose level off (firewall.egress[0])")]
    [InlineData("firewall:\n  level: filter\n  inbound:\n    - name: ssh\n      ports: [22]\n      user: claw\n",
        "posture.yaml:8:13: rule 'ssh': user matches the process that sends a packet, so it applies to egress rules only (firewall.inbound[0].user)")]
    [InlineData("firewall:\n  level: filter\n  egress:\n    - name: mixed\n      to: [\"fd00::1\"]\n      from: [10.0.0.1]\n",
        "posture.yaml:8:7: rule 'mixed' can never match: its 'from' and 'to' addresses are of different IP versions (firewall.egress[0].from)")]
    [InlineData("firewall:\n  level: filter\n  inbound:\n    - name: gw\n      ports: [22, 18789]\n",
        "posture.yaml:7:19: rule 'gw' opens the gateway port 18789, but agent.gateway.bind is loopback: the gateway stays on loopback unless the posture binds it wider (firewall.inbound[0].ports[1])")]
    [InlineData("firewall:\n  level: proxy\n",
        "posture.yaml:4:10: level proxy needs firewall.proxy.user: the user the egress proxy runs as, the only one let out (firewall.level)")]
    [InlineData("firewall:\n  level: proxy\n  proxy:\n    user: squid\n    listen: 10.0.0.5:3128\n",
        "posture.yaml:7:13: the proxy must listen on loopback (127.0.0.1 or ::1), not 10.0.0.5: everyone but the proxy reaches only loopback (firewall.proxy.listen)")]
    [InlineData("firewall:\n  level: proxy\n  proxy:\n    user: squid\n  egress:\n    - name: direct\n      ports: [443]\n",
        "posture.yaml:8:7: rule 'direct' lets every process out, but at level proxy only the proxy's user reaches the internet; give the rule a user or cgroup, or only private 'to' addresses (firewall.egress[0])")]
    [InlineData("firewall:\n  level: filter\n  confirmTimeout: 0s\n",
        "posture.yaml:5:19: a confirm timeout under 1s would roll back every change before it can be confirmed (firewall.confirmTimeout)")]
    [InlineData("firewall:\n  level: airgap\n  dns:\n    resolvers: [9.9.9.9]\n",
        "posture.yaml:6:5: level airgap sends no DNS out; resolvers are only allowed to resolve the reconciler's Git remote by name (firewall.dns.resolvers)")]
    public void Load_Contradiction_IsRejectedNamingTheRule(string firewall, string expected)
    {
        var result = PostureLoader.LoadText("posture.yaml", Head + firewall);

        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.Errors.Select(e => e.ToString()));
    }

    [Theory]
    [InlineData("level: airgap\n  allowGitRemote: false\n", "level airgap with allowGitRemote: false cuts the reconciler off from its own Git remote (source.repo, git.example.com:443)")]
    [InlineData("level: filter\n  allowGitRemote: false\n  egress:\n    - name: ssh\n      proto: tcp\n      ports: [22]\n", "allowGitRemote: false and no egress rule lets root reach it: level filter cuts the reconciler off")]
    [InlineData("level: proxy\n  allowGitRemote: false\n  proxy:\n    user: squid\n", "allowGitRemote: false and there are no egress rules: level proxy cuts the reconciler off")]
    [InlineData("level: filter\n  allowGitRemote: false\n  egress:\n    - name: web\n      proto: tcp\n      ports: [443]\n      user: claw\n", "no egress rule lets root reach it")]
    public void Load_RulesCutTheReconcilerOffItsGitRemote_IsRejected(string firewall, string expected)
    {
        var yaml = $"{Head}source:\n  repo: https://git.example.com/ops/posture.git\nfirewall:\n  {firewall}";

        var result = PostureLoader.LoadText("posture.yaml", yaml);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors, e => e.Message.Contains(expected, StringComparison.Ordinal));
        Assert.Equal("firewall.allowGitRemote", error.Path);
        Assert.Matches(@"^posture\.yaml:\d+:\d+: ", error.ToString());
    }

    [Theory]
    [InlineData("level: filter\n  allowGitRemote: false\n  egress:\n    - name: web\n      proto: tcp\n      ports: [443]\n")]
    [InlineData("level: filter\n  allowGitRemote: false\n  egress:\n    - name: git\n      proto: tcp\n      ports: [443]\n      to: [192.0.2.10]\n      user: root\n")]
    [InlineData("level: airgap\n  allowGitRemote: true\n  inbound:\n    - name: ssh\n      proto: tcp\n      ports: [22]\n")]
    public void Load_GitRemoteStillReachable_IsAccepted(string firewall)
    {
        var yaml = $"{Head}source:\n  repo: https://192.0.2.10/ops/posture.git\nfirewall:\n  {firewall}";

        var result = PostureLoader.LoadText("posture.yaml", yaml);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void Load_AirgapWithHealthTargetBeyondLoopback_IsRejectedBecauseItCouldNeverConfirm()
    {
        var yaml = $"{Head}firewall:\n  level: airgap\nmonitoring:\n  targets:\n    - name: status\n      url: https://status.example.com/\n";

        var result = PostureLoader.LoadText("posture.yaml", yaml);

        var error = Assert.Single(result.Errors);
        Assert.Equal("monitoring.targets[0]", error.Path);
        Assert.Contains("every firewall change would be rolled back", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DuplicateRuleName_IsRejected()
    {
        var yaml = $"{Head}firewall:\n  level: filter\n  egress:\n    - name: web\n      ports: [80]\n    - name: web\n      ports: [443]\n";

        var error = Assert.Single(PostureLoader.LoadText("posture.yaml", yaml).Errors);

        Assert.Equal("posture.yaml:8:13: duplicate rule name 'web' (firewall.egress[1].name)", error.ToString());
    }

    [Theory]
    [InlineData("basic")]
    [InlineData("standard")]
    [InlineData("paranoid")]
    public void Load_ShippedExamples_HaveNoFirewallProblems(string tier)
    {
        var result = PostureLoader.LoadFile(RepoPaths.Posture(tier));

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.DoesNotContain(result.Diagnostics, d => d.Path?.StartsWith("firewall", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void Validate_Contradiction_PrintsTheDiagnosticWithoutStackTrace()
    {
        using var host = ScratchHost.Empty();
        var posture = host.WritePosture($"{Head}firewall:\n  level: airgap\n  egress:\n    - name: web\n      ports: [443]\n");

        var result = CliRunner.Run("validate", "--posture", posture);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("posture.yaml:6:7: rule 'web': level airgap", result.All, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.All, StringComparison.Ordinal);
    }
}
