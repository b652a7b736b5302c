using Newtonsoft.Json.Linq;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Host.Fs;
using OpenClaw.Desired.OpenClaw;
using OpenClaw.Desired.Secrets.Scanning;

namespace OpenClaw.Desired.Resources.Secrets;

/// <summary>
/// References to environment variables in openclaw.json ("${VAR}" strings, env SecretRefs) and in auth
/// profiles (env keyRef/tokenRef). When secrets move out of .env into another store, these follow them.
/// </summary>
internal static class EnvReferences
{
    public static IReadOnlyList<EnvReference> Find(HostFs fs, OpenClawPaths paths)
    {
        var result = new List<EnvReference>();
        if (Read(fs, paths.ConfigPath) is { } config)
        {
            foreach (var token in config.Descendants())
            {
                var variable = token switch
                {
                    JValue { Type: JTokenType.String } v when IsWholeReference((string)v!) => ((string)v!)[2..^1],
                    JObject o when (string?)o["source"] == "env" && o["id"] is JValue { Type: JTokenType.String } id => (string)id!,
                    _ => null,
                };
                if (variable is not null && token.Path.Length > 0)
                {
                    result.Add(new EnvReference(paths.ConfigPath, FileRole.Config, new JsonLocation(JsonPaths.PointerOf(token), true), variable));
                }
            }
        }

        var agents = paths.StateDir + "/agents";
        var profilesFiles = fs.Probe(agents) is { IsDirectory: true }
            ? fs.List(agents).Where(e => e.Stat.IsDirectory).Select(e => $"{agents}/{e.Name}/agent/auth-profiles.json")
            : Enumerable.Empty<string>();
        foreach (var file in profilesFiles)
        {
            foreach (var profile in (Read(fs, file)?["profiles"] as JObject)?.Properties() ?? [])
            {
                foreach (var field in new[] { "keyRef", "tokenRef" })
                {
                    if (profile.Value[field] is JObject { } reference && (string?)reference["source"] == "env" && (string?)reference["id"] is { } id)
                    {
                        var provider = (string?)profile.Value["provider"] ?? profile.Name.Split(':')[0];
                        result.Add(new EnvReference(file, FileRole.AuthProfiles, new AuthProfileLocation(profile.Name, provider, field), id));
                    }
                }
            }
        }

        return result;
    }

    private static bool IsWholeReference(string value) =>
        value.Length > 3 && value.StartsWith("${", StringComparison.Ordinal) && value.EndsWith('}') && value.IndexOf('}') == value.Length - 1;

    private static JObject? Read(HostFs fs, string hostPath)
    {
        try
        {
            return fs.TryReadAllText(hostPath, ConfigObservation.MaxConfigBytes) is { } text ? (JObject)JsonNodes.ToToken(OpenClawConfig.Parse(text).Root) : null;
        }
        catch (Exception e) when (e is OpenClawConfigException or IOException)
        {
            return null;
        }
    }
}
