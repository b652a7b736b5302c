using System.CommandLine;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Incidents;
using OpenClaw.Desired.Reconciliation;
using OpenClaw.Desired.Reporting;

namespace OpenClaw.Desired.Cli.Commands;

/// <summary>
/// <c>lockdown --reason TEXT</c>: the emergency stop (evidence, gateway stopped, air gap, skills quarantined, secrets
/// suspected, loop suspended, HANDOFF.md, alert). <c>lockdown --release</c>: puts back what the lockdown changed.
/// Exit 0 when done (or already so), 1 on bad input (nothing changed), 3 when a step failed.
/// </summary>
internal static class LockdownCommand
{
    public static Command Create(CliConsole console)
    {
        var reason = new Option<string?>("--reason") { Description = "What happened (in the handoff note, the alert and every report)" };
        var release = new Option<bool>("--release") { Description = "End the lockdown: restore what it changed, nothing the operators changed since" };
        var clearSuspected = new Option<bool>("--clear-suspected") { Description = "With --release, after a false alarm: secrets are no longer suspected (default: they stay due for rotation)" };
        var posture = new Option<string>("--posture", "-p") { Description = "The posture file (where OpenClaw lives, the allowlist, the store, the backup key)", DefaultValueFactory = _ => "posture.yaml" };
        var root = new Option<string>("--root") { Description = "The host's / (a scratch folder in tests)", DefaultValueFactory = _ => "/" };
        var stateDir = new Option<string?>("--state-dir") { Description = "Reconciler state dir [default: /var/lib/openclaw-desired under --root as root]" };
        var output = new Option<string>("--output", "-o") { Description = "text, json or markdown", DefaultValueFactory = _ => "text" };
        output.AcceptOnlyInOrder("text", "json", "markdown");
        var lockTimeout = new Option<int>("--lock-timeout") { Description = "Seconds to wait for a run in progress to finish", DefaultValueFactory = _ => 30 };
        var noColor = new Option<bool>("--no-color") { Description = "Never colour the output" };
        var source = new SourceOptions();
        foreach (var option in new Option[] { posture, root, stateDir })
        {
            CommonOptions.PlainPath(option);
        }

        var command = new Command("lockdown", "Emergency stop: seal evidence, stop the agent, cut the network, suspend applying (--release undoes it)")
        {
            reason, release, clearSuspected, posture, root, stateDir, output, lockTimeout, noColor,
        };
        source.AddTo(command);
        command.Validators.Add(result =>
        {
            var releasing = result.GetValue(release);
            if (!releasing && string.IsNullOrWhiteSpace(result.GetValue(reason)))
            {
                result.AddError("lockdown needs --reason \"what happened\" (or --release to end one)");
            }

            if (releasing && result.GetValue(reason) is not null)
            {
                result.AddError("--release ends a lockdown; --reason belongs to starting one");
            }

            if (!releasing && result.GetValue(clearSuspected))
            {
                result.AddError("--clear-suspected goes with --release");
            }

            if (result.GetValue(lockTimeout) < 0)
            {
                result.AddError("--lock-timeout must be 0 or more seconds");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new LockdownOptions
            {
                Run = new RunOptions
                {
                    PosturePath = parse.GetValue(posture)!,
                    Root = parse.GetValue(root)!,
                    StateDir = parse.GetValue(stateDir),
                    DryRun = false,
                    LockTimeout = TimeSpan.FromSeconds(parse.GetValue(lockTimeout)),
                    Source = source.Read(parse),
                },
                Reason = parse.GetValue(reason)?.Trim() ?? string.Empty,
                ClearSuspected = parse.GetValue(clearSuspected),
            };
            using var http = new HttpClient();
            var runner = new ProcessCommandRunner();
            var (report, redactor) = parse.GetValue(release)
                ? await new ReleaseRun(runner, TimeProvider.System, http, IncidentWiring.Notifiers).RunAsync(options, cancellationToken)
                : await new LockdownRun(runner, TimeProvider.System, http, IncidentWiring.Notifiers).RunAsync(options, cancellationToken);
            console.Redactor = redactor;
            return ReportOutput.Emit(console, report, parse.GetValue(output)!, null, false, parse.GetValue(noColor));
        });
        return command;
    }
}
