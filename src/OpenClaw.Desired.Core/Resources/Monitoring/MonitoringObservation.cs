using OpenClaw.Desired.Monitoring;
using OpenClaw.Desired.Monitoring.Processes;
using OpenClaw.Desired.OpenClaw;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Resources.Backups;

namespace OpenClaw.Desired.Resources.Monitoring;

/// <summary>
/// Get result of the monitoring kind: openclaw.json (when telemetry is governed), the health schedule's files
/// as installed, and the agent user's orphaned headless browsers (when reaping is on).
/// </summary>
public sealed record MonitoringObservation(
    MonitoringSettings Settings,
    ConfigObservation? Config,
    ValueList<ScheduleFile> WantedSchedule,
    ValueList<InstalledFile> InstalledSchedule,
    ValueList<string> ScheduleStrays,
    IReadOnlyList<HeadlessBrowser> Orphans,
    int? AgentUid,
    string? BrowsersUnknown,
    string AgentUser);

/// <summary>Apply payload: end one orphaned headless browser (its main process and helpers), identified by pid and start time.</summary>
public sealed record ReapBrowser(int Uid, IReadOnlyList<ProcessIdentity> Processes) : ChangePayload;

public sealed record ProcessIdentity(int Pid, long StartTicks);
