using System.CommandLine;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Reconciliation;
using OpenClaw.Desired.Reporting;

namespace OpenClaw.Desired.Cli.Commands;

/// <summary>
/// <c>reconcile [--dry-run] [--yes]</c>: plan, and unless dry run, apply and verify. On a terminal the plan is shown
/// and applied only when confirmed; without a terminal applying needs <c>--yes</c>, so nothing changes a host
/// because a script forgot <c>--dry-run</c>.
/// </summary>
internal static class ReconcileCommand
{
    public static Command Create(CliConsole console)
    {
        var common = new CommonOptions();
        var dryRun = new Option<bool>("--dry-run") { Description = "Plan only: change nothing, exit 2 on changes, 4 when the plan loosens posture" };
        var yes = new Option<bool>("--yes", "-y") { Description = "Apply without asking (needed to apply when not on a terminal)" };
        var lockTimeout = new Option<int>("--lock-timeout") { Description = "Seconds to wait for another run's lock", DefaultValueFactory = _ => 30 };
        var source = new SourceOptions();
        var baseRef = new Option<string?>("--base") { Description = "Dry run of a pull request: also show how the posture changes from this ref to --ref (exit 4 when it loosens)" };
        var command = new Command("reconcile", "Compare the host with the posture and converge it");
        common.AddTo(command);
        command.Options.Add(dryRun);
        command.Options.Add(yes);
        command.Options.Add(lockTimeout);
        source.AddTo(command);
        command.Options.Add(baseRef);
        command.Validators.Add(result =>
        {
            if (result.GetValue(baseRef) is not null && !result.GetValue(dryRun))
            {
                result.AddError("--base compares two commits for review and needs --dry-run");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(lockTimeout) < 0)
            {
                console.WriteError("--lock-timeout must be 0 or more seconds");
                return ExitCodes.Error;
            }

            var apply = !parse.GetValue(dryRun);
            var ask = apply && !parse.GetValue(yes);
            if (ask && !console.IsInteractive)
            {
                console.WriteError("reconcile applies changes, and there is no terminal to confirm them on: pass --yes (-y) to apply, or --dry-run to see the plan; nothing was changed");
                return ExitCodes.Error;
            }

            var quiet = parse.GetValue(common.Quiet);
            var noColor = parse.GetValue(common.NoColor);
            var options = new RunOptions
            {
                PosturePath = parse.GetValue(common.Posture)!,
                Root = parse.GetValue(common.Root)!,
                StateDir = parse.GetValue(common.StateDir),
                DryRun = !apply,
                LockTimeout = TimeSpan.FromSeconds(parse.GetValue(lockTimeout)),
                Source = source.Read(parse, parse.GetValue(baseRef)),
                Confirm = ask ? (plan, redactor, _) => Task.FromResult(Ask(console, plan, redactor, noColor)) : null,
            };
            var progress = console.ShowProgress(quiet) ? new Progress<string>(step => console.Error.Write($"\r\u001b[2K… {step}")) : null;
            using var http = new HttpClient();
            var run = new ReconcileRun(ResourceKinds.All(), new ProcessCommandRunner(), TimeProvider.System, http);
            var (report, redactor) = await run.RunAsync(options, progress, cancellationToken);
            if (progress is not null)
            {
                console.Error.Write("\r\u001b[2K");
            }

            console.Redactor = redactor;
            return ReportOutput.Emit(console, report, parse.GetValue(common.Output)!, parse.GetValue(common.Report), quiet, noColor);
        });
        return command;
    }

    /// <summary>Shows the plan on the terminal (standard error, so standard output keeps the chosen format) and asks.</summary>
    private static bool Ask(CliConsole console, RunReport plan, Redaction.SecretRedactor redactor, bool noColor)
    {
        var renderer = new TextRenderer(console.UseErrorColor(noColor));
        console.Error.Write(redactor.Redact(renderer.Render(plan)));
        var s = plan.Summary;
        var loosen = s.Loosens > 0 ? $", {s.Loosens} of them LOOSEN posture" : string.Empty;
        return console.Confirm($"\nApply {s.Changes} change(s) to this host{loosen}?");
    }
}
