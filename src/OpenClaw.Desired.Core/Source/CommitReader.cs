using LibGit2Sharp;

namespace OpenClaw.Desired.Source;

/// <summary>Finds the commit a ref names in the cache, and reads files of a commit without a checkout.</summary>
internal static class CommitReader
{
    /// <summary>
    /// HEAD means the remote's HEAD; a full SHA is looked up as is; otherwise branch, tag, full ref name and
    /// remote-tracking branch are tried in that order, then any revision Git understands (short SHA, main~1).
    /// </summary>
    public static Commit? Resolve(Repository repository, string reference)
    {
        if (reference == "HEAD")
        {
            return Peel(repository, GitCache.RemoteHead);
        }

        if (reference.Length == 40 && reference.All(char.IsAsciiHexDigit))
        {
            return repository.Lookup<Commit>(reference);
        }

        foreach (var name in new[] { $"refs/heads/{reference}", $"refs/tags/{reference}", reference.StartsWith("refs/", StringComparison.Ordinal) ? reference : null, $"refs/remotes/{reference}" })
        {
            if (name is not null && Reference.IsValidName(name) && repository.Refs[name] is not null)
            {
                return Peel(repository, name);
            }
        }

        return Peel(repository, reference);
    }

    private static Commit? Peel(Repository repository, string spec)
    {
        try
        {
            return repository.Lookup(spec)?.Peel<Commit>();
        }
        catch (LibGit2SharpException)
        {
            return null;
        }
    }

    /// <summary>The bytes of a file at a commit; null when the path is absent or not a file.</summary>
    public static byte[]? ReadFile(Commit commit, string path, int maxBytes)
    {
        if (commit[path]?.Target is not Blob blob)
        {
            return null;
        }

        if (blob.Size > maxBytes)
        {
            throw new SourceException($"{path} is {blob.Size / 1024.0 / 1024.0:0.0} MiB; a posture file may be at most {maxBytes / 1024 / 1024} MiB");
        }

        using var stream = blob.GetContentStream();
        using var buffer = new MemoryStream((int)blob.Size);
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
