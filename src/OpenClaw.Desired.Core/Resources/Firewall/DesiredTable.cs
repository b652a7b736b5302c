using OpenClaw.Desired.Planning;

namespace OpenClaw.Desired.Resources.Firewall;

/// <summary>What the probe learned from the host that the table depends on: uids, the remote's addresses, cgroup layout.</summary>
public sealed record FirewallFacts(IReadOnlyDictionary<string, int> Uids, ValueList<NetAddress> RemoteAddresses, string CgroupPrefix)
{
    public static FirewallFacts None { get; } = new(new Dictionary<string, int>(), ValueList<NetAddress>.Empty, string.Empty);
}

/// <summary>
/// Builds the owned table for a level: two base chains with policy drop, the rules every level needs
/// (loopback, replies, IPv6 neighbour discovery, DHCP lease renewal), then the level's own rules and the
/// posture's, in that order.
/// </summary>
internal static class DesiredTable
{
    public const string Output = "output";
    public const string Input = "input";

    /// <summary>The reconciler runs as root; rules that exist for it match uid 0 only.</summary>
    public const int ReconcilerUid = 0;

    /// <summary>The table for the settings, or null at level off (the reconciler keeps no table).</summary>
    public static NftTable? Build(FirewallSettings settings, FirewallFacts facts)
    {
        if (settings.Level == FirewallLevel.Off)
        {
            return null;
        }

        var rules = new List<NftRule>();
        void Add(string chain, string comment, params string[] statements) => rules.Add(new NftRule(chain, comment, statements.ToValueList()));

        Add(Output, "base:loopback", "oif \"lo\"", "accept");
        Add(Output, "base:established", "ct state established,related", "accept");
        Add(Output, "base:neighbour-discovery", $"icmpv6 type {NftText.ValueOrSet(["nd-neighbor-solicit", "nd-neighbor-advert", "nd-router-solicit"])}", "accept");

        // A host that loses its DHCP lease loses its address, and with it every way in: keep lease renewal working.
        Add(Output, "base:dhcp", "udp sport 68", "udp dport 67", "accept");
        Add(Output, "base:dhcpv6", "udp sport 546", "udp dport 547", "accept");
        if (settings.Level == FirewallLevel.Proxy && settings.Proxy is { } proxy)
        {
            Add(Output, $"proxy:{proxy.User}", $"meta skuid {facts.Uids[proxy.User]}", "accept");
        }

        // Past level filter, DNS and the Git remote serve only the reconciler: everyone else goes through the proxy or nowhere.
        var onlyReconciler = settings.Level == FirewallLevel.Filter ? null : $"meta skuid {ReconcilerUid}";
        if (settings.Resolvers.Count > 0 && (settings.Level != FirewallLevel.Airgap || settings.AllowedRemote is { Address: null }))
        {
            rules.AddRange(PerFamily(Output, "dns", settings.Resolvers, onlyReconciler, "daddr", "meta l4proto { tcp, udp }", "th dport 53"));
        }

        if (settings.AllowedRemote is { } remote && facts.RemoteAddresses.Count > 0)
        {
            rules.AddRange(PerFamily(Output, "git-remote", facts.RemoteAddresses, $"meta skuid {ReconcilerUid}", "daddr", $"tcp dport {remote.Port}"));
        }

        if (settings.Level is FirewallLevel.Filter or FirewallLevel.Proxy)
        {
            rules.AddRange(settings.Egress.SelectMany(r => FromPosture(r, facts)));
        }

        if (RefusedRules.AppliesTo(settings.Level))
        {
            rules.AddRange(RefusedRules.Rules(Output));
        }

        Add(Input, "base:loopback", "iif \"lo\"", "accept");
        Add(Input, "base:established", "ct state established,related", "accept");
        Add(Input, "base:neighbour-discovery", $"icmpv6 type {NftText.ValueOrSet(["nd-neighbor-solicit", "nd-neighbor-advert", "nd-router-advert"])}", "accept");
        Add(Input, "base:dhcp", "udp sport 67", "udp dport 68", "accept");
        Add(Input, "base:dhcpv6", "udp sport 547", "udp dport 546", "accept");
        rules.AddRange(settings.Inbound.SelectMany(r => FromPosture(r, facts)));

        return new NftTable(
            FirewallSettings.Family,
            settings.Table,
            new[] { new NftChain(Input, "input", 0, "drop"), new NftChain(Output, "output", 0, "drop") }.ToValueList(),
            rules.ToValueList(),
            ValueList<string>.Empty)
        {
            Sets = RefusedRules.AppliesTo(settings.Level) ? RefusedRules.Sets : ValueList<NftSet>.Empty,
        };
    }

    /// <summary>One posture rule as nft rules: one per IP version when its addresses name both.</summary>
    public static IEnumerable<NftRule> FromPosture(FirewallRule rule, FirewallFacts facts)
    {
        var chain = rule.Direction == RuleDirection.Egress ? Output : Input;
        var comment = $"{rule.Prefix}:{rule.Name}";
        var (v4, v6) = rule.Families;
        var hasAddresses = rule.To.Count > 0 || rule.From.Count > 0;
        var variants = !hasAddresses ? [(bool?)null] : new[] { v4 ? false : (bool?)null, v6 ? true : (bool?)null }.Where(v => v is not null).ToList();
        foreach (var isV6 in variants)
        {
            var statements = new List<string>();
            if (rule.User is { } user)
            {
                statements.Add($"meta skuid {facts.Uids[user]}");
            }

            if (rule.Cgroup is { } cgroup)
            {
                statements.Add(NftText.Cgroup(cgroup, facts.CgroupPrefix));
            }

            var ip = isV6 == true ? "ip6" : "ip";
            AddAddresses(statements, ip, "saddr", rule.From, isV6);
            AddAddresses(statements, ip, "daddr", rule.To, isV6);
            statements.AddRange(Protocol(rule, isV6));
            statements.Add("accept");
            var suffix = variants.Count > 1 ? isV6 == true ? " (ipv6)" : " (ipv4)" : string.Empty;
            yield return new NftRule(chain, comment + suffix, statements.ToValueList());
        }
    }

    private static IEnumerable<string> Protocol(FirewallRule rule, bool? isV6)
    {
        var ports = rule.Ports.Count > 0 ? NftText.ValueOrSet(rule.Ports) : null;
        return (rule.Proto, ports) switch
        {
            ("tcp" or "udp", not null) => [$"{rule.Proto} dport {ports}"],
            ("any", not null) => ["meta l4proto { tcp, udp }", $"th dport {ports}"],
            ("tcp" or "udp", null) => [$"meta l4proto {rule.Proto}"],
            ("icmp", _) => [isV6 switch { true => "meta l4proto ipv6-icmp", false => "meta l4proto icmp", null => "meta l4proto { icmp, ipv6-icmp }" }],
            _ => [],
        };
    }

    private static void AddAddresses(List<string> statements, string ip, string field, ValueList<NetAddress> addresses, bool? isV6)
    {
        var matching = addresses.Where(a => a.IsV6 == (isV6 == true)).Select(a => a.Text).ToList();
        if (matching.Count > 0)
        {
            statements.Add($"{ip} {field} {NftText.ValueOrSet(matching)}");
        }
    }

    private static IEnumerable<NftRule> PerFamily(string chain, string comment, ValueList<NetAddress> addresses, string? first, string field, params string[] rest)
    {
        var families = addresses.GroupBy(a => a.IsV6).OrderBy(g => g.Key).ToList();
        foreach (var family in families)
        {
            var statements = new List<string>();
            if (first is not null)
            {
                statements.Add(first);
            }

            statements.Add($"{(family.Key ? "ip6" : "ip")} {field} {NftText.ValueOrSet(family.Select(a => a.Text))}");
            statements.AddRange(rest);
            statements.Add("accept");
            var suffix = families.Count > 1 ? family.Key ? " (ipv6)" : " (ipv4)" : string.Empty;
            yield return new NftRule(chain, comment + suffix, statements.ToValueList());
        }
    }
}
