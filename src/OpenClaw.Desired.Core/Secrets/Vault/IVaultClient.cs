namespace OpenClaw.Desired.Secrets.Vault;

/// <summary>One version of a KV v2 secret: its key/value data, version number and when that version was written.</summary>
public sealed record VaultSecret(IReadOnlyDictionary<string, string> Data, int Version, DateTimeOffset CreatedTime)
{
    public override string ToString() => $"version {Version} of {CreatedTime:O} ({Data.Count} key(s))";
}

/// <summary>A KV v2 secret's metadata: its current version and when each version was written.</summary>
public sealed record VaultSecretMetadata(int CurrentVersion, IReadOnlyDictionary<int, DateTimeOffset> Versions)
{
    public DateTimeOffset? CurrentVersionCreated => Versions.TryGetValue(CurrentVersion, out var at) ? at : null;
}

/// <summary>The HashiCorp Vault KV v2 operations the secrets store uses. Paths are relative to the mount.</summary>
public interface IVaultClient
{
    /// <summary>The current version of a secret, or null when there is none.</summary>
    Task<VaultSecret?> ReadAsync(string path, CancellationToken cancellationToken);

    /// <summary>Writes a new version; returns its number.</summary>
    Task<int> WriteAsync(string path, IReadOnlyDictionary<string, string> data, CancellationToken cancellationToken);

    Task<VaultSecretMetadata?> ReadMetadataAsync(string path, CancellationToken cancellationToken);

    /// <summary>The keys under a folder; sub-folders end in "/". Empty when the folder does not exist.</summary>
    Task<IReadOnlyList<string>> ListAsync(string path, CancellationToken cancellationToken);
}

/// <summary>A Vault request that failed: status and Vault's own error text, never a token or a value.</summary>
public sealed class VaultException(string message, int status) : Exception(message)
{
    public int Status { get; } = status;
}
