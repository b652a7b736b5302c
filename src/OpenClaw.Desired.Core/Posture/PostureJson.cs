using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenClaw.Desired.Posture;

/// <summary>
/// System.Text.Json metadata for the posture model, generated at build time: reading posture.yaml into
/// <see cref="PostureDocument"/> and hashing <see cref="EffectivePosture"/> use no reflection, which keeps a
/// cold start short (the reflection-based serializer took most of a posture load).
/// </summary>
/// <remarks>
/// Adding a posture class: declare the record (beside <see cref="PostureDocument"/>, or in its kind's folder)
/// and reference it from a property of <see cref="PostureDocument"/> or of a class it already reaches. The
/// generator follows properties, so nothing needs to be added here; the build fails (SYSLIB10xx) if it
/// cannot generate code for the new type. Names are matched without regard to case (the property
/// <c>OpenClaw</c> reads <c>openclaw</c>) and written camelCase; dictionary keys are kept as written. A free-form section can be <c>System.Text.Json.Nodes.JsonObject</c>/<c>JsonArray</c>; a value
/// read in a custom way gets a <c>JsonConverter&lt;T&gt;</c> named by <c>[JsonConverter]</c> on its type (see
/// <see cref="SecretRefConverter"/>). Add a <c>[JsonSerializable]</c> line here only for a type that is
/// (de)serialized on its own, outside <see cref="PostureDocument"/> and <see cref="EffectivePosture"/>.
/// </remarks>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true, // posture.yaml writes "openclaw" for OpenClaw, "oauth" for OAuth
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(PostureDocument))]
[JsonSerializable(typeof(EffectivePosture))]
internal sealed partial class PostureJsonContext : JsonSerializerContext
{
    /// <summary>Reads a posture document (already checked against the schema) from UTF-8 JSON.</summary>
    public static PostureDocument? Read(ReadOnlySpan<byte> json) => JsonSerializer.Deserialize(json, Default.PostureDocument);
}
