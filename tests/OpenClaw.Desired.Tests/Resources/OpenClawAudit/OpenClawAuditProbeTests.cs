using Newtonsoft.Json.Linq;
using OpenClaw.Desired.Resources.OpenClawAudit;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Resources.OpenClawAudit;

/// <summary>OpenClaw's own audit as a probe, against a fake OpenClaw CLI fed with a report in its documented shape.</summary>
public sealed class OpenClawAuditProbeTests
{
    private static string Posture(ScratchHost host, string openclaw = "") => host.WritePosture($"""
        apiVersion: openclaw.desired/v1
        tier: standard
        openclaw:
          user: claw
        {openclaw}
        sandboxes:
          openclaw:
            mode: off
        agent:
          gateway:
            token: {"{"}env: GW{"}"}
        """);

    private static List<JToken> Findings(CliResult result) => JObject.Parse(result.Stdout)["findings"]!.Where(f => (string?)f["kind"] == "openclaw").ToList();

    [Fact]
    public void Installed_FindingsTheReconcilerDoesNotCover_AreCarriedUnderTheirOwnIds()
    {
        using var host = ScratchHost.FromDemo();
        FakeOpenClawCli.Install(host);
        Environment.SetEnvironmentVariable(FakeOpenClawCli.Canary, "reconciler-secret-canary");

        var dry = CliRunner.Run(["reconcile", .. host.Args(Posture(host), "--dry-run", "--output", "json")]);

        var findings = Findings(dry);
        var rules = findings.Select(f => (string)f["rule"]!).ToList();
        Assert.Equal(["channels.telegram.warning.1", "future.upstream_check", "gateway.probe_failed", "sandbox.browser_container.non_loopback_publish"], rules.Order(StringComparer.Ordinal));
        // Converged by the reconciler itself: its own plan speaks for it, OpenClaw's finding is not repeated.
        Assert.DoesNotContain("gateway.tailscale_funnel", rules);
        var publish = findings.Single(f => (string?)f["rule"] == "sandbox.browser_container.non_loopback_publish");
        Assert.Equal("critical", (string?)publish["severity"]);
        Assert.Contains("Fix: openclaw sandbox recreate --browser --all", (string?)publish["why"]);
        Assert.Contains("does not know", (string?)findings.Single(f => (string?)f["rule"] == "future.upstream_check")["why"]);
        var probe = (string)findings.Single(f => (string?)f["rule"] == "gateway.probe_failed")["why"]!;
        Assert.Contains("canary=absent", probe);
        Assert.DoesNotContain("reconciler-secret-canary", dry.All);
        Assert.Contains($"state={host.Real("/home/claw/.openclaw")}", probe);
        if (Environment.IsPrivilegedProcess)
        {
            Assert.Contains("uid=1000 ", probe); // claw, from the host's passwd: never root
        }
    }

    [Fact]
    public void Installed_ButTooSlow_IsStoppedAndSaidSo()
    {
        using var host = ScratchHost.FromDemo();
        FakeOpenClawCli.Install(host, sleepSeconds: 30);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var dry = CliRunner.Run(["reconcile", .. host.Args(Posture(host, "  auditTimeout: 2s"), "--dry-run", "--output", "json")]);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(25), $"took {watch.Elapsed}");
        var failed = Assert.Single(Findings(dry));
        Assert.Equal(UpstreamFindings.FailedRule, (string?)failed["rule"]);
        Assert.Contains("did not finish within 2s", (string?)failed["why"]);
    }

    [Fact]
    public void Absent_IsSaidOnce()
    {
        using var host = ScratchHost.FromDemo();

        var dry = CliRunner.Run(["reconcile", .. host.Args(Posture(host), "--dry-run", "--output", "json")]);

        var absent = Assert.Single(Findings(dry));
        Assert.Equal(UpstreamFindings.NotInstalledRule, (string?)absent["rule"]);
        Assert.Contains("/usr/local/bin/openclaw", (string?)absent["why"]);
    }

    [Fact]
    public void Parse_TakesOpenClawsDocumentedShape_AfterABanner()
    {
        var findings = AuditCli.Parse("banner line\n{\"ts\":1,\"summary\":{\"critical\":0,\"warn\":1,\"info\":0},\"findings\":[{\"checkId\":\"fs.synced_dir\",\"severity\":\"warn\",\"title\":\"t\",\"detail\":\"d\"}]}");

        var finding = Assert.Single(findings!);
        Assert.Equal(new UpstreamFinding("fs.synced_dir", "warn", "t", "d", null), finding);
        Assert.Null(AuditCli.Parse("Error: config invalid"));
        Assert.Null(AuditCli.Parse("{\"not\": \"a report\"}"));
    }
}
