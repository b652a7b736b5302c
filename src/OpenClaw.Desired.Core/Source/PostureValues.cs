using System.Text.RegularExpressions;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Source;

/// <summary>
/// The desired values of an effective posture as dotted paths and display strings: the controls the tier
/// expands (with their effective values), then every other value as written. Secret values appear only as
/// fingerprints or as where they come from (env:NAME, store:NAME).
/// </summary>
internal static partial class PostureValues
{
    /// <summary>Paths carried by the effective model; the raw document is skipped under these.</summary>
    private static readonly string[] Typed =
    [
        "apiVersion", "tier", "include", "source", "openclaw", "models.primary", "models.fallbacks", "models.localOnly", "models.local", "agent",
        "backups.interval", "backups.configBeforeChange", "secrets.rotation", "firewall.level", "sandboxes.openclaw",
    ];

    public static SortedDictionary<string, string> Of(EffectivePosture posture, Func<string, string> fingerprint)
    {
        var values = Effective(posture, fingerprint);
        // camelCase names, nulls left out, dictionary keys as written; secrets as written by SecretRefConverter.
        var raw = JsonSerializer.SerializeToNode(posture.Document, PostureJsonContext.Default.PostureDocument);
        var literals = posture.LiteralSecrets.ToHashSet(StringComparer.Ordinal);
        var rest = new SortedDictionary<string, string>(StringComparer.Ordinal);
        Add(rest, string.Empty, raw, s => literals.Contains(s) ? fingerprint(s) : s, fingerprint);
        foreach (var (path, value) in rest.Where(r => !Typed.Any(t => r.Key == t || r.Key.StartsWith(t + ".", StringComparison.Ordinal) || r.Key.StartsWith(t + "[", StringComparison.Ordinal))))
        {
            values[path] = value;
        }

        return values;
    }

    /// <summary>The values the tier expands, under the paths a posture file writes them at.</summary>
    private static SortedDictionary<string, string> Effective(EffectivePosture posture, Func<string, string> fingerprint)
    {
        var o = posture.OpenClaw;
        var m = posture.Models;
        var a = posture.Agent;
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["tier"] = TierPolicy.Name(posture.Tier),
            ["openclaw.user"] = o.User ?? "unset",
            ["openclaw.stateDir"] = o.StateDir,
            ["openclaw.configPath"] = o.ConfigPath ?? "unset",
            ["openclaw.workspace"] = o.Workspace ?? "unset",
            ["openclaw.agentId"] = o.AgentId,
            ["models.primary"] = m.Primary ?? "unset",
            ["models.fallbacks"] = List(m.Fallbacks),
            ["models.localOnly"] = Lower(m.LocalOnly),
            ["agent.exec.security"] = a.ExecSecurity,
            ["agent.exec.ask"] = a.ExecAsk,
            ["agent.elevated.enabled"] = Lower(a.ElevatedEnabled),
            ["agent.browser.enabled"] = a.BrowserEnabled is { } enabled ? Lower(enabled) : "unset",
            ["agent.browser.sandbox"] = Lower(a.BrowserSandbox),
            ["agent.browser.allowPrivateNetwork"] = Lower(a.BrowserAllowPrivateNetwork),
            ["agent.socialMedia.readOnly"] = Lower(a.SocialMediaReadOnly),
            ["agent.skills.allowlistOnly"] = Lower(a.SkillsAllowlistOnly),
            ["agent.skills.allow"] = a.SkillsAllow is null ? "unset" : List(a.SkillsAllow),
            ["agent.gateway.bind"] = a.GatewayBind,
            ["agent.gateway.auth"] = a.GatewayAuth,
            ["agent.gateway.token"] = a.GatewayToken is null ? "unset" : a.GatewayToken.Literal is { } literal ? fingerprint(literal) : a.GatewayToken.ToString(),
            ["agent.gateway.minTokenLength"] = a.MinTokenLength.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["agent.logging.redactSensitive"] = a.RedactSensitive,
            ["sandboxes.openclaw.mode"] = a.SandboxMode,
            ["sandboxes.openclaw.workspaceAccess"] = a.SandboxWorkspaceAccess,
            ["backups.interval"] = Duration.Format(posture.Backups.Interval),
            ["backups.configBeforeChange"] = Lower(posture.Backups.ConfigBeforeChange),
            ["secrets.rotation.apiKey"] = Duration.Format(posture.Secrets.ApiKeyRotation),
            ["secrets.rotation.oauth"] = Duration.Format(posture.Secrets.OAuthRotation),
            ["secrets.rotation.botToken"] = Duration.Format(posture.Secrets.BotTokenRotation),
            ["secrets.rotation.password"] = Duration.Format(posture.Secrets.PasswordRotation),
            ["firewall.level"] = posture.FirewallLevel,
        };
        if (m.Local is { } local)
        {
            values["models.local.provider"] = local.Provider;
            values["models.local.baseUrl"] = local.BaseUrl;
            values["models.local.model"] = local.Model;
            values["models.local.pull"] = Lower(local.Pull);
            values["models.local.probe"] = Lower(local.Probe);
        }

        return values;
    }

    private static string List(IEnumerable<string> items) => "[" + string.Join(", ", items) + "]";

    private static void Add(SortedDictionary<string, string> values, string path, JsonNode? node, Func<string, string> display, Func<string, string> fingerprint)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    Add(values, path.Length == 0 ? name : $"{path}.{name}", value, display, fingerprint);
                }

                break;
            case JsonArray array when array.All(i => i is null or JsonValue):
                values[path] = "[" + string.Join(", ", array.Select(i => Scalar(path, i as JsonValue, display, fingerprint))) + "]";
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    // Named entries are keyed by name, so reordering a list is not read as a change of every item.
                    var key = array[i] is JsonObject item && item["name"] is JsonValue name && name.TryGetValue<string>(out var text) ? text : i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    Add(values, $"{path}[{key}]", array[i], display, fingerprint);
                }

                break;
            default:
                values[path] = Scalar(path, node as JsonValue, display, fingerprint);
                break;
        }
    }

    private static string Scalar(string path, JsonValue? value, Func<string, string> display, Func<string, string> fingerprint) => value?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.String when SecretKey().IsMatch(path) => fingerprint(value.GetValue<string>()),
        JsonValueKind.String => display(value.GetValue<string>()),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.ToJsonString(),
    };

    private static string Lower(bool value) => value ? "true" : "false";

    /// <summary>Keys whose string values are secrets when written as literals.</summary>
    [GeneratedRegex("(password|passphrase|token|secret|apiKey|api_key|credential)s?$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretKey();
}
