using System.Globalization;
using System.Text.Json;
using OpenClaw.Desired.Serialization;

namespace OpenClaw.Desired.Resources.Firewall;

/// <summary>
/// Renders one statement of <c>nft -j</c> output as nft text, in the same canonical form the desired table uses.
/// Anything it does not know is shown as its JSON, which never equals a desired statement, so it is replaced.
/// </summary>
internal static class NftExpression
{
    public static string Render(JsonElement statement, string cgroupPrefix)
    {
        if (statement.ValueKind != JsonValueKind.Object)
        {
            return Raw(statement);
        }

        foreach (var property in statement.EnumerateObject())
        {
            return property.Name switch
            {
                "match" => Match(property.Value, cgroupPrefix),
                "accept" or "drop" or "return" or "continue" => property.Name,
                "counter" => "counter",
                "limit" => Limit(property.Value) ?? Raw(statement),
                "log" => Log(property.Value) ?? Raw(statement),
                "set" => SetStatement(property.Value) ?? Raw(statement),
                "jump" or "goto" when property.Value.TryGetProperty("target", out var target) => $"{property.Name} {target.GetString()}",
                _ => Raw(statement),
            };
        }

        return Raw(statement);
    }

    /// <summary><c>limit rate 10/minute</c>, with the burst only when it is not nft's default of 5 packets.</summary>
    private static string? Limit(JsonElement limit) =>
        limit.TryGetProperty("rate", out var rate) && limit.TryGetProperty("per", out var per) && !limit.TryGetProperty("rate_unit", out _)
            ? $"limit rate {rate.GetRawText()}/{per.GetString()}" + (limit.TryGetProperty("burst", out var burst) && burst.GetRawText() != "5" ? $" burst {burst.GetRawText()} packets" : string.Empty)
            : null;

    private static string? Log(JsonElement log)
    {
        if (log.ValueKind != JsonValueKind.Object)
        {
            return log.ValueKind == JsonValueKind.Null ? "log" : null;
        }

        var text = "log";
        if (log.TryGetProperty("prefix", out var prefix))
        {
            text += " prefix " + NftText.Quote(prefix.GetString() ?? string.Empty);
        }

        if (log.TryGetProperty("level", out var level))
        {
            text += " level " + level.GetString();
        }

        return text;
    }

    /// <summary><c>add @set { ip daddr . th dport }</c>: a rule that records what it sees in a named set.</summary>
    private static string? SetStatement(JsonElement set)
    {
        if (!set.TryGetProperty("op", out var op) || !set.TryGetProperty("set", out var name) || !set.TryGetProperty("elem", out var elem))
        {
            return null;
        }

        var parts = Single(elem, "concat") is { ValueKind: JsonValueKind.Array } concat ? concat.EnumerateArray().ToList() : [elem];
        var keys = parts.Select(p => Left(p).Text).ToList();
        return $"{op.GetString()} {name.GetString()} {{ {string.Join(" . ", keys)} }}";
    }

    private static string Match(JsonElement match, string cgroupPrefix)
    {
        if (!match.TryGetProperty("left", out var left) || !match.TryGetProperty("right", out var right) || !match.TryGetProperty("op", out var opElement))
        {
            return Raw(match);
        }

        var op = opElement.GetString();
        var prefix = op is "==" or "in" ? string.Empty : op + " ";
        if (Single(left, "socket") is { } socket && socket.TryGetProperty("key", out var socketKey) && socketKey.GetString() == "cgroupv2")
        {
            // nft's JSON leaves out the level; it is implied by the path, as the desired table computes it.
            return right.ValueKind == JsonValueKind.String && right.GetString() is { } path && path.StartsWith(cgroupPrefix, StringComparison.Ordinal)
                ? prefix + NftText.Cgroup(path[cgroupPrefix.Length..], cgroupPrefix)
                : $"socket cgroupv2 {prefix}{Value(right, false)}";
        }

        var (text, quoted) = Left(left);
        return $"{text} {prefix}{Value(right, quoted)}";
    }

    private static (string Text, bool QuotedRight) Left(JsonElement left)
    {
        if (Single(left, "meta") is { } meta && meta.TryGetProperty("key", out var key))
        {
            var name = key.GetString() ?? "?";
            return (NftText.Meta(name), NftText.BareMetaKeys.Contains(name));
        }

        if (Single(left, "payload") is { } payload && payload.TryGetProperty("protocol", out var protocol) && payload.TryGetProperty("field", out var field))
        {
            return ($"{protocol.GetString()} {field.GetString()}", false);
        }

        if (Single(left, "ct") is { } ct && ct.TryGetProperty("key", out var ctKey) && !ct.TryGetProperty("dir", out _))
        {
            return ($"ct {ctKey.GetString()}", false);
        }

        return (Raw(left), false);
    }

    private static string Value(JsonElement value, bool quoted)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                return value.GetRawText();
            case JsonValueKind.String:
                return quoted ? NftText.Quote(value.GetString()!) : value.GetString()!;
            case JsonValueKind.Array:
                // ct state and other flag lists: nft prints them comma-joined.
                return string.Join(',', value.EnumerateArray().Select(v => Value(v, quoted)).Order(StringComparer.Ordinal));
            case JsonValueKind.Object:
                if (Single(value, "set") is { ValueKind: JsonValueKind.Array } set)
                {
                    return NftText.ValueOrSet(set.EnumerateArray().Select(v => Value(v, quoted)));
                }

                if (Single(value, "prefix") is { } prefix && prefix.TryGetProperty("addr", out var addr) && prefix.TryGetProperty("len", out var len))
                {
                    return $"{addr.GetString()}/{len.GetInt32().ToString(CultureInfo.InvariantCulture)}";
                }

                if (Single(value, "range") is { ValueKind: JsonValueKind.Array } range && range.GetArrayLength() == 2)
                {
                    return $"{Value(range[0], quoted)}-{Value(range[1], quoted)}";
                }

                return Raw(value);
            default:
                return Raw(value);
        }
    }

    private static JsonElement? Single(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var inner) ? inner : null;

    private static string Raw(JsonElement element) => JsonSerializer.Serialize(element, PlainJsonContext.Default.JsonElement);
}
