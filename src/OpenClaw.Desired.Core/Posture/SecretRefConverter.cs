using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenClaw.Desired.Posture;

/// <summary>A secret as written: a string is a literal, a mapping names where it comes from ({env}, {file}, {store}).</summary>
internal sealed class SecretRefConverter : JsonConverter<SecretRef>
{
    public override SecretRef? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return new SecretRef(reader.GetString(), null, null, null);
            case JsonTokenType.StartObject:
                string? env = null, file = null, store = null;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = reader.GetString();
                    reader.Read();
                    var value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    reader.Skip();
                    switch (name)
                    {
                        case "env": env = value; break;
                        case "file": file = value; break;
                        case "store": store = value; break;
                    }
                }

                return new SecretRef(null, env, file, store);
            default:
                reader.Skip();
                return null;
        }
    }

    /// <summary>Written only for digests and posture diffs: a literal as its hash, a reference as where it points.</summary>
    public override void Write(Utf8JsonWriter writer, SecretRef value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Literal is { } literal ? "literal:" + Safety.Hashing.Sha256Hex(literal) : value.ToString());
}
