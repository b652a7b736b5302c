using System.Diagnostics;
using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Reconciliation;
using OpenClaw.Desired.Redaction;
using OpenClaw.Desired.Resources.Sandboxes;
using OpenClaw.Desired.Resources.Skills;
using OpenClaw.Desired.Resources.Skills.Audit;

[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

namespace OpenClaw.Desired.Bench.Sandboxes;

/// <summary>
/// Dry-run cost of the sandboxes and skills kinds with 100 and 1,000 skills on a warm engine (every skill
/// installed on disk and its container present and running), and the audit's throughput.
/// Usage: dotnet run -c Release --project bench/sandboxes [-- 100 1000]; "-- rules" times each audit rule.
/// </summary>
public static class Program
{
    private const string Image = "localhost/openclaw-desired-test:1";

    public static async Task<int> Main(string[] args)
    {
        if (args is ["rules"])
        {
            RuleCosts(FindRepo());
            return 0;
        }

        var sizes = args.Length > 0 ? args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [100, 1000];
        var repo = FindRepo();
        var work = Directory.CreateTempSubdirectory("ocd-bench-").FullName;
        var engineDir = Path.Combine(work, "engine");
        Directory.CreateDirectory(engineDir);
        var endpoint = (await Script(repo, "start", engineDir)).Trim().Split('\n')[^1];
        // A stopped benchmark must not leave a thousand containers behind.
        using var onTerm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, _ => Script(repo, "stop", engineDir).GetAwaiter().GetResult());
        using var onInt = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, _ => Script(repo, "stop", engineDir).GetAwaiter().GetResult());
        try
        {
            Console.WriteLine($"engine {endpoint}; {Environment.ProcessorCount} cores");
            Console.WriteLine();
            Console.WriteLine("| skills = containers | setup: create+start | first apply (full inspect) | dry run, whole reconcile (median of 5) | min | sandboxes plan, warm cache | sandboxes plan, no cache | skills plan (hash+audit) |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|");
            foreach (var n in sizes)
            {
                await MeasureAsync(repo, work, endpoint, n);
            }

            Console.WriteLine();
            AuditThroughput(repo, work);
        }
        finally
        {
            await Script(repo, "stop", engineDir);
            Directory.Delete(work, recursive: true);
        }

        return 0;
    }

    private static async Task MeasureAsync(string repo, string work, string endpoint, int n)
    {
        var root = Path.Combine(work, $"root-{n}");
        var names = MakeHost(repo, root, n);
        var posture = Path.Combine(work, $"posture-{n}.yaml");
        await File.WriteAllTextAsync(posture, Posture(endpoint, names));
        var loaded = PostureLoader.LoadFile(posture);
        var effective = loaded.Posture ?? throw new InvalidOperationException(string.Join("\n", loaded.Diagnostics));
        using var http = new HttpClient();
        var host = new HostContext(new HostRoot(root), new ProcessCommandRunner(), TimeProvider.System, http, new SecretRedactor());
        var desired = SandboxesDesired.For(effective, host);

        using var client = new DockerClientBuilder().WithEndpoint(new Uri(endpoint)).Build();
        await ClearAsync(client);
        var setup = Stopwatch.StartNew();
        await CreateAsync(client, desired);
        setup.Stop();

        var stateDir = Path.Combine(work, $"state-{n}");
        var options = new RunOptions { PosturePath = posture, Root = root, StateDir = stateDir, DryRun = true };
        var run = new ReconcileRun(ResourceKinds.All(), new ProcessCommandRunner(), TimeProvider.System, http);
        // One applying run: converges what the containers do not decide (openclaw.json, the demo's stray skill)
        // and leaves the inspect cache a real host has after its first run.
        var apply = Stopwatch.StartNew();
        var (applied, _) = await run.RunAsync(options with { DryRun = false }, null, CancellationToken.None);
        apply.Stop();
        if (applied.Changes.Any(c => c.Kind == "sandboxes" && c.Resource.StartsWith("container/", StringComparison.Ordinal)) || applied.ExitCode != 0)
        {
            var stuck = applied.NotConverged.Concat(applied.Changes.Where(c => c.Outcome is "failed" or "stalled")).Take(5).Select(c => $"{c.Kind}/{c.Resource}: {c.Before} -> {c.After} {c.Message}");
            throw new InvalidOperationException($"the warm engine is not converged: {applied.Result}\n{string.Join("\n", stuck)}");
        }

        var cold = Stopwatch.StartNew();
        var coldHost = new HostContext(new HostRoot(root), new ProcessCommandRunner(), TimeProvider.System, http, new SecretRedactor()) { DryRun = true };
        await new SandboxesKind().PlanAsync(effective, coldHost, CancellationToken.None);
        cold.Stop();

        var totals = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var (report, _) = await run.RunAsync(options, null, CancellationToken.None);
            totals.Add(report.Timings.TotalMs);
        }

        var warmHost = new HostContext(new HostRoot(root), new ProcessCommandRunner(), TimeProvider.System, http, new SecretRedactor()) { StateDir = stateDir, DryRun = true };
        var sandboxes = Stopwatch.StartNew();
        await new SandboxesKind().PlanAsync(effective, warmHost, CancellationToken.None);
        sandboxes.Stop();
        var skills = Stopwatch.StartNew();
        await new SkillsKind().PlanAsync(effective, host, CancellationToken.None);
        skills.Stop();
        totals.Sort();
        Console.WriteLine($"| {n} | {setup.Elapsed.TotalSeconds:0.0} s | {apply.Elapsed.TotalSeconds:0.00} s | {totals[2] / 1000:0.00} s | {totals[0] / 1000:0.00} s | {sandboxes.Elapsed.TotalSeconds:0.00} s | {cold.Elapsed.TotalSeconds:0.00} s | {skills.Elapsed.TotalSeconds:0.00} s |");
        await ClearAsync(client);
    }

    /// <summary>A host with N skills in the workspace: copies of the benign corpus and the demo's skills under new names.</summary>
    private static List<string> MakeHost(string repo, string root, int n)
    {
        var demo = Path.Combine(repo, "examples", "demo-host");
        Copy(demo, root);
        var skillsDir = Path.Combine(root, "home/claw/.openclaw/workspace/skills");
        var sources = Directory.GetDirectories(Path.Combine(repo, "tests/OpenClaw.Desired.Tests/Resources/Skills/Corpus/benign")).Order().ToList();
        var names = new List<string>();
        for (var i = 0; i < n; i++)
        {
            var name = $"skill-{i:D4}";
            var target = Path.Combine(skillsDir, name);
            Copy(sources[i % sources.Count], target);
            var manifest = Path.Combine(target, "SKILL.md");
            File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("name: ", $"name: {name}\noriginal: ", StringComparison.Ordinal));
            names.Add(name);
        }

        return names;
    }

    private static string Posture(string endpoint, List<string> names) =>
        $"""
        apiVersion: openclaw.desired/v1
        tier: basic
        openclaw:
          user: claw
          stateDir: ~/.openclaw
        agent:
          skills:
            allowlistOnly: true
            allow: [{string.Join(", ", names.Concat(["weather", "github-triage"]))}]
        sandboxes:
          engine:
            socket: {endpoint}
          defaults:
            image: {Image}
            command: ["sleep", "100000"]
            memory: 32m
            pids: 32
            cpus: 0.1
          audit:
            block: high
        """;

    /// <summary>Creates and starts every desired container with exactly the reconciler's parameters, four at a time.</summary>
    private static async Task CreateAsync(DockerClient client, SandboxesDesired desired)
    {
        foreach (var output in desired.Containers.Select(c => c.Binds.First(b => b.Target == "/output").Source))
        {
            Directory.CreateDirectory(output);
        }

        using var gate = new SemaphoreSlim(4);
        await Task.WhenAll(desired.Containers.Select(async container =>
        {
            await gate.WaitAsync();
            try
            {
                var created = await client.Containers.CreateContainerAsync(ContainerFactory.Parameters(container));
                await client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters());
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    private static async Task ClearAsync(DockerClient client)
    {
        var all = await client.Containers.ListContainersAsync(new ContainersListParameters { All = true });
        using var gate = new SemaphoreSlim(4);
        await Task.WhenAll(all.Select(async c =>
        {
            await gate.WaitAsync();
            try
            {
                await client.Containers.RemoveContainerAsync(c.ID, new ContainerRemoveParameters { Force = true });
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    /// <summary>MB/s of the audit over the corpus (benign and malicious), repeated to about 50 MB.</summary>
    private static void AuditThroughput(string repo, string work)
    {
        var corpus = Path.Combine(repo, "tests/OpenClaw.Desired.Tests/Resources/Skills/Corpus");
        var folders = Directory.GetDirectories(Path.Combine(corpus, "benign")).Concat(Directory.GetDirectories(Path.Combine(corpus, "malicious"))).ToList();
        var big = Path.Combine(work, "big-skill");
        Directory.CreateDirectory(big);
        var text = string.Concat(folders.SelectMany(f => Directory.GetFiles(f, "*", SearchOption.AllDirectories)).Where(f => !f.EndsWith("fmt", StringComparison.Ordinal)).Select(File.ReadAllText));
        for (var i = 0; i < 12; i++)
        {
            File.WriteAllText(Path.Combine(big, $"part-{i}.md"), string.Concat(Enumerable.Repeat(text, Math.Max(1, 4_000_000 / text.Length))));
        }

        SkillAuditor.AuditFolder(folders[0]);
        var corpusWatch = Stopwatch.StartNew();
        long corpusBytes = 0;
        for (var round = 0; round < 20; round++)
        {
            corpusBytes += folders.Sum(f => SkillAuditor.AuditFolder(f).BytesScanned);
        }

        corpusWatch.Stop();
        var bigWatch = Stopwatch.StartNew();
        var bigAudit = SkillAuditor.AuditFolder(big);
        bigWatch.Stop();
        var parallelWatch = Stopwatch.StartNew();
        var parallelBytes = Enumerable.Range(0, 20).AsParallel().Sum(_ => folders.Sum(f => SkillAuditor.AuditFolder(f).BytesScanned));
        parallelWatch.Stop();
        Console.WriteLine("| audit input | bytes | time | throughput |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine($"| corpus ({folders.Count} skills) x 20, one thread | {corpusBytes / 1e6:0.0} MB | {corpusWatch.Elapsed.TotalSeconds:0.00} s | {corpusBytes / 1e6 / corpusWatch.Elapsed.TotalSeconds:0.0} MB/s |");
        Console.WriteLine($"| corpus x 20, all cores | {parallelBytes / 1e6:0.0} MB | {parallelWatch.Elapsed.TotalSeconds:0.00} s | {parallelBytes / 1e6 / parallelWatch.Elapsed.TotalSeconds:0.0} MB/s |");
        Console.WriteLine($"| one skill of 12 large files, one thread | {bigAudit.BytesScanned / 1e6:0.0} MB | {bigWatch.Elapsed.TotalSeconds:0.00} s | {bigAudit.BytesScanned / 1e6 / bigWatch.Elapsed.TotalSeconds:0.0} MB/s |");
    }

    /// <summary>Time per audit rule over the whole corpus text repeated to about 4 MB: where the audit spends its time.</summary>
    private static void RuleCosts(string repo)
    {
        var corpus = Path.Combine(repo, "tests/OpenClaw.Desired.Tests/Resources/Skills/Corpus");
        var text = string.Concat(Directory.GetFiles(corpus, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith("fmt", StringComparison.Ordinal)).Select(File.ReadAllText));
        text = string.Concat(Enumerable.Repeat(text, Math.Max(1, 4_000_000 / text.Length)));
        foreach (var rule in AuditRules.All)
        {
            rule.Pattern.Count(text);
            var watch = Stopwatch.StartNew();
            var count = rule.MayMatch(text) ? rule.Pattern.Count(text) : 0;
            Console.WriteLine($"{rule.Id,-24} {watch.Elapsed.TotalMilliseconds,8:0.0} ms {count,6} matches");
        }
    }

    private static async Task<string> Script(string repo, string verb, string dir)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(repo, "scripts", "podman-test-engine.sh"));
        info.ArgumentList.Add(verb);
        info.ArgumentList.Add(dir);
        info.Environment["TEST_IMAGE"] = Image;
        info.Environment["TEST_NPROC"] = "8192";
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"podman-test-engine.sh {verb} failed");
    }

    private static void Copy(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }

    private static string FindRepo()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OpenClaw.Desired.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("run from inside the repository");
    }
}
