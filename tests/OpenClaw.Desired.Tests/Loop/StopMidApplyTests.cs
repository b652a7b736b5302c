using OpenClaw.Desired.Host;
using OpenClaw.Desired.Loop;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Reconciliation;
using OpenClaw.Desired.Safety;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Loop;

public sealed class StopMidApplyTests
{
    /// <summary>Two changes; the first asks the loop to stop while it is being applied (as SIGTERM would) and then completes.</summary>
    private sealed class StopDuringFirstChangeKind(CancellationTokenSource stop) : IResourceKind
    {
        public List<string> Applied { get; } = [];

        public string Kind => "two-steps";

        public int ApplyOrder => 100;

        public bool AppliesTo(EffectivePosture posture) => true;

        public Task<KindPlan> PlanAsync(EffectivePosture posture, HostContext host, CancellationToken cancellationToken) =>
            Task.FromResult(KindPlan.Of(Kind, new[] { "a", "b" }.Except(Applied).Select(r => new PlannedChange(Kind, r, ChangeAction.Create, "test", null, "present", PostureEffect.Neutral))));

        public async Task<ChangeOutcome> ApplyAsync(PlannedChange change, ApplyContext context, CancellationToken cancellationToken)
        {
            await stop.CancelAsync();
            await Task.Delay(200, CancellationToken.None);
            Applied.Add(change.Resource);
            return ChangeOutcome.Applied(change);
        }
    }

    [Fact]
    public async Task Run_StopRequestedDuringApply_FinishesThatChangeSkipsTheRestAndReturnsZero()
    {
        using var host = ScratchHost.FromDemo();
        var posture = host.WritePosture("apiVersion: openclaw.desired/v1\ntier: basic\nopenclaw:\n  user: claw\n");
        using var stop = new CancellationTokenSource();
        var kind = new StopDuringFirstChangeKind(stop);
        using var http = new HttpClient();
        var run = new ReconcileRun([kind], new ProcessCommandRunner(), TimeProvider.System, http);
        var loop = new ConvergeLoop(run, new LoopOptions { Run = new RunOptions { PosturePath = posture, Root = host.Root, StateDir = host.StateDir }, Interval = TimeSpan.FromHours(1) }, TimeProvider.System, new Random(1));

        var code = await loop.RunAsync(stop.Token);

        Assert.Equal(0, code);
        Assert.Equal(["a"], kind.Applied);
        var report = File.ReadAllText(Path.Combine(host.StateDir, StatusFile.LastReport));
        Assert.Contains("run was stopped before this change", report);
        using (await RunLock.AcquireAsync(host.StateDir, "probe", TimeSpan.Zero, TimeProvider.System, CancellationToken.None))
        {
        }
    }
}
