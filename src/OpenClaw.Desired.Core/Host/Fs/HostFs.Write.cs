namespace OpenClaw.Desired.Host.Fs;

/// <summary>Changes to host paths, each on a descriptor of the folder that holds it.</summary>
public sealed partial class HostFs
{
    private const int PrivateFolder = 0b111_000_000;

    /// <summary>
    /// Writes a file so a reader or a crash sees the old bytes or the new: a temp file beside it (named
    /// <paramref name="tempName"/>, which a journal can record first), fsync, mode and owner, rename, fsync of
    /// the folder. An existing file keeps its mode and owner unless others are given. A trusted link is written
    /// through (it stays a link); an untrusted one, or anything but a regular file, is refused.
    /// </summary>
    public void WriteAtomic(string hostPath, ReadOnlySpan<byte> content, UnixFileMode? mode = null, (int Uid, int Gid)? owner = null, string? tempName = null, Action? beforeRename = null)
    {
        Changing();
        var path = ResolveLinks(hostPath) ?? throw Refuse(Planted(hostPath));
        using var parent = ResolveParent(path, out var leaf, out _, new DirectoryCreation(PrivateFolder));
        int effectiveMode;
        (int Uid, int Gid)? effectiveOwner = owner;
        if (Posix.TryStat(parent.Value, leaf, Posix.AtSymlinkNoFollow, out var existing))
        {
            if (existing.Type != Posix.SIfReg)
            {
                throw Refuse(existing.Type == Posix.SIfLnk ? Planted(path) : new UnsafePathException(path, UnsafePathProblem.NotRegularFile, $"is {HostStat.Describe(HostStat.TypeOf(existing.Type))}, not a regular file"));
            }

            effectiveMode = (int)mode.GetValueOrDefault((UnixFileMode)(existing.Mode & 0xFFF));
            effectiveOwner ??= ((int)existing.Uid, (int)existing.Gid);
        }
        else
        {
            effectiveMode = (int)mode.GetValueOrDefault(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var temp = tempName ?? TempName(leaf);
        using (var fd = Fd.OpenAt(parent, temp, Posix.OWrOnly | Posix.OCreat | Posix.OExcl | Posix.ONoFollow, Join(ParentOf(path), temp), 0b110_000_000))
        {
            try
            {
                using (var stream = ToStream(Dup(fd), FileAccess.Write))
                {
                    stream.Write(content);
                    stream.Flush(flushToDisk: true);
                }

                Check(Posix.FChmod(fd.Value, effectiveMode), "cannot set the mode of", path);
                if (effectiveOwner is { } o && IsRoot)
                {
                    Check(Posix.FChown(fd.Value, o.Uid, o.Gid), "cannot set the owner of", path);
                }

                beforeRename?.Invoke();
                Check(Posix.RenameAt(parent.Value, temp, parent.Value, leaf), "cannot replace", path);
            }
            catch
            {
                _ = Posix.UnlinkAt(parent.Value, temp, 0);
                throw;
            }
        }

        using var sync = OpenForSync(parent, path);
        _ = Posix.FSync(sync.Value);
    }

    /// <summary>The temp name <see cref="WriteAtomic"/> uses beside <paramref name="leaf"/> unless told one.</summary>
    public static string TempName(string leaf, string? tag = null) => $".{leaf}.ocd-tmp-{tag ?? Guid.NewGuid().ToString("N")}";

    /// <summary>Creates a folder and any missing folders above it; <paramref name="created"/> hears each new one.</summary>
    public void CreateDirectory(string hostPath, UnixFileMode mode, (int Uid, int Gid)? owner = null, Action<string>? created = null)
    {
        Changing();
        var path = HostRoot.Normalize(hostPath);
        var creation = new DirectoryCreation((int)mode, (trail, fd) =>
        {
            if (owner is { } o && IsRoot)
            {
                _ = Posix.FChownAt(fd.Value, string.Empty, o.Uid, o.Gid, Posix.AtEmptyPath);
            }

            created?.Invoke(trail);
        });
        using var fd = ResolveChain(Components(path), path, creation);
    }

    /// <summary>Changes the permission bits of a file or folder on its descriptor; links, FIFOs, devices and hard-linked files are refused.</summary>
    public void SetMode(string hostPath, UnixFileMode mode)
    {
        Changing();
        using var fd = OpenForChange(hostPath);
        Check(Posix.FChmod(fd.Value, (int)mode), "cannot set the mode of", hostPath);
    }

    /// <summary>Changes the owner of a file or folder on its descriptor (as root; a no-op otherwise).</summary>
    public void SetOwner(string hostPath, int uid, int gid)
    {
        Changing();
        if (!IsRoot)
        {
            return;
        }

        using var fd = OpenForChange(hostPath);
        Check(Posix.FChown(fd.Value, uid, gid), "cannot set the owner of", hostPath);
    }

    /// <summary>
    /// Gives a folder and everything in it to an owner, on descriptors: links are changed as links (never
    /// followed), files with other names elsewhere are left alone and returned, as are FIFOs and devices.
    /// </summary>
    public IReadOnlyList<string> SetOwnerRecursive(string hostPath, int uid, int gid)
    {
        Changing();
        var skipped = new List<string>();
        if (!IsRoot)
        {
            return skipped;
        }

        SetOwner(hostPath, uid, gid);
        // Never from a memo: what is changed is what is there now.
        foreach (var entry in Walk(hostPath, new WalkLimits { IncludeDirectories = true }, useMemo: false))
        {
            if (entry.Problem is not null)
            {
                skipped.Add(entry.HostPath);
                continue;
            }

            var isLink = entry.Stat.IsSymlink;
            if (!isLink && !entry.Stat.IsDirectory && !entry.Stat.IsFile || entry.Stat.IsFile && entry.Stat.Links > 1)
            {
                skipped.Add(entry.HostPath);
                continue;
            }

            _ = Posix.FChownAt(entry.Parent.Fd.Value, entry.Name, uid, gid, Posix.AtSymlinkNoFollow);
        }

        return skipped;
    }

    /// <summary>Removes a file or a link (never what it points to).</summary>
    public void DeleteFile(string hostPath)
    {
        Changing();
        using var parent = ResolveParent(hostPath, out var leaf, out _);
        if (Posix.UnlinkAt(parent.Value, leaf, 0) != 0 && Posix.Errno != Posix.ENoEnt)
        {
            throw Posix.Error("cannot remove", hostPath);
        }
    }

    /// <summary>Removes an empty folder.</summary>
    public void DeleteEmptyDirectory(string hostPath)
    {
        Changing();
        using var parent = ResolveParent(hostPath, out var leaf, out _);
        if (Posix.UnlinkAt(parent.Value, leaf, Posix.AtRemoveDir) != 0 && Posix.Errno != Posix.ENoEnt)
        {
            throw Posix.Error("cannot remove", hostPath);
        }
    }

    /// <summary>Creates (or atomically replaces) a symbolic link.</summary>
    public void CreateSymlink(string hostPath, string target, (int Uid, int Gid)? owner = null)
    {
        Changing();
        using var parent = ResolveParent(hostPath, out var leaf, out _, new DirectoryCreation(PrivateFolder));
        var temp = TempName(leaf);
        Check(Posix.SymlinkAt(target, parent.Value, temp), "cannot create link", hostPath);
        if (owner is { } o && IsRoot)
        {
            _ = Posix.FChownAt(parent.Value, temp, o.Uid, o.Gid, Posix.AtSymlinkNoFollow);
        }

        if (Posix.RenameAt(parent.Value, temp, parent.Value, leaf) != 0)
        {
            var error = Posix.Error("cannot create link", hostPath);
            _ = Posix.UnlinkAt(parent.Value, temp, 0);
            throw error;
        }
    }

    /// <summary>Renames within the root; the entry moved is never followed.</summary>
    public void Rename(string fromHostPath, string toHostPath)
    {
        Changing();
        using var from = ResolveParent(fromHostPath, out var fromLeaf, out _);
        using var to = ResolveParent(toHostPath, out var toLeaf, out _, new DirectoryCreation(PrivateFolder));
        Check(Posix.RenameAt(from.Value, fromLeaf, to.Value, toLeaf), "cannot rename", fromHostPath);
    }

    /// <summary>A change ends the memo of reads (<see cref="Remember"/>): what is read after it is read from the host.</summary>
    private void Changing() => Interlocked.Exchange(ref (_freshOf ?? this)._memo, null);

    internal static bool IsRoot => OperatingSystem.IsLinux() && Posix.GetEuid() == 0;

    private Fd OpenForChange(string hostPath)
    {
        var fd = OpenLeaf(hostPath, Posix.ORdOnly | Posix.ONonBlock | Posix.ONoCtty, expectFile: false);
        var stat = fd.Stat(hostPath);
        if (stat.Type != Posix.SIfReg && stat.Type != Posix.SIfDir)
        {
            fd.Dispose();
            throw Refuse(new UnsafePathException(hostPath, UnsafePathProblem.NotRegularFile, $"is {HostStat.Describe(HostStat.TypeOf(stat.Type))}; its mode and owner are left alone"));
        }

        if (stat.Type == Posix.SIfReg && stat.Nlink > 1)
        {
            fd.Dispose();
            throw Refuse(new UnsafePathException(hostPath, UnsafePathProblem.HardLink, $"has {stat.Nlink} names; changing it would change a file elsewhere"));
        }

        return fd;
    }

    private static Fd OpenForSync(Fd folder, string hostPath) =>
        Fd.OpenAt(folder, ".", Posix.ORdOnly | Posix.ODirectory, hostPath);

    private static Fd Dup(Fd fd)
    {
        var copy = Posix.Dup(fd.Value);
        return copy >= 0 ? new Fd(copy) : throw Posix.Error("dup");
    }

    private static void Check(int result, string what, string hostPath)
    {
        if (result != 0)
        {
            throw Posix.Error(what, hostPath);
        }
    }
}
