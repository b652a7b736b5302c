using OpenClaw.Desired.Reporting;
using OpenClaw.Desired.Resources.Backups;

namespace OpenClaw.Desired.Cli.Commands;

/// <summary>Prints one backup result (scrubbed by the console's redactor) and maps it to an exit code.</summary>
internal static class BackupOutput
{
    public static int Emit(CliConsole console, BackupRecord record, string format)
    {
        console.WriteOut(format == "json"
            ? JsonOutput.Of(record, JsonOutput.Types.BackupRecord)
            : $"{(record.Ok ? "ok" : "FAILED")} {record.Operation} {record.Target}: {record.Message} ({record.Seconds:0.0} s)\n");
        return record.Ok ? ExitCodes.Ok : ExitCodes.FailedOrUnknown;
    }
}
