using OpenClaw.Desired.Host;
using OpenClaw.Desired.Posture;

using OpenClaw.Desired.Secrets.Stores;

namespace OpenClaw.Desired.Secrets;

/// <summary>A secret's value, or why it could not be read. The value is registered with the redactor on read.</summary>
public sealed record ResolvedSecret(string? Value, string? Unknown);

/// <summary>
/// Reads a posture secret reference on the host: a literal, the process environment, a file under the root,
/// or the posture's secrets store (env file, OpenClaw's file provider, or Vault). Every value read is
/// registered with the redactor before anything else can see it.
/// </summary>
public static class SecretResolver
{
    public static async Task<ResolvedSecret> ResolveAsync(SecretRef reference, EffectivePosture posture, HostContext host, OpenClawPaths paths, CancellationToken cancellationToken)
    {
        var resolved = reference switch
        {
            { Literal: { } literal } => new ResolvedSecret(literal, null),
            { Env: { } env } => Environment.GetEnvironmentVariable(env) is { Length: > 0 } value
                ? new ResolvedSecret(value, null)
                : new ResolvedSecret(null, $"the environment variable {env} is not set"),
            { File: { } file } => await ReadFileAsync(host.Root.Resolve(host.Homes.Expand(file, paths.User)), file, cancellationToken),
            { Store: { } name } => await ReadStoreAsync(posture, host, paths, name, cancellationToken),
            _ => new ResolvedSecret(null, "the secret reference is empty"),
        };
        host.Redactor.Add(resolved.Value);
        return resolved;
    }

    private static async Task<ResolvedSecret> ReadFileAsync(string real, string shown, CancellationToken cancellationToken)
    {
        try
        {
            return File.Exists(real)
                ? new ResolvedSecret(File.ReadAllText(real).TrimEnd('\r', '\n'), null)
                : new ResolvedSecret(null, $"the secret file {shown} does not exist");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ResolvedSecret(null, $"cannot read the secret file {shown}: {e.GetType().Name}");
        }
    }

    private static async Task<ResolvedSecret> ReadStoreAsync(EffectivePosture posture, HostContext host, OpenClawPaths paths, string name, CancellationToken cancellationToken)
    {
        var (store, problem) = SecretStores.Open(posture, host, paths);
        if (store is null)
        {
            return new ResolvedSecret(null, problem);
        }

        try
        {
            var secrets = await store.ReadAsync(cancellationToken);
            foreach (var value in secrets.Values)
            {
                host.Redactor.Add(value.Value);
            }

            return secrets.TryGetValue(name, out var secret)
                ? new ResolvedSecret(secret.Value, null)
                : new ResolvedSecret(null, $"{name} is not in {store.Description}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or HttpRequestException or InvalidOperationException)
        {
            return new ResolvedSecret(null, $"cannot read {store.Description}: {host.Redactor.Redact(e.Message)}");
        }
    }
}
