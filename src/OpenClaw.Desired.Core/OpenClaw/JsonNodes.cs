using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Newtonsoft.Json.Linq;

namespace OpenClaw.Desired.OpenClaw;

/// <summary>Helpers for <see cref="JsonNode"/> trees: value equality, scalars, and the bridge to Newtonsoft tokens.</summary>
public static class JsonNodes
{
    /// <summary>Structural equality: objects regardless of key order, numbers by value (1 equals 1.0).</summary>
    public static bool DeepEquals(JsonNode? a, JsonNode? b)
    {
        switch (a, b)
        {
            case (null, null):
                return true;
            case (null, _) or (_, null):
                return false;
            case (JsonObject x, JsonObject y):
                return x.Count == y.Count && x.All(p => y.TryGetPropertyValue(p.Key, out var other) && DeepEquals(p.Value, other));
            case (JsonArray x, JsonArray y):
                return x.Count == y.Count && x.Zip(y).All(pair => DeepEquals(pair.First, pair.Second));
            case (JsonValue x, JsonValue y):
                var kind = x.GetValueKind();
                if (kind != y.GetValueKind())
                {
                    return false;
                }

                return kind switch
                {
                    JsonValueKind.String => x.GetValue<string>() == y.GetValue<string>(),
                    JsonValueKind.Number => NumberEquals(x, y),
                    _ => true,
                };
            default:
                return false;
        }
    }

    private static bool NumberEquals(JsonValue x, JsonValue y)
    {
        if (x.TryGetValue<long>(out var a) && y.TryGetValue<long>(out var b))
        {
            return a == b;
        }

        var (p, q) = (Double(x), Double(y));
        return p.Equals(q);
    }

    /// <summary>A number node as a double (integers, doubles, decimals, or a number element).</summary>
    public static double Double(JsonValue value) =>
        value.TryGetValue<double>(out var d) ? d
        : value.TryGetValue<long>(out var l) ? l
        : value.TryGetValue<decimal>(out var m) ? (double)m
        : value.TryGetValue<int>(out var i) ? i
        : double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture);

    /// <summary>The string a node holds, or null when it is no string.</summary>
    public static string? String(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>A node as a Newtonsoft token (JSON null as a null token), for code that still works on those.</summary>
    public static JToken ToToken(JsonNode? node) => node switch
    {
        null => JValue.CreateNull(),
        JsonObject o => new JObject(o.Select(p => new JProperty(p.Key, ToToken(p.Value)))),
        JsonArray a => new JArray(a.Select(ToToken)),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => new JValue(v.GetValue<string>()),
            JsonValueKind.True => new JValue(true),
            JsonValueKind.False => new JValue(false),
            JsonValueKind.Number when v.TryGetValue<long>(out var l) => new JValue(l),
            JsonValueKind.Number => new JValue(Double(v)),
            _ => JValue.CreateNull(),
        },
        _ => JValue.CreateNull(),
    };

    /// <summary>A Newtonsoft token as a node (a null token as null).</summary>
    public static JsonNode? FromToken(JToken? token) => token switch
    {
        null => null,
        JObject o => new JsonObject(o.Properties().Select(p => KeyValuePair.Create(p.Name, FromToken(p.Value)))),
        JArray a => new JsonArray(a.Select(FromToken).ToArray()),
        JValue { Type: JTokenType.Null or JTokenType.Undefined } => null,
        JValue { Type: JTokenType.String } s => JsonValue.Create((string)s!),
        JValue { Type: JTokenType.Boolean } b => JsonValue.Create((bool)b),
        JValue { Type: JTokenType.Integer } i => i.Value is System.Numerics.BigInteger big ? JsonValue.Create((double)big) : JsonValue.Create((long)i),
        JValue { Type: JTokenType.Float } f => JsonValue.Create((double)f),
        JValue other => JsonValue.Create(other.ToString(CultureInfo.InvariantCulture)),
        _ => null,
    };

    /// <summary>Parses JSON (or JSON5) text into a node.</summary>
    public static JsonNode? Parse(string text) => Json5Reader.Parse(text).ToNode();
}
