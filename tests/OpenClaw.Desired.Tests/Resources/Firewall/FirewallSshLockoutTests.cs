using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Resources.Firewall;

/// <summary>An operator on SSH is never locked out: a level that would close the port sshd listens on is refused at apply until acknowledged.</summary>
[Trait("Category", "Integration")]
public sealed class FirewallSshLockoutTests
{
    private const string ClosesSsh = "level: filter\nconfirmTimeout: 4s\ninbound:\n  - name: ssh\n    proto: tcp\n    ports: [22]\negress:\n  - name: https\n    proto: tcp\n    ports: [443]\n";

    [Fact]
    public async Task Apply_SshdOnAPortNoRuleOpens_IsRefusedUntilAcknowledged()
    {
        using var fw = FirewallHost.Create();
        Directory.CreateDirectory(fw.Host.Real("/etc/ssh"));
        File.WriteAllText(fw.Host.Real("/etc/ssh/sshd_config"), "# moved off 22\nPort 2222\nPermitRootLogin no\n");

        var refused = fw.Reconcile(fw.Posture(ClosesSsh));

        Assert.Equal(3, refused.ExitCode);
        Assert.Contains(FirewallHost.Changes(refused), c => c.Outcome == "stalled" && c.Message!.Contains("sshd listens on tcp 2222", StringComparison.Ordinal));
        Assert.Null(await fw.TableAsync());

        var acknowledged = fw.Reconcile(fw.Posture(ClosesSsh + "acknowledgeNoSsh: true\n", name: "acknowledged.yaml"));

        Assert.DoesNotContain(FirewallHost.Changes(acknowledged), c => c.Message?.Contains("sshd listens", StringComparison.Ordinal) == true);
        Assert.NotNull(await fw.TableAsync());
    }
}
