namespace OpenClaw.Desired.Host;

/// <summary>
/// Resolves <c>~</c> and <c>~user</c> the way a login would: from the host's own <c>/etc/passwd</c>
/// under the root, so a scratch root carries its users with it.
/// </summary>
public sealed class HomeResolver(HostRoot root)
{
    public string? HomeOf(string user)
    {
        if (new Fs.HostFs(root).TryReadAllText("/etc/passwd", 16 * 1024 * 1024) is { } passwd)
        {
            foreach (var line in passwd.Split('\n'))
            {
                var fields = line.Split(':');
                if (fields.Length >= 6 && fields[0] == user)
                {
                    return fields[5];
                }
            }
        }

        if (root.IsRealRoot && user == Environment.UserName)
        {
            var home = Environment.GetEnvironmentVariable("HOME");
            if (!string.IsNullOrEmpty(home))
            {
                return home;
            }
        }

        return user == "root" ? "/root" : null;
    }

    /// <summary>Expands a leading <c>~</c> (the given user's home) or <c>~name</c>; other paths pass through.</summary>
    public string Expand(string path, string user)
    {
        if (!path.StartsWith('~'))
        {
            return path;
        }

        var slash = path.IndexOf('/', StringComparison.Ordinal);
        var name = slash < 0 ? path[1..] : path[1..slash];
        var rest = slash < 0 ? string.Empty : path[slash..];
        var owner = name.Length == 0 ? user : name;
        var home = HomeOf(owner) ?? throw new InvalidOperationException($"no home directory known for user '{owner}'");
        return HostRoot.Normalize(home + rest);
    }
}
