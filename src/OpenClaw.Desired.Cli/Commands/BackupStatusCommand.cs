using System.CommandLine;
using OpenClaw.Desired.Reporting;
using OpenClaw.Desired.Resources.Backups;

namespace OpenClaw.Desired.Cli.Commands;

/// <summary><c>backup status</c>: the 3-2-1 verdict, each copy, verification and config backups; read-only.</summary>
internal static class BackupStatusCommand
{
    public static Command Create(CliConsole console)
    {
        var options = new BackupOptions();
        var command = new Command("status", "Show the 3-2-1 verdict and the health of every backup; exit 3 when not healthy");
        options.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (BackupSession.Open(parse, options, console, createState: false, out var code) is not { } session)
            {
                return code;
            }

            var status = await BackupStatus.ProbeAsync(session.Posture, session.Host, cancellationToken);
            console.WriteOut(parse.GetValue(options.Output) == "json" ? JsonOutput.Of(status, JsonOutput.Types.BackupStatus) : status.ToText());
            return status.Healthy ? ExitCodes.Ok : ExitCodes.FailedOrUnknown;
        });
        return command;
    }
}
