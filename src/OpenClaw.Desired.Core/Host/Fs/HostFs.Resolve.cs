namespace OpenClaw.Desired.Host.Fs;

/// <summary>
/// Resolution: a host path walked from the root on descriptors, the links root made followed, the others refused;
/// the one-call fast path and the trust rules for links.
/// </summary>
public sealed partial class HostFs
{
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
