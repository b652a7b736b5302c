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
            { File: { } file } => ReadFile(host.Fs, host.Homes.Expand(file, paths.User), file),
            { Store: { } name } => await ReadStoreAsync(posture, host, paths, name, cancellationToken),
            _ => new ResolvedSecret(null, "the secret reference is empty"),
        };
        host.Redactor.Add(resolved.Value);
        return resolved;
    }

    private static ResolvedSecret ReadFile(Host.Fs.HostFs fs, string hostPath, string shown)
    {
        try
        {
            return fs.TryReadAllText(hostPath, 1024 * 1024) is { } text
                ? new ResolvedSecret(text.TrimEnd('\r', '\n'), null)
                : new ResolvedSecret(null, $"the secret file {shown} does not exist");
        }
        catch (Host.Fs.UnsafePathException e)
        {
            return new ResolvedSecret(null, $"the secret file {shown} is refused: {e.Detail}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ResolvedSecret(null, $"cannot read the secret file {shown}: {Reporting.UserMessage.Of(e)}");
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
