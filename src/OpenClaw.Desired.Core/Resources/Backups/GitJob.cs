using System.Diagnostics;
using LibGit2Sharp;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Host.Fs;
using OpenClaw.Desired.Secrets;
using OpenClaw.Desired.Secrets.Scanning;
using OpenClaw.Desired.Safety;

namespace OpenClaw.Desired.Resources.Backups;

/// <summary>
/// The Git backup: make the workspace a repository on its branch, set the remotes (only when a reconcile run
/// gives a <see cref="FileChanger"/>), commit uncommitted work, and push the branch to every remote that lacks
/// it. Idempotent: a second run finds nothing to commit or push. Credentials go to libgit2 in memory only.
/// </summary>
public sealed class GitJob(Posture.EffectivePosture posture, HostContext host, OpenClawPaths paths, RecordStore records)
{
    /// <summary>Blobs this run scanned and found clean: the push gate need not read them again.</summary>
    private readonly HashSet<string> _clean = new(StringComparer.Ordinal);

    public async Task<BackupRecord> RunAsync(GitDesired git, FileChanger? files, string changeId, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        GitSupport.Configure();
        var done = new List<string>();
        try
        {
            // A workspace reached through a link the agent user made is refused here (and reported as a finding).
            var workspace = host.Fs.ResolveLinks(git.RepoPath) ?? throw host.Fs.Refuse(HostFs.Planted(git.RepoPath));
            if (!host.Fs.DirectoryExists(workspace))
            {
                return Finish(false, $"the workspace {git.RepoPath} does not exist", watch);
            }

            if (RepositoryGuard.Check(host.Fs, workspace) is { } trap)
            {
                return Finish(false, trap, watch);
            }

            var real = host.Root.Resolve(workspace);
            if (!Repository.IsValid(real))
            {
                Repository.Init(real);
                files?.Created(workspace + "/.git", changeId, "repository");
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

            var (commit, held) = Commit(repo, workspace);
            if (commit is not null)
            {
                done.Add($"committed {commit.Sha[..8]}");
            }

            var failures = new List<string>();
            if (held.Count > 0)
            {
                failures.Add($"not committed, because they hold credentials in plaintext: {string.Join(", ", held)} (move them to the secret store; the secrets kind does)");
            }

            foreach (var remote in git.Remotes)
            {
                var outcome = Push(repo, remote, git.Branch, credentials[remote.Name]);
                (outcome.Ok ? done : failures).Add(outcome.Message);
            }

            if (Native.IsRoot && host.Fs.Stat(workspace) is { Uid: > 0 } owner)
            {
                // Root wrote into .git: give it back to the workspace's owner, on descriptors, never through a link.
                host.Fs.SetOwnerRecursive(workspace + "/.git", owner.Uid, owner.Gid);
            }

            var message = string.Join("; ", failures.Concat(done).DefaultIfEmpty("every remote has the branch"));
            return Finish(failures.Count == 0, message, watch);
        }
        catch (LibGit2SharpException e)
        {
            return Finish(false, $"git: {e.Message}", watch);
        }
        catch (UnsafePathException e)
        {
            return Finish(false, e.Message, watch);
        }
    }

    /// <summary>
    /// Commits the workspace as read on descriptors. Each new or changed file is scanned first: one that holds a
    /// credential in plaintext stays out of the commit (its last committed version, if any, stays in), and is named.
    /// </summary>
    private (Commit? Commit, IReadOnlyList<string> Held) Commit(Repository repo, string workspace)
    {
        var (files, _) = WorkspaceFiles.Read(host.Fs, workspace, repo);
        var head = WorkspaceFiles.TreeOf(repo.Head.Tip);
        var held = new List<string>();
        var index = repo.Index;
        index.Clear();
        foreach (var file in files)
        {
            if (head.TryGetValue(file.Path, out var committed) && committed.Id == file.BlobId && committed.Mode == file.Mode)
            {
                index.Add(repo.Lookup<Blob>(committed.Id), file.Path, committed.Mode);
                continue;
            }

            if (file.Mode != Mode.SymbolicLink && HoldsSecret(file))
            {
                held.Add(file.Path);
                if (head.TryGetValue(file.Path, out var previous))
                {
                    index.Add(repo.Lookup<Blob>(previous.Id), file.Path, previous.Mode);
                }

                continue;
            }

            using var content = new MemoryStream(file.Content, writable: false);
            index.Add(repo.ObjectDatabase.CreateBlob(content), file.Path, file.Mode);
            _clean.Add(file.BlobId);
        }

        index.Write();
        var tree = repo.ObjectDatabase.CreateTree(index);
        if (repo.Head.Tip is { } tip && tip.Tree.Sha == tree.Sha)
        {
            return (null, held);
        }

        var signature = GitSupport.Signature(host);
        var commit = repo.ObjectDatabase.CreateCommit(signature, signature, $"backup {signature.When:u}", tree, repo.Head.Tip is { } parent ? [parent] : [], prettifyMessage: true);
        repo.Refs.Add($"refs/heads/{repo.Head.FriendlyName}", commit.Id, "backup", allowOverwrite: true);
        return (commit, held);
    }

    private bool HoldsSecret(WorkspaceFile file)
    {
        var (scanned, _) = FileSecretScanner.ScanBytes(file.Content, file.Path, host.Redactor.Fingerprint);
        return scanned is { Findings.Count: > 0 };
    }

    private (bool Ok, string Message) Push(Repository repo, RemoteDesired desired, string branch, string? credential)
    {
        var remote = repo.Network.Remotes[desired.Name];
        if (remote is null)
        {
            return (false, $"remote {desired.Name} is not configured (a reconcile adds it)");
        }

        // The repository is the agent user's: a URL changed there must never receive the workspace or the credential.
        if (remote.Url != desired.Url || remote.PushUrl != remote.Url)
        {
            return (false, $"remote {desired.Name} points elsewhere than the posture says; not pushed (a reconcile sets it back)");
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
            if (PushGate.Check(repo, remote, branch, tip, options.CredentialsProvider, (bytes, path) => HoldsSecret(new WorkspaceFile(path, Mode.NonExecutableFile, string.Empty, default, bytes)), _clean) is { } held)
            {
                return (false, $"not pushed to {desired.Name}: {held}");
            }

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
