using System.Diagnostics;
using System.Globalization;
using OpenClaw.Desired.Bench;

// Monitoring benchmarks on the demo host (examples/demo-host, which carries a small /proc):
//   1. `openclaw-desired health` end to end, process start included, with every check the demo can run
//      (the published CLI: --cli PATH; bench/monitoring/run.sh publishes it as it ships, the native executable);
//   2. an idle converge-loop tick with the checks on (they run every tick), in one warm process: CPU per tick.
// Usage: dotnet run -c Release --project bench/monitoring -- --cli PATH [--runs 20] [--ticks 300]
string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
var runs = int.Parse(Value("--runs") ?? "20", CultureInfo.InvariantCulture);
var ticks = int.Parse(Value("--ticks") ?? "300", CultureInfo.InvariantCulture);
using var host = new MonitoringBenchHost();
Console.WriteLine($"monitoring benchmarks on the demo host ({Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {LoadAverage()})");
Console.WriteLine();
if (Value("--cli") is { } cli)
{
    HealthEndToEnd.Run(cli, host, runs);
    Console.WriteLine();
}

await LoopTickWithChecks.RunAsync(host, ticks);
return 0;

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

namespace OpenClaw.Desired.Bench
{
    internal static class Stats
    {
        public static string Row(string name, IReadOnlyList<double> values)
        {
            var sorted = values.Order().ToArray();
            string F(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
            return $"| {name} | {F(sorted[sorted.Length / 2])} | {F(sorted[(int)(sorted.Length * 0.9)])} | {F(sorted[0])} | {F(sorted[^1])} |";
        }
    }
}
