using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using OpenClaw.Desired.Bench;

// Dry-run wall time and peak memory of `openclaw-desired reconcile --dry-run`, process start included,
// on hosts of growing size; the posture load and plan times the reports give; and a no-change dry run
// against the raw reads it needs. Usage:
//   dotnet run -c Release --project bench/OpenClaw.Desired.Bench -- --cli PATH [--runs N] [--sizes 1,10,100,s10000] [--keep DIR]
// A size N is the demo scaled N times; sN is the demo with N generated skills (and nothing else scaled).
// --keep DIR generates the hosts in DIR and leaves them there (for profiling one by hand).
var options = Args.Parse(args);
var repo = Args.FindRepo();
var posture = Path.Combine(repo, "bench", "posture.bench.yaml");
var work = options.Keep is { } keep ? Directory.CreateDirectory(keep) : Directory.CreateTempSubdirectory("ocd-bench-");
try
{
    Console.WriteLine($"openclaw-desired dry run, {options.Runs} runs per size after 1 warm-up; CLI {options.Cli}");
    Console.WriteLine();
    Console.WriteLine("| host | skills | agents | openclaw.json | workspace | wall median | wall min | load (report) | plan (report) | peak RSS |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    foreach (var size in options.Sizes)
    {
        var root = Path.Combine(work.FullName, size);
        var (factor, skills) = size.StartsWith('s') ? (1, int.Parse(size[1..], CultureInfo.InvariantCulture)) : (int.Parse(size, CultureInfo.InvariantCulture), (int?)null);
        var host = HostGenerator.Generate(Path.Combine(repo, "examples", "demo-host"), root, factor, skills);
        var samples = Measure.Many(options.Cli, ["reconcile", "--dry-run", "--output", "json", "--quiet", "--no-color", "--posture", posture, "--root", root], options.Runs);
        var name = skills is { } s ? $"{s:N0} skills" : factor == 1 ? "demo" : $"{factor}× demo";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {host.Skills} | {host.Agents} | {host.ConfigBytes / 1024.0:0} KiB | {host.WorkspaceBytes / 1048576.0:0.0} MiB | {Median(samples.Select(x => x.Ms)):0} ms | {samples.Min(x => x.Ms):0} ms | {Median(samples.Select(x => x.LoadMs)):0.0} ms | {Median(samples.Select(x => x.PlanMs)):0} ms | {samples.Max(x => x.Kb) / 1024.0:0} MiB |"));
    }

    Console.WriteLine();
    var validate = Measure.Many(options.Cli, ["validate", "--posture", posture], options.Runs);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"validate: wall median {Median(validate.Select(x => x.Ms)):0} ms, min {validate.Min(x => x.Ms):0} ms"));
    NoChange.Report(options, repo, posture, work.FullName);
}
finally
{
    if (options.Keep is null)
    {
        work.Delete(recursive: true);
    }
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToList();
    return sorted[sorted.Count / 2];
}

internal sealed record Args(string Cli, int Runs, string[] Sizes, string? Keep = null)
{
    public static Args Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var cli = Value("--cli") ?? Path.Combine(FindRepo(), "artifacts", "bench", "cli", "openclaw-desired");
        var runs = int.Parse(Value("--runs") ?? "5", CultureInfo.InvariantCulture);
        var sizes = (Value("--sizes") ?? "1,10,100,s10000").Split(',');
        return new Args(cli, runs, sizes, Value("--keep"));
    }

    public static string FindRepo()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OpenClaw.Desired.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("run the benchmark from inside the repository");
    }
}

/// <summary>One run of the CLI under GNU time: wall clock from here, peak RSS from time's %M, and the report's own load and plan times.</summary>
internal static class Measure
{
    public sealed record Sample(double Ms, long Kb, double LoadMs, double PlanMs);

    public static List<Sample> Many(string cli, IReadOnlyList<string> arguments, int runs) =>
        Enumerable.Range(0, runs + 1).Select(_ => Run(cli, arguments)).Skip(1).ToList();

    public static Sample Run(string cli, IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-f");
        info.ArgumentList.Add("maxrss=%M");
        info.ArgumentList.Add(cli);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start /usr/bin/time");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        watch.Stop();
        if (process.ExitCode is not (0 or 2 or 3 or 4 or 5))
        {
            throw new InvalidOperationException($"{string.Join(' ', arguments)} failed ({process.ExitCode}): {stdout.Result}{stderr}");
        }

        var line = stderr.Split('\n').Last(l => l.StartsWith("maxrss=", StringComparison.Ordinal));
        var (load, plan) = (0.0, 0.0);
        if (stdout.Result.TrimStart().StartsWith('{'))
        {
            using var report = JsonDocument.Parse(stdout.Result);
            var timings = report.RootElement.GetProperty("timings");
            (load, plan) = (timings.GetProperty("loadMs").GetDouble(), timings.GetProperty("planMs").GetDouble());
        }

        return new Sample(watch.Elapsed.TotalMilliseconds, long.Parse(line["maxrss=".Length..], CultureInfo.InvariantCulture), load, plan);
    }
}
