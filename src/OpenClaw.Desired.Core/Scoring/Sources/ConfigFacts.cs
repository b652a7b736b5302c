using Newtonsoft.Json.Linq;
using OpenClaw.Desired.OpenClaw;
using OpenClaw.Desired.Planning;

namespace OpenClaw.Desired.Scoring.Sources;

/// <summary>
/// The openclaw.json facts the score reads, each from the keys it depends on, with OpenClaw's defaults where a key is
/// unset. The same function reads the config as it is and as the plan's edits would leave it.
/// </summary>
internal static class ConfigFacts
{
    private sealed record Fact(string Key, string[] Pointers, Func<OpenClawConfig, (string Value, string Detail)> Read);

    private static readonly Fact[] Facts =
    [
        new("config:exec.security", ["/tools/exec/security", "/tools/exec/mode"], c => Mode(c) is { } mode
            ? (mode switch { "deny" => "deny", "ask" or "allowlist" => "allowlist", _ => "full" }, $"tools.exec.mode is {mode}")
            : Text(c, "/tools/exec/security", "full", "tools.exec.security")),
        new("config:exec.ask", ["/tools/exec/ask", "/tools/exec/mode"], c => Mode(c) is { } mode
            ? (mode switch { "ask" or "deny" => "always", "allowlist" or "auto" => "on-miss", _ => "off" }, $"tools.exec.mode is {mode}")
            : Text(c, "/tools/exec/ask", "off", "tools.exec.ask")),
        new("config:elevated", ["/tools/elevated/enabled"], c => Flag(c, "/tools/elevated/enabled", true, "tools.elevated.enabled")),
        new("config:sandbox.mode", ["/agents/defaults/sandbox/mode"], c => Text(c, "/agents/defaults/sandbox/mode", "off", "agents.defaults.sandbox.mode")),
        new("config:skills.allow", ["/agents/defaults/skills"], c => c.Get("/agents/defaults/skills") is JArray list
            ? (string.Join('\n', list.Select(t => (string?)t).OfType<string>()), $"agents.defaults.skills allows {list.Count} skill(s)")
            : ("unset", "agents.defaults.skills is unset: every skill may run")),
        new("config:gateway.bind", ["/gateway/bind"], c => Text(c, "/gateway/bind", "loopback", "gateway.bind")),
        new("config:gateway.auth", ["/gateway/auth/mode"], c => Text(c, "/gateway/auth/mode", "token", "gateway.auth.mode")),
        new("config:tools.deny.message", ["/tools/deny"], c => c.Get("/tools/deny") is JArray deny && deny.Any(t => (string?)t is "message" or "group:messaging")
            ? ("true", "tools.deny holds the message tool")
            : ("false", "the message tool is not denied: the agent can post on its own")),
        new("config:browser.noSandbox", ["/browser/noSandbox"], c => Flag(c, "/browser/noSandbox", false, "browser.noSandbox")),
        new("config:browser.privateNetwork", ["/browser/ssrfPolicy/dangerouslyAllowPrivateNetwork"], c => Flag(c, "/browser/ssrfPolicy/dangerouslyAllowPrivateNetwork", false, "browser.ssrfPolicy.dangerouslyAllowPrivateNetwork")),
        new("config:logging.redact", ["/logging/redactSensitive"], c => Text(c, "/logging/redactSensitive", "tools", "logging.redactSensitive")),
        new("config:models.local", ["/agents/defaults/model", "/models/providers"], LocalModels),
    ];

    /// <summary>The facts of <paramref name="config"/>, each converging to its value in <paramref name="after"/> through the edits that touch it.</summary>
    public static IEnumerable<Observation> Observe(string source, OpenClawConfig config, OpenClawConfig after, IReadOnlyList<(PlannedChange Change, JsonEdit Edit)> edits)
    {
        foreach (var fact in Facts)
        {
            var (value, detail) = fact.Read(config);
            var (desired, desiredDetail) = fact.Read(after);
            var by = edits.Where(e => fact.Pointers.Any(p => Overlaps(p, e.Edit.Pointer))).Select(e => e.Change.Id);
            yield return new Observation(fact.Key, value, source, detail).Converging(by, desired, desiredDetail);
        }
    }

    /// <summary>An edit at, above or below a pointer changes what it reads.</summary>
    private static bool Overlaps(string pointer, string edited) =>
        pointer == edited || edited.StartsWith(pointer + "/", StringComparison.Ordinal) || pointer.StartsWith(edited + "/", StringComparison.Ordinal);

    public static IEnumerable<Observation> Unknown(string source, string why) =>
        Facts.Select(f => Observation.Unknown(f.Key, source, why));

    /// <summary>A copy of the config with the edits made, as apply would make them.</summary>
    public static OpenClawConfig Edited(OpenClawConfig config, IEnumerable<JsonEdit> edits)
    {
        var copy = OpenClawConfig.Parse(config.ToJson());
        foreach (var edit in edits)
        {
            copy.Set(edit.Pointer, edit.NewValueJson is null ? null : JToken.Parse(edit.NewValueJson));
        }

        return copy;
    }

    /// <summary>Whether every model of agents.defaults.model runs on this host: Ollama, or a provider whose baseUrl is on loopback.</summary>
    private static (string, string) LocalModels(OpenClawConfig config)
    {
        var model = config.Get("/agents/defaults/model");
        var refs = model switch
        {
            JValue { Value: string one } => [one],
            JObject chain => new[] { (string?)chain["primary"] }.Concat((chain["fallbacks"] as JArray ?? []).Select(t => (string?)t)).OfType<string>().ToList(),
            _ => [],
        };
        if (refs.Count == 0)
        {
            return ("unset", "agents.defaults.model is unset: OpenClaw's default model (a cloud provider) answers");
        }

        var cloud = refs.Where(r => !IsLocal(config, r.Split('/')[0])).ToList();
        return cloud.Count == 0
            ? ("true", $"every model of the chain is local ({string.Join(", ", refs)})")
            : ("false", $"{cloud.Count} of {refs.Count} model(s) leave the host: {string.Join(", ", cloud)}");
    }

    private static bool IsLocal(OpenClawConfig config, string provider)
    {
        if (config.Get($"/models/providers/{provider}/baseUrl") is JValue { Value: string url })
        {
            return Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.IsLoopback || uri.Host == "localhost");
        }

        return provider == "ollama";
    }

    private static string? Mode(OpenClawConfig config) => (config.Get("/tools/exec/mode") as JValue)?.Value as string;

    private static (string, string) Text(OpenClawConfig config, string pointer, string fallback, string name) =>
        config.Get(pointer) is JValue { Value: string text } ? (text, $"{name} is {text}") : (fallback, $"{name} is unset (OpenClaw's default: {fallback})");

    private static (string, string) Flag(OpenClawConfig config, string pointer, bool fallback, string name) =>
        config.Get(pointer) is JValue { Type: JTokenType.Boolean } v
            ? ((bool)v ? "true" : "false", $"{name} is {((bool)v ? "true" : "false")}")
            : (fallback ? "true" : "false", $"{name} is unset (OpenClaw's default: {(fallback ? "true" : "false")})");
}
