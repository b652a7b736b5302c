using System.CommandLine;

namespace OpenClaw.Desired.Cli.Commands;

/// <summary><c>backup run|verify|status</c>: what the installed schedule calls, and a look at the backups' health.</summary>
internal static class BackupCommand
{
    public static Command Create(CliConsole console) =>
        new("backup", "Run, verify and inspect the posture's backups (the schedule calls these)")
        {
            BackupRunCommand.Create(console),
            BackupVerifyCommand.Create(console),
            BackupStatusCommand.Create(console),
        };
}
