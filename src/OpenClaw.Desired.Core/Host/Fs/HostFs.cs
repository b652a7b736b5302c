namespace OpenClaw.Desired.Host.Fs;

/// <summary>
/// The one way the reconciler reaches host paths under its root. Paths are resolved component by component on
/// open descriptors (<c>openat</c> with <c>O_NOFOLLOW</c>), the way <c>openat2(RESOLVE_IN_ROOT)</c> would, but on
/// every kernel since 2.6.39: a symbolic link is followed only when root made it (owned by uid 0, one name), so a
/// link the agent user planted (<c>credentials → /etc</c>) is refused, reported, and never reached; a swap between
/// a check and a use can only make the use fail. Modes and owners change on the opened descriptor, reads refuse
/// anything but regular files (a FIFO never blocks a run), and absolute link targets stay under the root.
/// </summary>
public sealed partial class HostFs
{
    private const int MaxLinkHops = 40;

    /// <summary>The default cap of <see cref="ReadAllBytes"/>: config and notes are far smaller.</summary>
    public const long DefaultMaxRead = 64L * 1024 * 1024;

    public HostFs(HostRoot root)
    {
        Root = root;
    }

    public HostRoot Root { get; }

    /// <summary>
    /// The most entries one folder may hold to be listed. A folder with more is reported, not read: the agent user can
    /// fill a folder with millions of empty files, and listing them all would cost memory and a <c>stat</c> each.
    /// </summary>
    public int MaxFolderEntries { get; init; } = 200_000;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string, UnsafePathProblem), UnsafePathException> _refused = new();

    private ReadMemo? _memo;

    /// <summary>For a <see cref="Fresh"/> view, the instance it views (whose memo it never uses); else null.</summary>
    private readonly HostFs? _freshOf;

    private HostFs(HostFs of)
    {
        Root = of.Root;
        MaxFolderEntries = of.MaxFolderEntries;
        _refused = of._refused;
        _freshOf = of;
    }

    /// <summary>The memo of the plan in progress, or null.</summary>
    internal ReadMemo? Memo => _freshOf is null ? Volatile.Read(ref _memo) : null;

    /// <summary>
    /// This host filesystem reading from the host as it is now, never from a plan's memo. For a check that guards
    /// something else opening the same paths by name (a library, a command) right after it: its verdict must be about
    /// what that will find, not about what the plan first read. Refusals are recorded with this instance's, and a
    /// change made through it ends this instance's memo.
    /// </summary>
    public HostFs Fresh => _freshOf is null ? new HostFs(this) : this;

    /// <summary>
    /// Keeps what is listed and read until the returned scope ends (one plan's probes): each folder is listed once and
    /// each small file read once however many probes walk it, and the paths met answer <see cref="Stat"/>. See
    /// <see cref="ReadMemo"/>. Only for reading: nothing changes the host while it lasts. Inside one, it does nothing.
    /// </summary>
    public IDisposable Remember()
    {
        if (_freshOf is not null)
        {
            return new Forget(this, null);
        }

        var memo = new ReadMemo();
        return Interlocked.CompareExchange(ref _memo, memo, null) is null ? new Forget(this, memo) : new Forget(this, null);
    }

    private sealed class Forget(HostFs fs, ReadMemo? memo) : IDisposable
    {
        public void Dispose()
        {
            if (memo is not null)
            {
                Interlocked.CompareExchange(ref fs._memo, null, memo);
            }
        }
    }

    /// <summary>Every path this instance refused (planted links, FIFOs, hard links…), once each, for the run's findings.</summary>
    public IReadOnlyList<UnsafePathException> Refused =>
        [.. _refused.Values.OrderBy(e => e.HostPath, StringComparer.Ordinal).ThenBy(e => e.Problem)];

    /// <summary>Records a refusal and hands it back to be thrown.</summary>
    internal UnsafePathException Refuse(UnsafePathException refusal)
    {
        _refused.TryAdd((refusal.HostPath, refusal.Problem), refusal);
        return refusal;
    }

    /// <summary>
    /// The canonical form of a path the operator typed (every link in it resolved, as <c>realpath</c> does), or
    /// null when it does not exist. Only for paths from the command line: the operator may mean a link.
    /// </summary>
    public static string? RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var resolved = Posix.RealPath(full, 0);
        if (resolved == 0)
        {
            return null;
        }

        try
        {
            return System.Runtime.InteropServices.Marshal.PtrToStringUTF8(resolved);
        }
        finally
        {
            Posix.Free(resolved);
        }
    }

    /// <summary>
    /// The text of a file the operator named on the command line: its links resolved (the operator may mean one),
    /// then read as any host file is (a FIFO or device refused before it can block, the size capped).
    /// </summary>
    public static string ReadOperatorFile(string path, long maxBytes) =>
        new HostFs(new HostRoot("/")).ReadAllText(RealPath(path) ?? throw new FileNotFoundException($"{Path.GetFullPath(path)}: no such file"), maxBytes);

    /// <summary>Status of a path without following its last component (trusted links above it are followed).</summary>
    public HostStat Stat(string hostPath)
    {
        if (Memo?.Stat(HostRoot.Normalize(hostPath)) is { } seen)
        {
            return seen;
        }

        using var parent = TryResolveParent(hostPath, out var leaf, out _);
        if (parent is null)
        {
            return HostStat.Missing;
        }

        if (leaf.Length == 0)
        {
            return HostStat.From(parent.Stat(hostPath));
        }

        return Posix.TryStat(parent.Value, leaf, Posix.AtSymlinkNoFollow, out var stat) ? HostStat.From(stat) : HostStat.Missing;
    }

    /// <summary>Status of what a path names, following its last component only when that link is trusted.</summary>
    public HostStat StatFollow(string hostPath)
    {
        var stat = Stat(hostPath);
        if (!stat.IsSymlink)
        {
            return stat;
        }

        return ResolveLinks(hostPath) is { } target ? Stat(target) : throw Refuse(Planted(hostPath));
    }

    /// <summary>
    /// For probes: what a path names (trusted links followed), or null when a link on the way was refused;
    /// the refusal is recorded in <see cref="Refused"/>, so it is reported as a finding, not lost.
    /// </summary>
    public HostStat? Probe(string hostPath)
    {
        try
        {
            return StatFollow(hostPath);
        }
        catch (UnsafePathException)
        {
            return null;
        }
    }

    public bool FileExists(string hostPath) => StatFollow(hostPath).IsFile;

    public bool DirectoryExists(string hostPath) => StatFollow(hostPath).IsDirectory;

    /// <summary>The target text of a symbolic link, or null when the path is no link.</summary>
    public string? ReadLink(string hostPath)
    {
        using var parent = TryResolveParent(hostPath, out var leaf, out _);
        return parent is null || leaf.Length == 0 ? null : Posix.ReadLink(parent.Value, leaf);
    }

    /// <summary>
    /// The host path a path names once trusted links (its own last component included) are followed, or null
    /// when a link on the way is untrusted. Missing paths resolve to themselves.
    /// </summary>
    public string? ResolveLinks(string hostPath)
    {
        var path = HostRoot.Normalize(hostPath);
        for (var hop = 0; hop <= MaxLinkHops; hop++)
        {
            using var parent = TryResolveParent(path, out var leaf, out var resolvedParent);
            if (parent is null || leaf.Length == 0)
            {
                return path;
            }

            using var link = Fd.TryOpenAt(parent, leaf, Posix.OPath | Posix.ONoFollow, out _);
            if (link is null)
            {
                return Join(resolvedParent, leaf);
            }

            var stat = link.Stat(path);
            if (stat.Type != Posix.SIfLnk)
            {
                return Join(resolvedParent, leaf);
            }

            if (!Trusted(stat, parent, resolvedParent))
            {
                return null;
            }

            var target = Posix.ReadLink(link.Value, string.Empty) ?? throw Posix.Error("cannot read link", path);
            path = HostRoot.Normalize(target.StartsWith('/') ? target : Join(resolvedParent, target));
        }

        throw new IOException($"{hostPath}: too many levels of symbolic links");
    }

    /// <summary>Opens a regular file for reading; anything else (link, FIFO, device, folder) is refused before a read can block.</summary>
    public FileStream OpenRead(string hostPath)
    {
        var fd = OpenLeaf(hostPath, Posix.ORdOnly | Posix.ONonBlock | Posix.ONoCtty, expectFile: true);
        return ToStream(fd, FileAccess.Read);
    }

    /// <summary>The bytes of a regular file, refused when larger than <paramref name="maxBytes"/>.</summary>
    public byte[] ReadAllBytes(string hostPath, long maxBytes = DefaultMaxRead)
    {
        if (Memo is { } memo)
        {
            if (memo.Stat(HostRoot.Normalize(hostPath)) is { IsFile: true } seen && (long)seen.Identity.Size <= maxBytes && memo.FindContent(seen.Identity) is { } kept)
            {
                return (byte[])kept.Clone();
            }

            using var opened = OpenedForRead(OpenLeaf(hostPath, Posix.ORdOnly | Posix.ONonBlock | Posix.ONoCtty, expectFile: true), hostPath, maxBytes);
            return opened is MemoryStream { } fromMemo ? fromMemo.ToArray() : ReadCapped(opened, hostPath, maxBytes, this);
        }

        using var stream = OpenRead(hostPath);
        return ReadCapped(stream, hostPath, maxBytes, this);
    }

    public string ReadAllText(string hostPath, long maxBytes = DefaultMaxRead) =>
        System.Text.Encoding.UTF8.GetString(ReadAllBytes(hostPath, maxBytes));

    /// <summary>The text of a file, or null when it does not exist.</summary>
    public string? TryReadAllText(string hostPath, long maxBytes = DefaultMaxRead) =>
        StatFollow(hostPath).Exists ? ReadAllText(hostPath, maxBytes) : null;

    /// <summary>The entries of a folder (not followed), sorted by name.</summary>
    public IReadOnlyList<(string Name, HostStat Stat)> List(string hostPath)
    {
        var path = HostRoot.Normalize(hostPath);
        if (Memo is { } memo && memo.Stat(path) is { IsDirectory: true } seen && memo.FindListing(seen.Identity) is { } kept)
        {
            return kept.ByName;
        }

        using var dir = OpenDirectory(path);
        var listing = ListingOf(dir, path, Memo);
        return listing.Overfull ? throw Refuse(Overfull(path)) : listing.ByName;
    }

    /// <summary>
    /// A stream over a file just opened (non-blocking, so a FIFO could not hold the open), refused unless it is a
    /// regular file. While a plan's memo is on, a small file is read whole once, kept, and served from memory;
    /// <paramref name="maxBytes"/> is the caller's cap, past which the caller refuses it (from the stream's length).
    /// </summary>
    internal Stream OpenedForRead(Fd fd, string hostPath, long maxBytes = long.MaxValue)
    {
        StatxResult stat;
        try
        {
            stat = fd.Stat(hostPath);
        }
        catch
        {
            fd.Dispose();
            throw;
        }

        if (stat.Type != Posix.SIfReg)
        {
            fd.Dispose();
            throw Refuse(new UnsafePathException(hostPath, UnsafePathProblem.NotRegularFile, $"is {HostStat.Describe(HostStat.TypeOf(stat.Type))}, not a regular file"));
        }

        if (Memo is not { } memo || !memo.Keeps(stat.Size) || (long)stat.Size > maxBytes)
        {
            return ToStream(fd, FileAccess.Read);
        }

        using (fd)
        {
            return new MemoryStream(memo.Content(stat.Identity, () => ReadWhole(fd, (long)stat.Size, hostPath)), writable: false);
        }
    }

    /// <summary>The first <paramref name="length"/> bytes of an open file (fewer if it ends before), as <see cref="ReadCapped"/> reads them.</summary>
    private static unsafe byte[] ReadWhole(Fd fd, long length, string hostPath)
    {
        var buffer = new byte[length];
        var read = 0;
        fixed (byte* start = buffer)
        {
            while (read < buffer.Length)
            {
                var n = Posix.Read(fd.Value, start + read, buffer.Length - read);
                if (n < 0 && Posix.Errno == Posix.EIntr)
                {
                    continue;
                }

                if (n < 0)
                {
                    throw Posix.Error("cannot read", hostPath);
                }

                if (n == 0)
                {
                    return buffer[..read];
                }

                read += (int)n;
            }
        }

        return buffer;
    }

    internal static byte[] ReadCapped(Stream stream, string hostPath, long maxBytes, HostFs owner)
    {
        var length = stream.Length;
        if (length > maxBytes)
        {
            throw owner.Refuse(new UnsafePathException(hostPath, UnsafePathProblem.TooLarge, $"is {length} bytes, more than the {maxBytes} this reader takes"));
        }

        var buffer = new byte[length];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = stream.Read(buffer, read, buffer.Length - read);
            if (n == 0)
            {
                return buffer[..read];
            }

            read += n;
        }

        return buffer;
    }

    internal static FileStream ToStream(Fd fd, FileAccess access)
    {
        // The descriptor was opened non-blocking so a FIFO could not hold the open; a regular file reads the same either way.
        var flags = Posix.Fcntl(fd.Value, Posix.FGetFl, 0);
        if (flags >= 0)
        {
            _ = Posix.Fcntl(fd.Value, Posix.FSetFl, flags & ~Posix.ONonBlock);
        }

        var raw = Posix.Dup(fd.Value);
        fd.Dispose();
        var handle = new Microsoft.Win32.SafeHandles.SafeFileHandle(raw, ownsHandle: true);
        return new FileStream(handle, access, bufferSize: 0);
    }
}

/// <summary>How missing folders on a path are made: their mode, and what to do with each new one (chown it, journal it).</summary>
internal sealed record DirectoryCreation(int Mode, Action<string, Fd>? Created = null);
