using System.Collections.Concurrent;

namespace OpenClaw.Desired.Host.Fs;

/// <summary>
/// What a <see cref="HostFs"/> listed and read while one plan probes (<see cref="HostFs.Remember"/>), so that the
/// kinds probing side by side, several of which walk the same folders (the workspace, every skill folder) and read
/// the same files, list each folder once and read each small file once.
/// <para>
/// A folder's listing (names and <c>lstat</c> of its entries) is kept under the identity of the folder it was read
/// from, and a file's bytes under the identity of the file they were read from (<see cref="FileIdentity"/>: device,
/// inode, size, modification and change time); what is asked under another identity is read afresh. Nothing gets
/// in but what the descriptor-based walk and open produced: links listed as links, bytes only from regular files.
/// The paths walks and listings met answer <see cref="HostFs.Stat"/> as they were met. Within a plan this is a
/// snapshot of the host: the probes see the files as they were when first read, which is what reading them at that
/// moment would have given. It lasts one plan; the apply and the verify after it never see it.
/// </para>
/// </summary>
internal sealed class ReadMemo
{
    /// <summary>Larger files are read as before, once per reader: a memo is for the many small files of skills and notes.</summary>
    public const long MaxFileBytes = 1024 * 1024;

    /// <summary>Once this much is kept (it stays in memory until the plan ends), further files are read as before.</summary>
    public const long MaxTotalBytes = 64L * 1024 * 1024;

    private readonly ConcurrentDictionary<FileIdentity, Slot<Listing>> _listings = new();
    private readonly ConcurrentDictionary<FileIdentity, Slot<byte[]>> _contents = new();
    private readonly ConcurrentDictionary<string, HostStat> _paths = new(StringComparer.Ordinal);
    private long _bytes;

    /// <summary>How a walk or listing met a path (not followed), or null when none did in this memo.</summary>
    public HostStat? Stat(string normalizedPath) => _paths.TryGetValue(normalizedPath, out var stat) ? stat : null;

    /// <summary>The listing kept for a folder of this identity (waiting while another thread lists it), or null.</summary>
    public Listing? FindListing(in FileIdentity folder) =>
        _listings.TryGetValue(folder, out var slot) ? slot.Wait() : null;

    /// <summary>
    /// The listing of the folder at <paramref name="hostPath"/> whose identity is <paramref name="folder"/>: kept, or
    /// made by <paramref name="list"/> once (other threads asking meanwhile wait for it) and its entries' paths noted.
    /// </summary>
    public Listing Listing(in FileIdentity folder, string hostPath, Func<Listing> list) =>
        Once(_listings, folder, () =>
        {
            var listing = list();
            foreach (var (name, stat) in listing.ByName)
            {
                _paths[HostFs.Join(hostPath, name)] = stat;
            }

            return listing;
        });

    /// <summary>The bytes kept for a file of this identity (waiting while another thread reads it), or null.</summary>
    public byte[]? FindContent(in FileIdentity file) =>
        _contents.TryGetValue(file, out var slot) ? slot.Wait() : null;

    /// <summary>Whether a file of this size is kept at all (small enough, and room left).</summary>
    public bool Keeps(ulong size) => size <= MaxFileBytes && Volatile.Read(ref _bytes) + (long)size <= MaxTotalBytes;

    /// <summary>
    /// The bytes of the file whose identity is <paramref name="file"/>: kept, or read by <paramref name="read"/> once
    /// (other threads asking meanwhile wait) and kept while there is room. Never written to by anyone: callers copy.
    /// </summary>
    public byte[] Content(in FileIdentity file, Func<byte[]> read)
    {
        if (!Keeps(file.Size))
        {
            return read();
        }

        return Once(_contents, file, () =>
        {
            var bytes = read();
            Interlocked.Add(ref _bytes, bytes.Length);
            return bytes;
        });
    }

    private static T Once<T>(ConcurrentDictionary<FileIdentity, Slot<T>> map, FileIdentity key, Func<T> make)
        where T : class
    {
        if (map.TryGetValue(key, out var existing))
        {
            // Another reader failed on it (its error is its own): read without the memo.
            return existing.Wait() ?? make();
        }

        var mine = new Slot<T>();
        var slot = map.GetOrAdd(key, mine);
        if (slot != mine)
        {
            return slot.Wait() ?? make();
        }

        try
        {
            var value = make();
            mine.Set(value);
            return value;
        }
        catch
        {
            map.TryRemove(new KeyValuePair<FileIdentity, Slot<T>>(key, mine));
            mine.Set(null);
            throw;
        }
    }

    /// <summary>A value one thread makes and others wait for; null when the making failed.</summary>
    private sealed class Slot<T>
        where T : class
    {
        private readonly object _gate = new();
        private T? _value;
        private bool _done;

        public T? Wait()
        {
            if (Volatile.Read(ref _done))
            {
                return _value;
            }

            lock (_gate)
            {
                while (!_done)
                {
                    Monitor.Wait(_gate);
                }

                return _value;
            }
        }

        public void Set(T? value)
        {
            lock (_gate)
            {
                _value = value;
                Volatile.Write(ref _done, true);
                Monitor.PulseAll(_gate);
            }
        }
    }
}

/// <summary>A folder's entries as one read gave them, with their <c>lstat</c>: by name, and in a walk's order.</summary>
internal sealed class Listing
{
    public Listing(List<(string Name, HostStat Stat)> byName)
    {
        ByName = byName;
        // A walk goes in the order of relative paths: a folder's name sorts as "name/".
        var keyed = byName.Select(e => (Key: e.Stat.IsDirectory ? e.Name + "/" : e.Name, Entry: e)).ToList();
        keyed.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        WalkOrder = [.. keyed.Select(k => k.Entry)];
    }

    public IReadOnlyList<(string Name, HostStat Stat)> ByName { get; }

    public IReadOnlyList<(string Name, HostStat Stat)> WalkOrder { get; }

    /// <summary>Lists an open folder: its entries' <c>lstat</c> on the folder's descriptor; an entry gone meanwhile is left out.</summary>
    public static Listing Of(Fd folder)
    {
        var entries = new List<(string, HostStat)>();
        foreach (var (name, _) in Posix.ReadDirectory(folder.Value))
        {
            if (Posix.TryStat(folder.Value, name, Posix.AtSymlinkNoFollow, out var stat))
            {
                entries.Add((name, HostStat.From(stat)));
            }
        }

        return new Listing(entries);
    }
}
