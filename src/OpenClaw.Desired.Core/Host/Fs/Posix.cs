using System.Runtime.InteropServices;

namespace OpenClaw.Desired.Host.Fs;

/// <summary>
/// The descriptor-relative POSIX calls the safe host filesystem is built on. Every structure read here has a
/// layout fixed by the kernel ABI (statx, dirent64), never by a glibc version, and the calls exist since glibc
/// 2.28 (statx) on x64 and arm64. Open flags differ between the two architectures, so they are chosen at run time.
/// </summary>
internal static unsafe partial class Posix
{
    public const int AtFdCwd = -100;
    public const int AtSymlinkNoFollow = 0x100;
    public const int AtRemoveDir = 0x200;
    public const int AtEmptyPath = 0x1000;

    public const int ORdOnly = 0;
    public const int OWrOnly = 1;
    public const int OCreat = 0x40;
    public const int OExcl = 0x80;
    public const int ONoCtty = 0x100;
    public const int ONonBlock = 0x800;
    public const int OCloExec = 0x80000;
    public const int OPath = 0x200000;

    // asm-generic/fcntl.h (x64) versus arch/arm64/include/uapi/asm/fcntl.h, which keeps arm32's values.
    public static readonly int ODirectory = RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm ? 0x4000 : 0x10000;
    public static readonly int ONoFollow = RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm ? 0x8000 : 0x20000;

    public const int FGetFl = 3;
    public const int FSetFl = 4;
    public const int FDupFdCloExec = 1030;

    public const int ENoEnt = 2;
    public const int EIntr = 4;
    public const int EExist = 17;
    public const int EXDev = 18;
    public const int ENotDir = 20;
    public const int EIsDir = 21;
    public const int ENotEmpty = 39;
    public const int ELoop = 40;

    public const uint StatxBasicStats = 0x7ff;

    public const uint SIfMt = 0xF000;
    public const uint SIfReg = 0x8000;
    public const uint SIfDir = 0x4000;
    public const uint SIfLnk = 0xA000;
    public const uint SIfIfo = 0x1000;
    public const uint SIfSock = 0xC000;
    public const uint SIfChr = 0x2000;
    public const uint SIfBlk = 0x6000;

    [LibraryImport("libc", EntryPoint = "openat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int OpenAt(int dirFd, string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int Statx(int dirFd, string path, int flags, uint mask, byte* buffer);

    [LibraryImport("libc", EntryPoint = "readlinkat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial nint ReadLinkAt(int dirFd, string path, byte* buffer, nint size);

    [LibraryImport("libc", EntryPoint = "mkdirat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int MkdirAt(int dirFd, string path, int mode);

    [LibraryImport("libc", EntryPoint = "renameat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int RenameAt(int oldDirFd, string oldPath, int newDirFd, string newPath);

    [LibraryImport("libc", EntryPoint = "unlinkat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int UnlinkAt(int dirFd, string path, int flags);

    [LibraryImport("libc", EntryPoint = "symlinkat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int SymlinkAt(string target, int dirFd, string linkPath);

    [LibraryImport("libc", EntryPoint = "fchmod", SetLastError = true)]
    public static partial int FChmod(int fd, int mode);

    [LibraryImport("libc", EntryPoint = "fchown", SetLastError = true)]
    public static partial int FChown(int fd, int uid, int gid);

    [LibraryImport("libc", EntryPoint = "fchownat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int FChownAt(int dirFd, string path, int uid, int gid, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    public static partial int FSync(int fd);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int fd, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    public static partial int Fcntl(int fd, int command, int argument);


    [LibraryImport("libc", EntryPoint = "fdopendir", SetLastError = true)]
    public static partial nint FdOpenDir(int fd);

    [LibraryImport("libc", EntryPoint = "readdir64", SetLastError = true)]
    public static partial nint ReadDir64(nint dir);

    [LibraryImport("libc", EntryPoint = "closedir", SetLastError = true)]
    public static partial int CloseDir(nint dir);

    [LibraryImport("libc", EntryPoint = "realpath", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial nint RealPath(string path, nint resolved);

    [LibraryImport("libc", EntryPoint = "free")]
    public static partial void Free(nint pointer);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    public static partial uint GetEuid();

    public static int Errno => Marshal.GetLastPInvokeError();

    /// <summary>
    /// A copy of a descriptor that is closed on exec, as every descriptor here is: a plain dup() is inherited by
    /// every child process started meanwhile, OpenClaw's own audit among them, run as the agent user.
    /// </summary>
    public static int Dup(int fd) => Fcntl(fd, FDupFdCloExec, 0);

    /// <summary>statx of <paramref name="path"/> relative to <paramref name="dirFd"/> ("" with AT_EMPTY_PATH: the descriptor itself).</summary>
    public static bool TryStat(int dirFd, string path, int flags, out StatxResult result)
    {
        var buffer = stackalloc byte[256];
        if (Statx(dirFd, path, flags, StatxBasicStats, buffer) != 0)
        {
            result = default;
            return false;
        }

        result = new StatxResult(
            Nlink: *(uint*)(buffer + 16),
            Uid: *(uint*)(buffer + 20),
            Gid: *(uint*)(buffer + 24),
            Mode: *(ushort*)(buffer + 28),
            Ino: *(ulong*)(buffer + 32),
            Size: *(ulong*)(buffer + 40),
            MtimeSeconds: *(long*)(buffer + 112),
            MtimeNanos: *(uint*)(buffer + 120),
            CtimeSeconds: *(long*)(buffer + 96),
            CtimeNanos: *(uint*)(buffer + 104),
            DevMajor: *(uint*)(buffer + 136),
            DevMinor: *(uint*)(buffer + 140));
        return true;
    }

    /// <summary>
    /// Whether a path of the reconciler's own (a state dir, a quarantine) names a regular file, its last component
    /// not followed: what an agent's skill carried into the quarantine may be a FIFO, which an open would block on.
    /// </summary>
    public static bool IsRegularFile(string path) => TryStat(AtFdCwd, path, AtSymlinkNoFollow, out var stat) && stat.Type == SIfReg;

    /// <summary>
    /// The names in an open directory (the caller's descriptor stays open and unmoved), without "." and "..". Reading
    /// stops once there are more than <paramref name="maxEntries"/>: the caller sees <c>maxEntries + 1</c> names and
    /// knows the folder holds more than it takes.
    /// </summary>
    public static List<(string Name, byte Type)> ReadDirectory(int dirFd, int maxEntries = int.MaxValue)
    {
        // A fresh read descriptor of the same folder: O_PATH descriptors cannot list, and fdopendir takes ownership.
        var copy = OpenAt(dirFd, ".", ORdOnly | ODirectory | OCloExec, 0);
        if (copy < 0)
        {
            throw Error("cannot list folder");
        }

        var dir = FdOpenDir(copy);
        if (dir == 0)
        {
            var error = Error("fdopendir");
            _ = Close(copy);
            throw error;
        }

        var names = new List<(string, byte)>();
        try
        {
            while (true)
            {
                Marshal.SetLastPInvokeError(0);
                var entry = ReadDir64(dir);
                if (entry == 0)
                {
                    if (Errno != 0)
                    {
                        throw Error("cannot list folder");
                    }

                    break;
                }

                // struct dirent64 { u64 d_ino; s64 d_off; u16 d_reclen; u8 d_type; char d_name[]; }
                var type = *(byte*)(entry + 18);
                var name = Marshal.PtrToStringUTF8(entry + 19) ?? string.Empty;
                if (name is "." or "..")
                {
                    continue;
                }

                names.Add((name, type));
                if (names.Count > maxEntries)
                {
                    break;
                }
            }
        }
        finally
        {
            _ = CloseDir(dir);
        }

        names.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        return names;
    }

    public static string? ReadLink(int dirFd, string path)
    {
        var buffer = stackalloc byte[4096];
        var length = ReadLinkAt(dirFd, path, buffer, 4096);
        return length < 0 ? null : System.Text.Encoding.UTF8.GetString(buffer, (int)length);
    }

    public static IOException Error(string what, string? path = null)
    {
        var errno = Errno;
        var message = $"{what}{(path is null ? string.Empty : $" {path}")}: {Describe(errno)}";
        return errno switch
        {
            ENoEnt => new FileNotFoundException(message),
            _ => new IOException(message, errno),
        };
    }

    /// <summary>A short English name for an errno; never .NET's type names.</summary>
    public static string Describe(int errno) => errno switch
    {
        1 => "operation not permitted",
        ENoEnt => "no such file or directory",
        13 => "permission denied",
        EExist => "already exists",
        EXDev => "on another filesystem",
        ENotDir => "not a directory",
        EIsDir => "is a directory",
        28 => "no space left on device",
        30 => "read-only filesystem",
        ENotEmpty => "directory not empty",
        ELoop => "is a symbolic link",
        122 => "disk quota exceeded",
        _ => $"error {errno}",
    };
}

/// <summary>The fields of struct statx the reconciler uses.</summary>
internal readonly record struct StatxResult(uint Nlink, uint Uid, uint Gid, ushort Mode, ulong Ino, ulong Size, long MtimeSeconds, uint MtimeNanos, long CtimeSeconds, uint CtimeNanos, uint DevMajor, uint DevMinor)
{
    public uint Type => Mode & Posix.SIfMt;

    /// <summary>What names this version of the file: see <see cref="FileIdentity"/>.</summary>
    public FileIdentity Identity => new(
        ((ulong)DevMajor << 32) | DevMinor,
        Ino,
        Type,
        Size,
        (MtimeSeconds * 1_000_000_000) + MtimeNanos,
        (CtimeSeconds * 1_000_000_000) + CtimeNanos);
}

/// <summary>
/// One version of one file: its device and inode, type and size, and its modification and change times to the
/// nanosecond. Any write changes the change time (which no one can set back), so content read under an identity
/// is the content of every file that has it.
/// </summary>
internal readonly record struct FileIdentity(ulong Device, ulong Inode, uint Type, ulong Size, long ModifiedNs, long ChangedNs);
