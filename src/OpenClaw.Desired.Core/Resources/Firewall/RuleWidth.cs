using OpenClaw.Desired.Planning;

namespace OpenClaw.Desired.Resources.Firewall;

/// <summary>
/// How much traffic an accept rule admits, dimension by dimension (who sends it, protocol, ports, source and
/// destination addresses); a dimension the rule does not name admits everything. Changing a rule so that any
/// dimension admits more (a port, an address, a wider network, a protocol, no owner check) loosens posture, even
/// when another narrows; narrowing only tightens.
/// </summary>
internal static class RuleWidth
{
    public static PostureEffect Effect(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        if (before.LastOrDefault() != "accept" || after.LastOrDefault() != "accept")
        {
            return PostureEffect.Neutral;
        }

        var (was, now) = (Dimensions(before), Dimensions(after));
        var comparisons = was.Keys.Union(now.Keys).Select(key => Compare(key, was.GetValueOrDefault(key), now.GetValueOrDefault(key))).ToList();
        return comparisons.Contains(1) ? PostureEffect.Loosens : comparisons.Contains(-1) ? PostureEffect.Tightens : PostureEffect.Neutral;
    }

    /// <summary>What the new rule admits that the old did not, in words ("dport also 80; any proto"), or null.</summary>
    public static string? Widened(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        if (Effect(before, after) != PostureEffect.Loosens)
        {
            return null;
        }

        var (was, now) = (Dimensions(before), Dimensions(after));
        var parts = was.Keys.Union(now.Keys).Order(StringComparer.Ordinal)
            .Where(key => Compare(key, was.GetValueOrDefault(key), now.GetValueOrDefault(key)) == 1)
            .Select(key => now.GetValueOrDefault(key) is { } values
                ? $"{Label(key)} also {string.Join(", ", values.Where(v => !(was.GetValueOrDefault(key) ?? []).Contains(v)).Order(StringComparer.Ordinal))}"
                : $"any {Label(key)} (no longer restricted)");
        return "widens the rule: " + string.Join("; ", parts);
    }

    private static string Label(string dimension) => dimension switch
    {
        "dport" => "port",
        "daddr" => "destination",
        "saddr" => "source",
        "proto" => "protocol",
        "owner" => "sending user",
        _ => dimension.StartsWith("other:", StringComparison.Ordinal) ? "match" : dimension,
    };

    /// <summary>Each matched dimension and the values it admits.</summary>
    private static Dictionary<string, HashSet<string>> Dimensions(IReadOnlyList<string> statements)
    {
        var dimensions = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var statement in statements.Take(statements.Count - 1))
        {
            var words = statement.Split(' ', 3);
            switch (words)
            {
                case ["meta", "skuid", var uid]:
                    dimensions["owner"] = Values(uid);
                    break;
                case ["meta", "l4proto", var proto]:
                    dimensions["proto"] = Values(proto);
                    break;
                case ["ip" or "ip6", "saddr" or "daddr", var set]:
                    dimensions[words[1]] = Values(set);
                    break;
                case ["tcp" or "udp", "dport", var ports]:
                    dimensions["proto"] = [words[0]];
                    dimensions["dport"] = Values(ports);
                    break;
                case ["th", "dport", var ports]:
                    dimensions["dport"] = Values(ports);
                    break;
                default:
                    dimensions["other:" + statement] = [statement];
                    break;
            }
        }

        return dimensions;
    }

    private static HashSet<string> Values(string text) =>
        text.Trim().TrimStart('{').TrimEnd('}').Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    /// <summary>1 when the new values admit more, -1 when fewer, 0 when the same or not comparable. Null admits all.</summary>
    private static int Compare(string dimension, HashSet<string>? before, HashSet<string>? after)
    {
        if (before is null || after is null)
        {
            return before is null && after is null ? 0 : before is null ? -1 : 1;
        }

        Func<string, string, bool> covers = dimension is "saddr" or "daddr" ? Source.Widening.Covers : (a, b) => a == b;
        var afterCoversBefore = before.All(b => after.Any(a => covers(a, b)));
        var beforeCoversAfter = after.All(a => before.Any(b => covers(b, a)));
        return afterCoversBefore && beforeCoversAfter ? 0 : afterCoversBefore ? 1 : beforeCoversAfter ? -1 : after.Any(a => !before.Any(b => covers(b, a))) ? 1 : 0;
    }
}
