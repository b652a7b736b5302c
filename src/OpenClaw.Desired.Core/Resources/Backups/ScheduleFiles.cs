using System.Text;
using OpenClaw.Desired.Planning;

namespace OpenClaw.Desired.Resources.Backups;

/// <summary>Where and how the scheduled jobs call the reconciler: the posture, root and state dir of this run.</summary>
public sealed record ScheduleContext(string Scheduler, string PosturePath, string Root, string StateDir);

/// <summary>One file of the schedule: a systemd unit (a timer is also enabled) or the cron.d file.</summary>
public sealed record ScheduleFile(string HostPath, string Content, bool IsTimer)
{
    public string Name => HostPath[(HostPath.LastIndexOf('/') + 1)..];
}

/// <summary>One scheduled call of the reconciler: a unit name, its cron expression, and its verb's arguments.</summary>
public sealed record ScheduledJob(string Unit, string Description, string Cron, IReadOnlyList<string> Verb);

/// <summary>
/// Renders the schedule the posture asks for: per archive a backup job, a check job and a restore-test job,
/// and a push job for the Git repository; as systemd service and timer units or as one /etc/cron.d file.
/// </summary>
public static class ScheduleFiles
{
    public const string SystemdDir = "/etc/systemd/system";
    public const string CronFile = "/etc/cron.d/openclaw-desired-backups";
    public const string Command = "openclaw-desired";
    public static readonly IReadOnlyList<string> UnitPrefixes = ["openclaw-desired-backup-", "openclaw-desired-check-", "openclaw-desired-restore-test-"];

    public static IReadOnlyList<ScheduledJob> Jobs(BackupsDesired desired)
    {
        var jobs = new List<ScheduledJob>();
        if (desired.Git is { } git)
        {
            jobs.Add(new("openclaw-desired-backup-git", "commit and push the workspace", git.Schedule, ["backup", "run", BackupsDesired.GitName]));
        }

        foreach (var archive in desired.Archives)
        {
            jobs.Add(new($"openclaw-desired-backup-{archive.Name}", $"back up archive {archive.Name}", archive.Schedule, ["backup", "run", archive.Name]));
            jobs.Add(new($"openclaw-desired-check-{archive.Name}", $"restic check of archive {archive.Name}", desired.Verify.Check, ["backup", "verify", archive.Name, "--check-only"]));
            jobs.Add(new($"openclaw-desired-restore-test-{archive.Name}", $"restore test of archive {archive.Name}", desired.Verify.RestoreTest, ["backup", "verify", archive.Name]));
        }

        return jobs;
    }

    public static ValueList<ScheduleFile> Render(BackupsDesired desired, ScheduleContext context) =>
        Render(Jobs(desired), context, CronFile, "backups");

    /// <summary>
    /// Any set of scheduled calls of the reconciler, as systemd units or one cron.d file; <paramref name="section"/>
    /// names the posture section that owns them in each file's header.
    /// </summary>
    public static ValueList<ScheduleFile> Render(IReadOnlyList<ScheduledJob> jobs, ScheduleContext context, string cronFile, string section)
    {
        var header = Header(section);
        if (context.Scheduler == "cron")
        {
            var text = new StringBuilder().AppendLine(header).AppendLine("SHELL=/bin/sh").AppendLine("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
            foreach (var job in jobs)
            {
                var args = Arguments(job, context).Select(ShellQuote);
                // cron turns an unescaped % into a newline.
                text.AppendLine($"{job.Cron} root {string.Join(' ', args).Replace("%", "\\%", StringComparison.Ordinal)} >/dev/null 2>&1");
            }

            return jobs.Count == 0 ? ValueList<ScheduleFile>.Empty : new ValueList<ScheduleFile>([new ScheduleFile(cronFile, text.ToString(), false)]);
        }

        return jobs.SelectMany(job => new[]
        {
            new ScheduleFile($"{SystemdDir}/{job.Unit}.service", Service(job, context, header), false),
            new ScheduleFile($"{SystemdDir}/{job.Unit}.timer", Timer(job, header), true),
        }).ToValueList();
    }

    public static IEnumerable<string> Arguments(ScheduledJob job, ScheduleContext context)
    {
        string[] args = [Command, .. job.Verb, "--posture", context.PosturePath, "--root", context.Root, "--state-dir", context.StateDir];
        // A newline in a path would end the ExecStart or cron line and start one of its own: never written.
        return args.FirstOrDefault(a => a.Any(char.IsControl)) is { } bad
            ? throw new ArgumentException($"the schedule cannot name a path with a control character ({bad.ReplaceLineEndings("\\n")})")
            : args;
    }

    private static string Header(string section) => $"# Managed by openclaw-desired (posture section {section}); edits are overwritten.";

    private static string Service(ScheduledJob job, ScheduleContext context, string header) =>
        $"""
        {header}
        [Unit]
        Description=openclaw-desired: {job.Description}
        Wants=network-online.target
        After=network-online.target

        [Service]
        Type=oneshot
        ExecStart={string.Join(' ', Arguments(job, context).Select(SystemdQuote))}

        """;

    private static string Timer(ScheduledJob job, string header) =>
        $"""
        {header}
        [Unit]
        Description=openclaw-desired: schedule of {job.Description} ({job.Cron})

        [Timer]
        OnCalendar={CronSchedule.TryParse(job.Cron, out _)?.OnCalendar ?? "hourly"}
        Persistent=true
        Unit={job.Unit}.service

        [Install]
        WantedBy=timers.target

        """;

    private static string SystemdQuote(string arg)
    {
        var escaped = arg.Replace("%", "%%", StringComparison.Ordinal).Replace("$", "$$", StringComparison.Ordinal);
        return escaped.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '\\' or ';')
            ? "\"" + escaped.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\""
            : escaped;
    }

    private static string ShellQuote(string arg) =>
        arg.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '-' or '_' or '=' or ':' or '@' or '+' or ',')
            ? arg
            : "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
