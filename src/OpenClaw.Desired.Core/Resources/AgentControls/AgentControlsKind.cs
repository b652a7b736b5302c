using OpenClaw.Desired.Host;
using OpenClaw.Desired.OpenClaw;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Reconciliation;
using OpenClaw.Desired.Resources.Controls;
using OpenClaw.Desired.Resources.Sandboxes;

namespace OpenClaw.Desired.Resources.AgentControls;

/// <summary>
/// Agent controls in openclaw.json, for the whole gateway and for every agent: exec approval, tools and elevated
/// mode, browser, skills, gateway (bind, auth, token, Tailscale, proxies, Control UI), hooks, channels, plugins,
/// OpenClaw's own sandbox, logging — the rows of <see cref="ControlCatalog"/> this kind owns.
/// </summary>
public sealed class AgentControlsKind : ResourceKind<AgentObservation>
{
    public const string Name = "agent";

    public override string Kind => Name;

    public override int ApplyOrder => 40;

    public override async Task<AgentObservation> ProbeAsync(EffectivePosture posture, HostContext host, CancellationToken cancellationToken)
    {
        var paths = host.PathsFor(posture);
        var config = await ConfigObservation.ProbeAsync(host, paths, cancellationToken);
        var (token, unknown) = await GatewayToken.ResolveAsync(posture.Agent.GatewayToken, posture, host, cancellationToken);
        var (hooksToken, hooksUnknown) = await GatewayToken.ResolveAsync(posture.Document.Agent?.Hooks?.Token, posture, host, cancellationToken);
        var escaping = OpenClawAudit.PluginEntries.Escaping(host.Fs, paths.StateDir + "/extensions");
        return new AgentObservation(config, token, unknown)
        {
            Token = GatewayAuthCheck.Probe(host, paths, config.Config, token),
            HooksToken = hooksToken,
            HooksTokenUnknown = hooksUnknown,
            // A plugin whose entry escapes its folder is quarantined by the openclaw kind: it does not count as installed.
            Plugins = InstalledPackages.Probe(host.Fs, paths.StateDir + "/extensions").Where(p => !escaping.Contains(p.Id)).ToList(),
            HookPackages = InstalledPackages.Probe(host.Fs, paths.StateDir + "/hooks"),
            GatewayTokenInEnvFile = EnvHasGatewayToken(host, paths),
            ApprovalsAllowInterpreters = ApprovalsAllowInterpreters(host, paths),
            Home = host.Homes.HomeOf(paths.User),
        };
    }

    public override KindPlan Diff(EffectivePosture posture, AgentObservation observed)
    {
        if (observed.Config.Unknown is { } why)
        {
            return KindPlan.Of(Kind, [], [new UnknownState(Kind, "openclaw.json", why)]);
        }

        var sandbox = OpenClawSandboxDesired.For(posture);
        var context = new ControlContext(posture, observed.Config.Config!)
        {
            GatewayToken = observed.DesiredToken,
            HooksToken = observed.HooksToken,
            Plugins = observed.Plugins,
            HookPackages = observed.HookPackages,
            GatewayTokenInEnvFile = observed.GatewayTokenInEnvFile,
            ApprovalsAllowInterpreters = observed.ApprovalsAllowInterpreters,
            SandboxesGovern = new SandboxesKind().AppliesTo(posture) && sandbox.Enabled,
            SandboxNetwork = sandbox.Network,
            Home = observed.Home,
        };
        var changes = ControlPlanner.Plan(Kind, ControlCatalog.OwnedBy(Kind), context, observed.Config);

        // The gateway as it will really run: a token behind ${VAR} judged by its value, token mode never switched on
        // without a token, nor over a password the posture does not explicitly replace.
        var (gateway, keepMode) = GatewayAuthCheck.Diff(Kind, posture, observed.Config.Config!, observed.Token, observed.DesiredToken);
        if (keepMode)
        {
            changes.RemoveAll(c => c.Resource == "gateway.auth.mode");
        }

        changes.AddRange(gateway.Where(g => changes.All(c => c.Resource != g.Resource)));
        var unknowns = new List<UnknownState>();
        if (observed.TokenUnknown is { } tokenUnknown)
        {
            unknowns.Add(new UnknownState(Kind, "gateway.auth.token", tokenUnknown));
            changes.RemoveAll(c => c.Resource == "gateway.auth.token");
        }

        if (observed.HooksTokenUnknown is { } hooksUnknown && context.HooksEnabled)
        {
            unknowns.Add(new UnknownState(Kind, "hooks.token", hooksUnknown));
            changes.RemoveAll(c => c.Resource == "hooks.token");
        }

        return KindPlan.Of(Kind, changes, unknowns);
    }

    public override Task<ChangeOutcome> ApplyAsync(PlannedChange change, ApplyContext context, CancellationToken cancellationToken) =>
        ConfigEdits.ApplyAsync(change, context, cancellationToken);

    /// <summary>exec-approvals.json allowlists an interpreter: then OpenClaw wants strictInlineEval.</summary>
    private static bool ApprovalsAllowInterpreters(HostContext host, OpenClawPaths paths)
    {
        try
        {
            return host.Fs.TryReadAllText(paths.StateDir + "/exec-approvals.json", 4 * 1024 * 1024) is { } text
                && ((Newtonsoft.Json.Linq.JContainer)JsonNodes.ToToken(OpenClawConfig.Parse(text).Root)).Descendants().OfType<Newtonsoft.Json.Linq.JProperty>()
                    .Any(p => p.Name == "pattern" && p.Value.Type == Newtonsoft.Json.Linq.JTokenType.String
                        && ExecBins.Interpreters.Contains(System.Text.RegularExpressions.Regex.Replace(ExecBins.BinName((string)p.Value!), @"[0-9.]+$", string.Empty)));
        }
        catch (Exception e) when (e is IOException or OpenClawConfigException)
        {
            return false;
        }
    }

    private static bool EnvHasGatewayToken(HostContext host, OpenClawPaths paths)
    {
        try
        {
            return host.Fs.TryReadAllText(paths.StateDir + "/.env", 1024 * 1024) is { } text
                && text.Split('\n').Any(line => line.TrimStart().StartsWith("OPENCLAW_GATEWAY_TOKEN=", StringComparison.Ordinal) && line.Trim().Length > "OPENCLAW_GATEWAY_TOKEN=".Length);
        }
        catch (IOException)
        {
            return false;
        }
    }
}

/// <summary>Get result of the agent controls kind: openclaw.json, the tokens the posture names, installed plugins and hooks.</summary>
public sealed record AgentObservation(ConfigObservation Config, Newtonsoft.Json.Linq.JToken? DesiredToken, string? TokenUnknown)
{
    /// <summary>What the gateway's token really is (its length behind a ${VAR} reference too).</summary>
    public GatewayTokenFacts Token { get; init; } = new(null, null, null);

    public Newtonsoft.Json.Linq.JToken? HooksToken { get; init; }

    public string? HooksTokenUnknown { get; init; }

    public IReadOnlyList<InstalledPackage> Plugins { get; init; } = [];

    public IReadOnlyList<InstalledPackage> HookPackages { get; init; } = [];

    public bool GatewayTokenInEnvFile { get; init; }

    public bool ApprovalsAllowInterpreters { get; init; }

    public string? Home { get; init; }
}
