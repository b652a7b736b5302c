using Newtonsoft.Json.Linq;
using OpenClaw.Desired.Host.Fs;

namespace OpenClaw.Desired.Resources.OpenClawAudit;

/// <summary>What OpenClaw's plugin code-safety scan looks at in a plugin's manifests, without running anything.</summary>
public sealed record PluginManifest(string Id, string HostPath, IReadOnlyList<string> Entries, string? ParseError)
{
    /// <summary>An entry that leaves the plugin's folder (absolute, or .. past it): the plugin loads code from elsewhere.</summary>
    public IEnumerable<string> Escaping => Entries.Where(Escapes);

    /// <summary>An entry inside a hidden folder or node_modules.</summary>
    public IEnumerable<string> Hidden => Entries.Where(e => !Escapes(e) && e.Replace('\\', '/').Split('/').Any(s => s == "node_modules" || (s.StartsWith('.') && s is not "." and not "..")));

    private static bool Escapes(string entry)
    {
        var path = entry.Replace('\\', '/');
        if (path.StartsWith('/') || path.StartsWith('~') || (path.Length > 1 && path[1] == ':'))
        {
            return true;
        }

        var depth = 0;
        foreach (var segment in path.Split('/'))
        {
            depth += segment switch { ".." => -1, "." or "" => 0, _ => 1 };
            if (depth < 0)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Reads package.json (openclaw.extensions) and openclaw.plugin.json of each installed plugin.</summary>
public static class PluginEntries
{
    private const long MaxManifest = 1024 * 1024;

    public static IReadOnlyList<PluginManifest> Probe(HostFs fs, string extensions)
    {
        IReadOnlyList<(string Name, HostStat Stat)> entries;
        try
        {
            entries = fs.Stat(extensions).IsDirectory ? fs.List(extensions) : [];
        }
        catch (IOException)
        {
            return [];
        }

        return entries.Where(e => e.Stat.IsDirectory && !e.Name.StartsWith('.') && e.Name != "node_modules")
            .Select(e => Read(fs, e.Name, $"{extensions}/{e.Name}"))
            .ToList();
    }

    /// <summary>Plugins whose entry escapes their folder: quarantined, so nothing else counts them as installed.</summary>
    public static IReadOnlySet<string> Escaping(HostFs fs, string extensions) =>
        Probe(fs, extensions).Where(p => p.Escaping.Any()).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);

    private static PluginManifest Read(HostFs fs, string id, string folder)
    {
        var entries = new List<string>();
        string? error = null;
        foreach (var file in new[] { "package.json", "openclaw.plugin.json" })
        {
            var path = $"{folder}/{file}";
            try
            {
                if (!fs.Stat(path).IsFile)
                {
                    continue;
                }

                var manifest = JToken.Parse(fs.ReadAllText(path, MaxManifest));
                var declared = file == "package.json" ? manifest["openclaw"]?["extensions"] : manifest["entry"] ?? manifest["extensions"];
                entries.AddRange(declared switch
                {
                    JArray list => list.OfType<JValue>().Where(v => v.Type == JTokenType.String).Select(v => (string)v!),
                    JValue { Type: JTokenType.String } single => [(string)single!],
                    _ => [],
                });
            }
            catch (Newtonsoft.Json.JsonException e)
            {
                error = $"{file}: {e.Message.Split('\n')[0]}";
            }
            catch (IOException e)
            {
                error = $"{file}: {e.Message}";
            }
        }

        return new PluginManifest(id, folder, entries, error);
    }
}
