using OpenClaw.Desired.Host;
using OpenClaw.Desired.Safety;

namespace OpenClaw.Desired.Secrets.Stores;

internal static class StoreFiles
{
    public const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>A store file the run just created belongs to root; hand it to the agent user, journalled.</summary>
    public static void EnsureOwner(HostRoot root, string hostPath, (int Uid, int Gid)? owner, FileChanger files, string changeId)
    {
        var stat = files.Fs.Stat(hostPath);
        if (owner is { } wanted && Native.IsRoot && stat.Exists && (stat.Uid, stat.Gid) != wanted)
        {
            files.SetPermissions(hostPath, PrivateFile, wanted, changeId);
        }
    }
}
