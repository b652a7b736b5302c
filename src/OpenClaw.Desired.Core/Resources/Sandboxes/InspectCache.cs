using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Safety;

namespace OpenClaw.Desired.Resources.Sandboxes;

/// <summary>A container as the probe saw it: id, name, labels and its sandbox settings.</summary>
public sealed record ObservedContainer(string Id, string Name, IReadOnlyDictionary<string, string> Labels, ContainerSettings Settings);

/// <summary>
/// Inspect results by container id, kept in the state dir between runs. An engine inspect costs 10-20 ms
/// of engine CPU per container (Podman asks the runtime each time), too slow for a thousand skills. A
/// container's id never changes its read-only root, user, capabilities, tmpfs, binds, privileges or network
/// mode, so a cached inspect stays true for those; a container recreated by hand has a new id and is
/// inspected afresh, and the running state and image id are always taken live from the container list.
/// Resource limits can be changed in place (<c>update</c>), so every probe re-inspects a slice of the
/// cached containers, oldest first: each is verified again within <see cref="RecheckRuns"/> runs.
/// Dry runs read the cache and never write it.
/// </summary>
public sealed partial class InspectCache
{
    public const string FileName = "sandboxes-inspect.json";

    /// <summary>Every probe re-inspects at least this many cached containers.</summary>
    public const int MinimumRecheck = 8;

    /// <summary>Every cached container is inspected again within this many runs.</summary>
    public const int RecheckRuns = 20;

    private readonly ConcurrentDictionary<string, Entry> _entries;
    private readonly string? _path;

    private InspectCache(string? path, IEnumerable<KeyValuePair<string, Entry>> entries)
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
            var file = JsonSerializer.Deserialize(File.ReadAllBytes(path), CacheJsonContext.Default.CacheFile);
            return file?.Endpoint == endpoint && file.Entries is not null ? new InspectCache(path, file.Entries) : new InspectCache(path, []);
        }
        catch (Exception e) when (e is JsonException or IOException or NotSupportedException)
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
        var recheck = Math.Max(MinimumRecheck, (cached.Count + RecheckRuns - 1) / RecheckRuns);
        missing.UnionWith(cached.OrderBy(id => _entries[id].VerifiedAt).ThenBy(id => id, StringComparer.Ordinal).Take(recheck));
        return missing;
    }

    public ObservedContainer? Get(string id) => _entries.TryGetValue(id, out var entry) ? entry.Container : null;

    public void Put(ObservedContainer container, DateTimeOffset now) => _entries[container.Id] = new Entry(container, now);

    /// <summary>Writes the entries of the ids still present (applying runs only).</summary>
    public void Save(string endpoint, IEnumerable<string> present)
    {
        if (_path is null)
        {
            return;
        }

        var keep = present.ToHashSet(StringComparer.Ordinal);
        var file = new CacheFile(endpoint, _entries.Where(kv => keep.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal));
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        AtomicFile.Write(_path, JsonSerializer.SerializeToUtf8Bytes(file, CacheJsonContext.Default.CacheFile), UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    private sealed record Entry(ObservedContainer Container, DateTimeOffset VerifiedAt);

    private sealed record CacheFile(string Endpoint, Dictionary<string, Entry>? Entries);

    /// <summary>
    /// The cache file's JSON metadata, generated at build time: web names, compact, and the value lists of
    /// <see cref="ContainerSettings"/> as arrays, each element type named here (no converter is made at run time).
    /// </summary>
    [JsonSourceGenerationOptions(JsonSerializerDefaults.Web, Converters = [typeof(ValueListConverter<string>), typeof(ValueListConverter<BindSpec>)])]
    [JsonSerializable(typeof(CacheFile))]
    [JsonSerializable(typeof(string[]))]
    [JsonSerializable(typeof(BindSpec[]))]
    private sealed partial class CacheJsonContext : JsonSerializerContext;

    /// <summary>Reads and writes <see cref="ValueList{T}"/> as a JSON array of <typeparamref name="T"/> (whose array type the context holds).</summary>
    private sealed class ValueListConverter<T> : JsonConverter<ValueList<T>>
    {
        public override ValueList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new(JsonSerializer.Deserialize(ref reader, Array(options)) ?? []);

        public override void Write(Utf8JsonWriter writer, ValueList<T> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.ToArray(), Array(options));

        private static JsonTypeInfo<T[]> Array(JsonSerializerOptions options) => (JsonTypeInfo<T[]>)options.GetTypeInfo(typeof(T[]));
    }
}
