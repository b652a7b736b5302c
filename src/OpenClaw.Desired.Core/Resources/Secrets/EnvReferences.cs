using Newtonsoft.Json.Linq;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.OpenClaw;
using OpenClaw.Desired.Secrets.Scanning;

namespace OpenClaw.Desired.Resources.Secrets;

/// <summary>
/// References to environment variables in openclaw.json ("${VAR}" strings, env SecretRefs) and in auth
/// profiles (env keyRef/tokenRef). When secrets move out of .env into another store, these follow them.
/// </summary>
internal static class EnvReferences
{
    public static IReadOnlyList<EnvReference> Find(HostRoot root, OpenClawPaths paths)
    {
        var result = new List<EnvReference>();
        if (Read(root, paths.ConfigPath) is { } config)
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

        var agents = root.Resolve(paths.StateDir + "/agents");
        var profilesFiles = Directory.Exists(agents)
            ? Directory.EnumerateDirectories(agents).Select(d => $"{paths.StateDir}/agents/{Path.GetFileName(d)}/agent/auth-profiles.json").Order(StringComparer.Ordinal)
            : Enumerable.Empty<string>();
        foreach (var file in profilesFiles)
        {
            foreach (var profile in (Read(root, file)?["profiles"] as JObject)?.Properties() ?? [])
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

    private static JObject? Read(HostRoot root, string hostPath)
    {
        var real = root.Resolve(hostPath);
        try
        {
            return File.Exists(real) ? (JObject)JsonNodes.ToToken(OpenClawConfig.Parse(File.ReadAllText(real)).Root) : null;
        }
        catch (OpenClawConfigException)
        {
            return null;
        }
    }
}
