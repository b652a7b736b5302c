using OpenClaw.Desired.Host;
using OpenClaw.Desired.Host.Fs;

namespace OpenClaw.Desired.Secrets.Scanning;

/// <summary>What to scan on a host and what to leave out.</summary>
public sealed record HostScanScope(
    OpenClawPaths Paths,
    bool SessionLogs,
    IReadOnlyList<string> ExtraPaths,
    IReadOnlyList<string> Exclude,
    IReadOnlyList<string> StoreFiles)
{
    /// <summary>The user's extra rules and allowlists (posture <c>secrets.scan.rules</c>).</summary>
    public Rules.UserRules? Rules { get; init; }
}

/// <summary>Everything a host scan found, with the files it read and those it had to skip.</summary>
public sealed record HostScanResult(IReadOnlyList<ScannedFile> Files, IReadOnlyList<SkippedFile> Skipped)
{
    public IEnumerable<FoundSecret> Findings => Files.SelectMany(f => f.Findings);

    /// <summary>Sensitive identifiers that are not secrets: reported at low severity, never moved.</summary>
    public IEnumerable<FoundSecret> Identifiers => Files.SelectMany(f => f.Identifiers);

    public long Bytes => Files.Sum(f => f.Bytes);
}

/// <summary>
/// The files where an OpenClaw host keeps credentials by accident or by design: openclaw.json, the agents'
/// auth-profiles.json, models.json and auth.json, .env files, the workspace's Markdown and text (MEMORY.md,
/// memory/*.md, skills), session logs when asked, and any extra paths. The store's own files are left out:
/// secrets belong there. Symbolic links are not followed.
/// </summary>
public static class HostScan
{
    private const int MaxFiles = 20_000;
    private static readonly string[] TextExtensions = [".md", ".markdown", ".txt"];
    private static readonly string[] SkippedFolders = [".git", "node_modules", "sandboxes", ".venv", "__pycache__"];

    public static HostScanResult Run(HostRoot root, HostScanScope scope, Func<string, string> fingerprint) =>
        Run(new HostFs(root), scope, fingerprint);

    /// <summary>Scans on descriptors: links are never followed, FIFOs and devices never opened (they are skipped, and named).</summary>
    public static HostScanResult Run(HostFs fs, HostScanScope scope, Func<string, string> fingerprint)
    {
        var files = new List<ScannedFile>();
        var skipped = new List<SkippedFile>();
        var excluded = scope.Exclude.Select(p => new Glob(p)).ToList();
        var stores = scope.StoreFiles.ToHashSet(StringComparer.Ordinal);
        foreach (var hostPath in Targets(fs, scope, skipped).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(MaxFiles))
        {
            if (stores.Contains(hostPath) || excluded.Any(g => g.Matches(hostPath)))
            {
                continue;
            }

            HostStat stat;
            try
            {
                stat = fs.Stat(hostPath);
            }
            catch (UnsafePathException e)
            {
                skipped.Add(new SkippedFile(e.HostPath, e.Detail));
                continue;
            }

            if (!stat.Exists || stat.IsDirectory)
            {
                continue;
            }

            if (!stat.IsFile)
            {
                skipped.Add(new SkippedFile(hostPath, $"is {HostStat.Describe(stat.Type)}; not opened"));
                continue;
            }

            var (file, skip) = FileSecretScanner.ScanFile(fs, hostPath, fingerprint, rules: scope.Rules);
            if (file is not null)
            {
                files.Add(file);
            }
            else if (skip is not null)
            {
                skipped.Add(skip);
            }
        }

        return new HostScanResult(files, skipped.DistinctBy(s => s.Path).ToList());
    }

    private static IEnumerable<string> Targets(HostFs fs, HostScanScope scope, List<SkippedFile> skipped)
    {
        var paths = scope.Paths;
        yield return paths.ConfigPath;
        foreach (var agent in Folders(fs, paths.StateDir + "/agents", skipped))
        {
            foreach (var name in new[] { "auth-profiles.json", "auth.json", "models.json" })
            {
                yield return $"{agent}/agent/{name}";
            }

            if (scope.SessionLogs)
            {
                foreach (var log in Walk(fs, agent + "/sessions", p => p.EndsWith(".jsonl", StringComparison.Ordinal), skipped))
                {
                    yield return log;
                }
            }
        }

        foreach (var env in Walk(fs, paths.StateDir, IsEnvFile, skipped, skip: "agents"))
        {
            yield return env;
        }

        foreach (var text in Walk(fs, paths.Workspace, p => IsEnvFile(p) || TextExtensions.Any(e => p.EndsWith(e, StringComparison.OrdinalIgnoreCase)), skipped))
        {
            yield return text;
        }

        foreach (var extra in scope.ExtraPaths)
        {
            if (Safe(() => fs.Stat(extra), skipped) is { IsDirectory: false, Exists: true })
            {
                yield return extra;
            }

            foreach (var file in Walk(fs, extra, _ => true, skipped))
            {
                yield return file;
            }
        }
    }

    private static bool IsEnvFile(string path) => FileSecretScanner.RoleOf(path) == FileRole.DotEnv;

    private static IEnumerable<string> Folders(HostFs fs, string hostPath, List<SkippedFile> skipped)
    {
        if (Safe(() => fs.StatFollow(hostPath), skipped) is not { IsDirectory: true })
        {
            return [];
        }

        return Safe(() => fs.List(hostPath), skipped)?.Where(e => e.Stat.IsDirectory).Select(e => $"{hostPath}/{e.Name}").ToList() ?? [];
    }

    /// <summary>Files under a folder that pass the filter, without following links or entering skipped folders.</summary>
    private static IEnumerable<string> Walk(HostFs fs, string hostPath, Func<string, bool> wanted, List<SkippedFile> skipped, string? skip = null)
    {
        var limits = new WalkLimits
        {
            MaxEntries = MaxFiles * 10,
            Enter = relative => !SkippedFolders.Contains(relative[(relative.LastIndexOf('/') + 1)..]) && relative != skip,
        };
        var found = new List<string>();
        try
        {
            foreach (var entry in fs.Walk(hostPath, limits))
            {
                if (entry.Problem is { } problem)
                {
                    skipped.Add(new SkippedFile(entry.HostPath, problem));
                }
                else if (!entry.Stat.IsDirectory && !entry.Stat.IsSymlink && wanted(entry.HostPath))
                {
                    found.Add(entry.HostPath);
                }
            }
        }
        catch (UnsafePathException e)
        {
            skipped.Add(new SkippedFile(e.HostPath, e.Detail));
        }
        catch (IOException e)
        {
            skipped.Add(new SkippedFile(hostPath, e.Message));
        }

        return found;
    }

    private static T? Safe<T>(Func<T> read, List<SkippedFile> skipped)
        where T : class
    {
        try
        {
            return read();
        }
        catch (UnsafePathException e)
        {
            skipped.Add(new SkippedFile(e.HostPath, e.Detail));
            return null;
        }
    }
}
