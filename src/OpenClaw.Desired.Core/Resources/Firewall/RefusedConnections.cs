using System.Text.Json;
using OpenClaw.Desired.Reporting;

namespace OpenClaw.Desired.Resources.Firewall;

/// <summary>
/// Reads what the owned table counted of refused outbound connections from its <c>nft -j list table</c> listing: the
/// counter rule's packets and bytes, and the refused destinations kept in the sets, busiest first.
/// </summary>
public static class RefusedConnections
{
    public const int TopCount = 10;

    /// <summary>The counts, or null when the table has no refused-connection rules (level airgap or off, or an older table).</summary>
    public static ConnectionsReport? Read(string tableJson)
    {
        using var document = JsonDocument.Parse(tableJson);
        if (!document.RootElement.TryGetProperty("nftables", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        long? packets = null;
        long bytes = 0;
        var destinations = new List<RefusedDestination>();
        foreach (var item in items.EnumerateArray())
        {
            if (item.TryGetProperty("rule", out var rule) && rule.TryGetProperty("comment", out var comment) && comment.GetString() == RefusedRules.CounterComment)
            {
                foreach (var counter in Counters(rule))
                {
                    packets = (packets ?? 0) + counter.Packets;
                    bytes += counter.Bytes;
                }
            }
            else if (item.TryGetProperty("set", out var set) && set.TryGetProperty("name", out var name) && name.GetString() is RefusedRules.SetV4 or RefusedRules.SetV6
                && set.TryGetProperty("elem", out var elements) && elements.ValueKind == JsonValueKind.Array)
            {
                destinations.AddRange(elements.EnumerateArray().Select(Destination).OfType<RefusedDestination>());
            }
        }

        return packets is { } total
            ? new ConnectionsReport(total, bytes, destinations.OrderByDescending(d => d.Packets).ThenBy(d => d.Address, StringComparer.Ordinal).ThenBy(d => d.Port).Take(TopCount).ToList()) { LogPrefix = RefusedRules.LogPrefix }
            : null;
    }

    private static IEnumerable<(long Packets, long Bytes)> Counters(JsonElement rule) =>
        rule.TryGetProperty("expr", out var expr) && expr.ValueKind == JsonValueKind.Array
            ? expr.EnumerateArray()
                .Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("counter", out var c) && c.ValueKind == JsonValueKind.Object)
                .Select(e => e.GetProperty("counter"))
                .Select(c => (Number(c, "packets"), Number(c, "bytes")))
            : [];

    private static RefusedDestination? Destination(JsonElement element)
    {
        var elem = element.TryGetProperty("elem", out var inner) ? inner : element;
        if (!elem.TryGetProperty("val", out var val) || !val.TryGetProperty("concat", out var concat) || concat.GetArrayLength() != 2)
        {
            return null;
        }

        var address = concat[0].ValueKind == JsonValueKind.String ? concat[0].GetString() : null;
        var port = concat[1].ValueKind == JsonValueKind.Number ? concat[1].GetInt32() : -1;
        var packets = elem.TryGetProperty("counter", out var counter) && counter.ValueKind == JsonValueKind.Object ? Number(counter, "packets") : 0;
        return address is null || port < 0 ? null : new RefusedDestination(address, port, packets);
    }

    private static long Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : 0;
}
