using LibGit2Sharp;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Planning;

namespace OpenClaw.Desired.Resources.Backups;

/// <summary>One remote as the repository knows it: its URL and what it last received (the remote-tracking ref).</summary>
public sealed record RemoteObservation(string Name, string? Url, string? PushedSha, int Unpushed, DateTimeOffset? OldestUnpushed);

/// <summary>What the probe saw of the workspace repository. Read from the repository alone: no network.</summary>
public sealed record GitObservation(
    string? Unknown,
    bool IsRepository,
    string? HeadBranch,
    string? TipSha,
    int DirtyFiles,
    DateTimeOffset? DirtySince,
    ValueList<RemoteObservation> Remotes,
    BackupRecord? LastPush);

/// <summary>
/// Reads the workspace repository with LibGit2Sharp: remotes, how far each is behind the branch (by its
/// remote-tracking ref, which every push updates), and uncommitted work with the age of its oldest file.
/// </summary>
public static class GitProbe
{
    public static GitObservation Probe(GitDesired git, HostContext host, RecordStore records)
    {
        var lastPush = records.Last(BackupsDesired.GitName, BackupOperations.Push);
        var workspace = host.Fs.ResolveLinks(git.RepoPath);
        if (workspace is null)
        {
            return Empty($"the workspace {git.RepoPath} is a link the agent user made; not followed", lastPush);
        }

        if (!host.Fs.DirectoryExists(workspace))
        {
            return Empty($"the workspace {git.RepoPath} does not exist (is OpenClaw installed?)", lastPush);
        }

        if (RepositoryGuard.Check(host.Fs, workspace) is { } trap)
        {
            return Empty(trap, lastPush);
        }

        GitSupport.Configure();
        var real = host.Root.Resolve(workspace);
        if (!Repository.IsValid(real))
        {
            return Empty(null, lastPush);
        }

        using var repo = new Repository(real);
        var tip = repo.Branches[git.Branch]?.Tip;
        var remotes = git.Remotes.Select(r => Remote(repo, r.Name, git.Branch, tip)).ToValueList();

        // What a backup would commit, read the way it reads it (on descriptors, no link followed), against the tip.
        var (files, _) = WorkspaceFiles.Read(host.Fs, workspace, repo);
        var committed = WorkspaceFiles.TreeOf(repo.Head.Tip);
        var dirty = 0;
        DateTimeOffset? since = null;
        foreach (var file in files)
        {
            if (committed.Remove(file.Path, out var entry) && entry.Id == file.BlobId && entry.Mode == file.Mode)
            {
                continue;
            }

            dirty++;
            since = since is null || file.Modified < since ? file.Modified : since;
        }

        // A deleted file has no age of its own; it counts from now, like a fresh edit.
        if (committed.Count > 0)
        {
            dirty += committed.Count;
            var now = host.Clock.GetUtcNow();
            since = since is null || now < since ? now : since;
        }

        return new GitObservation(null, true, repo.Head.FriendlyName, tip?.Sha, dirty, since, remotes, lastPush);
    }

    private static RemoteObservation Remote(Repository repo, string name, string branch, Commit? tip)
    {
        var url = repo.Network.Remotes[name]?.Url;
        var tracking = repo.Refs[$"refs/remotes/{name}/{branch}"]?.ResolveToDirectReference()?.TargetIdentifier;
        if (tip is null)
        {
            return new RemoteObservation(name, url, tracking, 0, null);
        }

        var filter = new CommitFilter { IncludeReachableFrom = tip, SortBy = CommitSortStrategies.Time };
        if (tracking is not null && repo.Lookup<Commit>(tracking) is { } pushed)
        {
            filter.ExcludeReachableFrom = pushed;
        }

        var unpushed = repo.Commits.QueryBy(filter).ToList();
        var oldest = unpushed.Count == 0 ? (DateTimeOffset?)null : unpushed.Min(c => c.Committer.When);
        return new RemoteObservation(name, url, tracking, unpushed.Count, oldest);
    }

    private static GitObservation Empty(string? unknown, BackupRecord? lastPush) =>
        new(unknown, false, null, null, 0, null, ValueList<RemoteObservation>.Empty, lastPush);
}
