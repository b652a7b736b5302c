using System.Text;
using System.Text.Json;
using OpenClaw.Desired.Safety;

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
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Folder { get; } = System.IO.Path.Combine(stateDir, "source", location.CacheKey);

    public string CachePath => System.IO.Path.Combine(Folder, "cache.git");

    public FetchRecord? LastFetch => Read<FetchRecord>("fetched.json");

    public AppliedRecord? LastApplied => Read<AppliedRecord>("applied.json");

    public void RecordFetch(FetchRecord record) => Write("fetched.json", record);

    public void RecordApplied(AppliedRecord record) => Write("applied.json", record);

    private T? Read<T>(string name)
    {
        var path = System.IO.Path.Combine(Folder, name);
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<T>(File.ReadAllBytes(path), Json) : default;
        }
        catch (JsonException)
        {
            // A damaged record is treated as absent; the next successful run rewrites it.
            return default;
        }
    }

    private void Write<T>(string name, T record)
    {
        Directory.CreateDirectory(Folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        AtomicFile.Write(System.IO.Path.Combine(Folder, name), Encoding.UTF8.GetBytes(JsonSerializer.Serialize(record, Json) + "\n"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
