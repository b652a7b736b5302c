using System.Diagnostics;

namespace OpenClaw.Desired.Bench;

/// <summary>`health` as an operator or a timer runs it: a new process each time, wall clock and CPU (user + system) from GNU time.</summary>
internal static class HealthEndToEnd
{
    public static void Run(string cli, MonitoringBenchHost host, int runs)
    {
        var health = Sample(runs, () => Once(cli, ["health", "--posture", host.PosturePath, "--root", host.Root, "--state-dir", host.StateDir]));
        // The floor of every verb that reads a posture: process start and loading the posture, nothing else.
        var validate = Sample(runs, () => Once(cli, ["validate", "--posture", host.PosturePath]));

        Console.WriteLine($"`health` end to end on the demo host, {runs} runs after 1 warm-up (process start included); `validate` of the same posture for comparison");
        Console.WriteLine();
        Console.WriteLine("| per run | median | p90 | min | max |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        Console.WriteLine(Stats.Row("health wall ms", health.Select(h => h.WallMs).ToList()));
        Console.WriteLine(Stats.Row("health CPU ms (user+sys)", health.Select(h => h.CpuMs).ToList()));
        Console.WriteLine(Stats.Row("health peak RSS MiB", health.Select(h => h.RssMiB).ToList()));
        Console.WriteLine(Stats.Row("validate wall ms", validate.Select(h => h.WallMs).ToList()));
        Console.WriteLine(Stats.Row("validate CPU ms (user+sys)", validate.Select(h => h.CpuMs).ToList()));
    }

    private static List<(double WallMs, double CpuMs, double RssMiB)> Sample(int runs, Func<(double, double, double)> once)
    {
        var samples = new List<(double, double, double)>();
        for (var run = 0; run <= runs; run++)
        {
            var sample = once();
            if (run > 0)
            {
                samples.Add(sample);
            }
        }

        return samples;
    }

    private static (double WallMs, double CpuMs, double RssMiB) Once(string cli, IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-f", "cpu=%U %S rss=%M", cli }.Concat(arguments))
        {
            info.ArgumentList.Add(arg);
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start /usr/bin/time");
        _ = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var wall = watch.Elapsed.TotalMilliseconds;
        var line = stderr.Split('\n').Last(l => l.StartsWith("cpu=", StringComparison.Ordinal));
        var parts = line.Replace("cpu=", "", StringComparison.Ordinal).Replace("rss=", "", StringComparison.Ordinal).Split(' ');
        var user = double.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        var system = double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        return (wall, (user + system) * 1000, double.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture) / 1024);
    }
}
