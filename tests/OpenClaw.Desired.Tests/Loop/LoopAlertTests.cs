using OpenClaw.Desired.Incidents;
using OpenClaw.Desired.Loop;
using OpenClaw.Desired.Reconciliation;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Loop;

/// <summary>The loop alerts through the incident notifier: once when the score falls below its target, once per new set of files changed outside the reconciler.</summary>
public sealed class LoopAlertTests
{
    [Fact]
    public async Task Loop_AlertsOnceWhenBelowTarget_AndOncePerNewDrift_AcrossRestarts()
    {
        using var host = ScratchHost.FromDemo();
        var posture = host.WritePosture(Postures.AgentOnly().Replace("target: 0", "target: 9.5", StringComparison.Ordinal));
        var notifier = new RecordingIncidentNotifier();
        using var http = new HttpClient();
        ConvergeLoop Loop() => new(new ReconcileRun(ResourceKinds.All(), new global::OpenClaw.Desired.Host.ProcessCommandRunner(), TimeProvider.System, http),
            new LoopOptions { Run = new RunOptions { PosturePath = posture, Root = host.Root, StateDir = host.StateDir }, Once = true }, TimeProvider.System, new Random(1))
        { Notifier = notifier };

        await Loop().RunAsync(CancellationToken.None);
        await Loop().RunAsync(CancellationToken.None);

        var below = Assert.Single(notifier.Alerts);
        Assert.Equal(IncidentKind.ScoreBelowTarget, below.Kind);
        Assert.Contains("below its target 9.5", below.Title, StringComparison.Ordinal);

        File.AppendAllText(host.Real("/home/claw/.openclaw/workspace/SOUL.md"), "\nnew orders\n");
        await Loop().RunAsync(CancellationToken.None);
        await Loop().RunAsync(CancellationToken.None);

        var drift = Assert.Single(notifier.Alerts, a => a.Kind == IncidentKind.IntegrityDrift);
        Assert.Contains(drift.Lines, l => l.StartsWith("/home/claw/.openclaw/workspace/SOUL.md: ", StringComparison.Ordinal));
        Assert.Single(notifier.Alerts, a => a.Kind == IncidentKind.ScoreBelowTarget);
    }
}
