using System.Text.Json;
using System.Text.Json.Serialization;
using OpenClaw.Desired.Monitoring.Alerts;
using OpenClaw.Desired.Resources.Backups;

namespace OpenClaw.Desired.Serialization;

/// <summary>
/// JSON metadata, generated at build time, for JSON read and written with the serializer's general defaults
/// (names matched case-sensitively, compact, nulls written) and camelCase names: restic's snapshot list (its
/// fields named by [JsonPropertyName]), the <c>json</c> webhook body, and nft expressions shown as JSON.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(List<ResticSnapshot>))]
[JsonSerializable(typeof(WebhookBodies.Document))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class PlainJsonContext : JsonSerializerContext;
