using System.CommandLine;
using OpenClaw.Desired.Monitoring;
using OpenClaw.Desired.Reporting;

namespace OpenClaw.Desired.Cli.Commands;

/// <summary>
/// <c>health [--output text|json] [--alert] [--textfile PATH]</c>: runs the health checks now. Exit 0 when
/// every check passed (and, with --alert, every alert was delivered), 3 when one failed or could not be checked.
/// </summary>
internal static class HealthCommand
{
    public static Command Create(CliConsole console)
    {
        var options = new MonitoringOptions();
        var output = new Option<string>("--output", "-o") { Description = "text or json", DefaultValueFactory = _ => "text" };
        output.AcceptOnlyFromAmong("text", "json");
        var alert = new Option<bool>("--alert") { Description = "Send alerts for what changed (Telegram, webhook) and remember what was sent" };
        var command = new Command("health", "Run the health checks now: disk, memory, headless browsers, cron jobs, gateway, targets, backups, secrets, firewall, loop");
        options.AddTo(command);
        command.Options.Add(output);
        command.Options.Add(alert);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var http = new HttpClient();
            if (await options.OpenAsync(parse, console, http, cancellationToken) is not { } session)
            {
                return ExitCodes.Error;
            }

            var outcome = await MonitorRun.RunAsync(session, parse.GetValue(alert), cancellationToken);
            var host = HealthSession.HostName(session.Host);
            console.WriteOut(parse.GetValue(output) == "json" ? HealthOutput.ToJson(outcome, host, session.PosturePath) : HealthOutput.ToText(outcome, host));
            var written = parse.GetValue(options.Textfile) is null
                || options.WriteTextfile(parse, console, session.Redactor.Redact(await MonitorRun.Metrics(outcome, session.StateDir).ToTextAsync(cancellationToken)));
            return MonitoringExit.Of(outcome.ExitCode, written);
        });
        return command;
    }
}
