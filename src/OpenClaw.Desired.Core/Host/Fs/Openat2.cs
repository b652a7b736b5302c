using System.Runtime.InteropServices;

namespace OpenClaw.Desired.Host.Fs;

/// <summary>
/// The fast way to a folder: one <c>openat2</c> call (Linux 5.6+) with <c>RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS</c>
/// opens a path that holds no link at all, where the component-by-component walk takes three calls per folder.
/// It answers only when the answer is the walk's: the path opened (every component a real folder, none a link)
/// or missing (a component absent after real folders only). A link, a non-folder on the way, or any other error
/// leaves the path to the walk, which follows root's links and refuses the rest as before. Kernels without the
/// call (or a seccomp filter that refuses it) switch it off for the process.
/// </summary>
internal static unsafe partial class Openat2
{
    private const long SysOpenat2 = 437; // the same number on x64 and arm64 (asm-generic)
    private const ulong ResolveNoMagicLinks = 0x02;
    private const ulong ResolveNoSymlinks = 0x04;
    private const ulong ResolveBeneath = 0x08;
    private const int ENoSys = 38;
    private const int EPerm = 1;
    private const int EInval = 22;
    private const int E2Big = 7;

    private static volatile bool _unavailable;

    [StructLayout(LayoutKind.Sequential)]
    private struct OpenHow
    {
        public ulong Flags;
        public ulong Mode;
        public ulong Resolve;
    }

    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true)]
    private static partial long Syscall(long number, int dirFd, byte* path, OpenHow* how, nuint size);

    /// <summary>What the fast path found: the folder, no such path, or a question for the walk.</summary>
    public enum Outcome
    {
        Opened,
        Missing,
        AskTheWalk,
    }

    /// <summary>Opens <paramref name="relative"/> (plain names joined by '/', no "." or "..") under <paramref name="root"/> as an O_PATH folder.</summary>
    public static Outcome TryOpenFolder(Fd root, string relative, out Fd? folder)
    {
        folder = null;
        if (_unavailable || relative.Length == 0)
        {
            return Outcome.AskTheWalk;
        }

        var how = new OpenHow
        {
            Flags = (ulong)(Posix.OPath | Posix.ODirectory | Posix.OCloExec),
            Resolve = ResolveBeneath | ResolveNoSymlinks | ResolveNoMagicLinks,
        };
        var length = System.Text.Encoding.UTF8.GetMaxByteCount(relative.Length) + 1;
        var buffer = length <= 1024 ? stackalloc byte[length] : new byte[length];
        var written = System.Text.Encoding.UTF8.GetBytes(relative, buffer);
        buffer[written] = 0;
        long fd;
        int errno;
        fixed (byte* path = buffer)
        {
            do
            {
                fd = Syscall(SysOpenat2, root.Value, path, &how, (nuint)sizeof(OpenHow));
                errno = fd < 0 ? Marshal.GetLastPInvokeError() : 0;
            }
            while (fd < 0 && errno == Posix.EIntr);
        }

        if (fd >= 0)
        {
            folder = new Fd((int)fd);
            return Outcome.Opened;
        }

        switch (errno)
        {
            case ENoSys or EPerm or EInval or E2Big:
                _unavailable = true;
                return Outcome.AskTheWalk;
            case Posix.ENoEnt:
                // The kernel met only real folders before the missing name (a link would have stopped it first).
                return Outcome.Missing;
            default:
                return Outcome.AskTheWalk;
        }
    }
}
