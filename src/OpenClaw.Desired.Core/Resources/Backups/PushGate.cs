using LibGit2Sharp;
using LibGit2Sharp.Handlers;

namespace OpenClaw.Desired.Resources.Backups;

/// <summary>
/// What a push would send is checked before it is sent. The workspace repository is the agent user's: it (or the
/// agent working in it) makes commits of its own, so the history under the backup's clean commit may hold a
/// credential the tree no longer does. Every blob of every commit the remote does not have yet (asked of the
/// remote itself, never of a local ref the agent can move) is scanned; one that holds a credential stops the push.
/// </summary>
internal static class PushGate
{
    private const int MaxTreeDepth = 64;

    /// <summary>Null when the branch may be pushed; otherwise which file of which commit holds what.</summary>
    public static string? Check(Repository repo, Remote remote, string branch, Commit tip, CredentialsHandler? credentials, Func<byte[], string, bool> holdsSecret, ISet<string> alreadyClean)
    {
        var remoteTip = repo.Network.ListReferences(remote, credentials ?? ((_, _, _) => new DefaultCredentials()))
            .FirstOrDefault(r => r.CanonicalName == $"refs/heads/{branch}")?.ResolveToDirectReference()?.TargetIdentifier;
        var known = remoteTip is not null && repo.Lookup<Commit>(remoteTip) is { } there ? BlobsOf(there.Tree) : [];
        var filter = new CommitFilter { IncludeReachableFrom = tip, ExcludeReachableFrom = remoteTip is not null && repo.Lookup<Commit>(remoteTip) is not null ? remoteTip : null };
        var seen = new HashSet<string>(known, StringComparer.Ordinal);
        seen.UnionWith(alreadyClean);
        foreach (var commit in repo.Commits.QueryBy(filter))
        {
            foreach (var (path, blob) in Blobs(commit.Tree))
            {
                if (blob is null)
                {
                    return $"{path} in commit {commit.Sha[..8]} is nested deeper than {MaxTreeDepth} folders and cannot be checked for credentials";
                }

                if (!seen.Add(blob.Sha))
                {
                    continue;
                }

                if (blob.Size > WorkspaceFiles.MaxFileBytes)
                {
                    return $"{path} in commit {commit.Sha[..8]} is larger than {WorkspaceFiles.MaxFileBytes / 1024 / 1024} MiB and cannot be checked for credentials";
                }

                using var stream = blob.GetContentStream();
                using var bytes = new MemoryStream();
                stream.CopyTo(bytes);
                if (holdsSecret(bytes.ToArray(), path))
                {
                    return $"{path} in commit {commit.Sha[..8]} (not made by the backup) holds a credential in plaintext; remove that commit from the branch's history";
                }
            }
        }

        return null;
    }

    private static HashSet<string> BlobsOf(Tree tree) => Blobs(tree).Where(b => b.Blob is not null).Select(b => b.Blob!.Sha).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Every blob of a tree with its path, without recursion (a tree nested without end is the agent's to make);
    /// a folder nested too deep to be read comes as a null blob.
    /// </summary>
    private static IEnumerable<(string Path, Blob? Blob)> Blobs(Tree tree)
    {
        var pending = new Stack<(Tree Tree, string Prefix, int Depth)>();
        pending.Push((tree, string.Empty, 0));
        while (pending.TryPop(out var next))
        {
            foreach (var entry in next.Tree)
            {
                if (entry.TargetType == TreeEntryTargetType.Tree)
                {
                    if (next.Depth >= MaxTreeDepth)
                    {
                        yield return (next.Prefix + entry.Name, null);
                        continue;
                    }

                    pending.Push(((Tree)entry.Target, next.Prefix + entry.Name + "/", next.Depth + 1));
                }
                else if (entry.TargetType == TreeEntryTargetType.Blob)
                {
                    yield return (next.Prefix + entry.Name, (Blob)entry.Target);
                }
            }
        }
    }
}
