using OpenClaw.Desired.Planning;

namespace OpenClaw.Desired.Resources.Firewall;

/// <summary>
/// What the owned table adds at every level but off (filter, proxy, and airgap, where every attempt out is worth seeing) to see what it refuses: after the last allowing rule of the
/// output chain, a counter, two sets that keep each refused destination (address and port) with its own counter
/// for a day, and a rate-limited log line. None of them accepts anything; the chain's policy still drops.
/// </summary>
internal static class RefusedRules
{
    public const string CounterComment = "refused:count";
    public const string LogComment = "refused:log";
    public const string LogPrefix = "openclaw-desired refused: ";
    public const string SetV4 = "refused4";
    public const string SetV6 = "refused6";
    public const int SetSize = 4096;
    public const int KeepSeconds = 86400;

    public static bool AppliesTo(FirewallLevel level) => level != FirewallLevel.Off;

    public static ValueList<NftSet> Sets { get; } = new[]
    {
        new NftSet(SetV4, "ipv4_addr . inet_service", SetSize, KeepSeconds, true),
        new NftSet(SetV6, "ipv6_addr . inet_service", SetSize, KeepSeconds, true),
    }.ToValueList();

    public static IEnumerable<NftRule> Rules(string chain) =>
    [
        new(chain, CounterComment, new[] { "counter" }.ToValueList()),
        new(chain, "refused:top (ipv4)", new[] { "meta l4proto { tcp, udp }", $"update @{SetV4} {{ ip daddr . th dport }}" }.ToValueList()),
        new(chain, "refused:top (ipv6)", new[] { "meta l4proto { tcp, udp }", $"update @{SetV6} {{ ip6 daddr . th dport }}" }.ToValueList()),
        new(chain, LogComment, new[] { "limit rate 10/minute", $"log prefix {NftText.Quote(LogPrefix)} level info" }.ToValueList()),
    ];

    /// <summary>True when the table holds the counter, both sets' rules and the log rule.</summary>
    public static bool Present(NftTable? table) =>
        table is not null
        && table.Rules.Any(r => r.Comment == CounterComment)
        && table.Rules.Any(r => r.Comment == LogComment)
        && Sets.All(s => table.Sets.Any(t => t.Name == s.Name));
}
