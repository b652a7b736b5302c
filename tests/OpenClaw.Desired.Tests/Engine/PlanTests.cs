using Newtonsoft.Json.Linq;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.OpenClaw;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Redaction;
using OpenClaw.Desired.Reconciliation;
using OpenClaw.Desired.Resources;
using OpenClaw.Desired.Resources.AgentControls;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Engine;

public sealed class PlanTests
{
    private static EffectivePosture Load(string yaml)
    {
        var result = PostureLoader.LoadText("posture.yaml", yaml);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Posture!;
    }

    private static ConfigObservation Observed(string json) =>
        new("/home/claw/.openclaw/openclaw.json", OpenClawConfig.Parse(json), true, null, new SecretRedactor().Fingerprint);

    [Fact]
    public void Diff_IsPureAndStable_TwoPlansOfTheSameStateAreEqual()
    {
        var posture = Load(Postures.AgentOnly());
        var kind = new AgentControlsKind();
        var observed = new AgentObservation(Observed(File.ReadAllText(Path.Combine(RepoPaths.DemoHost, "home/claw/.openclaw/openclaw.json"))), null, null);

        var first = kind.Diff(posture, observed);
        var second = kind.Diff(posture, observed);

        Assert.Equal(first, second);
        Assert.Equal(first.Changes.Select(c => c.Resource).ToList(), first.Changes.Select(c => c.Resource).Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void Diff_ConvergedConfig_HasNoChanges()
    {
        var posture = Load(Postures.AgentOnly(agent: "  gateway:\n    token: {env: GW}\n"));
        var config = OpenClawConfig.Parse("{}");
        var planned = new AgentControlsKind().Diff(posture, new AgentObservation(Observed(config.ToJson()), "${GW}", null));
        foreach (var edit in planned.Changes.Select(c => c.Payload).OfType<JsonEdit>())
        {
            config.Set(edit.Pointer, edit.NewValueJson is null ? null : JToken.Parse(edit.NewValueJson));
        }

        var plan = new AgentControlsKind().Diff(posture, new AgentObservation(Observed(config.ToJson()), "${GW}", null));

        Assert.Empty(plan.Changes);
        Assert.Empty(plan.Unknowns);
    }

    [Fact]
    public void Diff_UnsetKeyEqualToOpenClawDefault_IsNotAChangeUnlessExplicit()
    {
        var posture = Load(Postures.AgentOnly());

        var plan = new AgentControlsKind().Diff(posture, new AgentObservation(Observed("{}"), null, null));
        var resources = plan.Changes.Select(c => c.Resource).ToList();

        Assert.DoesNotContain("logging.redactSensitive", resources); // OpenClaw's default is already "tools"
        Assert.DoesNotContain("gateway.bind", resources);             // default loopback
        Assert.Contains("tools.exec.security", resources);            // default changed across versions: always written
        Assert.Contains("tools.exec.ask", resources);
    }

    [Theory]
    [InlineData("full", "allowlist", PostureEffect.Tightens)]
    [InlineData("deny", "allowlist", PostureEffect.Loosens)]
    [InlineData(null, "allowlist", PostureEffect.Tightens)]
    [InlineData("allowlist", "allowlist", PostureEffect.Neutral)]
    public void Effects_Ranked_JudgesDirection(string? current, string desired, PostureEffect expected)
    {
        var effect = Effects.Ranked("full", "full", "allowlist", "deny");

        Assert.Equal(expected, effect(current is null ? null : new JValue(current), new JValue(desired)));
    }

    [Fact]
    public void Diff_SecretControl_ShowsFingerprintsOnly()
    {
        var control = new ConfigControl("/gateway/auth/token", "new-token-value-123", "gateway token", Effects.Neutral, Secret: true);

        var change = control.Diff("agent", Observed("{gateway: {auth: {token: 'old-token-value-456'}}}"))!;

        Assert.StartsWith("fp:", change.Before);
        Assert.StartsWith("fp:", change.After);
        Assert.NotEqual(change.Before, change.After);
        Assert.DoesNotContain("token-value", change.Before + change.After + change.Reason);
    }

    [Fact]
    public async Task Reconciler_ProbesConcurrentlyAndOrdersKindsByApplyOrder()
    {
        var slow = new GateKind("slow", 20);
        var fast = new GateKind("fast", 10);
        var reconciler = new Reconciler([slow, fast]);
        using var host = ScratchHost.FromDemo();
        using var http = new HttpClient();
        var context = new HostContext(new HostRoot(host.Root), new ProcessCommandRunner(), TimeProvider.System, http, new SecretRedactor());

        var planning = reconciler.PlanAsync(Load(Postures.AgentOnly()), context, null, CancellationToken.None);
        // Both probes must be in flight at once: each waits for the other to have started.
        var plan = await planning.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["fast", "slow"], plan.Kinds.Select(k => k.Kind));
        Assert.Equal(["fast", "slow"], reconciler.Kinds.Select(k => k.Kind));
    }

    /// <summary>A kind whose probe only finishes once every GateKind has started probing.</summary>
    private sealed class GateKind(string name, int order) : IResourceKind
    {
        private static readonly TaskCompletionSource BothStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private static int started;

        public string Kind => name;

        public int ApplyOrder => order;

        public bool AppliesTo(EffectivePosture posture) => true;

        public async Task<KindPlan> PlanAsync(EffectivePosture posture, HostContext host, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref started) == 2)
            {
                BothStarted.SetResult();
            }

            await BothStarted.Task;
            return KindPlan.Of(name, []);
        }

        public Task<ChangeOutcome> ApplyAsync(PlannedChange change, ApplyContext context, CancellationToken cancellationToken) =>
            Task.FromResult(ChangeOutcome.Skipped(change, "nothing"));
    }
}
