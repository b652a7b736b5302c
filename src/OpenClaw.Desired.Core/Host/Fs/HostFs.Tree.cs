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
    public IEnumerable<TreeEntry> Walk(string hostPath, WalkLimits? limits = null) => Walk(hostPath, limits ?? new WalkLimits(), Memo);

    /// <summary>A walk as <see cref="Walk(string, WalkLimits?)"/>, with the memo given (none for a walk that changes what it meets).</summary>
    private IEnumerable<TreeEntry> Walk(string hostPath, WalkLimits limits, ReadMemo? memo)
    {
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
            listing ??= ListingOf(top.Fd, path, memo);
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

            if (limits.IncludeDirectories)
            {
                yield return new TreeEntry(this, folder, name, relative, entryPath, stat, null);
            }

            TreeFolder child;
            Listing? inner;
            if (memo?.FindListing(stat.Identity) is { } kept)
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
                inner ??= ListingOf(child.Fd, entryPath, memo);
                foreach (var entry in WalkFolder(child, inner, entryPath, relative + "/", depth + 1, limits, memo, counter))
                {
                    yield return entry;
                }
            }
        }
    }

    /// <summary>The listing of an open folder: from the memo when it keeps one for this folder (listing it there once), else read.</summary>
    private static Listing ListingOf(Fd folder, string hostPath, ReadMemo? memo) =>
        memo is null ? Listing.Of(folder) : memo.Listing(folder.Stat(hostPath).Identity, hostPath, () => Listing.Of(folder));

    /// <summary>
    /// Moves a host file or folder out of the root's reach into a trusted folder (the quarantine): a rename of
    /// the entry itself (never followed), or across filesystems a copy that keeps modes and links, verified,
    /// then the removal of the source.
    /// </summary>
    public void MoveOut(string hostPath, string realTarget, Action? copied = null)
    {
        Changing();
        Directory.CreateDirectory(Path.GetDirectoryName(realTarget)!);
        using var parent = ResolveParent(hostPath, out var leaf, out _);
        if (Posix.RenameAt(parent.Value, leaf, Posix.AtFdCwd, realTarget) == 0)
        {
            return;
        }

        if (Posix.Errno != Posix.EXDev)
        {
            throw Posix.Error("cannot move", hostPath);
        }

        CopyOut(parent, leaf, hostPath, realTarget);
        var copy = Safety.TreeHash.OfFolderOrFile(realTarget);
        var source = HashOf(hostPath);
        if (copy != source)
        {
            throw new IOException($"the copy of {hostPath} did not verify; the source is kept");
        }

        copied?.Invoke();
        RemoveTree(parent, leaf, hostPath);
    }

    /// <summary>Moves a trusted file or folder back into the root; an existing entry is never overwritten.</summary>
    public void MoveIn(string realSource, string hostPath)
    {
        Changing();
        using var parent = ResolveParent(hostPath, out var leaf, out _, new DirectoryCreation(PrivateFolder));
        if (Posix.TryStat(parent.Value, leaf, Posix.AtSymlinkNoFollow, out _))
        {
            throw new IOException($"{hostPath} exists; nothing is overwritten");
        }

        if (Posix.RenameAt(Posix.AtFdCwd, realSource, parent.Value, leaf) == 0)
        {
            return;
        }

        if (Posix.Errno != Posix.EXDev)
        {
            throw Posix.Error("cannot move back", hostPath);
        }

        CopyIn(realSource, parent, leaf, hostPath);
        if (HashOf(hostPath) != Safety.TreeHash.OfFolderOrFile(realSource))
        {
            throw new IOException($"the copy back to {hostPath} did not verify; the quarantined copy is kept");
        }

        if (Directory.Exists(realSource) && new FileInfo(realSource).LinkTarget is null)
        {
            Directory.Delete(realSource, recursive: true);
        }
        else
        {
            File.Delete(realSource);
        }
    }

    /// <summary>Removes a file, link or folder tree on descriptors (links are removed, never entered).</summary>
    public void DeleteTree(string hostPath)
    {
        Changing();
        using var parent = ResolveParent(hostPath, out var leaf, out _);
        RemoveTree(parent, leaf, hostPath);
    }

    /// <summary>The content hash of a host file or folder as <see cref="Safety.TreeHash"/> defines it, read on descriptors.</summary>
    public string HashOf(string hostPath) => Safety.TreeHash.OfHost(this, hostPath);

    private static void RemoveTree(Fd parent, string leaf, string hostPath)
    {
        if (!Posix.TryStat(parent.Value, leaf, Posix.AtSymlinkNoFollow, out var stat))
        {
            return;
        }

        if (stat.Type == Posix.SIfDir)
        {
            using var dir = Fd.OpenAt(parent, leaf, Posix.OPath | Posix.ODirectory | Posix.ONoFollow, hostPath);
            foreach (var (name, _) in Posix.ReadDirectory(dir.Value))
            {
                RemoveTree(dir, name, Join(hostPath, name));
            }

            Check(Posix.UnlinkAt(parent.Value, leaf, Posix.AtRemoveDir), "cannot remove", hostPath);
            return;
        }

        Check(Posix.UnlinkAt(parent.Value, leaf, 0), "cannot remove", hostPath);
    }

    private static void CopyOut(Fd parent, string leaf, string hostPath, string realTarget)
    {
        var stat = Posix.TryStat(parent.Value, leaf, Posix.AtSymlinkNoFollow, out var s) ? s : throw Posix.Error("cannot stat", hostPath);
        switch (stat.Type)
        {
            case Posix.SIfLnk:
                File.CreateSymbolicLink(realTarget, Posix.ReadLink(parent.Value, leaf) ?? string.Empty);
                KeepOwner(realTarget, stat);
                break;
            case Posix.SIfReg:
                {
                    using var fd = Fd.OpenAt(parent, leaf, Posix.ORdOnly | Posix.ONonBlock | Posix.ONoFollow, hostPath);
                    using var source = ToStream(fd, FileAccess.Read);
                    using var target = new FileStream(realTarget, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite });
                    source.CopyTo(target);
                    target.Flush(flushToDisk: true);
                    KeepOwner(realTarget, stat); // before the mode: a chown clears set-user-ID bits
                    File.SetUnixFileMode(realTarget, (UnixFileMode)(stat.Mode & 0xFFF));
                    break;
                }

            case Posix.SIfDir:
                {
                    Directory.CreateDirectory(realTarget, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                    using var dir = Fd.OpenAt(parent, leaf, Posix.OPath | Posix.ODirectory | Posix.ONoFollow, hostPath);
                    foreach (var (name, _) in Posix.ReadDirectory(dir.Value))
                    {
                        CopyOut(dir, name, Join(hostPath, name), Path.Combine(realTarget, name));
                    }

                    KeepOwner(realTarget, stat); // before the mode: a chown clears set-user-ID bits
                    File.SetUnixFileMode(realTarget, (UnixFileMode)(stat.Mode & 0xFFF));
                    break;
                }

            default:
                break; // FIFOs, sockets and devices carry no content and are not copied
        }
    }

    /// <summary>
    /// Gives a copy the owner of what it copies (as root): a copy made by root would belong to root, and a link root
    /// owns may be trusted, so an agent's link must never come back from quarantine as root's.
    /// </summary>
    private static void KeepOwner(string realPath, StatxResult of)
    {
        if (IsRoot)
        {
            Check(Posix.FChownAt(Posix.AtFdCwd, realPath, (int)of.Uid, (int)of.Gid, Posix.AtSymlinkNoFollow), "cannot set the owner of", realPath);
        }
    }

    private static void CopyIn(string realSource, Fd parent, string leaf, string hostPath)
    {
        var owner = Posix.TryStat(Posix.AtFdCwd, realSource, Posix.AtSymlinkNoFollow, out var s) ? s : throw Posix.Error("cannot stat", realSource);
        var info = new FileInfo(realSource);
        if (info.LinkTarget is { } target)
        {
            Check(Posix.SymlinkAt(target, parent.Value, leaf), "cannot create link", hostPath);
            if (IsRoot)
            {
                Check(Posix.FChownAt(parent.Value, leaf, (int)owner.Uid, (int)owner.Gid, Posix.AtSymlinkNoFollow), "cannot set the owner of", hostPath);
            }

            return;
        }

        if (Directory.Exists(realSource))
        {
            Check(Posix.MkdirAt(parent.Value, leaf, PrivateFolder), "cannot create folder", hostPath);
            using var dir = Fd.OpenAt(parent, leaf, Posix.ORdOnly | Posix.ODirectory | Posix.ONoFollow, hostPath);
            foreach (var entry in new DirectoryInfo(realSource).EnumerateFileSystemInfos("*", new EnumerationOptions { AttributesToSkip = 0 }).OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                CopyIn(entry.FullName, dir, entry.Name, Join(hostPath, entry.Name));
            }

            if (IsRoot)
            {
                Check(Posix.FChown(dir.Value, (int)owner.Uid, (int)owner.Gid), "cannot set the owner of", hostPath);
            }

            Check(Posix.FChmod(dir.Value, (int)File.GetUnixFileMode(realSource)), "cannot set the mode of", hostPath);

            return;
        }

        using var fd = Fd.OpenAt(parent, leaf, Posix.OWrOnly | Posix.OCreat | Posix.OExcl | Posix.ONoFollow, hostPath, 0b110_000_000);
        if (IsRoot)
        {
            Check(Posix.FChown(fd.Value, (int)owner.Uid, (int)owner.Gid), "cannot set the owner of", hostPath);
        }

        Check(Posix.FChmod(fd.Value, (int)File.GetUnixFileMode(realSource)), "cannot set the mode of", hostPath);

        using var stream = ToStream(fd, FileAccess.Write);
        using var source = File.OpenRead(realSource);
        source.CopyTo(stream);
        stream.Flush(flushToDisk: true);
    }
}
