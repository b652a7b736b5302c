using Newtonsoft.Json.Linq;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.OpenClaw;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Secrets;

namespace OpenClaw.Desired.Resources.AgentControls;

/// <summary>What the gateway's token really is: its length where it can be known, wherever it is kept.</summary>
public sealed record GatewayTokenFacts(int? Length, string? Source, string? Missing, string? Fingerprint = null);

/// <summary>
/// The gateway's authentication as it will really run: a token moved to the env store as <c>${VAR}</c> is judged by the
/// value the gateway will read (OpenClaw's <c>.env</c>), so a short token stays short; and token mode is never
/// switched on without a token to go with it (the gateway would refuse to start, or start open), nor forced over a
/// password the operator chose when the posture only inherits the tier's default.
/// </summary>
internal static class GatewayAuthCheck
{
    /// <summary>Reads what the config's token reference stands for, without ever keeping the value.</summary>
    public static GatewayTokenFacts Probe(HostContext host, OpenClawPaths paths, OpenClawConfig? config, JToken? desiredToken)
    {
        var text = (desiredToken ?? config?.Get("/gateway/auth/token")) is JValue { Type: JTokenType.String } v ? (string)v! : null;
        if (text is null)
        {
            return new GatewayTokenFacts(null, null, null);
        }

        if (!SecretKeys.IsReference(text))
        {
            return new GatewayTokenFacts(text.Length, "openclaw.json", null, host.Redactor.Fingerprint(text));
        }

        if (text.StartsWith("${", StringComparison.Ordinal) && text.EndsWith('}'))
        {
            var variable = text[2..^1];
            var env = host.Fs.TryReadAllText(paths.StateDir + "/.env", 16L * 1024 * 1024);
            var value = env is null ? null : DotEnv.Parse(env).LastOrDefault(e => e.Name == variable)?.Value;
            value ??= Environment.GetEnvironmentVariable(variable);
            host.Redactor.Add(value);
            return value is null
                ? new GatewayTokenFacts(null, "${" + variable + "}", $"the gateway token is ${{{variable}}}, which neither OpenClaw's .env nor the environment holds")
                : new GatewayTokenFacts(value.Length, "${" + variable + "}", null, host.Redactor.Fingerprint(value));
        }

        return new GatewayTokenFacts(null, "a secret reference", null);
    }

    /// <summary>Manual actions (and the mode control to leave out) for the gateway's authentication.</summary>
    public static (IReadOnlyList<PlannedChange> Changes, bool KeepMode) Diff(string kind, EffectivePosture posture, OpenClawConfig config, GatewayTokenFacts token, JToken? desiredToken)
    {
        var hasToken = desiredToken is not null || config.Get("/gateway/auth/token") is JValue { Type: JTokenType.String };
        var changes = new List<PlannedChange>();
        var current = (string?)(config.Get("/gateway/auth/mode") as JValue);
        var explicitAuth = posture.Document.Agent?.Gateway?.Auth is not null;
        var keepMode = false;
        if (posture.Agent.GatewayAuth == "token")
        {
            if (current == "password" && !explicitAuth)
            {
                // The operator chose a password; the tier's default alone does not overrule that.
                keepMode = true;
            }
            else if (token.Length is null && token.Source is null && !hasToken && current != "token")
            {
                keepMode = true;
                changes.Add(new PlannedChange(kind, "gateway.auth.token", ChangeAction.Manual,
                    "token authentication needs a token, and none is set: give agent.gateway.token (e.g. {store: OPENCLAW_GATEWAY_TOKEN}) so the gateway is never switched to token mode without one",
                    "unset", $"≥ {posture.Agent.MinTokenLength} characters", PostureEffect.Tightens));
            }
            else if (token.Length is { } length && length < posture.Agent.MinTokenLength)
            {
                changes.Add(new PlannedChange(kind, "gateway.auth.token", ChangeAction.Manual,
                    $"the gateway token ({token.Source}) is {length} characters; the posture asks for at least {posture.Agent.MinTokenLength}: replace it with a random one (e.g. `openssl rand -hex 32`) or give agent.gateway.token",
                    token.Fingerprint, $"≥ {posture.Agent.MinTokenLength} characters", PostureEffect.Tightens));
            }
        }

        return (changes, keepMode);
    }
}
