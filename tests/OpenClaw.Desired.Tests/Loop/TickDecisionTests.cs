using OpenClaw.Desired.Loop;
using OpenClaw.Desired.Reporting;

namespace OpenClaw.Desired.Tests.Loop;

public sealed class TickDecisionTests
{
    private const string Commit = "1111111111111111111111111111111111111111";

    private static RunReport Plan(string? lastApplied, params ChangeReport[] changes) => new()
    {
        RunId = "r",
        Mode = "dry-run",
        ToolVersion = "t",
        StartedAt = DateTimeOffset.UnixEpoch,
        Result = changes.Length > 0 ? "changes" : "in-sync",
        ExitCode = changes.Length > 0 ? ExitCodes.Changes : ExitCodes.Ok,
        Host = new HostInfo("/", null, null),
        Posture = new PostureInfo("posture.yaml", "sha256:d", "standard", new SourceInfo("repo", "main", Commit, DateTimeOffset.UnixEpoch, "a") { LastApplied = lastApplied }),
        Changes = changes,
    };

    private static ChangeReport Change(string action = "update", string after = "always") =>
        new("agent", "tools.exec.ask", action, "why", "off", after, "tightens");

    [Fact]
    public void For_AppliedRevisionAndNoDrift_DoesNothing() =>
        Assert.False(TickDecision.For(Plan(Commit), null, false, false).Apply);

    [Fact]
    public void For_NewRevision_AppliesEvenWithoutDrift()
    {
        var decision = TickDecision.For(Plan("2222222222222222222222222222222222222222"), null, false, false);

        Assert.True(decision.Apply);
        Assert.Equal("new revision 111111111111", decision.Why);
    }

    [Fact]
    public void For_Drift_Applies() =>
        Assert.True(TickDecision.For(Plan(Commit, Change()), null, false, false).Apply);

    [Fact]
    public void For_OnlyManualChanges_IsNotDriftButNotInSyncEither()
    {
        var decision = TickDecision.For(Plan(Commit, Change(action: "manual")), null, false, false);

        Assert.False(decision.Apply);
        Assert.Equal("nothing to apply; 1 manual action(s) need a human", decision.Why);
    }

    [Fact]
    public void For_EmptyPlan_IsInSync() =>
        Assert.Equal("in sync", TickDecision.For(Plan(Commit), null, false, false).Why);

    [Theory]
    [InlineData(true, false, "not applied: detect-only")]
    [InlineData(false, true, "not applied: suspended")]
    public void For_DriftWhileDetectOnlyOrSuspended_ReportsWithoutApplying(bool detectOnly, bool suspended, string why)
    {
        var decision = TickDecision.For(Plan(Commit, Change()), null, detectOnly, suspended);

        Assert.False(decision.Apply);
        Assert.EndsWith(why, decision.Why);
    }

    [Fact]
    public void For_StalledChangeAtSameRevision_IsNotRetried()
    {
        var previous = new LoopStatus { Stalled = [new StalledChange("agent/tools.exec.ask", "always", Commit, DateTimeOffset.UnixEpoch, "needs a human")] };

        var same = TickDecision.For(Plan(Commit, Change()), previous, false, false);
        var otherTarget = TickDecision.For(Plan(Commit, Change(after: "on-miss")), previous, false, false);

        Assert.False(same.Apply);
        Assert.Equal("nothing to apply; 1 stalled change(s) need a human", same.Why);
        Assert.True(otherTarget.Apply);
    }

    [Fact]
    public void For_RefusedRevision_WaitsForANewOne()
    {
        var previous = new LoopStatus { RefusedRevision = Commit };

        var decision = TickDecision.For(Plan(null, Change()), previous, false, false);

        Assert.False(decision.Apply);
        Assert.Contains("was refused", decision.Why);
    }
}
