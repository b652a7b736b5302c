using Newtonsoft.Json.Linq;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Resources.Firewall;

/// <summary>The proxy the agent must use at level proxy: who runs it and where it listens (always loopback).</summary>
public sealed record ProxySettings(string User, string Host, int Port, ValueList<string> NoProxy)
{
    public string Url => Host.Contains(':', StringComparison.Ordinal) ? $"http://[{Host}]:{Port}" : $"http://{Host}:{Port}";
}

/// <summary>The firewall section after defaults: everything the kind needs, read from the effective posture.</summary>
public sealed record FirewallSettings(
    FirewallLevel Level,
    string Table,
    TimeSpan ConfirmTimeout,
    bool AllowGitRemote,
    string? Netns,
    ValueList<NetAddress> Resolvers,
    ValueList<FirewallRule> Egress,
    ValueList<FirewallRule> Inbound,
    ProxySettings? Proxy,
    Endpoint? GitRemote,
    ValueList<Endpoint> HealthTargets)
{
    public const string Family = "inet";
    public const string DefaultTable = "openclaw_desired";
    public const string DefaultProxyListen = "127.0.0.1:3128";
    public const int GatewayPort = 18789;
    public static readonly TimeSpan DefaultConfirmTimeout = TimeSpan.FromSeconds(120);

    public string QualifiedTable => $"{Family} {Table}";

    /// <summary>The Git remote the table lets the reconciler reach, or null when there is none to allow.</summary>
    public Endpoint? AllowedRemote => AllowGitRemote && Level != FirewallLevel.Off ? GitRemote : null;

    /// <summary>What the reconciler must still reach after an apply to confirm it by itself.</summary>
    public IEnumerable<Endpoint> ConfirmChecks => (GitRemote is null ? [] : new[] { GitRemote }).Concat(HealthTargets);

    public static FirewallSettings From(EffectivePosture posture)
    {
        var spec = posture.Document.Firewall;
        var level = FirewallLevels.Parse(posture.FirewallLevel);
        return new FirewallSettings(
            level,
            spec?.Table ?? DefaultTable,
            spec?.ConfirmTimeout is { } timeout && Duration.TryParse(timeout, out var parsed) ? parsed : DefaultConfirmTimeout,
            spec?.AllowGitRemote ?? true,
            spec?.Netns,
            (spec?.Dns?.Resolvers ?? []).Select(r => NetAddress.TryParse(r, out var a, out _) ? a : null).OfType<NetAddress>().Distinct().ToValueList(),
            Rules(spec?.Egress, "firewall.egress", RuleDirection.Egress),
            Rules(spec?.Inbound, "firewall.inbound", RuleDirection.Inbound),
            ProxyFrom(spec?.Proxy),
            posture.Document.Source?.Repo is { } repo ? Endpoint.FromGitUrl("git remote", repo) : null,
            HealthTargetsOf(posture.Document));
    }

    public static ValueList<Endpoint> HealthTargetsOf(PostureDocument document) =>
        (document.Monitoring?.Targets ?? [])
            .OfType<System.Text.Json.Nodes.JsonObject>()
            .Select(t => Endpoint.FromTarget($"health target '{(string?)t["name"]}'", (string?)t["url"], (string?)t["tcp"]))
            .OfType<Endpoint>()
            .ToValueList();

    public static (string Host, int Port)? ParseListen(string listen)
    {
        var colon = listen.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(listen.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            return null;
        }

        return (listen[..colon].Trim('[', ']'), port);
    }

    private static ProxySettings? ProxyFrom(FirewallProxySpec? proxy)
    {
        if (proxy?.User is not { } user || ParseListen(proxy.Listen ?? DefaultProxyListen) is not { } listen)
        {
            return null;
        }

        return new ProxySettings(user, listen.Host, listen.Port, (proxy.NoProxy ?? []).ToValueList());
    }

    private static ValueList<FirewallRule> Rules(IReadOnlyList<FirewallRuleSpec>? specs, string path, RuleDirection direction) =>
        (specs ?? []).Select((s, i) => FirewallRule.Of(s, $"{path}[{i}]", direction)).ToValueList();
}
