using OpenClaw.Desired.Host;
using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Resources.Backups;

/// <summary>A secret's value, or why it could not be read. The value is registered with the redactor on read.</summary>
public sealed record ResolvedSecret(string? Value, string? Unknown);

/// <summary>
/// Reads a posture secret reference on the host: a literal, the process environment, a file under the root,
/// or the env store (OpenClaw's <c>&lt;state&gt;/.env</c>). Every value read is registered with the redactor
/// before anything else can see it.
/// </summary>
public static class SecretResolver
{
    public static async Task<ResolvedSecret> ResolveAsync(SecretRef reference, HostContext host, OpenClawPaths paths, CancellationToken cancellationToken)
    {
        var resolved = reference switch
        {
            { Literal: { } literal } => new ResolvedSecret(literal, null),
            { Env: { } env } => Environment.GetEnvironmentVariable(env) is { Length: > 0 } value
                ? new ResolvedSecret(value, null)
                : new ResolvedSecret(null, $"the environment variable {env} is not set"),
            { File: { } file } => await ReadFileAsync(host.Root.Resolve(host.Homes.Expand(file, paths.User)), file, cancellationToken),
            { Store: { } name } => await ReadStoreAsync(host, paths, name, cancellationToken),
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
                ? new ResolvedSecret((await File.ReadAllTextAsync(real, cancellationToken)).TrimEnd('\r', '\n'), null)
                : new ResolvedSecret(null, $"the secret file {shown} does not exist");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ResolvedSecret(null, $"cannot read the secret file {shown}: {e.GetType().Name}");
        }
    }

    private static async Task<ResolvedSecret> ReadStoreAsync(HostContext host, OpenClawPaths paths, string name, CancellationToken cancellationToken)
    {
        var store = paths.StateDir + "/.env";
        var real = host.Root.Resolve(store);
        if (!File.Exists(real))
        {
            return new ResolvedSecret(null, $"the secrets store {store} does not exist");
        }

        foreach (var line in await File.ReadAllLinesAsync(real, cancellationToken))
        {
            if (EnvLine.TryParse(line) is { } entry && entry.Key == name)
            {
                return new ResolvedSecret(entry.Value, null);
            }
        }

        return new ResolvedSecret(null, $"{name} is not in the secrets store {store}");
    }
}

/// <summary>One <c>KEY=value</c> line of a dotenv file: optional <c>export</c>, optional quotes, # comments.</summary>
internal static class EnvLine
{
    public static KeyValuePair<string, string>? TryParse(string line)
    {
        var text = line.Trim();
        if (text.Length == 0 || text.StartsWith('#'))
        {
            return null;
        }

        if (text.StartsWith("export ", StringComparison.Ordinal))
        {
            text = text["export ".Length..].TrimStart();
        }

        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            return null;
        }

        var value = text[(equals + 1)..].Trim();
        if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0])
        {
            value = value[1..^1];
        }

        return new(text[..equals].Trim(), value);
    }
}
