using System.Diagnostics;
using System.Globalization;
using System.Text;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Reconciliation;
using OpenClaw.Desired.Resources.Firewall;

// Dry run of the firewall kind with 100, 1,000 and 10,000 egress rules: posture load (YAML, schema, checks),
// probe (nft -j list table in a namespace), diff and plan, against an empty table and against a table that
// already holds the rules with 1% of them changed. Target: at most 1 s for 10,000 rules.
var sizes = args.Length > 0 ? args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [100, 1_000, 10_000];
const int Runs = 5;
if (!OpenClawDesiredBench.Namespace.CanUseNft())
{
    Console.Error.WriteLine("needs root and nft: the probe lists a real table in a network namespace");
    return 1;
}

using var http = new HttpClient();
var runner = new ProcessCommandRunner();
Console.WriteLine($"load average before: {File.ReadAllText("/proc/loadavg").Trim()}");
Console.WriteLine("| rules | table on host | changes | load ms | plan ms | wall ms | cpu ms |");
Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|");
foreach (var size in sizes)
{
    using var ns = OpenClawDesiredBench.Namespace.Create();
    var folder = Directory.CreateTempSubdirectory("ocd-bench-").FullName;
    try
    {
        var root = Path.Combine(folder, "root");
        Directory.CreateDirectory(root);
        var posture = Path.Combine(folder, "posture.yaml");
        var changed = Path.Combine(folder, "changed.yaml");
        File.WriteAllText(posture, OpenClawDesiredBench.Postures.WithRules(ns.Name, size, changedEvery: 0));
        File.WriteAllText(changed, OpenClawDesiredBench.Postures.WithRules(ns.Name, size, changedEvery: 100));
        var run = new ReconcileRun([new FirewallKind()], runner, TimeProvider.System, http);
        RunOptions Options(string path, bool dryRun) => new() { PosturePath = path, Root = root, StateDir = Path.Combine(folder, "state"), DryRun = dryRun };

        await Measure("empty", posture);
        var apply = Stopwatch.StartNew();
        var (applied, _) = await run.RunAsync(Options(posture, false), null, CancellationToken.None);
        apply.Stop();
        if (applied.ExitCode != 0)
        {
            Console.Error.WriteLine($"apply of {size} rules failed: {string.Join("; ", applied.Diagnostics)} {string.Join("; ", applied.Changes.Select(c => c.Message).Distinct().Take(3))}");
            return 1;
        }

        await Measure("holds them, 1% differ", changed);
        Console.Error.WriteLine($"  ({size} rules: apply with commit-confirm {apply.Elapsed.TotalMilliseconds:0} ms)");

        async Task Measure(string state, string path)
        {
            var samples = new List<(double Load, double Plan, double Total, double Cpu, int Changes)>();
            for (var i = 0; i < Runs + 1; i++)
            {
                var cpu = OpenClawDesiredBench.CpuTime.Now();
                var (report, _) = await run.RunAsync(Options(path, true), null, CancellationToken.None);
                var cpuMs = (OpenClawDesiredBench.CpuTime.Now() - cpu).TotalMilliseconds;
                if (report.Unknowns.Count > 0)
                {
                    throw new InvalidOperationException(report.Unknowns[0].Reason);
                }

                if (i > 0)
                {
                    samples.Add((report.Timings.LoadMs, report.Timings.PlanMs, report.Timings.TotalMs, cpuMs, report.Changes.Count));
                }
            }

            // Medians; on a shared machine the wall time swings with load, the CPU time (this process and nft) much less.
            double Median(Func<(double Load, double Plan, double Total, double Cpu, int Changes), double> pick) => samples.Select(pick).Order().ElementAt(samples.Count / 2);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {size:N0} | {state} | {samples[0].Changes:N0} | {Median(s => s.Load):0} | {Median(s => s.Plan):0} | {Median(s => s.Total):0} | {Median(s => s.Cpu):0} |"));
        }
    }
    finally
    {
        Directory.Delete(folder, recursive: true);
    }
}

return 0;

namespace OpenClawDesiredBench
{
    /// <summary>Postures with many egress rules; every 100th one differs in the changed variant.</summary>
    internal static class Postures
    {
        public static string WithRules(string netns, int count, int changedEvery)
        {
            var text = new StringBuilder($"apiVersion: openclaw.desired/v1\ntier: basic\nfirewall:\n  level: filter\n  netns: {netns}\n  confirmTimeout: 30s\n  egress:\n");
            for (var i = 0; i < count; i++)
            {
                var port = 1024 + (i % 60000);
                var changed = changedEvery > 0 && i % changedEvery == 0;
                text.Append(CultureInfo.InvariantCulture, $"    - name: r{i}\n      proto: tcp\n      ports: [{(changed ? port + 1 : port)}]\n      to: [10.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}]\n");
            }

            return text.ToString();
        }
    }

    /// <summary>CPU time of this process and of the children it waited for (nsenter, nft), from /proc/self/stat.</summary>
    internal static class CpuTime
    {
        public static TimeSpan Now()
        {
            var stat = File.ReadAllText("/proc/self/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = new[] { 11, 12, 13, 14 }.Sum(i => long.Parse(fields[i], CultureInfo.InvariantCulture));
            return TimeSpan.FromSeconds(ticks / 100.0);
        }
    }

    /// <summary>A throwaway network namespace for the table, deleted on dispose.</summary>
    internal sealed class Namespace : IDisposable
    {
        private Namespace(string name) => Name = name;

        public string Name { get; }

        public static bool CanUseNft() => Run("nft", "--version") == 0 && Environment.UserName == "root";

        public static Namespace Create()
        {
            var ns = new Namespace($"ocd-bench-{Guid.NewGuid():N}"[..18]);
            if (Run("ip", "netns", "add", ns.Name) != 0)
            {
                throw new InvalidOperationException("ip netns add failed");
            }

            Run("ip", "-n", ns.Name, "link", "set", "lo", "up");
            return ns;
        }

        public void Dispose() => Run("ip", "netns", "del", Name);

        private static int Run(string file, params string[] args)
        {
            var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in args)
            {
                info.ArgumentList.Add(arg);
            }

            using var process = Process.Start(info)!;
            process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode;
        }
    }
}
