using System.Diagnostics;
using System.Globalization;
using OpenClaw.Desired.Bench;

// Dry-run wall time and peak memory of `openclaw-desired reconcile --dry-run`, process start included,
// on hosts of growing size. Usage: dotnet run -c Release --project bench/OpenClaw.Desired.Bench -- --cli PATH [--runs N] [--sizes 1,10,100]
var options = Args.Parse(args);
var repo = Args.FindRepo();
var posture = Path.Combine(repo, "bench", "posture.bench.yaml");
var work = Directory.CreateTempSubdirectory("ocd-bench-");
try
{
    Console.WriteLine($"openclaw-desired dry run, {options.Runs} runs per size after 1 warm-up; CLI {options.Cli}");
    Console.WriteLine();
    Console.WriteLine("| host | skills | agents | openclaw.json | workspace | wall median | wall min | peak RSS |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
    foreach (var factor in options.Sizes)
    {
        var root = Path.Combine(work.FullName, $"x{factor}");
        var size = HostGenerator.Generate(Path.Combine(repo, "examples", "demo-host"), root, factor);
        var samples = new List<(double Ms, long Kb)>();
        for (var run = 0; run <= options.Runs; run++)
        {
            var sample = Measure.Run(options.Cli, ["reconcile", "--dry-run", "--quiet", "--no-color", "--posture", posture, "--root", root]);
            if (run > 0)
            {
                samples.Add(sample);
            }
        }

        var walls = samples.Select(s => s.Ms).Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {(factor == 1 ? "demo" : $"{factor}× demo")} | {size.Skills} | {size.Agents} | {size.ConfigBytes / 1024.0:0} KiB | {size.WorkspaceBytes / 1048576.0:0.0} MiB | {walls[walls.Count / 2]:0} ms | {walls[0]:0} ms | {samples.Max(s => s.Kb) / 1024.0:0} MiB |"));
    }
}
finally
{
    work.Delete(recursive: true);
}

internal sealed record Args(string Cli, int Runs, int[] Sizes)
{
    public static Args Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var cli = Value("--cli") ?? Path.Combine(FindRepo(), "artifacts", "bench", "cli", "openclaw-desired");
        var runs = int.Parse(Value("--runs") ?? "5", CultureInfo.InvariantCulture);
        var sizes = (Value("--sizes") ?? "1,10,100").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        return new Args(cli, runs, sizes);
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

/// <summary>One run of the CLI under GNU time: wall clock from here, peak RSS from time's %M.</summary>
internal static class Measure
{
    public static (double Ms, long Kb) Run(string cli, IReadOnlyList<string> arguments)
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
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        watch.Stop();
        if (process.ExitCode is not (0 or 2 or 3 or 4))
        {
            throw new InvalidOperationException($"dry run failed ({process.ExitCode}): {stdout}{stderr}");
        }

        var line = stderr.Split('\n').Last(l => l.StartsWith("maxrss=", StringComparison.Ordinal));
        return (watch.Elapsed.TotalMilliseconds, long.Parse(line["maxrss=".Length..], CultureInfo.InvariantCulture));
    }
}
