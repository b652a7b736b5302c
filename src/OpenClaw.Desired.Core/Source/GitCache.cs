using LibGit2Sharp;
using LibGit2Sharp.Handlers;

namespace OpenClaw.Desired.Source;

/// <summary>The outcome of one fetch: the remote answered, or why not.</summary>
public sealed record FetchOutcome(bool Succeeded, string? Error);

/// <summary>
/// A bare mirror of the posture repository in the state dir. Created once, fetched on every run (a no-op
/// fetch costs about a millisecond), read without a checkout. Besides branches and tags it keeps the
/// remote's HEAD and remote-tracking refs, so a CI checkout (detached HEAD, origin/main) can be a source.
/// </summary>
public sealed class GitCache : IDisposable
{
    public const string RemoteHead = "refs/openclaw-desired/HEAD";

    private static readonly string[] RefSpecs =
    [
        "+refs/heads/*:refs/heads/*",
        "+refs/tags/*:refs/tags/*",
        "+refs/remotes/*:refs/remotes/*",
        "+HEAD:" + RemoteHead,
    ];

    private GitCache(Repository repository, RepoLocation location)
    {
        Repository = repository;
        Location = location;
    }

    public Repository Repository { get; }

    public RepoLocation Location { get; }

    /// <summary>Opens the cache, creating it (empty) on first use. A damaged cache is moved aside and made again.</summary>
    public static GitCache Open(SourceState state, RepoLocation location, TimeProvider clock)
    {
        Resources.Backups.GitSupport.Configure();
        var path = state.CachePath;
        if (Directory.Exists(path) && !Repository.IsValid(path))
        {
            Directory.Move(path, $"{path}.damaged-{clock.GetUtcNow():yyyyMMddHHmmss}");
        }

        if (!Directory.Exists(path))
        {
            Directory.CreateDirectory(state.Folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            Repository.Init(path, isBare: true);
        }

        var repository = new Repository(path);
        var origin = repository.Network.Remotes["origin"];
        if (origin is null)
        {
            repository.Network.Remotes.Add("origin", location.Url);
        }
        else if (origin.Url != location.Url)
        {
            repository.Network.Remotes.Update("origin", r => r.Url = location.Url);
        }

        return new GitCache(repository, location);
    }

    /// <summary>True when the cache holds no commit yet (never fetched successfully).</summary>
    public bool IsEmpty => !Repository.Refs.Any();

    public FetchOutcome Fetch(CredentialsHandler credentials)
    {
        if (Location.IsLocal && !Directory.Exists(Location.Url.StartsWith("file:", StringComparison.Ordinal) ? new Uri(Location.Url).LocalPath : Location.Url))
        {
            return new FetchOutcome(false, $"the repository {Location.Display} does not exist");
        }

        try
        {
            var options = new FetchOptions { Prune = true, TagFetchMode = TagFetchMode.None, CredentialsProvider = credentials };
            Commands.Fetch(Repository, "origin", RefSpecs, options, logMessage: null);
            return new FetchOutcome(true, null);
        }
        catch (SourceException e)
        {
            return new FetchOutcome(false, e.Message);
        }
        catch (LibGit2SharpException e)
        {
            return new FetchOutcome(false, e.InnerException is SourceException inner ? inner.Message : e.Message);
        }
    }

    public void Dispose() => Repository.Dispose();
}
