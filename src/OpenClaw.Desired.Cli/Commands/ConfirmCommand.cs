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
        var output = new Option<string>("--output", "-o") { Description = "text or json", DefaultValueFactory = _ => "text" };
        output.AcceptOnlyInOrder("text", "json");
        var command = new Command("confirm", "Confirm the firewall change that awaits confirmation, before it is rolled back") { root, restore, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            // With --output json every line goes into one document on stdout; the exit code is the same.
            var json = parse.GetValue(output) == "json";
            var lines = new List<Line>();
            var target = json ? new CliConsole(TextWriter.Null, TextWriter.Null) : console;
            var confirm = new CommitConfirm(new HostRoot(parse.GetValue(root)!), new ProcessCommandRunner(), TimeProvider.System);
            var awaiting = confirm.Awaiting();
            int code;
            if (awaiting.Count == 0)
            {
                code = NothingAwaits(target, confirm.All(), lines);
            }
            else
            {
                code = ExitCodes.Ok;
                foreach (var change in awaiting)
                {
                    code = Math.Max(code, parse.GetValue(restore)
                        ? await RestoreAsync(target, confirm, change, lines, cancellationToken)
                        : await ConfirmAsync(target, confirm, change, lines, cancellationToken));
                }
            }

            if (json)
            {
                console.WriteOut(JsonOutput.Of(new Result(lines, code), JsonOutput.Types.Result));
            }

            return code;
        });
        return command;
    }

    private static async Task<int> ConfirmAsync(CliConsole console, CommitConfirm confirm, PendingChange change, List<Line> lines, CancellationToken cancellationToken)
    {
        var decision = await confirm.ConfirmAsync(change, cancellationToken);
        lines.Add(new Line(change.Id, change.Table, decision, decision == Decisions.Confirmed));
        if (decision == Decisions.Confirmed)
        {
            console.WriteOut($"confirmed firewall change {change.Id} on table {change.Table} (applied {change.AppliedAt:HH:mm:ss}Z); it will not be rolled back\n");
            return ExitCodes.Ok;
        }

        console.WriteError($"too late: firewall change {change.Id} was {decision} before it could be confirmed");
        return ExitCodes.FailedOrUnknown;
    }

    private static async Task<int> RestoreAsync(CliConsole console, CommitConfirm confirm, PendingChange change, List<Line> lines, CancellationToken cancellationToken)
    {
        var (decision, error) = await confirm.RestoreNowAsync(change, cancellationToken);
        lines.Add(new Line(change.Id, change.Table, decision, decision == Decisions.RestoredByOperator && error is null) { Error = error });
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

    private static int NothingAwaits(CliConsole console, IReadOnlyList<PendingChange> all, List<Line> lines)
    {
        if (all.LastOrDefault() is { Decision: Decisions.Restored } last)
        {
            lines.Add(new Line(last.Id, last.Table, last.Decision, false) { RestoreSucceeded = last.RestoreSucceeded });
            var how = last.RestoreSucceeded ? "the previous table was restored" : "restoring the previous table failed";
            console.WriteError($"nothing awaits confirmation: firewall change {last.Id} was not confirmed by {last.Deadline:HH:mm:ss}Z and {how}");
            return ExitCodes.FailedOrUnknown;
        }

        console.WriteOut("nothing awaits confirmation\n");
        return ExitCodes.Ok;
    }

    /// <summary>What <c>confirm --output json</c> prints: a line per change, and the exit code.</summary>
    internal sealed record Result(IReadOnlyList<Line> Changes, int ExitCode);

    /// <summary>One change: confirmed or restored (then the error, if any), or the last one when none awaits (then whether its restore succeeded).</summary>
    internal sealed record Line(string Id, string Table, string Decision, bool Ok)
    {
        public string? Error { get; init; }

        public bool? RestoreSucceeded { get; init; }
    }
}
