namespace OpenClaw.Desired.Resources.Backups;

/// <summary>How restic's repository strings read: a local path, or a backend prefix such as rest: or s3:.</summary>
public static class ResticRepository
{
    /// <summary>Backends restic itself reaches over a network, by prefix.</summary>
    public static readonly IReadOnlyList<string> RemoteBackends = ["rest:", "sftp:", "s3:", "rclone:", "b2:", "azure:", "gs:", "swift:"];

    public static bool IsLocal(string repository) =>
        repository.StartsWith('/') || repository.StartsWith('~') || repository.StartsWith("local:", StringComparison.Ordinal);

    public static string Backend(string repository) =>
        IsLocal(repository) ? "local" : RemoteBackends.FirstOrDefault(b => repository.StartsWith(b, StringComparison.Ordinal))?.TrimEnd(':') ?? "other";

    /// <summary>The host path of a local repository (without the <c>local:</c> prefix).</summary>
    public static string LocalPath(string repository) =>
        repository.StartsWith("local:", StringComparison.Ordinal) ? repository["local:".Length..] : repository;

    /// <summary>A rest: URL with the password put into its user info; restic reads it from nowhere else.</summary>
    public static string WithCredential(string repository, string? credential)
    {
        if (credential is null || !repository.StartsWith("rest:", StringComparison.Ordinal) || !Uri.TryCreate(repository[5..], UriKind.Absolute, out var uri))
        {
            return repository;
        }

        var user = uri.UserInfo.Split(':')[0];
        var builder = new UriBuilder(uri)
        {
            UserName = Uri.EscapeDataString(Uri.UnescapeDataString(user.Length == 0 ? "restic" : user)),
            Password = Uri.EscapeDataString(credential),
        };
        return "rest:" + builder.Uri.AbsoluteUri;
    }

    /// <summary>The repository as plans and reports show it: any password in a URL is masked.</summary>
    public static string Display(string repository)
    {
        var scheme = repository.IndexOf("://", StringComparison.Ordinal);
        var at = repository.IndexOf('@', StringComparison.Ordinal);
        if (scheme < 0 || at < scheme)
        {
            return repository;
        }

        var userInfo = repository[(scheme + 3)..at];
        var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? repository : repository[..(scheme + 3)] + userInfo[..colon] + ":***" + repository[at..];
    }

    /// <summary>The password written into a URL's user info, if any, so it can be registered with the redactor.</summary>
    public static string? UrlPassword(string url)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        var at = url.IndexOf('@', StringComparison.Ordinal);
        if (scheme < 0 || at < scheme)
        {
            return null;
        }

        var userInfo = url[(scheme + 3)..at];
        var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? null : Uri.UnescapeDataString(userInfo[(colon + 1)..]);
    }
}
