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

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string, UnsafePathProblem), UnsafePathException> _refused = new();

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
        using var dir = OpenDirectory(hostPath);
        var entries = new List<(string, HostStat)>();
        foreach (var (name, _) in Posix.ReadDirectory(dir.Value))
        {
            if (Posix.TryStat(dir.Value, name, Posix.AtSymlinkNoFollow, out var stat))
            {
                entries.Add((name, HostStat.From(stat)));
            }
        }

        return entries;
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

    /// <summary>Opens the last component of a path with <paramref name="flags"/>, following only trusted links.</summary>
    internal Fd OpenLeaf(string hostPath, int flags, bool expectFile)
    {
        var path = HostRoot.Normalize(hostPath);
        for (var hop = 0; hop <= MaxLinkHops; hop++)
        {
            using var parent = ResolveParent(path, out var leaf, out var resolvedParent);
            if (leaf.Length == 0)
            {
                throw Refuse(new UnsafePathException(path, UnsafePathProblem.NotRegularFile, "is the root folder"));
            }

            var fd = Fd.TryOpenAt(parent, leaf, flags | Posix.ONoFollow, out var errno);
            if (fd is null)
            {
                if (errno != Posix.ELoop)
                {
                    throw ErrorFor(errno, "cannot open", path);
                }

                // ELOOP: the last component is a link. Follow it only when root made it.
                using var link = Fd.OpenAt(parent, leaf, Posix.OPath | Posix.ONoFollow, path);
                if (!Trusted(link.Stat(path), parent, resolvedParent))
                {
                    throw Refuse(Planted(path));
                }

                var target = Posix.ReadLink(link.Value, string.Empty) ?? throw Posix.Error("cannot read link", path);
                path = HostRoot.Normalize(target.StartsWith('/') ? target : Join(resolvedParent, target));
                continue;
            }

            var stat = fd.Stat(path);
            if (expectFile && stat.Type != Posix.SIfReg)
            {
                fd.Dispose();
                throw Refuse(new UnsafePathException(path, UnsafePathProblem.NotRegularFile, $"is {HostStat.Describe(HostStat.TypeOf(stat.Type))}, not a regular file"));
            }

            return fd;
        }

        throw new IOException($"{hostPath}: too many levels of symbolic links");
    }

    /// <summary>Opens a folder (following trusted links only) as an <c>O_PATH</c> descriptor.</summary>
    internal Fd OpenDirectory(string hostPath)
    {
        var path = HostRoot.Normalize(hostPath);
        return ResolveChain(Components(path), path, create: null) ?? throw new DirectoryNotFoundException($"{path}: no such folder");
    }

    /// <summary>The folder holding a path's last component, opened; <paramref name="leaf"/> is that component ("" for "/").</summary>
    internal Fd ResolveParent(string hostPath, out string leaf, out string resolvedParent, DirectoryCreation? create = null)
    {
        var path = HostRoot.Normalize(hostPath);
        var parts = Components(path);
        leaf = parts.Count == 0 ? string.Empty : parts[^1];
        var parentParts = parts.Count == 0 ? parts : parts.GetRange(0, parts.Count - 1);
        var trail = "/";
        var fd = ResolveChain(parentParts, path, create, t => trail = t);
        resolvedParent = trail;
        return fd ?? throw new DirectoryNotFoundException($"{ParentOf(path)}: no such folder");
    }

    /// <summary>As <see cref="ResolveParent"/>, but null when a folder on the way does not exist.</summary>
    internal Fd? TryResolveParent(string hostPath, out string leaf, out string resolvedParent)
    {
        var path = HostRoot.Normalize(hostPath);
        var parts = Components(path);
        leaf = parts.Count == 0 ? string.Empty : parts[^1];
        var parentParts = parts.Count == 0 ? parts : parts.GetRange(0, parts.Count - 1);
        var trail = "/";
        var fd = ResolveChain(parentParts, path, create: null, t => trail = t);
        resolvedParent = trail;
        return fd;
    }

    /// <summary>
    /// Walks folder components from the root on descriptors. Trusted links restart the walk at their target;
    /// untrusted ones throw <see cref="UnsafePathException"/>. Null when a component is missing (and not created).
    /// </summary>
    private Fd? ResolveChain(List<string> parts, string hostPath, DirectoryCreation? create, Action<string>? resolved = null, bool walkOnly = false)
    {
        var rootFd = Fd.OpenAt(null, Root.Root, Posix.OPath | Posix.ODirectory, "/");
        if (create is null && parts.Count > 0 && !walkOnly)
        {
            // A path without links (the common case) in one call; anything else takes the walk below.
            switch (Openat2.TryOpenFolder(rootFd, string.Join('/', parts), out var folder))
            {
                case Openat2.Outcome.Opened:
                    rootFd.Dispose();
                    folder!.OnlyRootWritesUnknown = true;
                    resolved?.Invoke("/" + string.Join('/', parts));
                    return folder;
                case Openat2.Outcome.Missing:
                    rootFd.Dispose();
                    return null;
            }
        }

        var stack = new List<(Fd Fd, string Name)> { (rootFd, string.Empty) };
        stack[0].Fd.OnlyRootWrites = OnlyRootWrites(stack[0].Fd.Stat("/"));
        var queue = new LinkedList<string>(parts);
        var hops = 0;
        try
        {
            while (queue.First is { } node)
            {
                var name = node.Value;
                queue.RemoveFirst();
                if (name is "" or ".")
                {
                    continue;
                }

                if (name == "..")
                {
                    if (stack.Count > 1)
                    {
                        stack[^1].Fd.Dispose();
                        stack.RemoveAt(stack.Count - 1);
                    }

                    continue;
                }

                var top = stack[^1].Fd;
                var fd = Fd.TryOpenAt(top, name, Posix.OPath | Posix.ONoFollow, out var errno);
                if (fd is null && errno == Posix.ENoEnt && create is { } make)
                {
                    if (Posix.MkdirAt(top.Value, name, make.Mode) != 0 && Posix.Errno != Posix.EExist)
                    {
                        throw Posix.Error("cannot create folder", Trail(stack, name));
                    }

                    fd = Fd.TryOpenAt(top, name, Posix.OPath | Posix.ONoFollow, out errno);
                    if (fd is not null)
                    {
                        make.Created?.Invoke(Trail(stack, name), fd);
                    }
                }

                if (fd is null)
                {
                    if (errno is Posix.ENoEnt or Posix.ENotDir)
                    {
                        return null;
                    }

                    throw ErrorFor(errno, "cannot open", Trail(stack, name));
                }

                var stat = fd.Stat(hostPath);
                if (stat.Type == Posix.SIfDir)
                {
                    fd.OnlyRootWrites = top.OnlyRootWrites && OnlyRootWrites(stat);
                    stack.Add((fd, name));
                    continue;
                }

                if (stat.Type != Posix.SIfLnk)
                {
                    fd.Dispose();
                    throw Refuse(new UnsafePathException(Trail(stack, name), UnsafePathProblem.NotDirectory, $"is {HostStat.Describe(HostStat.TypeOf(stat.Type))}, not a folder"));
                }

                if (!Trusted(stat, top) || ++hops > MaxLinkHops)
                {
                    fd.Dispose();
                    throw hops > MaxLinkHops ? new IOException($"{hostPath}: too many levels of symbolic links") : Refuse(Planted(Trail(stack, name)));
                }

                var target = Posix.ReadLink(fd.Value, string.Empty) ?? throw Posix.Error("cannot read link", Trail(stack, name));
                fd.Dispose();
                if (target.StartsWith('/'))
                {
                    // Absolute targets are taken under the root, as a chroot would.
                    for (var i = stack.Count - 1; i > 0; i--)
                    {
                        stack[i].Fd.Dispose();
                        stack.RemoveAt(i);
                    }
                }

                foreach (var part in target.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse())
                {
                    queue.AddFirst(part);
                }
            }

            resolved?.Invoke(Trail(stack, null));
            var result = stack[^1].Fd;
            stack.RemoveAt(stack.Count - 1);
            return result;
        }
        finally
        {
            foreach (var (fd, _) in stack)
            {
                fd.Dispose();
            }
        }
    }

    /// <summary>
    /// A link is followed only when root made it, it has one name (not a hard link to someone else's link), and it
    /// sits where only root can rename it: the agent user may move a link root made in its home to any name there.
    /// </summary>
    private static bool Trusted(StatxResult link, Fd folder) => link.Uid == 0 && link.Nlink == 1 && folder.OnlyRootWrites;

    /// <summary>
    /// <see cref="Trusted(StatxResult, Fd)"/> for a folder the one-call open reached, which does not know who can write
    /// the folders above: for a link root made (rare: the agent cannot make one) the folder is walked again, and
    /// the answer counts only when the walk reaches the same folder.
    /// </summary>
    private bool Trusted(StatxResult link, Fd folder, string folderPath)
    {
        if (!folder.OnlyRootWritesUnknown || link.Uid != 0 || link.Nlink != 1)
        {
            return Trusted(link, folder);
        }

        using var walked = ResolveChain(Components(folderPath), folderPath, create: null, walkOnly: true);
        if (walked is null)
        {
            return false;
        }

        var a = folder.Stat(folderPath);
        var b = walked.Stat(folderPath);
        return a.DevMajor == b.DevMajor && a.DevMinor == b.DevMinor && a.Ino == b.Ino && walked.OnlyRootWrites;
    }

    /// <summary>A folder owned by root that no one else can write to (or sticky, as /tmp: no one renames root's entries).</summary>
    private static bool OnlyRootWrites(StatxResult folder) => folder.Uid == 0 && ((folder.Mode & 0b010_010) == 0 || (folder.Mode & 0b1_000_000_000) != 0);

    internal static UnsafePathException Planted(string hostPath) =>
        new(hostPath, UnsafePathProblem.PlantedLink, "is a symbolic link not made by root; it is not followed");

    internal static IOException ErrorFor(int errno, string what, string hostPath) =>
        errno == Posix.ENoEnt
            ? new FileNotFoundException($"{hostPath}: no such file or directory")
            : new IOException($"{what} {hostPath}: {Posix.Describe(errno)}", errno);

    private static string Trail(List<(Fd Fd, string Name)> stack, string? next)
    {
        var names = stack.Skip(1).Select(s => s.Name).ToList();
        if (next is not null)
        {
            names.Add(next);
        }

        return "/" + string.Join('/', names);
    }

    internal static List<string> Components(string normalized) =>
        [.. normalized.Split('/', StringSplitOptions.RemoveEmptyEntries)];

    internal static string Join(string folder, string name) =>
        HostRoot.Normalize(folder.TrimEnd('/') + "/" + name);

    internal static string ParentOf(string hostPath)
    {
        var normalized = HostRoot.Normalize(hostPath);
        var slash = normalized.LastIndexOf('/');
        return slash <= 0 ? "/" : normalized[..slash];
    }

    internal static string NameOf(string hostPath)
    {
        var normalized = HostRoot.Normalize(hostPath);
        return normalized[(normalized.LastIndexOf('/') + 1)..];
    }
}

/// <summary>How missing folders on a path are made: their mode, and what to do with each new one (chown it, journal it).</summary>
internal sealed record DirectoryCreation(int Mode, Action<string, Fd>? Created = null);
