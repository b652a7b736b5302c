using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using OpenClaw.Desired.Safety;
using OpenClaw.Desired.Serialization;

namespace OpenClaw.Desired.Source;

/// <summary>When the cache last heard from the remote.</summary>
public sealed record FetchRecord(string Repo, DateTimeOffset FetchedAt);

/// <summary>The last commit an applying run converged the host to: the floor for anti-rollback.</summary>
public sealed record AppliedRecord(string Repo, string Ref, string Commit, DateTimeOffset AppliedAt, string RunId);

/// <summary>
/// One repository's folder in the reconciler state dir: <c>source/&lt;key&gt;/</c> holding the bare cache
/// (<c>cache.git</c>), <c>fetched.json</c> and <c>applied.json</c>.
/// </summary>
public sealed class SourceState(string stateDir, RepoLocation location)
{
    public string Folder { get; } = System.IO.Path.Combine(stateDir, "source", location.CacheKey);

    public string CachePath => System.IO.Path.Combine(Folder, "cache.git");

    public FetchRecord? LastFetch => Read("fetched.json", StateJsonContext.Default.FetchRecord);

    public AppliedRecord? LastApplied => Read("applied.json", StateJsonContext.Default.AppliedRecord);

    public void RecordFetch(FetchRecord record) => Write("fetched.json", record, StateJsonContext.Default.FetchRecord);

    public void RecordApplied(AppliedRecord record) => Write("applied.json", record, StateJsonContext.Default.AppliedRecord);

    private T? Read<T>(string name, JsonTypeInfo<T> type)
    {
        var path = System.IO.Path.Combine(Folder, name);
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllBytes(path), type) : default;
        }
        catch (JsonException)
        {
            // A damaged record is treated as absent; the next successful run rewrites it.
            return default;
        }
    }

    private void Write<T>(string name, T record, JsonTypeInfo<T> type)
    {
        Directory.CreateDirectory(Folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        AtomicFile.Write(System.IO.Path.Combine(Folder, name), Encoding.UTF8.GetBytes(JsonSerializer.Serialize(record, type) + "\n"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
