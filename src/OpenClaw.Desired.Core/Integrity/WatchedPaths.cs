using Newtonsoft.Json.Linq;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.OpenClaw;
using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Integrity;

/// <summary>One path whose content the baseline keeps (a file, or a folder walked whole), and how serious a change to it is.</summary>
public sealed record WatchedPath(string HostPath, string Severity, string What);

/// <summary>
/// The paths of <c>integrity:</c>: by default OpenClaw's config and its <c>$include</c> files (those in its folder), every agent's auth
/// profiles, the workspace's AGENTS.md, SOUL.md and TOOLS.md, every skill folder, hooks and extensions; the posture may
/// add paths (<c>paths</c>) and drop the defaults (<c>defaults: false</c>).
/// </summary>
public static class WatchedPaths
{
    public static IReadOnlyList<WatchedPath> For(EffectivePosture posture, HostContext host)
    {
        var paths = host.PathsFor(posture);
        var spec = posture.Document.Integrity;
        var watched = new List<WatchedPath>();
        if (spec?.Defaults != false)
        {
            watched.Add(new(paths.ConfigPath, "high", "OpenClaw's config"));
            watched.AddRange(Includes(host, paths.ConfigPath).Select(p => new WatchedPath(p, "high", "a file openclaw.json includes")));
            watched.AddRange(Agents(host, paths.StateDir).Select(a => new WatchedPath($"{paths.StateDir}/agents/{a}/agent/auth-profiles.json", "high", "auth profiles")));
            watched.AddRange(new[] { "AGENTS.md", "SOUL.md", "TOOLS.md" }.Select(f => new WatchedPath($"{paths.Workspace}/{f}", "medium", "a workspace instruction file")));
            var home = host.Homes.HomeOf(paths.User);
            var skills = new[] { $"{paths.Workspace}/skills", $"{paths.Workspace}/.agents/skills", $"{paths.StateDir}/skills" }
                .Concat(home is null ? [] : [$"{home}/.agents/skills"]);
            watched.AddRange(skills.Select(s => new WatchedPath(s, "high", "a skill folder")));
            watched.AddRange(new[] { $"{paths.Workspace}/hooks", $"{paths.StateDir}/hooks" }.Select(h => new WatchedPath(h, "high", "hooks")));
            watched.Add(new($"{paths.StateDir}/extensions", "high", "extensions (plugins)"));
        }

        foreach (var extra in spec?.Paths ?? [])
        {
            watched.Add(new(HostRoot.Normalize(host.Homes.Expand(extra, paths.User)), "medium", "named in integrity.paths"));
        }

        return watched.DistinctBy(w => w.HostPath, StringComparer.Ordinal).OrderBy(w => w.HostPath, StringComparer.Ordinal).ToList();
    }

    /// <summary>The files openclaw.json pulls in with <c>$include</c> (a path or a list, relative to the config's folder).</summary>
    private static IEnumerable<string> Includes(HostContext host, string configPath)
    {
        OpenClawConfig? config;
        try
        {
            config = host.Fs.TryReadAllText(configPath, ConfigObservation.MaxConfigBytes) is { } text ? OpenClawConfig.Parse(text) : null;
        }
        catch (Exception e) when (e is OpenClawConfigException or IOException or Host.Fs.UnsafePathException)
        {
            yield break;
        }

        // The config is the agent's to write: an include outside the config's folder (/proc/kmsg, root's keys) is
        // never read: a proc file can block a read for good (and hand over what it consumes).
        var folder = configPath[..configPath.LastIndexOf('/')];
        foreach (var include in Strings(config?.Get("/$include")))
        {
            var path = HostRoot.Normalize(include.StartsWith('/') ? include : $"{folder}/{include}");
            if (path.StartsWith(folder + "/", StringComparison.Ordinal))
            {
                yield return path;
            }
        }
    }

    private static IEnumerable<string> Strings(JToken? token) => token switch
    {
        JValue { Value: string one } => [one],
        JArray many => many.Select(t => (string?)t).OfType<string>(),
        _ => [],
    };

    private static IEnumerable<string> Agents(HostContext host, string stateDir)
    {
        try
        {
            return host.Fs.Probe(stateDir + "/agents") is { IsDirectory: true } ? host.Fs.List(stateDir + "/agents").Where(e => e.Stat.IsDirectory).Select(e => e.Name).ToList() : [];
        }
        catch (Exception e) when (e is IOException or Host.Fs.UnsafePathException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
