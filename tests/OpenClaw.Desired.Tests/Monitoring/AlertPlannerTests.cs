using OpenClaw.Desired.Monitoring.Alerts;
using OpenClaw.Desired.Monitoring.Health;

namespace OpenClaw.Desired.Tests.Monitoring;

/// <summary>What a channel is told: on change, after the repeat interval, on recovery; nothing in a steady state.</summary>
public sealed class AlertPlannerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Repeat = TimeSpan.FromHours(4);

    private static HealthCheckResult Check(string name, HealthStatus status) => new(name, status, 1, 0, "x", $"{name} is {status}");

    private static IReadOnlyList<AlertEvent> Plan(IReadOnlyList<HealthCheckResult> results, Dictionary<string, Notified> told, DateTimeOffset now, bool recovery = true) =>
        AlertPlanner.Plan(results, new Dictionary<string, CheckMemory>(), told, now, Repeat, recovery);

    [Fact]
    public void ANewFailure_IsAnAlert_AndAHealthyRunSaysNothing()
    {
        Assert.Empty(Plan([Check("disk", HealthStatus.Ok)], [], T0));

        var events = Plan([Check("disk", HealthStatus.Failed), Check("memory", HealthStatus.Ok)], [], T0);

        var alert = Assert.Single(events);
        Assert.Equal(("disk", AlertEventKinds.Alert, "failed"), (alert.Check, alert.Kind, alert.Status));
    }

    [Fact]
    public void AFailureAlreadyTold_IsSilentUntilTheRepeatInterval_ThenReminded()
    {
        var told = new Dictionary<string, Notified> { ["disk"] = new("failed", T0) };

        Assert.Empty(Plan([Check("disk", HealthStatus.Failed)], told, T0 + Repeat - TimeSpan.FromSeconds(1)));
        Assert.Equal(AlertEventKinds.Reminder, Assert.Single(Plan([Check("disk", HealthStatus.Failed)], told, T0 + Repeat)).Kind);
    }

    [Fact]
    public void FailedTurningUnknown_IsToldAgain()
    {
        var told = new Dictionary<string, Notified> { ["cron"] = new("failed", T0) };

        var e = Assert.Single(Plan([Check("cron", HealthStatus.Unknown)], told, T0.AddMinutes(5)));

        Assert.Equal((AlertEventKinds.Alert, "unknown", "failed"), (e.Kind, e.Status, e.Previous));
    }

    [Fact]
    public void ARecovery_IsToldOnce_UnlessSwitchedOff()
    {
        var told = new Dictionary<string, Notified> { ["disk"] = new("failed", T0) };
        var results = new[] { Check("disk", HealthStatus.Ok) };

        var recovery = Assert.Single(Plan(results, told, T0.AddMinutes(5)));
        var after = AlertPlanner.Told(told, results, [recovery], T0.AddMinutes(5));

        Assert.Equal(AlertEventKinds.Recovery, recovery.Kind);
        Assert.Empty(after);
        Assert.Empty(Plan(results, after, T0.AddMinutes(10)));
        Assert.Empty(Plan(results, told, T0.AddMinutes(5), recovery: false));
    }

    [Fact]
    public void Told_RemembersWhatWasSaidAndWhen()
    {
        var results = new[] { Check("disk", HealthStatus.Failed) };
        var events = Plan(results, [], T0);

        var after = AlertPlanner.Told(new Dictionary<string, Notified>(), results, events, T0);

        Assert.Equal(new Notified("failed", T0), after["disk"]);
    }
}
