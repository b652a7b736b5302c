using OpenClaw.Desired.Monitoring.Health;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Resources.Backups;

namespace OpenClaw.Desired.Resources.Monitoring;

/// <summary>Test: the changes that bring monitoring to the posture. Pure: reads only the observation.</summary>
public static class MonitoringDiff
{
    public static KindPlan Diff(MonitoringObservation observed)
    {
        const string Kind = MonitoringKind.Name;
        var changes = new List<PlannedChange>();
        var unknowns = new List<UnknownState>();
        if (observed.Settings.Telemetry is { } telemetry && observed.Config is { } config)
        {
            if (config.Unknown is { } why)
            {
                unknowns.Add(new UnknownState(Kind, "telemetry", why));
            }
            else
            {
                changes.AddRange(TelemetryControls.For(telemetry, config.Config!).Select(c => c.Diff(Kind, config)).OfType<PlannedChange>());
                changes.AddRange(TelemetryControls.Conflicts(Kind, telemetry, config.Config!));
            }
        }

        foreach (var file in observed.WantedSchedule)
        {
            var installed = observed.InstalledSchedule.First(f => f.HostPath == file.HostPath);
            var resource = $"schedule/{file.Name}";
            if (installed.Content is null)
            {
                changes.Add(Change(resource, ChangeAction.Create, "the health checks are not scheduled", "absent", file.IsTimer ? "installed, enabled" : "installed", new ScheduleWrite(file)));
            }
            else if (installed.Content != file.Content)
            {
                changes.Add(Change(resource, ChangeAction.Update, "the schedule file differs from the posture", "differs", "as the posture says", new ScheduleWrite(file)));
            }
            else if (file.IsTimer && !installed.Enabled)
            {
                changes.Add(Change(resource, ChangeAction.Update, "the timer is not enabled", "disabled", "enabled", new ScheduleWrite(file)));
            }
        }

        foreach (var stray in observed.ScheduleStrays)
        {
            var moved = observed.WantedSchedule.Count > 0;
            changes.Add(new PlannedChange(Kind, $"schedule/{stray[(stray.LastIndexOf('/') + 1)..]}", ChangeAction.Quarantine,
                moved ? "the health checks moved to the other scheduler" : "a health schedule the posture no longer asks for",
                "installed", "quarantined", moved ? PostureEffect.Neutral : PostureEffect.Loosens, new ScheduleRemove(stray)));
        }

        if (observed.BrowsersUnknown is { } browsersWhy)
        {
            unknowns.Add(new UnknownState(Kind, "browsers", browsersWhy));
        }

        foreach (var browser in observed.Orphans)
        {
            var processes = browser.Processes.Select(p => new ProcessIdentity(p.Pid, p.StartTicks)).ToList();
            changes.Add(Change($"browser/{browser.Main.Pid}", ChangeAction.Remove,
                $"an orphaned headless browser of {observed.AgentUser}: no OpenClaw process owns it, it has run {BrowsersCheck.Age(browser.Age)}",
                $"running ({browser.Main.Program}, {browser.Processes.Count} processes)", "ended", new ReapBrowser(observed.AgentUid ?? -1, processes)));
        }

        return KindPlan.Of(Kind, changes, unknowns);
    }

    private static PlannedChange Change(string resource, ChangeAction action, string reason, string before, string after, ChangePayload payload) =>
        new(MonitoringKind.Name, resource, action, reason, before, after, PostureEffect.Tightens, payload);
}
