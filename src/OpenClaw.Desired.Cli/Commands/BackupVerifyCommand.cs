using System.CommandLine;
using OpenClaw.Desired.Reporting;
using OpenClaw.Desired.Resources.Backups;

namespace OpenClaw.Desired.Cli.Commands;

/// <summary><c>backup verify NAME [--check-only]</c>: restic check, then a restore test compared hash by hash.</summary>
internal static class BackupVerifyCommand
{
    public static Command Create(CliConsole console)
    {
        var options = new BackupOptions();
        var name = new Argument<string>("NAME") { Description = "An archive of backups.archives" };
        var checkOnly = new Option<bool>("--check-only") { Description = "Only restic check, no restore test" };
        var command = new Command("verify", "Check an archive and restore its latest snapshot into a temp folder; exit 3 when either fails") { name, checkOnly };
        options.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (BackupSession.Open(parse, options, console, createState: true, out var code) is not { } session)
            {
                return code;
            }

            var desired = BackupsDesired.From(session.Posture, session.Host);
            if (desired.Archive(parse.GetValue(name)!) is not { } archive)
            {
                console.WriteError($"the posture has no archive named '{parse.GetValue(name)}'");
                return ExitCodes.Error;
            }

            var (restic, unknown) = await ResticConnector.ConnectAsync(archive, session.Posture, session.Host, session.Host.PathsFor(session.Posture), cancellationToken);
            if (restic is null)
            {
                console.WriteError($"verify {archive.Name}: {unknown}");
                return ExitCodes.FailedOrUnknown;
            }

            var jobs = new ArchiveJobs(session.Host, new RecordStore(session.StateDir), session.StateDir);
            var record = await BackupsKind.VerifyAsync(jobs, archive, restic, desired.Verify.Sample, parse.GetValue(checkOnly), cancellationToken);
            return BackupOutput.Emit(console, record, parse.GetValue(options.Output)!);
        });
        return command;
    }
}
