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
/// moment would have given. It lasts one plan; the apply and the verify after it never see it, nor does a walk
/// still going when a change or the end of the plan ended it. What it keeps, listings and files, is counted against
/// <see cref="MaxTotalBytes"/>: past that, folders are listed and files read as without it.
/// </para>
/// </summary>
internal sealed class ReadMemo
{
    /// <summary>Larger files are read as before, once per reader: a memo is for the many small files of skills and notes.</summary>
    public const long MaxFileBytes = 1024 * 1024;

    /// <summary>
    /// Once this much is kept (it stays in memory until the plan ends), further folders are listed and files read as
    /// before. Listings count as well as files' bytes: a folder of many entries is no cheaper to keep than a file.
    /// </summary>
    public const long MaxTotalBytes = 64L * 1024 * 1024;

    /// <summary>
    /// What each thing kept costs beside its text and bytes (the objects and map entries that hold a listed entry,
    /// its noted path and status, or a file's slot), so that many empty files or short names are not kept for free.
    /// </summary>
    public const long EntryCost = 256;

    private readonly ConcurrentDictionary<FileIdentity, Slot<Listing>> _listings = new();
    private readonly ConcurrentDictionary<FileIdentity, Slot<byte[]>> _contents = new();
    private readonly ConcurrentDictionary<string, HostStat> _paths = new(StringComparer.Ordinal);
    private long _bytes;

    /// <summary>What is kept, as counted against <see cref="MaxTotalBytes"/>.</summary>
    public long KeptBytes => Volatile.Read(ref _bytes);

    /// <summary>How a walk or listing met a path (not followed), or null when none did in this memo.</summary>
    public HostStat? Stat(string normalizedPath) => _paths.TryGetValue(normalizedPath, out var stat) ? stat : null;

    /// <summary>The listing kept for a folder of this identity (waiting while another thread lists it), or null.</summary>
    public Listing? FindListing(in FileIdentity folder) =>
        _listings.TryGetValue(folder, out var slot) ? slot.Wait() : null;

    /// <summary>
    /// The listing of the folder at <paramref name="hostPath"/> whose identity is <paramref name="folder"/>: kept, or
    /// made by <paramref name="list"/> once (other threads asking meanwhile wait for it) and, while there is room, kept
    /// and its entries' paths noted.
    /// </summary>
    public Listing Listing(in FileIdentity folder, string hostPath, Func<Listing> list) =>
        Once(_listings, folder, () =>
        {
            var listing = list();
            var cost = EntryCost;
            foreach (var (name, _) in listing.ByName)
            {
                // The name in the listing, and the path noted for it (hostPath, '/', name), two bytes a char.
                cost += EntryCost + (2L * name.Length) + (2L * (hostPath.Length + 1 + name.Length));
            }

            if (!TryReserve(cost))
            {
                return (listing, false);
            }

            foreach (var (name, stat) in listing.ByName)
            {
                _paths[HostFs.Join(hostPath, name)] = stat;
            }

            return (listing, true);
        });

    /// <summary>The bytes kept for a file of this identity (waiting while another thread reads it), or null.</summary>
    public byte[]? FindContent(in FileIdentity file) =>
        _contents.TryGetValue(file, out var slot) ? slot.Wait() : null;

    /// <summary>Whether a file of this size may be kept at all (small enough, and room left when asked).</summary>
    public bool Keeps(ulong size) => size <= MaxFileBytes && KeptBytes + (long)size + EntryCost <= MaxTotalBytes;

    /// <summary>
    /// The bytes of the file whose identity is <paramref name="file"/>: kept, or read by <paramref name="read"/> once
    /// (other threads asking meanwhile wait) and kept while there is room. Never written to by anyone: callers copy.
    /// </summary>
    public byte[] Content(in FileIdentity file, Func<byte[]> read)
    {
        if (file.Size > MaxFileBytes)
        {
            return read();
        }

        var size = (long)file.Size;
        return Once(_contents, file, () =>
        {
            // The room is taken before the read, so readers side by side cannot together keep more than the budget.
            if (!TryReserve(size + EntryCost))
            {
                return (read(), false);
            }

            byte[] bytes;
            try
            {
                bytes = read();
            }
            catch
            {
                Interlocked.Add(ref _bytes, -(size + EntryCost));
                throw;
            }

            // A file that shrank since its status was taken gives back what it no longer needs.
            Interlocked.Add(ref _bytes, bytes.Length - size);
            return (bytes, true);
        });
    }

    /// <summary>Counts <paramref name="bytes"/> as kept, unless that would pass <see cref="MaxTotalBytes"/>.</summary>
    private bool TryReserve(long bytes)
    {
        if (Interlocked.Add(ref _bytes, bytes) <= MaxTotalBytes)
        {
            return true;
        }

        Interlocked.Add(ref _bytes, -bytes);
        return false;
    }

    /// <summary>
    /// The value under <paramref name="key"/>: kept, or made once (others asking meanwhile wait for it). What
    /// <paramref name="make"/> says not to keep is handed to those waiting and then forgotten.
    /// </summary>
    private static T Once<T>(ConcurrentDictionary<FileIdentity, Slot<T>> map, FileIdentity key, Func<(T Value, bool Keep)> make)
        where T : class
    {
        if (map.TryGetValue(key, out var existing))
        {
            // Another reader failed on it (its error is its own): read without the memo.
            return existing.Wait() ?? make().Value;
        }

        var mine = new Slot<T>();
        var slot = map.GetOrAdd(key, mine);
        if (slot != mine)
        {
            return slot.Wait() ?? make().Value;
        }

        try
        {
            var (value, keep) = make();
            if (!keep)
            {
                map.TryRemove(new KeyValuePair<FileIdentity, Slot<T>>(key, mine));
            }

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

    /// <summary>
    /// The folder held more entries than the lister takes: none are listed (a part would depend on the order the
    /// filesystem hands them out), and whoever asked reports the folder instead of reading it.
    /// </summary>
    public bool Overfull { get; private init; }

    /// <summary>
    /// Lists an open folder: its entries' <c>lstat</c> on the folder's descriptor; an entry gone meanwhile is left out.
    /// A folder with more than <paramref name="maxEntries"/> is not listed (<see cref="Overfull"/>): an agent can make
    /// millions of empty files in one folder, and each would cost memory and a <c>stat</c> before any limit of a walk.
    /// </summary>
    public static Listing Of(Fd folder, int maxEntries)
    {
        var names = Posix.ReadDirectory(folder.Value, maxEntries);
        if (names.Count > maxEntries)
        {
            return new Listing([]) { Overfull = true };
        }

        var entries = new List<(string, HostStat)>(names.Count);
        foreach (var (name, _) in names)
        {
            if (Posix.TryStat(folder.Value, name, Posix.AtSymlinkNoFollow, out var stat))
            {
                entries.Add((name, HostStat.From(stat)));
            }
        }

        return new Listing(entries);
    }
}
