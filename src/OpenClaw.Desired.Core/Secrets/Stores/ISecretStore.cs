using Newtonsoft.Json.Linq;
using OpenClaw.Desired.Safety;

namespace OpenClaw.Desired.Secrets.Stores;

/// <summary>A secret in a store. <see cref="ToString"/> never shows the value.</summary>
public sealed record StoredSecret(string Name, string Value, DateTimeOffset? VersionTime)
{
    public override string ToString() => VersionTime is { } at ? $"{Name} (version of {at:yyyy-MM-dd})" : Name;
}

/// <summary>
/// Where consolidated secrets live, and how OpenClaw refers to them there. Reads never change anything;
/// writes of file-backed stores go through the run's <see cref="FileChanger"/> (backup first, journalled).
/// </summary>
public interface ISecretStore
{
    /// <summary>env, file or vault.</summary>
    string Kind { get; }

    /// <summary>For people: "the env store (/home/claw/.openclaw/.env)".</summary>
    string Description { get; }

    /// <summary>Host files that hold the store's plaintext: never scanned as leaks, always kept 0600.</summary>
    IReadOnlyList<string> HostFiles { get; }

    Task<IReadOnlyDictionary<string, StoredSecret>> ReadAsync(CancellationToken cancellationToken);

    Task PutAsync(string name, string value, FileChanger files, string changeId, CancellationToken cancellationToken);

    /// <summary>What an openclaw.json field holds instead of the value: "${NAME}" or a SecretRef object.</summary>
    JToken ConfigReference(string name);

    /// <summary>The SecretRef object for the name (auth-profiles keyRef/tokenRef).</summary>
    JObject SecretRef(string name);

    /// <summary>The secrets.providers entry openclaw.json needs to resolve <see cref="SecretRef"/>, if any.</summary>
    (string Alias, JObject Block)? Provider { get; }
}
