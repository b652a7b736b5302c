namespace OpenClaw.Desired.Host.Fs;

/// <summary>Moving and removing whole trees: the quarantine's moves out and back, and deletion, never following a link.</summary>
public sealed partial class HostFs
{
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
