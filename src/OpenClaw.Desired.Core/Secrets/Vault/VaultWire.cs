using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenClaw.Desired.Secrets.Vault;

/// <summary>
/// The JSON bodies of the KV v2 and AppRole endpoints, as Vault documents them; read and written through
/// <see cref="Serialization.WireJsonContext"/> (web options, nulls left out).
/// </summary>
internal static class VaultWire
{
    public sealed record Envelope<T>([property: JsonPropertyName("data")] T? Data);

    public sealed record KvData(
        [property: JsonPropertyName("data")] Dictionary<string, JsonElement>? Data,
        [property: JsonPropertyName("metadata")] KvVersion? Metadata);

    public sealed record KvVersion(
        [property: JsonPropertyName("created_time")] DateTimeOffset CreatedTime,
        [property: JsonPropertyName("version")] int Version,
        [property: JsonPropertyName("deletion_time")] string? DeletionTime = null,
        [property: JsonPropertyName("destroyed")] bool Destroyed = false);

    public sealed record KvWrite([property: JsonPropertyName("data")] IReadOnlyDictionary<string, string> Data);

    public sealed record KvMetadata(
        [property: JsonPropertyName("current_version")] int CurrentVersion,
        [property: JsonPropertyName("versions")] Dictionary<string, KvVersionInfo>? Versions);

    public sealed record KvVersionInfo([property: JsonPropertyName("created_time")] DateTimeOffset CreatedTime);

    public sealed record KeyList([property: JsonPropertyName("keys")] List<string>? Keys);

    public sealed record AppRoleLogin(
        [property: JsonPropertyName("role_id")] string RoleId,
        [property: JsonPropertyName("secret_id")] string SecretId);

    public sealed record AuthEnvelope([property: JsonPropertyName("auth")] AuthData? Auth);

    public sealed record AuthData([property: JsonPropertyName("client_token")] string ClientToken);

    public sealed record Errors([property: JsonPropertyName("errors")] List<string>? Messages);
}
