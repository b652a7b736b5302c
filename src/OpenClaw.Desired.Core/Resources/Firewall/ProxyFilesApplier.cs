using System.Text;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Reconciliation;
using OpenClaw.Desired.Safety;

namespace OpenClaw.Desired.Resources.Firewall;

/// <summary>Writes the proxy environment through <see cref="FileChanger"/>; files it creates belong to the OpenClaw user.</summary>
internal static class ProxyFilesApplier
{
    private const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static ChangeOutcome Apply(PlannedChange change, EnvFileEdit edit, ApplyContext context)
    {
        var real = context.Host.Root.Resolve(edit.HostPath);
        var existed = File.Exists(real);
        var current = existed ? File.ReadAllText(real) : string.Empty;
        var updated = edit.Values.Aggregate(current, (text, value) => global::OpenClaw.Desired.Secrets.DotEnv.Set(text, value.Key, value.Value));
        if (existed && updated == current)
        {
            return ChangeOutcome.Skipped(change, "already in place");
        }

        context.Files.Write(edit.HostPath, Encoding.UTF8.GetBytes(updated), change.Id, existed ? null : PrivateFile);
        GiveTo(context, edit.HostPath, edit.Owner, existed);
        return ChangeOutcome.Applied(change, $"set {string.Join(", ", edit.Values.Select(v => v.Key))} in {edit.HostPath}");
    }

    public static ChangeOutcome Apply(PlannedChange change, OwnedFileWrite write, ApplyContext context)
    {
        var real = context.Host.Root.Resolve(write.HostPath);
        var existed = File.Exists(real);
        if (existed && File.ReadAllText(real) == write.Content)
        {
            return ChangeOutcome.Skipped(change, "already in place");
        }

        var directoryExisted = Directory.Exists(Path.GetDirectoryName(real));
        context.Files.Write(write.HostPath, Encoding.UTF8.GetBytes(write.Content), change.Id, existed ? null : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        GiveTo(context, write.HostPath, write.Owner, existed);
        if (!directoryExisted)
        {
            GiveTo(context, write.HostPath[..write.HostPath.LastIndexOf('/')], write.Owner, false);
        }

        return ChangeOutcome.Applied(change, $"wrote {write.HostPath}");
    }

    // A file the run creates in the user's home must belong to that user, as if they had made it.
    private static void GiveTo(ApplyContext context, string hostPath, string owner, bool existed)
    {
        if (!existed && Passwd.Lookup(context.Host.Root, owner) is { } ids)
        {
            Native.Chown(context.Host.Root.Resolve(hostPath), ids.Uid, ids.Gid);
        }
    }
}
