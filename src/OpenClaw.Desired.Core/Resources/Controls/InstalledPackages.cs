using Newtonsoft.Json.Linq;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Host.Fs;

namespace OpenClaw.Desired.Resources.Controls;

/// <summary>
/// Plugin and hook packages as installed: one folder each under &lt;stateDir&gt;/extensions or &lt;stateDir&gt;/hooks,
/// with the name and version of its package.json. Links are not followed; an unreadable manifest leaves the version unknown.
/// </summary>
public static class InstalledPackages
{
    private const long MaxManifest = 1024 * 1024;

    public static IReadOnlyList<InstalledPackage> Probe(HostFs fs, string folder)
    {
        IReadOnlyList<(string Name, HostStat Stat)> entries;
        try
        {
            entries = fs.Stat(folder).IsDirectory ? fs.List(folder) : [];
        }
        catch (IOException)
        {
            // A folder reached through a planted link is not looked into; the file kinds report the link itself.
            return [];
        }

        var packages = new List<InstalledPackage>();
        foreach (var (name, stat) in entries)
        {
            if (!stat.IsDirectory || name.StartsWith('.') || name == "node_modules")
            {
                continue;
            }

            var path = $"{folder}/{name}";
            var (package, version) = Manifest(fs, path + "/package.json");
            packages.Add(new InstalledPackage(name, path, package, version));
        }

        return packages;
    }

    public static (string? Name, string? Version) Manifest(HostFs fs, string path)
    {
        try
        {
            if (!fs.Stat(path).IsFile || fs.ReadAllText(path, MaxManifest) is not { } text || JToken.Parse(text) is not JObject manifest)
            {
                return (null, null);
            }

            return ((string?)manifest["name"], (string?)manifest["version"]);
        }
        catch (Exception e) when (e is Newtonsoft.Json.JsonException or IOException or UnauthorizedAccessException)
        {
            return (null, null);
        }
    }
}
