using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using OpenClaw.Desired.OpenClaw;
using OpenClaw.Desired.Secrets;

namespace OpenClaw.Desired.Tests.Support;

/// <summary>
/// Resolves credentials the way OpenClaw does, for tests that check references still give the same values:
/// "${VAR}" substitution in any config string and env SecretRefs from &lt;state&gt;/.env (the process
/// environment is deliberately not consulted), file SecretRefs through secrets.providers.&lt;alias&gt;
/// {source:"file",path,mode:"json"} and a JSON pointer, exec SecretRefs through a given resolver.
/// </summary>
public sealed partial class OpenClawResolver(ScratchHost host, string stateDir = ScratchHost.OpenClawHome, Func<string, string, string?>? exec = null)
{
    [GeneratedRegex(@"(?<!\$)\$\{([A-Z_][A-Z0-9_]*)\}")]
    private static partial Regex Substitution();

    private JObject Config => (JObject)JsonNodes.ToToken(OpenClawConfig.Parse(File.ReadAllText(host.Real(stateDir + "/openclaw.json"))).Root);

    public IReadOnlyDictionary<string, string> Environment()
    {
        var path = host.Real(stateDir + "/.env");
        return File.Exists(path)
            ? DotEnv.Parse(File.ReadAllText(path)).GroupBy(e => e.Name).ToDictionary(g => g.Key, g => g.Last().Value)
            : new Dictionary<string, string>();
    }

    /// <summary>The value an openclaw.json field resolves to.</summary>
    public string? ConfigValue(string pointer) => Resolve(OpenClawConfig.Parse(File.ReadAllText(host.Real(stateDir + "/openclaw.json"))).Get(pointer));

    /// <summary>The credential an auth profile resolves to (key/keyRef or token/tokenRef).</summary>
    public string? ProfileCredential(string agentId, string profileId)
    {
        var profiles = JObject.Parse(File.ReadAllText(host.Real($"{stateDir}/agents/{agentId}/agent/auth-profiles.json")));
        var profile = (JObject)profiles["profiles"]![profileId]!;
        return Resolve(profile["key"] ?? profile["keyRef"] ?? profile["token"] ?? profile["tokenRef"]);
    }

    public string? Resolve(JToken? token) => token switch
    {
        JValue { Type: JTokenType.String } text => Substitution().Replace((string)text!, m => Environment().TryGetValue(m.Groups[1].Value, out var v) ? v : throw new InvalidOperationException($"missing env var {m.Groups[1].Value}")),
        JObject reference => ResolveRef(reference),
        _ => null,
    };

    private string? ResolveRef(JObject reference)
    {
        var id = (string)reference["id"]!;
        var provider = (string?)reference["provider"] ?? "default";
        switch ((string?)reference["source"])
        {
            case "env":
                return Environment().GetValueOrDefault(id);
            case "file":
                var block = (JObject)Config["secrets"]!["providers"]![provider]!;
                if ((string?)block["source"] != "file" || (string?)block["mode"] != "json")
                {
                    throw new InvalidOperationException($"provider {provider} is not a JSON file provider");
                }

                var file = JObject.Parse(File.ReadAllText(host.Real((string)block["path"]!)));
                return (string?)file.SelectToken(string.Join('.', id.TrimStart('/').Split('/')));
            case "exec":
                var exec1 = (JObject)Config["secrets"]!["providers"]![provider]!;
                return (string?)exec1["source"] == "exec" && exec is not null ? exec(provider, id) : throw new InvalidOperationException($"exec provider {provider} cannot be run here");
            default:
                throw new InvalidOperationException($"unknown SecretRef source in {reference}");
        }
    }
}
