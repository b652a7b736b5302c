using OpenClaw.Desired.Host;
using OpenClaw.Desired.Planning;

namespace OpenClaw.Desired.Resources.Backups;

/// <summary>A schedule file as found on the host: its content (null when absent) and, for timers, whether it is enabled.</summary>
public sealed record InstalledFile(string HostPath, string? Content, bool Enabled);

/// <summary>The schedule on the host: the files the posture wants as they are now, and our files it no longer wants.</summary>
public sealed record ScheduleObservation(ScheduleContext Context, ValueList<InstalledFile> Files, ValueList<string> Strays);

/// <summary>Reads unit files, enable links (timers.target.wants) and the cron.d file under the root.</summary>
public static class ScheduleProbe
{
    public const string WantsDir = ScheduleFiles.SystemdDir + "/timers.target.wants";

    public static ScheduleObservation Probe(BackupsDesired desired, ScheduleContext context, HostContext host)
    {
        var wanted = ScheduleFiles.Render(desired, context);
        var files = wanted.Select(f =>
        {
            var content = host.Fs.TryReadAllText(f.HostPath, 1024 * 1024);
            // The enable link points to the unit's host path; its presence is what counts.
            var enabled = f.IsTimer && host.Fs.Stat($"{WantsDir}/{f.Name}").Exists;
            return new InstalledFile(f.HostPath, content, enabled);
        }).ToValueList();

        var strays = new List<string>();
        if (host.Fs.Probe(ScheduleFiles.SystemdDir) is { IsDirectory: true })
        {
            strays.AddRange(host.Fs.List(ScheduleFiles.SystemdDir)
                .Where(e => e.Stat.IsFile).Select(e => e.Name)
                .Where(n => ScheduleFiles.UnitPrefixes.Any(p => n.StartsWith(p, StringComparison.Ordinal)) && (n.EndsWith(".service", StringComparison.Ordinal) || n.EndsWith(".timer", StringComparison.Ordinal)))
                .Select(n => $"{ScheduleFiles.SystemdDir}/{n}"));
        }

        if (host.Fs.Stat(ScheduleFiles.CronFile).Exists)
        {
            strays.Add(ScheduleFiles.CronFile);
        }

        return new ScheduleObservation(context, files, strays.Except(wanted.Select(w => w.HostPath)).Order(StringComparer.Ordinal).ToValueList());
    }

    /// <summary>systemd when the host runs it (or the posture says so), else cron.</summary>
    public static string Scheduler(BackupsDesired desired, HostContext host) =>
        desired.Scheduler ?? (host.Fs.Probe("/run/systemd/system") is { IsDirectory: true } ? "systemd" : "cron");
}
