namespace OpenClaw.Desired.Host.Fs;

/// <summary>What a host path is. A link is never taken for what it points to.</summary>
public enum EntryType
{
    Missing,
    File,
    Directory,
    Symlink,
    Fifo,
    Socket,
    Device,
}

/// <summary>The status of a host path as <c>lstat</c> sees it: type, mode, owner, size, links, modification time.</summary>
public sealed record HostStat(EntryType Type, UnixFileMode Mode, int Uid, int Gid, long Size, int Links, DateTimeOffset Modified, ulong Device, ulong Inode)
{
    public static readonly HostStat Missing = new(EntryType.Missing, 0, -1, -1, 0, 0, default, 0, 0);

    public bool Exists => Type != EntryType.Missing;

    public bool IsFile => Type == EntryType.File;

    public bool IsDirectory => Type == EntryType.Directory;

    public bool IsSymlink => Type == EntryType.Symlink;

    /// <summary>Permission bits only (no file type), as <c>chmod</c> takes them.</summary>
    public int PermissionBits => (int)Mode & 0xFFF;

    /// <summary>Device, inode, type, size and times: what a memo of this run keeps a read under (<see cref="ReadMemo"/>).</summary>
    internal FileIdentity Identity { get; private init; }

    internal static HostStat From(StatxResult s) => new(
        TypeOf(s.Type),
        (UnixFileMode)(s.Mode & 0xFFF),
        (int)s.Uid,
        (int)s.Gid,
        (long)s.Size,
        (int)s.Nlink,
        DateTimeOffset.FromUnixTimeSeconds(s.MtimeSeconds).AddTicks(s.MtimeNanos / 100),
        ((ulong)s.DevMajor << 32) | s.DevMinor,
        s.Ino)
    {
        Identity = s.Identity,
    };

    internal static EntryType TypeOf(uint type) => type switch
    {
        Posix.SIfReg => EntryType.File,
        Posix.SIfDir => EntryType.Directory,
        Posix.SIfLnk => EntryType.Symlink,
        Posix.SIfIfo => EntryType.Fifo,
        Posix.SIfSock => EntryType.Socket,
        _ => EntryType.Device,
    };

    /// <summary>A word for the type, for messages ("a FIFO").</summary>
    public static string Describe(EntryType type) => type switch
    {
        EntryType.File => "a regular file",
        EntryType.Directory => "a directory",
        EntryType.Symlink => "a symbolic link",
        EntryType.Fifo => "a FIFO",
        EntryType.Socket => "a socket",
        EntryType.Device => "a device",
        _ => "missing",
    };
}
