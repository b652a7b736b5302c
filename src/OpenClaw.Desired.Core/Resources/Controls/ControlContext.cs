using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using OpenClaw.Desired.OpenClaw;
using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Resources.Controls;

/// <summary>A plugin or hook package installed under the state dir (extensions/&lt;id&gt;, hooks/&lt;id&gt;).</summary>
public sealed record InstalledPackage(string Id, string HostPath, string? Name, string? Version);

/// <summary>Everything a plan of the catalog needs: the posture's choices, openclaw.json as probed, and what else the probe saw.</summary>
public sealed partial class ControlContext(EffectivePosture posture, OpenClawConfig config)
{
    /// <summary>OpenClaw's audit calls a model small up to this many billion parameters.</summary>
    public const double SmallModelParams = 300;

    private IReadOnlyList<ControlScope>? _agents;
    private Newtonsoft.Json.Linq.JToken? _configToken;

    /// <summary>The config as a Newtonsoft token, made once per plan (the catalog's rules read tokens).</summary>
    public Newtonsoft.Json.Linq.JToken ConfigToken => _configToken ??= JsonNodes.ToToken(Config.Root);
    private bool? _smallModels;

    public EffectivePosture Posture { get; } = posture;

    public OpenClawConfig Config { get; } = config;

    public ControlChoices Choices { get; } = new(posture);

    public Tier Tier => Posture.Tier;

    /// <summary>The gateway token openclaw.json should hold (a reference or the value), when the posture names one.</summary>
    public JToken? GatewayToken { get; init; }

    /// <summary>The hooks token openclaw.json should hold, when the posture names one.</summary>
    public JToken? HooksToken { get; init; }

    /// <summary>OPENCLAW_GATEWAY_TOKEN is set in OpenClaw's own .env (the gateway then has a token without one in the file).</summary>
    public bool GatewayTokenInEnvFile { get; init; }

    public IReadOnlyList<InstalledPackage> Plugins { get; init; } = [];

    public IReadOnlyList<InstalledPackage> HookPackages { get; init; } = [];

    /// <summary>The sandboxes kind converges OpenClaw's sandbox docker settings (its rows take precedence there).</summary>
    public bool SandboxesGovern { get; init; }

    /// <summary>The network OpenClaw's sandbox should have when the sandboxes kind governs it.</summary>
    public string? SandboxNetwork { get; init; }

    /// <summary>The OpenClaw user's home (host path), for ~ in bind mounts.</summary>
    public string? Home { get; init; }

    public IReadOnlyList<ControlScope> Agents => _agents ??= ControlScope.Agents(Config);

    /// <summary>exec-approvals.json allowlists an interpreter (python, node, …) somewhere.</summary>
    public bool ApprovalsAllowInterpreters { get; init; }

    /// <summary>A channel or account takes DMs or group messages from anyone (OpenClaw's exposure checks start there).</summary>
    public bool AnyOpenPolicy => (Config.Get("/channels") as JObject)?.Descendants().OfType<JProperty>()
        .Any(p => p.Name is "dmPolicy" or "groupPolicy" or "policy" && Rules.Is(p.Value, "open")) ?? false;

    /// <summary>
    /// The gateway has a shared secret as OpenClaw's audit reckons it: none with auth none or trusted-proxy, else the
    /// token (also from OpenClaw's .env) or the password that the mode uses.
    /// </summary>
    public bool GatewaySecretInFile
    {
        get
        {
            var token = Config.Get("/gateway/auth/token") is JValue { Type: JTokenType.String } || GatewayTokenInEnvFile;
            var password = Config.Get("/gateway/auth/password") is JValue { Type: JTokenType.String };
            return ((Config.Get("/gateway/auth/mode") as JValue)?.Value as string) switch
            {
                "none" or "trusted-proxy" => false,
                "token" => token,
                "password" => password,
                _ => token || password,
            };
        }
    }

    public bool HooksEnabled => Config.Get("/hooks/enabled") is JValue { Type: JTokenType.Boolean } v && (bool)v;

    /// <summary>Reachable beyond the host as the posture leaves it: bind, or a Tailscale mode kept from the file.</summary>
    public bool RemoteExposed => Choices.RemoteExposed
        || (Choices.Tailscale is null && Rules.Is(Config.Get("/gateway/tailscale/mode"), "serve", "funnel")); // funnel is converged to serve

    /// <summary>A model of 300B parameters or fewer is configured (after convergence): OpenClaw then wants every session sandboxed and no web tools.</summary>
    public bool SmallModels => _smallModels ??= ConfiguredModels().Any(m => InferParams(m) is { } b && b <= SmallModelParams);

    /// <summary>
    /// The sandbox mode the posture asks for: raised to all while small models are in use, unless the posture
    /// states the mode itself (a stated mode is the operator's choice; validation warns about it).
    /// </summary>
    public string SandboxMode => SmallModels && Posture.Document.Sandboxes?.OpenClaw?.Mode is null ? "all" : Posture.Agent.SandboxMode;

    /// <summary>Every model reference the config will hold once converged: the posture's chain (or the file's defaults), and each agent's own.</summary>
    public IEnumerable<string> ConfiguredModels()
    {
        var models = Posture.Models.Primary is not null
            ? Posture.Models.Chain.ToList()
            : ModelRefs(Config.Get("/agents/defaults/model")).ToList();
        if (Posture.Models.Primary is null)
        {
            foreach (var agent in Agents)
            {
                models.AddRange(ModelRefs(agent.Node?["model"]));
            }
        }

        return models.Distinct(StringComparer.Ordinal);
    }

    public static IEnumerable<string> ModelRefs(JToken? model) => model switch
    {
        JValue { Type: JTokenType.String } v => [(string)v!],
        JObject o => new[] { o["primary"] }.Concat(o["fallbacks"] as JArray ?? []).OfType<JValue>().Where(t => t.Type == JTokenType.String).Select(t => (string)t!),
        _ => [],
    };

    /// <summary>Billions of parameters read from a model id (llama3.3:8b → 8, qwen3-32b → 32), as OpenClaw's audit infers them.</summary>
    public static double? InferParams(string model)
    {
        var id = model.Contains('/') ? model[(model.IndexOf('/') + 1)..] : model;
        var match = ParamsPattern().Matches(id.ToLowerInvariant()).LastOrDefault();
        return match is null ? null : double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"(?:^|[^a-z0-9.])(\d+(?:\.\d+)?)b(?![a-z0-9])")]
    private static partial Regex ParamsPattern();
}
