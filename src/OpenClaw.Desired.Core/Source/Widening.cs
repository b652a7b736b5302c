using System.Net;
using System.Text.RegularExpressions;
using OpenClaw.Desired.Planning;

namespace OpenClaw.Desired.Source;

/// <summary>
/// Posture values that say what is admitted, where a change can widen or narrow: a firewall rule's ports,
/// addresses, protocol and owner (unset admits everything), a rule added or removed, a skill container's
/// workspace access, network, capabilities, binds and limits, the audit's blocking level, scan exclusions.
/// A new value that admits more loosens posture; one that admits less tightens it.
/// </summary>
internal static partial class Widening
{
    [GeneratedRegex(@"^firewall\.(egress|inbound)\[[^\]]+\]\.(?<field>name|ports|to|from|proto|user|cgroup)$")]
    private static partial Regex FirewallRule();

    [GeneratedRegex(@"^sandboxes\.(defaults|skills\.[^.]+)\.(?<field>workspace|network|readOnlyRoot|privileged|capAdd|binds|memory|pids|cpus)$")]
    private static partial Regex Container();

    public static PostureEffect? Of(string path, string? before, string? after)
    {
        if (FirewallRule().Match(path) is { Success: true } rule)
        {
            return rule.Groups["field"].Value switch
            {
                // An allow rule more admits more; one fewer admits less.
                "name" => before is null ? PostureEffect.Loosens : after is null ? PostureEffect.Tightens : PostureEffect.Neutral,
                "proto" => Compare(Protocols(before), Protocols(after), (a, b) => a == b),
                "to" or "from" => Compare(Items(before), Items(after), Covers),
                _ => Compare(Items(before), Items(after), (a, b) => a == b),
            };
        }

        if (Container().Match(path) is { Success: true } container && before is not null && after is not null)
        {
            return container.Groups["field"].Value switch
            {
                "workspace" => Rank(before, after, "rw", "ro", "none"),
                "network" => before == after ? PostureEffect.Neutral : after == "none" ? PostureEffect.Tightens : before == "none" ? PostureEffect.Loosens : PostureEffect.Neutral,
                "readOnlyRoot" => Rank(before, after, "false", "true"),
                "privileged" => Rank(before, after, "true", "false"),
                "capAdd" or "binds" => Compare(Items(before) ?? [], Items(after) ?? [], (a, b) => a == b),
                _ => Limit(before, after),
            };
        }

        if (path == "secrets.scan.exclude")
        {
            // More exclusions scan less.
            return Compare(Items(before) ?? [], Items(after) ?? [], (a, b) => a == b);
        }

        return null;
    }

    private static HashSet<string>? Items(string? list) =>
        list is null or "unset" ? null : list.Trim('[', ']').Split(", ", StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    private static HashSet<string>? Protocols(string? proto) => proto is null or "unset" or "any" ? null : [proto];

    /// <summary>Loosens when the new set admits something the old did not; null admits everything.</summary>
    private static PostureEffect Compare(HashSet<string>? before, HashSet<string>? after, Func<string, string, bool> covers)
    {
        if (before is null || after is null)
        {
            return before is null && after is null ? PostureEffect.Neutral : before is null ? PostureEffect.Tightens : PostureEffect.Loosens;
        }

        var admitsNew = after.Any(a => !before.Any(b => covers(b, a)));
        var dropsOld = before.Any(b => !after.Any(a => covers(a, b)));
        return admitsNew ? PostureEffect.Loosens : dropsOld ? PostureEffect.Tightens : PostureEffect.Neutral;
    }

    private static PostureEffect Rank(string before, string after, params string[] weakestFirst)
    {
        var (from, to) = (Array.IndexOf(weakestFirst, before), Array.IndexOf(weakestFirst, after));
        return from < 0 || to < 0 || from == to ? PostureEffect.Neutral : to > from ? PostureEffect.Tightens : PostureEffect.Loosens;
    }

    private static PostureEffect Limit(string before, string after)
    {
        static double Value(string text) => double.TryParse(text.TrimEnd('k', 'm', 'g', 'K', 'M', 'G'), System.Globalization.CultureInfo.InvariantCulture, out var v)
            ? v * (char.ToLowerInvariant(text[^1]) switch { 'k' => 1e3, 'm' => 1e6, 'g' => 1e9, _ => 1 })
            : double.NaN;
        var (from, to) = (Value(before), Value(after));
        return double.IsNaN(from) || double.IsNaN(to) || from == to ? PostureEffect.Neutral : to > from ? PostureEffect.Loosens : PostureEffect.Tightens;
    }

    /// <summary>An address or network covers another when it contains it.</summary>
    internal static bool Covers(string outer, string inner)
    {
        if (outer == inner)
        {
            return true;
        }

        static string Cidr(string a) => a.Contains('/') ? a : a + (a.Contains(':') ? "/128" : "/32");
        return IPNetwork.TryParse(Cidr(outer), out var network) && IPNetwork.TryParse(Cidr(inner), out var part)
            && part.PrefixLength >= network.PrefixLength && network.Contains(part.BaseAddress);
    }
}
