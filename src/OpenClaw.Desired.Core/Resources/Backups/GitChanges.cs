using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Resources.Backups;

/// <summary>The Git part of the diff: repository, remotes, uncommitted work, and remotes behind the branch.</summary>
internal static class GitChanges
{
    public static void Add(GitDesired git, GitObservation repo, DateTimeOffset now, List<PlannedChange> changes)
    {
        var sync = new GitSync();
        if (!repo.IsRepository)
        {
            changes.Add(BackupsDiff.Change("git/repository", ChangeAction.Create, $"{git.RepoPath} is not a Git repository",
                "no repository", $"a repository on {git.Branch}, pushed to {string.Join(", ", git.Remotes.Select(r => r.Name))}", sync));
            return;
        }

        if (repo.HeadBranch != git.Branch)
        {
            changes.Add(new PlannedChange(BackupsKind.Name, "git/branch", ChangeAction.Manual,
                $"the workspace is on branch {repo.HeadBranch}; check out {git.Branch} (or set backups.git.branch)", repo.HeadBranch, git.Branch, PostureEffect.Tightens));
            return;
        }

        if (repo.DirtyFiles > 0 && (repo.TipSha is null || now - repo.DirtySince > git.MaxAge))
        {
            changes.Add(BackupsDiff.Change("git/commit", ChangeAction.Update, $"uncommitted work older than maxAge {Duration.Format(git.MaxAge)}",
                $"{repo.DirtyFiles} file(s) changed since {repo.DirtySince?.UtcDateTime:u}", "committed and pushed", sync));
        }

        foreach (var remote in git.Remotes)
        {
            var seen = repo.Remotes.First(r => r.Name == remote.Name);
            var shown = ResticRepository.Display(remote.Url);
            if (seen.Url != remote.Url)
            {
                changes.Add(BackupsDiff.Change($"git/remote/{remote.Name}", seen.Url is null ? ChangeAction.Create : ChangeAction.Update,
                    seen.Url is null ? "the remote is missing" : "the remote points elsewhere", seen.Url is null ? "absent" : ResticRepository.Display(seen.Url), shown, sync));
            }

            var neverPushed = seen.PushedSha is null && repo.TipSha is not null;
            var stale = seen.OldestUnpushed is { } oldest && now - oldest > git.MaxAge;
            if (neverPushed || stale || (seen.Url != remote.Url && repo.TipSha is not null))
            {
                var before = neverPushed ? "never pushed" : $"{seen.Unpushed} commit(s) behind since {seen.OldestUnpushed?.UtcDateTime:u}";
                changes.Add(BackupsDiff.Change($"git/push/{remote.Name}", ChangeAction.Update, $"the remote is behind {git.Branch} by more than maxAge {Duration.Format(git.MaxAge)}",
                    before, $"has {git.Branch}", sync));
            }
        }
    }
}
