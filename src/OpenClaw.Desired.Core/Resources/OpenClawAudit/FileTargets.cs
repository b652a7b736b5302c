using Newtonsoft.Json.Linq;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Host.Fs;
using OpenClaw.Desired.OpenClaw;

namespace OpenClaw.Desired.Resources.OpenClawAudit;

/// <summary>A file or folder a file row covers, as lstat sees it.</summary>
public sealed record FileState(string HostPath, FileTarget Target, HostStat Stat);

/// <summary>
/// Finds what the file rows cover: the state dir, openclaw.json and its $include files, auth profiles, the
/// credentials folder, session stores and logs. Everything through <see cref="HostFs"/>: links are reported, never
/// followed; a path that cannot be looked at safely is a problem, not a crash.
/// </summary>
public static class FileTargets
{
    private const int MaxIncludeDepth = 4;

    public static (List<FileState> Files, List<string> Problems) Probe(HostContext host, OpenClawPaths paths, OpenClawConfig? config)
    {
        var files = new List<FileState>();
        var problems = new List<string>();
        void Add(string path, FileTarget target)
        {
            try
            {
                var stat = host.Fs.Stat(path);
                if (stat.Exists && !files.Any(f => f.HostPath == path))
                {
                    files.Add(new FileState(path, target, stat));
                }
            }
            catch (IOException e)
            {
                problems.Add(e.Message);
            }
        }

        IEnumerable<(string Name, HostStat Stat)> List(string folder)
        {
            try
            {
                return host.Fs.Stat(folder).IsDirectory ? host.Fs.List(folder) : [];
            }
            catch (IOException e)
            {
                problems.Add(e.Message);
                return [];
            }
        }

        // Includes and the log file are named in openclaw.json, which the agent user writes: outside the state dir,
        // only a file that user owns is theirs to tighten (never /etc/passwd because the config names it).
        var user = global::OpenClaw.Desired.Secrets.AgentUser.Lookup(host.Root, paths.User)?.Uid;
        void AddNamed(string path, FileTarget target)
        {
            if (!path.StartsWith(paths.StateDir.TrimEnd('/') + "/", StringComparison.Ordinal))
            {
                try
                {
                    if (host.Fs.Stat(path) is { Exists: true } stat && stat.Uid != user)
                    {
                        problems.Add($"{path}: named in openclaw.json, owned by uid {stat.Uid}, not by the OpenClaw user '{paths.User}'; its mode is left alone");
                        return;
                    }
                }
                catch (IOException e)
                {
                    problems.Add(e.Message);
                    return;
                }
            }

            Add(path, target);
        }

        Add(paths.StateDir, FileTarget.StateDir);
        Add(paths.ConfigPath, FileTarget.Config);
        foreach (var include in Includes(host, paths, config, problems))
        {
            AddNamed(include, FileTarget.ConfigInclude);
        }

        foreach (var (agent, stat) in List(paths.StateDir + "/agents").Where(e => e.Stat.IsDirectory))
        {
            Add($"{paths.StateDir}/agents/{agent}/agent/auth-profiles.json", FileTarget.AuthProfiles);
            var sessions = $"{paths.StateDir}/agents/{agent}/sessions";
            Add(sessions, FileTarget.SessionsDir);
            foreach (var (name, _) in List(sessions).Where(e => e.Stat.IsFile && (e.Name == "sessions.json" || e.Name.EndsWith(".jsonl", StringComparison.Ordinal))))
            {
                Add($"{sessions}/{name}", FileTarget.SessionFile);
            }
        }

        var credentials = paths.StateDir + "/credentials";
        Add(credentials, FileTarget.CredentialsDir);
        try
        {
            if (host.Fs.Stat(credentials).IsDirectory)
            {
                foreach (var entry in host.Fs.Walk(credentials, new WalkLimits { MaxDepth = 6, MaxEntries = 10_000 }).Where(e => e.Stat.IsFile))
                {
                    Add(entry.HostPath, FileTarget.CredentialFile);
                }
            }
        }
        catch (IOException e)
        {
            problems.Add(e.Message);
        }

        foreach (var log in Logs(host, paths, config, List))
        {
            AddNamed(log, FileTarget.LogFile);
        }

        return (files, problems);
    }

    /// <summary>Every file openclaw.json pulls in with $include (a path or a list), resolved like OpenClaw does, and theirs in turn.</summary>
    public static IReadOnlyList<string> Includes(HostContext host, OpenClawPaths paths, OpenClawConfig? config, List<string> problems)
    {
        var found = new List<string>();
        var queue = new Queue<(string From, JToken Root, int Depth)>();
        if (config is not null)
        {
            queue.Enqueue((paths.ConfigPath, JsonNodes.ToToken(config.Root), 0));
        }

        while (queue.Count > 0)
        {
            var (from, root, depth) = queue.Dequeue();
            var folder = from[..Math.Max(1, from.LastIndexOf('/'))];
            foreach (var property in (root as JContainer)?.DescendantsAndSelf().OfType<JProperty>().Where(p => p.Name == "$include") ?? [])
            {
                var values = property.Value is JArray list ? list.OfType<JValue>() : property.Value is JValue single ? [single] : [];
                foreach (var value in values.Where(v => v.Type == JTokenType.String).Select(v => (string)v!))
                {
                    var path = value.StartsWith('~') ? host.Homes.Expand(value, paths.User) : value.StartsWith('/') ? value : $"{folder}/{value}";
                    path = HostRoot.Normalize(path);
                    if (found.Contains(path))
                    {
                        continue;
                    }

                    found.Add(path);
                    try
                    {
                        if (depth + 1 < MaxIncludeDepth && host.Fs.Stat(path).IsFile && host.Fs.ReadAllText(path, 4 * 1024 * 1024) is { } text)
                        {
                            queue.Enqueue((path, JsonNodes.ToToken(OpenClawConfig.Parse(text).Root), depth + 1));
                        }
                    }
                    catch (Exception e) when (e is IOException or OpenClawConfigException)
                    {
                        problems.Add($"{path}: {e.Message}");
                    }
                }
            }
        }

        return found;
    }

    private static IEnumerable<string> Logs(HostContext host, OpenClawPaths paths, OpenClawConfig? config, Func<string, IEnumerable<(string Name, HostStat Stat)>> list)
    {
        if (config?.Get("/logging/file") is JValue { Type: JTokenType.String } file && ((string?)file)?.Length > 0)
        {
            var path = (string)file!;
            yield return HostRoot.Normalize(path.StartsWith('~') ? host.Homes.Expand(path, paths.User) : path);
            yield break;
        }

        foreach (var (name, _) in list("/tmp/openclaw").Where(e => e.Stat.IsFile && e.Name.StartsWith("openclaw-", StringComparison.Ordinal) && e.Name.EndsWith(".log", StringComparison.Ordinal)))
        {
            yield return $"/tmp/openclaw/{name}";
        }
    }
}
