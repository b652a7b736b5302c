using System.Diagnostics;

namespace OpenClaw.Desired.Bench;

/// <summary>`health` as an operator or a timer runs it: a new process each time, wall clock and CPU (user + system) from GNU time.</summary>
internal static class HealthEndToEnd
{
    public static void Run(string cli, MonitoringBenchHost host, int runs)
    {
        var wall = new List<double>();
        var cpu = new List<double>();
        var rss = new List<double>();
        for (var run = 0; run <= runs; run++)
        {
            var (w, c, r) = Once(cli, ["health", "--posture", host.PosturePath, "--root", host.Root, "--state-dir", host.StateDir]);
            if (run > 0)
            {
                wall.Add(w);
                cpu.Add(c);
                rss.Add(r);
            }
        }

        Console.WriteLine($"`health` end to end on the demo host, {runs} runs after 1 warm-up (process start included)");
        Console.WriteLine();
        Console.WriteLine("| per run | median | p90 | min | max |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        Console.WriteLine(Stats.Row("wall ms", wall));
        Console.WriteLine(Stats.Row("CPU ms (user+sys)", cpu));
        Console.WriteLine(Stats.Row("peak RSS MiB", rss));
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
