using System.Diagnostics;
using OpenClaw.Desired.Resources.Firewall;
using OpenClaw.Desired.Safety;
using OpenClaw.Desired.Tests.Support;
using static OpenClaw.Desired.Tests.Resources.Firewall.NetnsPair;

namespace OpenClaw.Desired.Tests.Resources.Firewall;

/// <summary>
/// Commit-confirm on real nft: a change the reconciler cannot confirm (its health target is cut off) comes back
/// out by itself at the deadline, also when the reconciler is killed right after applying, unless confirmed by hand.
/// </summary>
[Trait("Category", "Integration")]
public sealed class FirewallCommitConfirmTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(4);

    // Level filter that only lets https out, while the health target is on port 80: the self-check must fail.
    private const string CutsItsHealthTarget = """
        level: filter
        confirmTimeout: 4s
        egress:
          - name: https
            proto: tcp
            ports: [443]
        """;

    private const string HealthOnPort80 = "monitoring:\n  targets:\n    - name: far-http\n      url: http://10.203.0.2/\n";

    [Fact]
    public async Task Apply_NotConfirmed_PreviousRulesetComesBackByItself()
    {
        using var fw = FirewallHost.Create();
        await fw.AddForeignTableAsync();
        var good = fw.Posture("level: filter\nconfirmTimeout: 4s\negress:\n  - name: web\n    proto: tcp\n    ports: [80, 443]\n", HealthOnPort80, "good.yaml");
        Assert.True(fw.Reconcile(good).ExitCode == 0);
        var before = await fw.Net.RulesetAsync(fw.Net.Near);

        var bad = fw.Reconcile(fw.Posture(CutsItsHealthTarget, HealthOnPort80, "bad.yaml"));

        Assert.Equal(3, bad.ExitCode);
        Assert.Contains("\"result\": \"awaiting-confirmation\"", bad.Stdout);
        Assert.Contains(FirewallHost.Changes(bad), c => c.Outcome == "waiting" && c.Message!.Contains("not confirmed: cannot reach health target 'far-http'", StringComparison.Ordinal));
        var change = Assert.Single(Records(fw), c => c.Decision is null or Decisions.Restored);
        Assert.True(await FirewallHost.EventuallyAsync(async () => await fw.Net.RulesetAsync(fw.Net.Near) == before, Timeout + TimeSpan.FromSeconds(3)), "the previous ruleset did not come back");
        Assert.Equal(Decisions.Restored, CommitConfirm.ReadDecision(change.Directory));
        Assert.True(change.RestoreSucceeded);
        await fw.Net.ExpectAsync(Probe.Pass(fw.Net.Near, FarV4, 80));
        var late = fw.Confirm();
        Assert.Equal(3, late.ExitCode);
        Assert.Contains("was not confirmed", late.Stderr, StringComparison.Ordinal);
        Assert.Empty(FirewallHost.Changes(fw.Reconcile(good, "--dry-run")));
    }

    [Fact]
    public async Task Apply_ReconcilerKilledRightAfterApplying_NoTableAgainWithinTheTimeout()
    {
        using var fw = FirewallHost.Create();
        var foreign = await fw.AddForeignTableAsync();
        var before = await fw.Net.RulesetAsync(fw.Net.Near);
        var posture = fw.Posture(CutsItsHealthTarget, HealthOnPort80);
        var hold = new Dictionary<string, string> { [TestHold.Variable] = "firewall-applied:1" };
        using var process = CliRunner.Start(hold, ["reconcile", .. fw.Host.Args(posture, "--yes", "--no-color")]);
        try
        {
            var held = await FirewallHost.EventuallyAsync(() => Task.FromResult(HeldMarker(fw) is not null), TimeSpan.FromSeconds(60));
            Assert.True(held, "the reconciler never reached the point right after applying");
            Assert.NotNull(await fw.TableAsync());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        var killedAt = Stopwatch.StartNew();
        Assert.True(await FirewallHost.EventuallyAsync(async () => await fw.TableAsync() is null, Timeout + TimeSpan.FromSeconds(3)), "the table stayed after the reconciler died");
        Assert.True(killedAt.Elapsed < Timeout + TimeSpan.FromSeconds(3));
        Assert.Equal(before, await fw.Net.RulesetAsync(fw.Net.Near));
        Assert.Equal(foreign, await fw.Net.NftAsync(fw.Net.Near, "list", "table", "ip", "foreign"));
    }

    [Fact]
    public async Task Confirm_ByHandBeforeTheDeadline_KeepsTheChange()
    {
        using var fw = FirewallHost.Create();
        var posture = fw.Posture(CutsItsHealthTarget, HealthOnPort80);
        Assert.Equal(3, fw.Reconcile(posture).ExitCode);
        var applied = await fw.TableAsync();
        Assert.Contains("change ", Assert.Single(FirewallHost.Changes(fw.Reconcile(posture, "--dry-run")), c => c.Action == "manual").Resource, StringComparison.Ordinal);

        var confirm = fw.Confirm();

        Assert.True(confirm.ExitCode == 0, confirm.All);
        Assert.Contains("confirmed firewall change", confirm.Stdout, StringComparison.Ordinal);
        var deadline = Assert.Single(Records(fw)).Deadline;
        await Task.Delay((deadline - DateTimeOffset.UtcNow) + TimeSpan.FromSeconds(1.5));
        Assert.Equal(applied, await fw.TableAsync());
        Assert.Empty(FirewallHost.Changes(fw.Reconcile(posture, "--dry-run")));
        Assert.Contains("nothing awaits confirmation", fw.Confirm().Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfirmRestore_WhileAwaiting_PutsThePreviousRulesetBackNow()
    {
        using var fw = FirewallHost.Create();
        var first = fw.Posture("level: filter\nconfirmTimeout: 8s\negress:\n  - name: web\n    proto: tcp\n    ports: [80]\n", HealthOnPort80, "first.yaml");
        Assert.True(fw.Reconcile(first).ExitCode == 0);
        var before = await fw.Net.RulesetAsync(fw.Net.Near);
        var second = fw.Posture(CutsItsHealthTarget.Replace("4s", "8s", StringComparison.Ordinal), HealthOnPort80, "second.yaml");
        Assert.Equal(3, fw.Reconcile(second).ExitCode);
        Assert.NotEqual(before, await fw.Net.RulesetAsync(fw.Net.Near));

        var restore = fw.Confirm("--restore");

        Assert.True(restore.ExitCode == 0, restore.All);
        Assert.Equal(before, await fw.Net.RulesetAsync(fw.Net.Near));
        var record = Assert.Single(Records(fw), c => c.Decision == Decisions.RestoredByOperator);
        Assert.True(record.RestoreSucceeded);
    }

    private static IReadOnlyList<PendingChange> Records(FirewallHost fw) =>
        new CommitConfirm(new Desired.Host.HostRoot(fw.Host.Root), new Desired.Host.ProcessCommandRunner(), TimeProvider.System).All();

    private static string? HeldMarker(FirewallHost fw)
    {
        var directory = fw.Host.Real(CommitConfirm.HostDirectory);
        return Directory.Exists(directory) ? Directory.GetFiles(directory, TestHold.MarkerName, SearchOption.AllDirectories).FirstOrDefault() : null;
    }
}
