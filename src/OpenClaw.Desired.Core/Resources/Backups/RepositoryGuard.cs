using OpenClaw.Desired.Host.Fs;

namespace OpenClaw.Desired.Resources.Backups;

/// <summary>
/// Checks the workspace repository before root lets libgit2 near it. The agent user owns <c>.git</c>, so anything
/// in it may be a trap: a link (libgit2 would write objects through it as root), a <c>gitdir:</c> file or a
/// <c>core.worktree</c> pointing at another repository or at <c>/</c> (the backup would commit the host and push it),
/// includes of other files, FIFOs that hang a read. Any of these refuses the backup and names what it found.
/// </summary>
internal static class RepositoryGuard
{
    /// <summary>Config keys that make Git read or run something outside the repository; never honoured for root.</summary>
    private static readonly string[] RefusedKeys =
    [
        "core.worktree", "core.fsmonitor", "core.hookspath", "core.sshcommand", "core.gitproxy", "core.askpass",
        "core.pager", "core.editor", "core.excludesfile", "core.attributesfile",
        "remote.pushurl", "remote.receivepack", "remote.uploadpack", "remote.proxy",
    ];

    // url.*.insteadOf and http.* (proxy, sslVerify) could send a push, and the remote's credential, elsewhere.
    private static readonly string[] RefusedSections = ["include", "includeif", "filter", "credential", "diff", "merge", "url", "http"];

    /// <summary>
    /// Null when the repository may be opened; otherwise why not. A missing <c>.git</c> is fine (it will be made).
    /// Read from the host as it is now, never from the plan's memo: libgit2 opens it by name right after.
    /// </summary>
    public static string? Check(HostFs fs, string workspace)
    {
        fs = fs.Fresh;
        var git = workspace.TrimEnd('/') + "/.git";
        var stat = fs.Stat(git);
        if (!stat.Exists)
        {
            return null;
        }

        if (!stat.IsDirectory)
        {
            return $"{git} is {HostStat.Describe(stat.Type)}, not a repository folder (a link or a gitdir: file can send the backup elsewhere)";
        }

        foreach (var entry in fs.Walk(git, new WalkLimits { MaxDepth = 16, MaxEntries = 1_000_000 }))
        {
            if (entry.Problem is { } problem)
            {
                return $"{entry.HostPath}: {problem}";
            }

            if (!entry.Stat.IsFile && !entry.Stat.IsDirectory)
            {
                return $"{entry.HostPath} is {HostStat.Describe(entry.Stat.Type)}; a repository holds none";
            }
        }

        return ConfigProblem(fs.TryReadAllText(git + "/config", 1024 * 1024) ?? string.Empty, git + "/config");
    }

    /// <summary>The first key of a Git config text that the backup refuses to honour, or null.</summary>
    public static string? ConfigProblem(string text, string shownAs)
    {
        var section = string.Empty;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[')
            {
                var end = line.IndexOf(']', StringComparison.Ordinal);
                var header = (end < 0 ? line[1..] : line[1..end]).Trim();
                section = header.Split([' ', '"', '.'], 2)[0].ToLowerInvariant();
                if (RefusedSections.Contains(section))
                {
                    return $"{shownAs} has a [{header}] section, which makes Git read or run something else; the backup does not open it";
                }

                line = end < 0 ? string.Empty : line[(end + 1)..].Trim();
                if (line.Length == 0)
                {
                    continue;
                }
            }

            var key = $"{section}.{line.Split('=', 2)[0].Trim().ToLowerInvariant()}";
            if (RefusedKeys.Contains(key))
            {
                return $"{shownAs} sets {key}, which makes Git read or run something else; the backup does not open it";
            }
        }

        return null;
    }
}
