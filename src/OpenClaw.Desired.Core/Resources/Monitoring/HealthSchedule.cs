using OpenClaw.Desired.Host;
using OpenClaw.Desired.Monitoring;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Resources.Backups;

namespace OpenClaw.Desired.Resources.Monitoring;

/// <summary>
/// monitoring.scheduler: a systemd timer (or a cron.d entry) that runs <c>health --alert</c> every
/// monitoring.interval (and writes the metrics to monitoring.textfile), rendered like the backup schedule.
/// </summary>
public static class HealthSchedule
{
    public const string Unit = "openclaw-desired-health";
    public const string CronFile = "/etc/cron.d/openclaw-desired-health";
    public static readonly IReadOnlyList<string> AllFiles = [$"{ScheduleFiles.SystemdDir}/{Unit}.service", $"{ScheduleFiles.SystemdDir}/{Unit}.timer", CronFile];

    public static ValueList<ScheduleFile> Render(MonitoringSettings settings, ScheduleContext context, HostRoot root)
    {
        if (context.Scheduler is not ("systemd" or "cron"))
        {
            return ValueList<ScheduleFile>.Empty;
        }

        List<string> verb = ["health", "--alert"];
        if (settings.Textfile is { } textfile)
        {
            verb.AddRange(["--textfile", root.Resolve(textfile)]);
        }

        var job = new ScheduledJob(Unit, "health checks and alerts", Cron(settings.Interval), verb);
        return ScheduleFiles.Render([job], context, CronFile, "monitoring");
    }

    /// <summary>A cron expression that runs at least every <paramref name="interval"/> (the nearest step that divides the hour or day).</summary>
    public static string Cron(TimeSpan interval)
    {
        if (interval < TimeSpan.FromHours(1))
        {
            var minutes = Math.Max(1, (int)interval.TotalMinutes);
            var step = Enumerable.Range(1, minutes).Last(d => 60 % d == 0);
            return step == 1 ? "* * * * *" : $"*/{step} * * * *";
        }

        if (interval < TimeSpan.FromDays(1))
        {
            var hours = (int)interval.TotalHours;
            var step = Enumerable.Range(1, hours).Last(d => 24 % d == 0);
            return step == 1 ? "0 * * * *" : $"0 */{step} * * *";
        }

        return "0 0 * * *";
    }
}
