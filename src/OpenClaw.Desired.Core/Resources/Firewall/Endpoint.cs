using System.Globalization;

namespace OpenClaw.Desired.Resources.Firewall;

/// <summary>A host and TCP port something must stay able to reach: the Git remote or a health target.</summary>
public sealed record Endpoint(string Name, string Host, int Port)
{
    public override string ToString() => Host.Contains(':', StringComparison.Ordinal) ? $"{Name} ([{Host}]:{Port})" : $"{Name} ({Host}:{Port})";

    /// <summary>The host as a literal address, or null when it is a name that needs DNS.</summary>
    public NetAddress? Address => NetAddress.TryParse(Host, out var address, out _) ? address : null;

    /// <summary>
    /// Where a Git remote URL connects: https/http/ssh/git URLs and scp-like <c>user@host:path</c>.
    /// Null for local remotes (paths, file://), which need no network.
    /// </summary>
    public static Endpoint? FromGitUrl(string name, string url)
    {
        if (url.StartsWith('/') || url.StartsWith('~') || url.StartsWith('.') || url.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (url.Contains("://", StringComparison.Ordinal))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            {
                return null;
            }

            var port = uri.IsDefaultPort || uri.Port < 0
                ? uri.Scheme.ToLowerInvariant() switch { "https" => 443, "http" => 80, "ssh" or "git+ssh" => 22, "git" => 9418, _ => -1 }
                : uri.Port;
            return port > 0 ? new Endpoint(name, uri.Host.Trim('[', ']'), port) : null;
        }

        // scp-like syntax: [user@]host:path (a colon before any slash).
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        var slash = url.IndexOf('/', StringComparison.Ordinal);
        if (colon <= 0 || (slash >= 0 && slash < colon))
        {
            return null;
        }

        var host = url[..colon];
        var at = host.LastIndexOf('@');
        host = at >= 0 ? host[(at + 1)..] : host;
        return host.Length == 0 ? null : new Endpoint(name, host.Trim('[', ']'), 22);
    }

    /// <summary>A monitoring target: an http(s) URL or a <c>host:port</c> TCP target.</summary>
    public static Endpoint? FromTarget(string name, string? url, string? tcp)
    {
        if (url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Host))
        {
            return new Endpoint(name, uri.Host.Trim('[', ']'), uri.Port > 0 ? uri.Port : uri.Scheme == "https" ? 443 : 80);
        }

        if (tcp is null)
        {
            return null;
        }

        var colon = tcp.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(tcp.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            return null;
        }

        return new Endpoint(name, tcp[..colon].Trim('[', ']'), port);
    }
}
