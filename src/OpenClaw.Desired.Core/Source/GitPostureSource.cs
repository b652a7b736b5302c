using LibGit2Sharp;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Redaction;
using OpenClaw.Desired.Reporting;

namespace OpenClaw.Desired.Source;

/// <summary>
/// Reads the posture from Git: fetch into the cache (or fall back to it when the remote is unreachable),
/// resolve the ref, compose the posture from the files of that one commit, then judge whether the commit may
/// be applied (signature, anti-rollback, tier floor) and, for pull requests, diff it against a base commit.
/// </summary>
public sealed class GitPostureSource(ICommandRunner commands, TimeProvider clock, Func<string, string?> environment)
{
    public async Task<ResolvedPosture> LoadAsync(GitSourceOptions options, string stateDir, SecretRedactor redactor, CancellationToken cancellationToken)
    {
        RepoLocation location;
        try
        {
            location = RepoLocation.Parse(options.Repo);
        }
        catch (Exception e) when (e is SourceException or UriFormatException)
        {
            return ResolvedPosture.Failed("source", $"bad repository address: {redactor.Redact(e.Message)}");
        }

        if (options.HostGroups.FirstOrDefault(g => !PostureComposer.IsSafeName(g)) is { } badGroup)
        {
            return ResolvedPosture.Failed(location.Display, $"host group '{badGroup}' is not a plain name");
        }

        var state = new SourceState(stateDir, location);
        try
        {
            using var cache = GitCache.Open(state, location, clock);
            var fetch = await FetchAsync(cache, state, redactor, cancellationToken);
            var commit = CommitReader.Resolve(cache.Repository, options.Ref);
            if (commit is null)
            {
                return ResolvedPosture.Failed(location.Display, fetch.Succeeded
                    ? $"'{options.Ref}' names no commit in {location.Display}"
                    : $"cannot reach {location.Display} ({fetch.Error}) and the cache holds no copy of '{options.Ref}'");
            }

            return await ResolveAsync(options, location, state, cache.Repository, commit, fetch, redactor, cancellationToken);
        }
        catch (LibGit2SharpException e)
        {
            return ResolvedPosture.Failed(location.Display, $"Git: {redactor.Redact(e.Message)}");
        }
        catch (SourceException e)
        {
            return ResolvedPosture.Failed(location.Display, redactor.Redact(e.Message));
        }
    }

    private async Task<FetchOutcome> FetchAsync(GitCache cache, SourceState state, SecretRedactor redactor, CancellationToken cancellationToken)
    {
        // Two runs (the loop and a manual dry run) may fetch into the same cache; one at a time.
        using var fetchLock = await FetchLock.AcquireAsync(state.Folder, TimeSpan.FromSeconds(60), clock, cancellationToken);
        var outcome = cache.Fetch(new GitCredentials(environment, redactor).Handler());
        if (outcome.Succeeded)
        {
            // Recorded to the minute: a loop ticking every few seconds need not sync a file each time.
            var now = clock.GetUtcNow();
            if (state.LastFetch is not { } last || now - last.FetchedAt >= TimeSpan.FromMinutes(1))
            {
                state.RecordFetch(new FetchRecord(cache.Location.Display, now));
            }

            return outcome;
        }

        return outcome with { Error = redactor.Redact(outcome.Error ?? "unknown error") };
    }

    private async Task<ResolvedPosture> ResolveAsync(
        GitSourceOptions options, RepoLocation location, SourceState state, Repository repository, Commit commit, FetchOutcome fetch, SecretRedactor redactor, CancellationToken cancellationToken)
    {
        var notes = new List<string>();

        // The signature is checked before a byte of the commit is parsed: on a host that requires signed commits,
        // content from an untrusted author never reaches the YAML reader of an applying run (the loop's included).
        var provenance = await new CommitVerifier(commands).VerifyAsync(repository, commit, options.Verify, options.GnupgHome, cancellationToken);
        var composed = provenance.AllowsApply || options.ReadUnverified
            ? new PostureComposer(path => CommitReader.ReadFile(commit, path, PostureLoader.MaxBytes)).Compose(options.Path, options.HostGroups, options.HostName)
            : new ComposedPosture(null, [], [new Diagnostic(options.Path, 1, 1, $"commit {commit.Sha[..12]} was not read: {provenance.Message}", null)]);
        var loaded = composed.Root is null
            ? new PostureLoadResult(null, composed.Diagnostics)
            : Merge(PostureLoader.LoadToken(options.Path, composed.Root), composed.Diagnostics);
        var lastFetch = state.LastFetch;
        var lastApplied = state.LastApplied;
        if (!fetch.Succeeded)
        {
            notes.Add($"{location.Display}: warning: the remote could not be reached ({fetch.Error}); using the cached commit {commit.Sha[..12]}, last fetched {Age(lastFetch?.FetchedAt)} ago");
        }

        var (rollback, rollbackNote) = RollbackGuard.Check(repository, commit, lastApplied, options.AllowRollback);
        if (rollbackNote is not null)
        {
            notes.Add($"{location.Display}: warning: {rollbackNote}");
        }

        string? floor = null;
        if (loaded.Posture is { } posture)
        {
            foreach (var secret in posture.LiteralSecrets)
            {
                redactor.Add(secret);
            }

            if (posture.Document.Source is not null)
            {
                notes.Add($"{options.Path}: warning: the repository's source: section is ignored; the host's bootstrap file or command line sets the source");
            }

            if (options.TierFloor is { } minimum && posture.Tier < minimum)
            {
                floor = $"the repository's posture is tier {TierPolicy.Name(posture.Tier)}, below the tier {TierPolicy.Name(minimum)} this host's bootstrap file requires";
            }
        }

        var blocker = !provenance.AllowsApply ? provenance.Message : rollback ?? floor;
        var source = new SourceInfo(location.Display, options.Ref, commit.Sha, commit.Committer.When, $"{commit.Author.Name} <{commit.Author.Email}>")
        {
            Files = composed.Files,
            Stale = !fetch.Succeeded,
            FetchedAt = lastFetch?.FetchedAt,
            StaleFor = fetch.Succeeded ? null : Age(lastFetch?.FetchedAt),
            Verification = provenance.Word,
            SignedBy = provenance.Fingerprint,
            LastApplied = lastApplied?.Commit,
        };
        var result = new ResolvedPosture(loaded, options.Path) { Source = source, Notes = notes, ApplyBlocker = blocker, State = state };
        if (options.BaseRef is { } baseRef && loaded.Posture is { } head)
        {
            result = WithBaseDiff(result, options, repository, baseRef, commit, head, redactor);
        }

        return result;
    }

    private static ResolvedPosture WithBaseDiff(ResolvedPosture result, GitSourceOptions options, Repository repository, string baseRef, Commit head, EffectivePosture headPosture, SecretRedactor redactor)
    {
        var baseCommit = CommitReader.Resolve(repository, baseRef)
            ?? throw new SourceException($"the base '{baseRef}' names no commit in the repository");
        EffectivePosture? before = null;
        var notes = result.Notes.ToList();
        if (CommitReader.ReadFile(baseCommit, options.Path, PostureLoader.MaxBytes) is null)
        {
            notes.Add($"{options.Path}: warning: the base commit {baseCommit.Sha[..12]} has no {options.Path}; every value is new");
        }
        else
        {
            var composed = new PostureComposer(path => CommitReader.ReadFile(baseCommit, path, PostureLoader.MaxBytes)).Compose(options.Path, options.HostGroups, options.HostName);
            var loaded = composed.Root is null ? null : PostureLoader.LoadToken(options.Path, composed.Root);
            if (loaded?.Posture is null)
            {
                notes.Add($"{options.Path}: warning: the posture at the base commit {baseCommit.Sha[..12]} does not load, so it is compared as empty");
            }

            before = loaded?.Posture;
            foreach (var secret in before?.LiteralSecrets ?? [])
            {
                redactor.Add(secret);
            }
        }

        var changes = PostureDiff.Compare(before, headPosture, redactor.Fingerprint);
        return result with { Notes = notes, BaseDiff = new PostureDiffReport(baseRef, baseCommit.Sha, options.Ref, head.Sha, changes) };
    }

    private static PostureLoadResult Merge(PostureLoadResult loaded, IReadOnlyList<Diagnostic> composition) =>
        composition.Count == 0 ? loaded : loaded with { Diagnostics = [.. composition, .. loaded.Diagnostics] };

    private string Age(DateTimeOffset? since)
    {
        if (since is null)
        {
            return "an unknown time";
        }

        var age = clock.GetUtcNow() - since.Value;
        return age.TotalDays >= 1 ? $"{(int)age.TotalDays}d {age.Hours}h"
            : age.TotalHours >= 1 ? $"{(int)age.TotalHours}h {age.Minutes}m"
            : age.TotalMinutes >= 1 ? $"{(int)age.TotalMinutes}m {age.Seconds}s"
            : $"{Math.Max(0, (int)age.TotalSeconds)}s";
    }
}
