using OpenClaw.Desired.Host;
using OpenClaw.Desired.Secrets;

namespace OpenClaw.Desired.Resources.Backups;

/// <summary>Turns an archive of the posture into a <see cref="ResticTarget"/>: secrets read, local paths under the root.</summary>
public static class ResticConnector
{
    /// <summary>The target, or why it cannot be built (a secret that cannot be read).</summary>
    public static async Task<(ResticTarget? Target, string? Unknown)> ConnectAsync(
        ArchiveDesired archive, Posture.EffectivePosture posture, HostContext host, OpenClawPaths paths, CancellationToken cancellationToken)
    {
        host.Redactor.Add(ResticRepository.UrlPassword(archive.Repository));
        var password = await SecretResolver.ResolveAsync(archive.Password, posture, host, paths, cancellationToken);
        if (password.Unknown is { } why)
        {
            return (null, $"the repository password cannot be read: {why}");
        }

        string? credential = null;
        if (archive.Credential is { } reference)
        {
            var resolved = await SecretResolver.ResolveAsync(reference, posture, host, paths, cancellationToken);
            if (resolved.Unknown is { } credentialWhy)
            {
                return (null, $"the repository credential cannot be read: {credentialWhy}");
            }

            credential = resolved.Value;
            // It travels URL-escaped inside RESTIC_REPOSITORY; that form must not leak either.
            host.Redactor.Add(Uri.EscapeDataString(credential!));
        }

        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, secret) in archive.Env)
        {
            var resolved = await SecretResolver.ResolveAsync(secret, posture, host, paths, cancellationToken);
            if (resolved.Unknown is { } envWhy)
            {
                return (null, $"{name} for restic cannot be read: {envWhy}");
            }

            environment[name] = resolved.Value!;
        }

        var repository = ResticRepository.IsLocal(archive.Repository)
            ? host.Root.Resolve(ResticRepository.LocalPath(archive.Repository))
            : ResticRepository.WithCredential(archive.Repository, credential);
        return (new ResticTarget(archive.Name, repository, ResticRepository.Display(archive.Repository), password.Value!, environment), null);
    }

    /// <summary>Where restic keeps its cache for scheduled and applied runs: the reconciler's state dir, not $HOME.</summary>
    public static string CacheDir(string stateDir) => Path.Combine(stateDir, "backups", "restic-cache");
}
