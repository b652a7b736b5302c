namespace OpenClaw.Desired.Host.Fs;

/// <summary>How far a walk goes, and what it yields.</summary>
public sealed record WalkLimits
{
    /// <summary>Folders deeper than this are reported (<see cref="TreeEntry.Problem"/>), not entered.</summary>
    public int MaxDepth { get; init; } = 48;

    /// <summary>At most this many entries are yielded; the rest is reported once.</summary>
    public int MaxEntries { get; init; } = 2_000_000;

    /// <summary>Whether folders themselves are yielded (before their contents).</summary>
    public bool IncludeDirectories { get; init; }

    /// <summary>Asked for each folder by its relative path; false skips it and its contents.</summary>
    public Func<string, bool>? Enter { get; init; }
}

/// <summary>
/// One entry met by <see cref="HostFs.Walk"/>. Valid only until the walk moves on: it holds its folder, whose
/// descriptor is what reading it opens on, so reading it never resolves the path again.
/// </summary>
public sealed class TreeEntry
{
    internal TreeEntry(HostFs owner, TreeFolder parent, string name, string relative, string hostPath, HostStat stat, string? problem)
    {
        Owner = owner;
        Parent = parent;
        Name = name;
        Relative = relative;
        HostPath = hostPath;
        Stat = stat;
        Problem = problem;
    }

    public string Name { get; }

    /// <summary>Path below the walked folder, '/'-separated.</summary>
    public string Relative { get; }

    public string HostPath { get; }

    public HostStat Stat { get; }

    /// <summary>Why the walk did not go into this entry (too deep, too many entries), or null.</summary>
    public string? Problem { get; }

    internal TreeFolder Parent { get; }

    private HostFs Owner { get; }

    /// <summary>
    /// Opens this regular file for reading (refused if it was swapped for anything else since the listing). While a
    /// plan's memo is on, a small file is read whole once and handed out from memory.
    /// </summary>
    public Stream OpenRead()
    {
        if (Owner.Memo is { } memo && Stat.IsFile && memo.FindContent(Stat.Identity) is { } kept)
        {
            return new MemoryStream(kept, writable: false);
        }

        var fd = Fd.OpenAt(Parent.Fd, Name, Posix.ORdOnly | Posix.ONonBlock | Posix.ONoCtty | Posix.ONoFollow, HostPath);
        return Owner.OpenedForRead(fd, HostPath);
    }

    public byte[] ReadAllBytes(long maxBytes = HostFs.DefaultMaxRead)
    {
        if (Owner.Memo is { } memo && Stat.IsFile && (long)Stat.Identity.Size <= maxBytes && memo.FindContent(Stat.Identity) is { } kept)
        {
            return (byte[])kept.Clone();
        }

        using var stream = OpenRead();
        return HostFs.ReadCapped(stream, HostPath, maxBytes, Owner);
    }

    /// <summary>The target of this link, as text.</summary>
    public string? LinkTarget => Stat.IsSymlink ? Posix.ReadLink(Parent.Fd.Value, Name) : null;
}

/// <summary>
/// A folder a walk is in. Its descriptor is opened when first needed: a folder whose listing the plan's memo keeps
/// is walked without one, and opened (on its parent's descriptor, never following a link, and only if it is still
/// the folder that was listed) only when one of its files must be read.
/// </summary>
internal sealed class TreeFolder : IDisposable
{
    private readonly TreeFolder? _parent;
    private readonly Func<Fd>? _reopen;
    private readonly string _name;
    private readonly string _hostPath;
    private readonly FileIdentity _listed;
    private Fd? _fd;

    private TreeFolder(Fd? fd, TreeFolder? parent, Func<Fd>? reopen, string name, string hostPath, FileIdentity listed)
    {
        _fd = fd;
        _parent = parent;
        _reopen = reopen;
        _name = name;
        _hostPath = hostPath;
        _listed = listed;
    }

    /// <summary>A folder opened already.</summary>
    public static TreeFolder Opened(Fd fd, string hostPath) => new(fd, null, null, string.Empty, hostPath, default);

    /// <summary>A folder of <paramref name="parent"/>, listed with <paramref name="listed"/>, opened when needed.</summary>
    public static TreeFolder Child(TreeFolder parent, string name, string hostPath, FileIdentity listed) => new(null, parent, null, name, hostPath, listed);

    /// <summary>A walk's top folder, listed with <paramref name="listed"/>, opened by <paramref name="reopen"/> when needed.</summary>
    public static TreeFolder Top(Func<Fd> reopen, string hostPath, FileIdentity listed) => new(null, null, reopen, string.Empty, hostPath, listed);

    public Fd Fd => _fd ??= Open();

    private Fd Open()
    {
        var fd = _reopen is { } reopen
            ? reopen()
            : Fd.TryOpenAt(_parent!.Fd, _name, Posix.OPath | Posix.ODirectory | Posix.ONoFollow, out _) ?? throw Swapped();
        var now = fd.Stat(_hostPath);
        if (now.Ino != _listed.Inode || now.Identity.Device != _listed.Device)
        {
            fd.Dispose();
            throw Swapped();
        }

        return fd;
    }

    private IOException Swapped() => new($"{_hostPath}: replaced since it was listed; not read");

    public void Dispose() => _fd?.Dispose();
}

public sealed partial class HostFs
{
    /// <summary>
    /// Every entry below a folder, depth first, in the ordinal order of relative paths. Links are yielded as links and never
    /// entered; FIFOs, sockets and devices are yielded with their type and never opened.
    /// </summary>
    public IEnumerable<TreeEntry> Walk(string hostPath, WalkLimits? limits = null) => Walk(hostPath, limits ?? new WalkLimits(), useMemo: true);

    /// <summary>
    /// A walk as <see cref="Walk(string, WalkLimits?)"/>; without the memo for a walk that changes what it meets. The
    /// memo is the one in force when the walk starts (not when it was asked for), and only while it lasts: once a
    /// change or the end of the plan ends it, the folders the walk has yet to enter are listed from the host.
    /// </summary>
    private IEnumerable<TreeEntry> Walk(string hostPath, WalkLimits limits, bool useMemo)
    {
        var memo = useMemo ? Memo : null;
        var path = HostRoot.Normalize(hostPath);
        TreeFolder top;
        Listing? listing = null;
        if (memo?.Stat(path) is { IsDirectory: true } seen && memo.FindListing(seen.Identity) is { } kept)
        {
            // A folder a walk or listing of this plan met, listed already: walked from the memo, opened only to read.
            top = TreeFolder.Top(() => OpenDirectory(path), path, seen.Identity);
            listing = kept;
        }
        else
        {
            try
            {
                top = TreeFolder.Opened(OpenDirectory(path), path);
            }
            catch (DirectoryNotFoundException)
            {
                yield break;
            }
        }

        var count = 0;
        using (top)
        {
            listing ??= ListingOf(top.Fd, path, Live(memo));
            if (listing.Overfull)
            {
                yield return new TreeEntry(this, top, System.IO.Path.GetFileName(path), ".", path, HostStat.From(top.Fd.Stat(path)), OverfullProblem);
                yield break;
            }

            foreach (var entry in WalkFolder(top, listing, path, string.Empty, 1, limits, memo, () => ++count))
            {
                yield return entry;
            }
        }
    }

    private IEnumerable<TreeEntry> WalkFolder(TreeFolder folder, Listing listing, string hostPath, string prefix, int depth, WalkLimits limits, ReadMemo? memo, Func<int> counter)
    {
        // Sorted as their relative paths sort (a folder's name as "name/"), so a walk is in path order.
        foreach (var (name, stat) in listing.WalkOrder)
        {
            var relative = prefix + name;
            var entryPath = Join(hostPath, name);
            if (counter() > limits.MaxEntries)
            {
                yield return new TreeEntry(this, folder, name, relative, entryPath, stat, $"more than {limits.MaxEntries} entries; the rest was not read");
                yield break;
            }

            if (!stat.IsDirectory)
            {
                yield return new TreeEntry(this, folder, name, relative, entryPath, stat, null);
                continue;
            }

            if (limits.Enter is { } enter && !enter(relative))
            {
                continue;
            }

            if (depth >= limits.MaxDepth)
            {
                yield return new TreeEntry(this, folder, name, relative, entryPath, stat, $"nested deeper than {limits.MaxDepth} folders; not read");
                continue;
            }

            TreeFolder child;
            Listing? inner;
            if (Live(memo)?.FindListing(stat.Identity) is { } kept)
            {
                child = TreeFolder.Child(folder, name, entryPath, stat.Identity);
                inner = kept;
            }
            else
            {
                var fd = Fd.TryOpenAt(folder.Fd, name, Posix.OPath | Posix.ODirectory | Posix.ONoFollow, out _);
                if (fd is null)
                {
                    continue; // swapped for something else since the listing: not entered
                }

                child = TreeFolder.Opened(fd, entryPath);
                inner = null;
            }

            using (child)
            {
                inner ??= ListingOf(child.Fd, entryPath, Live(memo));
                if (inner.Overfull)
                {
                    yield return new TreeEntry(this, folder, name, relative, entryPath, stat, OverfullProblem);
                    continue;
                }

                if (limits.IncludeDirectories)
                {
                    yield return new TreeEntry(this, folder, name, relative, entryPath, stat, null);
                }

                foreach (var entry in WalkFolder(child, inner, entryPath, relative + "/", depth + 1, limits, memo, counter))
                {
                    yield return entry;
                }
            }
        }
    }

    /// <summary>The memo a walk started with, while it is still in force (no change and no end of plan since), or null.</summary>
    private ReadMemo? Live(ReadMemo? memo) => memo is not null && ReferenceEquals(Memo, memo) ? memo : null;

    /// <summary>The listing of an open folder: from the memo when it keeps one for this folder (listing it there once), else read.</summary>
    private Listing ListingOf(Fd folder, string hostPath, ReadMemo? memo) =>
        memo is null ? Listing.Of(folder, MaxFolderEntries) : memo.Listing(folder.Stat(hostPath).Identity, hostPath, () => Listing.Of(folder, MaxFolderEntries));

    /// <summary>What a walk says of a folder with more entries than <see cref="MaxFolderEntries"/>.</summary>
    private string OverfullProblem => $"holds more than {MaxFolderEntries} entries; not read";

    /// <summary>The refusal of <see cref="List"/> to list a folder with more entries than <see cref="MaxFolderEntries"/>.</summary>
    private UnsafePathException Overfull(string hostPath) => new(hostPath, UnsafePathProblem.TooDeep, OverfullProblem);
}
