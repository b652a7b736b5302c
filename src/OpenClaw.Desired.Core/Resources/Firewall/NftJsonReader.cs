using System.Text.Json;
using OpenClaw.Desired.Planning;

namespace OpenClaw.Desired.Resources.Firewall;

/// <summary>Reads <c>nft -j list table</c> and <c>nft -j list tables</c> output.</summary>
internal static class NftJsonReader
{
    /// <summary>The table's chains, rules (as canonical text) and any other objects it holds.</summary>
    public static NftTable ReadTable(string json, string family, string name, string cgroupPrefix)
    {
        using var document = JsonDocument.Parse(json);
        var chains = new List<NftChain>();
        var rules = new List<NftRule>();
        var others = new List<string>();
        var sets = new List<NftSet>();
        foreach (var item in Items(document))
        {
            foreach (var property in item.EnumerateObject())
            {
                var value = property.Value;
                switch (property.Name)
                {
                    case "metainfo" or "table":
                        break;
                    case "chain":
                        chains.Add(new NftChain(
                            Text(value, "name"),
                            value.TryGetProperty("hook", out var hook) ? hook.GetString() ?? string.Empty : string.Empty,
                            value.TryGetProperty("prio", out var prio) && prio.ValueKind == JsonValueKind.Number ? prio.GetInt32() : 0,
                            value.TryGetProperty("policy", out var policy) ? policy.GetString() ?? "accept" : "accept"));
                        break;
                    case "rule":
                        rules.Add(ReadRule(value, cgroupPrefix));
                        break;
                    case "set":
                        sets.Add(ReadSet(value));
                        others.Add($"set {Text(value, "name")}");
                        break;
                    default:
                        others.Add($"{property.Name} {(value.TryGetProperty("name", out var other) ? other.GetString() : "?")}");
                        break;
                }
            }
        }

        return new NftTable(family, name, chains.ToValueList(), rules.ToValueList(), others.ToValueList()) { Sets = sets.ToValueList() };
    }

    private static NftSet ReadSet(JsonElement set)
    {
        var type = set.TryGetProperty("type", out var t)
            ? t.ValueKind == JsonValueKind.Array ? string.Join(" . ", t.EnumerateArray().Select(e => e.GetString())) : t.GetString() ?? string.Empty
            : string.Empty;
        var size = set.TryGetProperty("size", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt32() : 0;
        var timeout = set.TryGetProperty("timeout", out var o) && o.ValueKind == JsonValueKind.Number ? o.GetInt32() : 0;
        var counter = set.TryGetProperty("stmt", out var stmt) && stmt.ValueKind == JsonValueKind.Array && stmt.EnumerateArray().Any(x => x.ValueKind == JsonValueKind.Object && x.TryGetProperty("counter", out _));
        return new NftSet(Text(set, "name"), type, size, timeout, counter);
    }

    /// <summary>The (family, name) of every table <c>nft -j list tables</c> shows.</summary>
    public static IReadOnlyList<(string Family, string Name)> ReadTables(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Items(document)
            .Where(i => i.TryGetProperty("table", out _))
            .Select(i => i.GetProperty("table"))
            .Select(t => (Text(t, "family"), Text(t, "name")))
            .ToList();
    }

    private static NftRule ReadRule(JsonElement rule, string cgroupPrefix)
    {
        var statements = rule.TryGetProperty("expr", out var expr) && expr.ValueKind == JsonValueKind.Array
            ? expr.EnumerateArray().Select(e => NftExpression.Render(e, cgroupPrefix)).ToValueList()
            : ValueList<string>.Empty;
        return new NftRule(Text(rule, "chain"), rule.TryGetProperty("comment", out var comment) ? comment.GetString() : null, statements)
        {
            Handle = rule.TryGetProperty("handle", out var handle) && handle.ValueKind == JsonValueKind.Number ? handle.GetInt64() : null,
        };
    }

    private static IEnumerable<JsonElement> Items(JsonDocument document) =>
        document.RootElement.TryGetProperty("nftables", out var items) && items.ValueKind == JsonValueKind.Array
            ? items.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object).ToList()
            : [];

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.GetString() ?? string.Empty : string.Empty;
}
