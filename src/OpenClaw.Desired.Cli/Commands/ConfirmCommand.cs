using System.CommandLine;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Reporting;
using OpenClaw.Desired.Resources.Firewall;

namespace OpenClaw.Desired.Cli.Commands;

/// <summary>
/// <c>confirm [--restore]</c>: keeps a firewall change that awaits confirmation (its automatic rollback is
/// cancelled), or with --restore puts the table saved before it back now instead of at the deadline.
/// </summary>
internal static class ConfirmCommand
{
    public static Command Create(CliConsole console)
    {
        var root = new Option<string>("--root") { Description = "The host's /", DefaultValueFactory = _ => "/" };
        var restore = new Option<bool>("--restore") { Description = "Restore the previous firewall table now instead of confirming" };
        var command = new Command("confirm", "Confirm the firewall change that awaits confirmation, before it is rolled back") { root, restore };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var confirm = new CommitConfirm(new HostRoot(parse.GetValue(root)!), new ProcessCommandRunner(), TimeProvider.System);
            var awaiting = confirm.Awaiting();
            if (awaiting.Count == 0)
            {
                return NothingAwaits(console, confirm.All());
            }

            var code = ExitCodes.Ok;
            foreach (var change in awaiting)
            {
                code = Math.Max(code, parse.GetValue(restore)
                    ? await RestoreAsync(console, confirm, change, cancellationToken)
                    : await ConfirmAsync(console, confirm, change, cancellationToken));
            }

            return code;
        });
        return command;
    }

    private static async Task<int> ConfirmAsync(CliConsole console, CommitConfirm confirm, PendingChange change, CancellationToken cancellationToken)
    {
        var decision = await confirm.ConfirmAsync(change, cancellationToken);
        if (decision == Decisions.Confirmed)
        {
            console.WriteOut($"confirmed firewall change {change.Id} on table {change.Table} (applied {change.AppliedAt:HH:mm:ss}Z); it will not be rolled back\n");
            return ExitCodes.Ok;
        }

        console.WriteError($"too late: firewall change {change.Id} was {decision} before it could be confirmed");
        return ExitCodes.FailedOrUnknown;
    }

    private static async Task<int> RestoreAsync(CliConsole console, CommitConfirm confirm, PendingChange change, CancellationToken cancellationToken)
    {
        var (decision, error) = await confirm.RestoreNowAsync(change, cancellationToken);
        if (decision != Decisions.RestoredByOperator)
        {
            console.WriteError($"firewall change {change.Id} was already {decision}; nothing restored");
            return ExitCodes.FailedOrUnknown;
        }

        if (error is not null)
        {
            console.WriteError($"restoring the table saved before change {change.Id} failed: {error} (the file is {Path.Combine(change.Directory, CommitConfirm.RestoreFile)})");
            return ExitCodes.FailedOrUnknown;
        }

        console.WriteOut($"restored table {change.Table} as it was before change {change.Id}\n");
        return ExitCodes.Ok;
    }

    private static int NothingAwaits(CliConsole console, IReadOnlyList<PendingChange> all)
    {
        if (all.LastOrDefault() is { Decision: Decisions.Restored } last)
        {
            var how = last.RestoreSucceeded ? "the previous table was restored" : "restoring the previous table failed";
            console.WriteError($"nothing awaits confirmation: firewall change {last.Id} was not confirmed by {last.Deadline:HH:mm:ss}Z and {how}");
            return ExitCodes.FailedOrUnknown;
        }

        console.WriteOut("nothing awaits confirmation\n");
        return ExitCodes.Ok;
    }
}
