using System.CommandLine;
using OpenClaw.Desired.Monitoring;
using OpenClaw.Desired.Reporting;

namespace OpenClaw.Desired.Cli.Commands;

/// <summary>
/// <c>metrics [--textfile PATH]</c>: runs the health checks and prints the Prometheus exposition (the checks,
/// what the loop last did, the counters) on stdout, or writes it to PATH for node_exporter. Exit 0 when the
/// metrics were produced; the checks' verdicts are in the metrics, not in the exit code.
/// </summary>
internal static class MetricsCommand
{
    public static Command Create(CliConsole console)
    {
        var options = new MonitoringOptions();
        var command = new Command("metrics", "Print the Prometheus metrics (or write them to --textfile for node_exporter)");
        options.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var http = new HttpClient();
            if (await options.OpenAsync(parse, console, http, cancellationToken) is not { } session)
            {
                return ExitCodes.Error;
            }

            var outcome = await MonitorRun.RunAsync(session, alert: false, cancellationToken);
            var exposition = session.Redactor.Redact(await MonitorRun.Metrics(outcome, session.StateDir).ToTextAsync(cancellationToken));
            if (parse.GetValue(options.Textfile) is not null)
            {
                return options.WriteTextfile(parse, console, exposition) ? ExitCodes.Ok : ExitCodes.FailedOrUnknown;
            }

            console.WriteOut(exposition);
            return ExitCodes.Ok;
        });
        return command;
    }
}
