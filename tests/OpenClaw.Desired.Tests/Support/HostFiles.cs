using System.Runtime.InteropServices;

namespace OpenClaw.Desired.Tests.Support;

/// <summary>What tests need to plant the agent user's tricks: links owned by another uid, FIFOs, hard links.</summary>
internal static partial class HostFiles
{
    [LibraryImport("libc", EntryPoint = "lchown", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int LchownCall(string path, int uid, int gid);

    [LibraryImport("libc", EntryPoint = "mkfifo", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int MkFifoCall(string path, int mode);

    [LibraryImport("libc", EntryPoint = "link", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int LinkCall(string existing, string created);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEuid();

    public static bool IsRoot => GetEuid() == 0;

    public static void Lchown(string path, int uid, int gid) =>
        Check(LchownCall(path, uid, gid), "lchown", path);

    public static void MkFifo(string path) => Check(MkFifoCall(path, 0b110_110_110), "mkfifo", path);

    public static void HardLink(string existing, string created) => Check(LinkCall(existing, created), "link", created);

    /// <summary>Owner uid of a path (not followed).</summary>
    public static int Uid(string path)
    {
        var stat = new global::OpenClaw.Desired.Host.Fs.HostFs(new global::OpenClaw.Desired.Host.HostRoot("/")).Stat(Path.GetFullPath(path));
        return stat.Uid;
    }

    private static void Check(int result, string what, string path)
    {
        if (result != 0)
        {
            throw new IOException($"{what} {path}: errno {Marshal.GetLastPInvokeError()}");
        }
    }
}
