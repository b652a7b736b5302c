using System.CommandLine;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Reconciliation;

namespace OpenClaw.Desired.Cli.Commands;

/// <summary><c>reconcile [--dry-run]</c>: plan, and unless dry run, apply and verify.</summary>
internal static class ReconcileCommand
{
    public static Command Create(CliConsole console)
    {
        var common = new CommonOptions();
        var dryRun = new Option<bool>("--dry-run") { Description = "Plan only: change nothing, exit 2 on changes, 4 when the plan loosens posture" };
        var lockTimeout = new Option<int>("--lock-timeout") { Description = "Seconds to wait for another run's lock", DefaultValueFactory = _ => 30 };
        var source = new SourceOptions();
        var baseRef = new Option<string?>("--base") { Description = "Dry run of a pull request: also show how the posture changes from this ref to --ref (exit 4 when it loosens)" };
        var command = new Command("reconcile", "Compare the host with the posture and converge it");
        common.AddTo(command);
        command.Options.Add(dryRun);
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
            var options = new RunOptions
            {
                PosturePath = parse.GetValue(common.Posture)!,
                Root = parse.GetValue(common.Root)!,
                StateDir = parse.GetValue(common.StateDir),
                DryRun = parse.GetValue(dryRun),
                LockTimeout = TimeSpan.FromSeconds(parse.GetValue(lockTimeout)),
                Source = source.Read(parse, parse.GetValue(baseRef)),
            };
            var quiet = parse.GetValue(common.Quiet);
            var progress = console.ShowProgress(quiet) ? new Progress<string>(step => console.Error.Write($"\r\u001b[2K… {step}")) : null;
            using var http = new HttpClient();
            var run = new ReconcileRun(ResourceKinds.All(), new ProcessCommandRunner(), TimeProvider.System, http);
            var (report, redactor) = await run.RunAsync(options, progress, cancellationToken);
            if (progress is not null)
            {
                console.Error.Write("\r\u001b[2K");
            }

            console.Redactor = redactor;
            return ReportOutput.Emit(console, report, parse.GetValue(common.Output)!, parse.GetValue(common.Report), quiet, parse.GetValue(common.NoColor));
        });
        return command;
    }
}
