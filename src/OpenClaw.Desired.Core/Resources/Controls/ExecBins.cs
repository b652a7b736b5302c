namespace OpenClaw.Desired.Resources.Controls;

/// <summary>
/// The binaries and folders OpenClaw's audit distrusts in <c>tools.exec.safeBins</c> and
/// <c>safeBinTrustedDirs</c> (its exec safe-bin policy, v2026.4–2026.8): interpreters run any code handed to
/// them, broad tools write files, spawn commands or reach the network, and user-writable folders can be poisoned.
/// </summary>
public static class ExecBins
{
    public static readonly IReadOnlySet<string> Interpreters = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "python", "python2", "python3", "node", "nodejs", "deno", "bun", "ruby", "perl", "php", "lua", "luajit",
        "osascript", "bash", "sh", "zsh", "dash", "fish", "ksh", "pwsh", "powershell", "tclsh", "rscript", "julia",
    };

    public static readonly IReadOnlySet<string> Broad = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "find", "xargs", "env", "awk", "gawk", "mawk", "nawk", "sed", "tee", "dd", "git", "curl", "wget", "tar", "rsync",
        "scp", "ssh", "nc", "ncat", "socat", "cp", "mv", "rm", "chmod", "chown", "sudo", "su", "doas", "make", "npm", "npx",
        "pip", "pip3", "docker", "podman", "kubectl", "systemctl", "crontab",
    };

    /// <summary>Why a trusted folder is risky, or null when it is not.</summary>
    public static string? RiskyTrustedDir(string dir)
    {
        var raw = dir.Trim();
        if (raw.Length == 0)
        {
            return null;
        }

        if (!raw.StartsWith('/'))
        {
            return "relative path";
        }

        var path = raw.TrimEnd('/').ToLowerInvariant();
        if (path is "/tmp" or "/var/tmp" or "/private/tmp" || path.StartsWith("/tmp/", StringComparison.Ordinal)
            || path.StartsWith("/var/tmp/", StringComparison.Ordinal) || path.StartsWith("/private/tmp/", StringComparison.Ordinal))
        {
            return "temporary folder";
        }

        if (path is "/usr/local/bin" or "/opt/homebrew/bin" or "/opt/local/bin" or "/home/linuxbrew/.linuxbrew/bin")
        {
            return "package-manager bin folder";
        }

        return path.StartsWith("/home/", StringComparison.Ordinal) || path.StartsWith("/users/", StringComparison.Ordinal) || path.Contains("/.local/bin", StringComparison.Ordinal)
            ? "home folder" : null;
    }

    /// <summary>The binary a safeBins entry names (an entry may be a path).</summary>
    public static string BinName(string entry) => entry.Trim().Split('/')[^1];
}
