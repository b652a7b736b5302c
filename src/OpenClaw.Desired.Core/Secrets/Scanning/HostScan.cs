using OpenClaw.Desired.Host;

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

    public static HostScanResult Run(HostRoot root, HostScanScope scope, Func<string, string> fingerprint)
    {
        var files = new List<ScannedFile>();
        var skipped = new List<SkippedFile>();
        var excluded = scope.Exclude.Select(p => new Glob(p)).ToList();
        var stores = scope.StoreFiles.ToHashSet(StringComparer.Ordinal);
        foreach (var hostPath in Targets(root, scope).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(MaxFiles))
        {
            if (stores.Contains(hostPath) || excluded.Any(g => g.Matches(hostPath)) || !File.Exists(root.Resolve(hostPath)))
            {
                continue;
            }

            var (file, skip) = FileSecretScanner.ScanFile(root.Resolve(hostPath), hostPath, fingerprint, scope.Rules);
            if (file is not null)
            {
                files.Add(file);
            }
            else if (skip is not null)
            {
                skipped.Add(skip);
            }
        }

        return new HostScanResult(files, skipped);
    }

    private static IEnumerable<string> Targets(HostRoot root, HostScanScope scope)
    {
        var paths = scope.Paths;
        yield return paths.ConfigPath;
        foreach (var agent in Folders(root, paths.StateDir + "/agents"))
        {
            foreach (var name in new[] { "auth-profiles.json", "auth.json", "models.json" })
            {
                yield return $"{agent}/agent/{name}";
            }

            if (scope.SessionLogs)
            {
                foreach (var log in Walk(root, agent + "/sessions", p => p.EndsWith(".jsonl", StringComparison.Ordinal)))
                {
                    yield return log;
                }
            }
        }

        foreach (var env in Walk(root, paths.StateDir, IsEnvFile, skip: "agents"))
        {
            yield return env;
        }

        foreach (var text in Walk(root, paths.Workspace, p => IsEnvFile(p) || TextExtensions.Any(e => p.EndsWith(e, StringComparison.OrdinalIgnoreCase))))
        {
            yield return text;
        }

        foreach (var extra in scope.ExtraPaths)
        {
            var real = root.Resolve(extra);
            if (File.Exists(real))
            {
                yield return extra;
            }

            foreach (var file in Walk(root, extra, _ => true))
            {
                yield return file;
            }
        }
    }

    private static bool IsEnvFile(string path) => FileSecretScanner.RoleOf(path) == FileRole.DotEnv;

    private static IEnumerable<string> Folders(HostRoot root, string hostPath)
    {
        var real = root.Resolve(hostPath);
        return Directory.Exists(real)
            ? Directory.EnumerateDirectories(real).Where(d => new DirectoryInfo(d).LinkTarget is null).Select(d => $"{hostPath}/{Path.GetFileName(d)}").Order(StringComparer.Ordinal)
            : [];
    }

    /// <summary>Files under a folder that pass the filter, without following links or entering skipped folders.</summary>
    private static IEnumerable<string> Walk(HostRoot root, string hostPath, Func<string, bool> wanted, string? skip = null)
    {
        var real = root.Resolve(hostPath);
        if (!Directory.Exists(real))
        {
            yield break;
        }

        var options = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        var pending = new Stack<string>([hostPath]);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            var realFolder = root.Resolve(folder);
            foreach (var file in Directory.EnumerateFiles(realFolder, "*", options))
            {
                var path = $"{folder}/{Path.GetFileName(file)}";
                if (wanted(path))
                {
                    yield return path;
                }
            }

            foreach (var sub in Directory.EnumerateDirectories(realFolder, "*", options))
            {
                var name = Path.GetFileName(sub);
                if (!SkippedFolders.Contains(name) && !(folder == hostPath && name == skip))
                {
                    pending.Push($"{folder}/{name}");
                }
            }
        }
    }
}
