namespace OpenClaw.Desired.Host;

/// <summary>
/// The host's filesystem seen under a root prefix, so the same code converges <c>/</c> on a real host
/// and a scratch folder in tests. Host paths are absolute as the host sees them ("/etc/passwd");
/// <see cref="Resolve"/> maps them under the root.
/// </summary>
public sealed class HostRoot
{
    public HostRoot(string root)
    {
        Root = Path.GetFullPath(string.IsNullOrEmpty(root) ? "/" : root);
    }

    /// <summary>The real directory that stands for the host's <c>/</c>.</summary>
    public string Root { get; }

    public bool IsRealRoot => Root == "/";

    /// <summary>Maps an absolute host path to the real path under the root. Refuses paths that escape it.</summary>
    public string Resolve(string hostPath)
    {
        if (!hostPath.StartsWith('/'))
        {
            throw new ArgumentException($"host path must be absolute: {hostPath}", nameof(hostPath));
        }

        var normalized = Normalize(hostPath);
        return IsRealRoot ? normalized : Root.TrimEnd('/') + normalized;
    }

    /// <summary>Maps a real path under the root back to the path the host sees.</summary>
    public string ToHostPath(string realPath)
    {
        var full = Path.GetFullPath(realPath);
        if (IsRealRoot)
        {
            return full;
        }

        var prefix = Root.TrimEnd('/');
        return full.Length == prefix.Length ? "/" : full[prefix.Length..];
    }

    /// <summary>Collapses "." and ".." without touching the disk; ".." never climbs above "/".</summary>
    public static string Normalize(string hostPath)
    {
        if (IsNormal(hostPath))
        {
            return hostPath; // the common case, from a path this class made: nothing to split and join again
        }

        var parts = new List<string>();
        foreach (var part in hostPath.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }

                continue;
            }

            parts.Add(part);
        }

        return "/" + string.Join('/', parts);
    }

    /// <summary>Already in the form <see cref="Normalize"/> gives: "/" or "/a/b" with no empty, "." or ".." component.</summary>
    private static bool IsNormal(string path)
    {
        if (path.Length == 0 || path[0] != '/')
        {
            return false;
        }

        if (path.Length == 1)
        {
            return true;
        }

        var start = 1;
        while (start <= path.Length)
        {
            var end = path.IndexOf('/', start);
            var length = (end < 0 ? path.Length : end) - start;
            if (length == 0 || (length == 1 && path[start] == '.') || (length == 2 && path[start] == '.' && path[start + 1] == '.'))
            {
                return false;
            }

            if (end < 0)
            {
                return true;
            }

            start = end + 1;
        }

        return true;
    }
}
