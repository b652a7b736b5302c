using System.Collections.Concurrent;
using Docker.DotNet.Models;
using Newtonsoft.Json;
using OpenClaw.Desired.Safety;

namespace OpenClaw.Desired.Resources.Sandboxes;

/// <summary>
/// Inspect results by container id, kept in the state dir between runs. An engine inspect costs 10-20 ms
/// of engine CPU per container (Podman asks the runtime each time), too slow for a thousand skills. A
/// container's id never changes its read-only root, user, capabilities, tmpfs, binds, privileges or network
/// mode, so a cached inspect stays true for those; a container recreated by hand has a new id and is
/// inspected afresh. Resource limits can be changed in place (<c>update</c>), so every probe re-inspects a
/// slice of the cached containers, oldest first: each is verified again within ten runs. Dry runs read the
/// cache and never write it.
/// </summary>
public sealed class InspectCache
{
    public const string FileName = "sandboxes-inspect.json";

    /// <summary>Every probe re-inspects at least this many cached containers, or a tenth of them if more.</summary>
    public const int MinimumRecheck = 8;

    private readonly ConcurrentDictionary<string, Entry> _entries;
    private readonly string? _path;

    private InspectCache(string? path, Dictionary<string, Entry> entries)
    {
        _path = path;
        _entries = new ConcurrentDictionary<string, Entry>(entries, StringComparer.Ordinal);
    }

    public int Count => _entries.Count;

    public static InspectCache Load(string? stateDir, string endpoint)
    {
        var path = stateDir is null ? null : Path.Combine(stateDir, "cache", FileName);
        if (path is null || !File.Exists(path))
        {
            return new InspectCache(path, []);
        }

        try
        {
            var file = JsonConvert.DeserializeObject<CacheFile>(File.ReadAllText(path));
            return file?.Endpoint == endpoint ? new InspectCache(path, file.Entries ?? []) : new InspectCache(path, []);
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            // A cache that cannot be read is an empty cache: everything is inspected.
            return new InspectCache(path, []);
        }
    }

    /// <summary>The ids to inspect now: every one not cached, plus the oldest-verified slice of the cached ones.</summary>
    public ISet<string> ToInspect(IReadOnlyCollection<string> ids)
    {
        var missing = ids.Where(id => !_entries.ContainsKey(id)).ToHashSet(StringComparer.Ordinal);
        var cached = ids.Where(_entries.ContainsKey).ToList();
        var recheck = Math.Max(MinimumRecheck, cached.Count / 10);
        missing.UnionWith(cached.OrderBy(id => _entries[id].VerifiedAt).ThenBy(id => id, StringComparer.Ordinal).Take(recheck));
        return missing;
    }

    /// <summary>A copy of the cached inspect, so live fields can be set on it without touching the cache.</summary>
    public ContainerInspectResponse? Get(string id) =>
        _entries.TryGetValue(id, out var entry) ? JsonConvert.DeserializeObject<ContainerInspectResponse>(JsonConvert.SerializeObject(entry.Inspect)) : null;

    public void Put(ContainerInspectResponse inspect, DateTimeOffset now) =>
        _entries[inspect.ID] = new Entry(Trim(inspect), now);

    /// <summary>Writes the entries of the ids still present (apply runs only).</summary>
    public void Save(string endpoint, IEnumerable<string> present)
    {
        if (_path is null)
        {
            return;
        }

        var keep = present.ToHashSet(StringComparer.Ordinal);
        var file = new CacheFile(endpoint, _entries.Where(kv => keep.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value));
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        AtomicFile.Write(_path, System.Text.Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(file)), UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    /// <summary>Only what does not change for a given id is worth keeping; state and network details are read live.</summary>
    private static ContainerInspectResponse Trim(ContainerInspectResponse inspect) => new()
    {
        ID = inspect.ID,
        Name = inspect.Name,
        Image = inspect.Image,
        Config = inspect.Config is null ? null : new Config { Image = inspect.Config.Image, User = inspect.Config.User, Cmd = inspect.Config.Cmd, Labels = inspect.Config.Labels },
        HostConfig = inspect.HostConfig,
        State = inspect.State is null ? null : new ContainerState { Running = inspect.State.Running },
    };

    private sealed record Entry(ContainerInspectResponse Inspect, DateTimeOffset VerifiedAt);

    private sealed record CacheFile(string Endpoint, Dictionary<string, Entry>? Entries);
}
