using System.Text.Json;
using System.Text.Json.Serialization;
using OpenClaw.Desired.Monitoring.Alerts;
using OpenClaw.Desired.Resources.Models;
using OpenClaw.Desired.Secrets.Vault;

namespace OpenClaw.Desired.Serialization;

/// <summary>
/// JSON metadata, generated at build time, for bodies exchanged with other programs: Vault's KV v2 and AppRole
/// endpoints, OpenClaw's exec secret-provider protocol, Ollama's API and Telegram's Bot API. Web names (the
/// wire types name their fields with [JsonPropertyName]), compact, nulls left out.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(VaultWire.Envelope<VaultWire.KvData>))]
[JsonSerializable(typeof(VaultWire.Envelope<VaultWire.KvVersion>))]
[JsonSerializable(typeof(VaultWire.Envelope<VaultWire.KvMetadata>))]
[JsonSerializable(typeof(VaultWire.Envelope<VaultWire.KeyList>))]
[JsonSerializable(typeof(VaultWire.KvWrite))]
[JsonSerializable(typeof(VaultWire.AppRoleLogin))]
[JsonSerializable(typeof(VaultWire.AuthEnvelope))]
[JsonSerializable(typeof(VaultWire.Errors))]
[JsonSerializable(typeof(ExecResolver.Request))]
[JsonSerializable(typeof(ExecResolver.Response))]
[JsonSerializable(typeof(OllamaClient.TagsResponse))]
[JsonSerializable(typeof(OllamaClient.PullRequest))]
[JsonSerializable(typeof(TelegramChannel.SendMessage))]
internal sealed partial class WireJsonContext : JsonSerializerContext;
