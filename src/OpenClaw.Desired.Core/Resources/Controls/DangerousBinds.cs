namespace OpenClaw.Desired.Resources.Controls;

/// <summary>
/// Bind mounts OpenClaw refuses in its sandbox (validate-sandbox-security): a source that is, covers or sits in a
/// system folder, the container engine's socket, or a folder of credentials; and sources that are not absolute.
/// </summary>
public static class DangerousBinds
{
    private static readonly string[] SystemPaths =
    [
        "/", "/etc", "/proc", "/sys", "/dev", "/root", "/boot", "/run", "/var/run", "/var/lib/docker", "/var/lib/containers",
        "/usr", "/bin", "/sbin", "/lib", "/lib64",
    ];

    private static readonly string[] CredentialFolders = [".ssh", ".gnupg", ".aws", ".kube", ".docker", ".config/gcloud", ".openclaw"];

    /// <summary>The host side of "source:target[:mode]".</summary>
    public static string Source(string bind) => bind.Split(':')[0].Trim();

    public static bool NotAbsolute(string bind) => Source(bind) is var source && !source.StartsWith('/') && !source.StartsWith('~');

    /// <summary>Why the bind is dangerous, or null.</summary>
    public static string? Why(string bind, string? home)
    {
        var source = Source(bind);
        if (source.StartsWith('~') && home is not null)
        {
            source = home + source[1..];
        }

        if (!source.StartsWith('/'))
        {
            return null;
        }

        var normalized = source.Length > 1 ? source.TrimEnd('/') : source;
        if (normalized.EndsWith(".sock", StringComparison.Ordinal) || normalized.Contains("docker.sock", StringComparison.Ordinal) || normalized.Contains("podman.sock", StringComparison.Ordinal))
        {
            return "the container engine's socket";
        }

        // "covers": binding / or /home hands over everything below it, /etc/ssh and the like sit inside a system folder.
        if (SystemPaths.Any(p => normalized == p || (p != "/" && normalized.StartsWith(p + "/", StringComparison.Ordinal))))
        {
            return "a system folder";
        }

        var segments = normalized.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (CredentialFolders.Any(c => normalized.Contains("/" + c, StringComparison.Ordinal)))
        {
            return "a folder of credentials";
        }

        return segments is ["home"] || (home is not null && normalized == home.TrimEnd('/')) ? "a home folder holding credentials" : null;
    }
}
