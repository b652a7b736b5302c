using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OpenClaw.Desired.Posture;

internal sealed class SecretRefConverter : JsonConverter<SecretRef>
{
    public override SecretRef? ReadJson(JsonReader reader, Type objectType, SecretRef? existingValue, bool hasExistingValue, JsonSerializer serializer)
    {
        var token = JToken.Load(reader);
        return token switch
        {
            { Type: JTokenType.String } => new SecretRef(token.Value<string>(), null, null, null),
            JObject o => new SecretRef(null, o.Value<string>("env"), o.Value<string>("file"), o.Value<string>("store")),
            _ => null,
        };
    }

    /// <summary>Written only for digests: a literal as its hash, a reference as where it points.</summary>
    public override void WriteJson(JsonWriter writer, SecretRef? value, JsonSerializer serializer) =>
        writer.WriteValue(value?.Literal is { } literal ? "literal:" + Safety.Hashing.Sha256Hex(literal) : value?.ToString());
}
