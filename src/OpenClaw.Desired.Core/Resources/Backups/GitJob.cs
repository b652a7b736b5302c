using System.Diagnostics;
using LibGit2Sharp;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Secrets;
using OpenClaw.Desired.Safety;

namespace OpenClaw.Desired.Resources.Backups;

/// <summary>
/// The Git backup: make the workspace a repository on its branch, set the remotes (only when a reconcile run
/// gives a <see cref="FileChanger"/>), commit uncommitted work, and push the branch to every remote that lacks
/// it. Idempotent: a second run finds nothing to commit or push. Credentials go to libgit2 in memory only.
/// </summary>
public sealed class GitJob(Posture.EffectivePosture posture, HostContext host, OpenClawPaths paths, RecordStore records)
{
    public async Task<BackupRecord> RunAsync(GitDesired git, FileChanger? files, string changeId, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        GitSupport.Configure();
        var real = host.Root.Resolve(git.RepoPath);
        var done = new List<string>();
        try
        {
            if (!Repository.IsValid(real))
            {
                Repository.Init(real);
                using var fresh = new Repository(real);
                fresh.Refs.UpdateTarget("HEAD", $"refs/heads/{git.Branch}");
                done.Add($"made {git.RepoPath} a Git repository on {git.Branch}");
            }

            if (files is not null)
            {
                done.AddRange(GitRemotes.Converge(host, git, files, changeId));
            }

            var credentials = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var remote in git.Remotes)
            {
                var secret = remote.Credential is { } reference ? await SecretResolver.ResolveAsync(reference, posture, host, paths, cancellationToken) : null;
                if (secret?.Unknown is { } why)
                {
                    return Finish(false, $"the credential of remote {remote.Name} cannot be read: {why}", watch);
                }

                credentials[remote.Name] = secret?.Value;
            }

            using var repo = new Repository(real);
            if (repo.Head.FriendlyName != git.Branch)
            {
                return Finish(false, $"the workspace is on branch {repo.Head.FriendlyName}, the posture backs up {git.Branch}", watch);
            }

            if (Commit(repo) is { } commit)
            {
                done.Add($"committed {commit.Sha[..8]}");
            }

            var failures = new List<string>();
            foreach (var remote in git.Remotes)
            {
                var outcome = Push(repo, remote, git.Branch, credentials[remote.Name]);
                (outcome.Ok ? done : failures).Add(outcome.Message);
            }

            GitSupport.ChownLike(Path.Combine(real, ".git"), real);
            var message = string.Join("; ", failures.Concat(done).DefaultIfEmpty("every remote has the branch"));
            return Finish(failures.Count == 0, message, watch);
        }
        catch (LibGit2SharpException e)
        {
            return Finish(false, $"git: {e.Message}", watch);
        }
    }

    private Commit? Commit(Repository repo)
    {
        Commands.Stage(repo, "*");
        var status = repo.RetrieveStatus(new StatusOptions { IncludeUntracked = true, RecurseUntrackedDirs = true });
        if (!status.IsDirty && repo.Head.Tip is not null)
        {
            return null;
        }

        var signature = GitSupport.Signature(host);
        return repo.Commit($"backup {signature.When:u}", signature, signature, new CommitOptions { AllowEmptyCommit = repo.Head.Tip is null });
    }

    private (bool Ok, string Message) Push(Repository repo, RemoteDesired desired, string branch, string? credential)
    {
        var remote = repo.Network.Remotes[desired.Name];
        if (remote is null)
        {
            return (false, $"remote {desired.Name} is not configured (a reconcile adds it)");
        }

        var tip = repo.Branches[branch].Tip;
        var trackingName = $"refs/remotes/{desired.Name}/{branch}";
        if (repo.Refs[trackingName]?.ResolveToDirectReference()?.TargetIdentifier == tip.Sha)
        {
            return (true, $"{desired.Name} is up to date");
        }

        var options = new PushOptions();
        string? rejected = null;
        options.OnPushStatusError = error => rejected = error.Message;
        if (credential is not null)
        {
            var user = GitRemotes.UserOf(desired.Url) ?? "git";
            options.CredentialsProvider = (_, _, _) => new UsernamePasswordCredentials { Username = user, Password = credential };
        }

        try
        {
            repo.Network.Push(remote, $"refs/heads/{branch}:refs/heads/{branch}", options);
        }
        catch (LibGit2SharpException e)
        {
            return (false, $"push to {desired.Name} failed: {host.Redactor.Redact(e.Message)}");
        }

        if (rejected is not null)
        {
            return (false, $"{desired.Name} rejected the push: {host.Redactor.Redact(rejected)}");
        }

        // What the probe compares with: set it as git does, whatever this libgit2 build did on its own.
        repo.Refs.Add(trackingName, tip.Id, $"push to {desired.Name}", allowOverwrite: true);
        return (true, $"pushed {branch} to {desired.Name}");
    }

    private BackupRecord Finish(bool ok, string message, Stopwatch watch)
    {
        var record = new BackupRecord
        {
            Operation = BackupOperations.Push,
            Target = BackupsDesired.GitName,
            At = host.Clock.GetUtcNow(),
            Ok = ok,
            Message = host.Redactor.Redact(message),
            Seconds = Math.Round(watch.Elapsed.TotalSeconds, 2),
        };
        records.Write(record);
        return record;
    }
}
