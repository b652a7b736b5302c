using System.Buffers;
using System.Text.Json;
using Newtonsoft.Json.Linq;

namespace OpenClaw.Desired.Posture;

/// <summary>Writes the positioned token tree the YAML reader builds as UTF-8 JSON, for the source-generated reader.</summary>
internal static class JsonTokens
{
    public static ReadOnlySpan<byte> ToUtf8(JToken token)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, token);
        }

        return buffer.WrittenSpan;
    }

    private static void Write(Utf8JsonWriter writer, JToken token)
    {
        switch (token)
        {
            case JObject obj:
                writer.WriteStartObject();
                foreach (var property in obj.Properties())
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JValue { Type: JTokenType.Integer } value:
                writer.WriteNumberValue((long)value);
                break;
            case JValue { Type: JTokenType.Float } value:
                writer.WriteNumberValue((double)value);
                break;
            case JValue { Type: JTokenType.Boolean } value:
                writer.WriteBooleanValue((bool)value);
                break;
            case JValue { Type: JTokenType.Null or JTokenType.Undefined }:
                writer.WriteNullValue();
                break;
            case JValue value:
                writer.WriteStringValue(value.Type == JTokenType.String ? (string?)value : value.ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }
}
