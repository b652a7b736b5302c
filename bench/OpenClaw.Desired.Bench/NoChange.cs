using System.Diagnostics;
using System.Globalization;

namespace OpenClaw.Desired.Bench;

/// <summary>
/// A dry run with nothing to change against the reads it cannot avoid: the 10× host is converged once
/// (a real apply, root only), then its dry run's plan time (from the report) is set beside reading, in this
/// warm process, every file under the OpenClaw home once, which is the least any probe of those files costs.
/// </summary>
internal static class NoChange
{
    public static void Report(Args options, string repo, string posture, string work)
    {
        if (Environment.UserName != "root")
        {
            Console.WriteLine("no-change dry run: skipped (the converging apply needs root)");
            return;
        }

        var root = Path.Combine(work, "in-sync");
        var state = Path.Combine(work, "in-sync-state");
        HostGenerator.Generate(Path.Combine(repo, "examples", "demo-host"), root, 10);
        Measure.Run(options.Cli, ["reconcile", "--yes", "--quiet", "--no-color", "--posture", posture, "--root", root, "--state-dir", state]);
        var dry = Measure.Many(options.Cli, ["reconcile", "--dry-run", "--output", "json", "--quiet", "--no-color", "--posture", posture, "--root", root, "--state-dir", state], options.Runs);
        var home = Path.Combine(root, "home", "claw", ".openclaw");
        var raw = Enumerable.Range(0, options.Runs + 1).Select(_ => ReadAll(home)).Skip(1).Order().ToList();
        var plan = dry.Select(d => d.PlanMs).Order().ToList();
        var (files, bytes) = Count(home);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"no-change dry run (10× host, converged): plan {plan[plan.Count / 2]:0.0} ms vs raw reads {raw[raw.Count / 2]:0.0} ms ({files} files, {bytes / 1048576.0:0.0} MiB read once): {plan[plan.Count / 2] / raw[raw.Count / 2]:0.0}×; wall median {dry.Select(d => d.Ms).Order().ElementAt(dry.Count / 2):0} ms"));
        if (options.Sizes.Contains("s10000"))
        {
            SkillsAfterApply(options, repo, posture, work);
        }
    }

    /// <summary>
    /// The 10,000-skill host in its steady state: converged once by a basic-tier variant of the bench posture (no
    /// allowlist, so every skill stays and is audited; the apply keeps the audit verdicts), then dry-run again.
    /// </summary>
    private static void SkillsAfterApply(Args options, string repo, string posture, string work)
    {
        var root = Path.Combine(work, "in-sync-s10000");
        var state = Path.Combine(work, "in-sync-s10000-state");
        var variant = Path.Combine(work, "posture.s10000.yaml");
        File.WriteAllText(variant, File.ReadAllText(posture)
            .Replace("tier: standard", "tier: basic", StringComparison.Ordinal)
            .Replace("allowlistOnly: true", "allowlistOnly: false", StringComparison.Ordinal));
        HostGenerator.Generate(Path.Combine(repo, "examples", "demo-host"), root, 1, 10_000);
        Measure.Run(options.Cli, ["reconcile", "--yes", "--quiet", "--no-color", "--posture", variant, "--root", root, "--state-dir", state]);
        var dry = Measure.Many(options.Cli, ["reconcile", "--dry-run", "--output", "json", "--quiet", "--no-color", "--posture", variant, "--root", root, "--state-dir", state], options.Runs);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"10,000 skills after an apply (basic tier, no allowlist): wall median {dry.Select(d => d.Ms).Order().ElementAt(dry.Count / 2):0} ms, min {dry.Min(d => d.Ms):0} ms; plan median {dry.Select(d => d.PlanMs).Order().ElementAt(dry.Count / 2):0} ms"));
    }

    private static double ReadAll(string folder)
    {
        var watch = Stopwatch.StartNew();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            File.ReadAllBytes(file);
        }

        return watch.Elapsed.TotalMilliseconds;
    }

    private static (int Files, long Bytes) Count(string folder)
    {
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => new FileInfo(f).Length).ToList();
        return (files.Count, files.Sum());
    }
}
