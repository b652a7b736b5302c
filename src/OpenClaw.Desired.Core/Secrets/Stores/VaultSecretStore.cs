using Newtonsoft.Json.Linq;
using OpenClaw.Desired.Safety;
using OpenClaw.Desired.Secrets.Vault;

namespace OpenClaw.Desired.Secrets.Stores;

/// <summary>
/// HashiCorp Vault KV v2: each secret NAME is the KV secret <c>&lt;path&gt;/NAME</c> holding <c>{"value": …}</c>, so
/// each has its own versions (the last rotation is when the current version was written). OpenClaw reads it
/// through an exec secret provider that runs <c>openclaw-desired secrets resolve</c>.
/// </summary>
public sealed class VaultSecretStore(IVaultClient client, string basePath, string alias, JObject providerBlock, string address) : ISecretStore
{
    public const string ValueKey = "value";

    public string Kind => "vault";

    public string Description => $"the vault store ({address}, {basePath})";

    public IReadOnlyList<string> HostFiles => [];

    public async Task<IReadOnlyDictionary<string, StoredSecret>> ReadAsync(CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, StoredSecret>(StringComparer.Ordinal);
        foreach (var key in await client.ListAsync(basePath, cancellationToken))
        {
            if (key.EndsWith('/'))
            {
                continue;
            }

            var secret = await client.ReadAsync($"{basePath}/{key}", cancellationToken);
            if (secret?.Data.GetValueOrDefault(ValueKey) is { } value)
            {
                result[key] = new StoredSecret(key, value, secret.CreatedTime);
            }
        }

        return result;
    }

    public Task PutAsync(string name, string value, FileChanger files, string changeId, CancellationToken cancellationToken) =>
        client.WriteAsync($"{basePath}/{name}", new Dictionary<string, string> { [ValueKey] = value }, cancellationToken);

    public JToken ConfigReference(string name) => SecretRef(name);

    public JObject SecretRef(string name) => new() { ["source"] = "exec", ["provider"] = alias, ["id"] = name };

    public (string Alias, JObject Block)? Provider => (alias, providerBlock);
}
