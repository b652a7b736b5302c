using System.CommandLine;
using System.Globalization;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Loop;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Reconciliation;
using OpenClaw.Desired.Reporting;

namespace OpenClaw.Desired.Cli.Commands;

/// <summary><c>run --interval 15m --jitter 10% [--once] [--dry-run]</c>: the converge loop.</summary>
internal static class RunCommand
{
    public static Command Create(CliConsole console)
    {
        var common = new CommonOptions();
        var source = new SourceOptions();
        var interval = new Option<string>("--interval") { Description = "Time between ticks: 90s, 15m, 1h", DefaultValueFactory = _ => "15m" };
        var jitter = new Option<string>("--jitter") { Description = "Spread of each wait, e.g. 10% (or 0.1)", DefaultValueFactory = _ => "10%" };
        var once = new Option<bool>("--once") { Description = "One tick, then exit with its code (for systemd timers and cron)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Detect only: plan and report every tick, never apply" };
        var backoff = new Option<string>("--backoff") { Description = "First retry delay after a failed tick; doubles per failure", DefaultValueFactory = _ => "30s" };
        var backoffMax = new Option<string>("--backoff-max") { Description = "Longest retry delay", DefaultValueFactory = _ => "1h" };
        var lockTimeout = new Option<int>("--lock-timeout") { Description = "Seconds to wait for another run's lock", DefaultValueFactory = _ => 30 };
        var metricsListen = new Option<string?>("--metrics-listen") { Description = "Serve Prometheus metrics on HOST:PORT at /metrics (e.g. 127.0.0.1:9464); health checks then run every monitoring.interval" };
        var command = new Command("run", "Keep the host converged: fetch, plan, apply on drift or a new commit, report; repeat");
        common.AddTo(command);
        source.AddTo(command);
        foreach (var option in new Option[] { interval, jitter, once, dryRun, backoff, backoffMax, lockTimeout, metricsListen })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var durations = new[] { interval, backoff, backoffMax }.Select(o => (o.Name, Ok: Duration.TryParse(parse.GetValue(o), out var d) && d > TimeSpan.Zero)).ToList();
            foreach (var (name, _) in durations.Where(d => !d.Ok))
            {
                console.WriteError($"{name} must be a duration such as 90s, 15m or 1h");
            }

            if (parse.GetValue(lockTimeout) < 0)
            {
                console.WriteError("--lock-timeout must be 0 or more seconds");
                return ExitCodes.Error;
            }

            if (ParseJitter(parse.GetValue(jitter)) is null)
            {
                console.WriteError("--jitter must be a fraction (0.1) or a percentage (10%) between 0 and 50%");
                return ExitCodes.Error;
            }

            if (durations.Any(d => !d.Ok))
            {
                return ExitCodes.Error;
            }

            var listen = parse.GetValue(metricsListen);
            if (listen is not null && MetricsEndpoint.Parse(listen) is null)
            {
                console.WriteError("--metrics-listen must be HOST:PORT, e.g. 127.0.0.1:9464");
                return ExitCodes.Error;
            }

            var options = new LoopOptions
            {
                Run = new RunOptions
                {
                    PosturePath = parse.GetValue(common.Posture)!,
                    Root = parse.GetValue(common.Root)!,
                    StateDir = parse.GetValue(common.StateDir),
                    LockTimeout = TimeSpan.FromSeconds(parse.GetValue(lockTimeout)),
                    Source = source.Read(parse),
                },
                Interval = Duration.Parse(parse.GetValue(interval)!),
                Jitter = ParseJitter(parse.GetValue(jitter))!.Value,
                Once = parse.GetValue(once),
                DetectOnly = parse.GetValue(dryRun),
                BackoffBase = Duration.Parse(parse.GetValue(backoff)!),
                BackoffMax = Duration.Parse(parse.GetValue(backoffMax)!),
            };
            var quiet = parse.GetValue(common.Quiet);
            var renderer = new TextRenderer(console.UseColor(parse.GetValue(common.NoColor)));
            using var http = new HttpClient();
            using var notify = SdNotify.FromEnvironment(Environment.GetEnvironmentVariable);
            var run = new ReconcileRun(ResourceKinds.All(), new ProcessCommandRunner(), TimeProvider.System, http);
            var monitor = new LoopMonitor(run, options, new ProcessCommandRunner(), TimeProvider.System, http)
            {
                Always = listen is not null,
                OnProblem = problem => console.WriteError($"monitoring: {problem}"),
            };
            using var endpoint = listen is null ? null : MetricsEndpoint.Start(MetricsEndpoint.Parse(listen)!.Value, monitor.Metrics);
            var loop = new ConvergeLoop(run, options, TimeProvider.System, Random.Shared, notify)
            {
                OnTick = tick => Print(console, renderer, tick, quiet, parse.GetValue(common.Output)!, parse.GetValue(common.Report)),
                Monitor = monitor,
                Notifier = monitor,
            };
            return await loop.RunAsync(cancellationToken);
        });
        return command;
    }

    private static void Print(CliConsole console, TextRenderer renderer, TickResult tick, bool quiet, string format, string? reportFile)
    {
        console.Redactor = tick.Redactor;
        if (reportFile is not null)
        {
            ReportOutput.WriteFile(console, tick.Report, reportFile);
        }

        if (format != "text")
        {
            console.WriteOut(ReportOutput.Render(tick.Report, format, tick.Redactor, color: false, quiet: false));
            console.Out.Flush();
            return;
        }

        var next = tick.Status.NextRun is { } at ? $" · next {at.UtcDateTime:HH:mm:ss}Z" : string.Empty;
        var suspended = tick.Status.Suspended is { } s ? $"[suspended{(s.Until is { } end ? $" until {end.UtcDateTime:yyyy-MM-dd HH:mm}Z" : string.Empty)}: {s.Reason}] " : string.Empty;
        console.WriteOut($"{suspended}{tick.Decision.Why}: {renderer.SummaryLine(tick.Report)}{next}\n");
        // Quiet hides the chatter of a good tick, never why a tick failed.
        var failed = tick.Report.ExitCode is ExitCodes.Error or ExitCodes.FailedOrUnknown;
        foreach (var line in tick.Report.Diagnostics.Where(d => !quiet || (failed && !d.Contains(": warning: ", StringComparison.Ordinal))))
        {
            console.WriteOut($"  {line}\n");
        }

        if (quiet && failed)
        {
            foreach (var reason in renderer.Quiet(tick.Report).Split('\n').Skip(1).Where(l => l.StartsWith("  ", StringComparison.Ordinal)))
            {
                console.WriteOut(reason + "\n");
            }
        }

        console.Out.Flush();
    }

    internal static double? ParseJitter(string? text)
    {
        var value = text?.Trim() ?? string.Empty;
        var percent = value.EndsWith('%');
        if (!double.TryParse(percent ? value[..^1] : value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        var fraction = percent ? number / 100 : number;
        return fraction is >= 0 and <= 0.5 ? fraction : null;
    }
}
