using OpenClaw.Desired.Safety;

namespace OpenClaw.Desired.Source;

/// <summary>
/// A repository address made safe to use and to show: local paths made absolute, credentials refused
/// (they come from the environment, never from the command line or a file in Git), and a stable key for
/// the cache folder.
/// </summary>
public sealed record RepoLocation(string Url, string Display, bool IsLocal)
{
    public static RepoLocation Parse(string repo, string? relativeTo = null)
    {
        var text = repo.Trim();
        if (text.Length == 0)
        {
            throw new SourceException("the repository address is empty");
        }

        if (text.Contains("://", StringComparison.Ordinal))
        {
            var uri = new Uri(text);
            if (uri.Scheme is not ("file" or "https" or "http" or "ssh" or "git"))
            {
                throw new SourceException($"repository scheme '{uri.Scheme}' is not supported; use a path, file://, https:// or ssh://");
            }

            if (uri.UserInfo.Contains(':', StringComparison.Ordinal))
            {
                throw new SourceException("the repository URL holds a password; put the token in OPENCLAW_DESIRED_GIT_TOKEN instead");
            }

            var display = uri.UserInfo.Length > 0 ? text.Replace(uri.UserInfo + "@", string.Empty, StringComparison.Ordinal) : text;
            return new RepoLocation(text, uri.Scheme == "ssh" ? text : display, uri.IsFile);
        }

        // scp-like SSH address: user@host:path
        if (text.Contains('@', StringComparison.Ordinal) && text.Contains(':', StringComparison.Ordinal) && !text.StartsWith('/'))
        {
            return new RepoLocation(text, text, false);
        }

        var path = System.IO.Path.GetFullPath(text, relativeTo ?? Directory.GetCurrentDirectory());
        return new RepoLocation(path, path, true);
    }

    /// <summary>Folder name of this repository's cache: readable, and unique per address.</summary>
    public string CacheKey
    {
        get
        {
            var name = Url.TrimEnd('/');
            name = name[(name.LastIndexOfAny(['/', ':']) + 1)..];
            name = name.EndsWith(".git", StringComparison.Ordinal) ? name[..^4] : name;
            var safe = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray()).Trim('.');
            return $"{(safe.Length == 0 ? "repo" : safe[..Math.Min(safe.Length, 40)])}-{Hashing.Sha256Hex(Url)[..12]}";
        }
    }
}

/// <summary>A source problem that stops the run, with a message fit for the operator (no secrets, no stack).</summary>
public sealed class SourceException(string message) : Exception(message);
