using System.CommandLine;
using OpenClaw.Desired.Reporting;
using OpenClaw.Desired.Resources.Backups;

namespace OpenClaw.Desired.Cli.Commands;

/// <summary><c>backup run NAME</c>: one backup now: an archive (snapshot, then retention) or <c>git</c> (commit and push).</summary>
internal static class BackupRunCommand
{
    public static Command Create(CliConsole console)
    {
        var options = new BackupOptions();
        var name = new Argument<string>("NAME") { Description = "An archive of backups.archives, or git for the workspace repository" };
        var command = new Command("run", "Back up one archive or the Git workspace now; the result goes to the state dir") { name };
        options.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (BackupSession.Open(parse, options, console, createState: true, out var code) is not { } session)
            {
                return code;
            }

            var target = parse.GetValue(name)!;
            var desired = BackupsDesired.From(session.Posture, session.Host);
            var paths = session.Host.PathsFor(session.Posture);
            var records = new RecordStore(session.StateDir);
            BackupRecord record;
            if (target == BackupsDesired.GitName && desired.Git is { } git)
            {
                record = await new GitJob(session.Posture, session.Host, paths, records).RunAsync(git, files: null, "backup-run", cancellationToken);
            }
            else if (desired.Archive(target) is { } archive)
            {
                var (restic, unknown) = await ResticConnector.ConnectAsync(archive, session.Posture, session.Host, paths, cancellationToken);
                if (restic is null)
                {
                    console.WriteError($"backup {target}: {unknown}");
                    return ExitCodes.FailedOrUnknown;
                }

                record = await new ArchiveJobs(session.Host, records, session.StateDir).BackupAsync(archive, restic, cancellationToken);
            }
            else
            {
                console.WriteError($"the posture has no archive named '{target}'{(desired.Git is null ? "" : " (git backs up the workspace)")}");
                return ExitCodes.Error;
            }

            return BackupOutput.Emit(console, record, parse.GetValue(options.Output)!);
        });
        return command;
    }
}
