using System.Text;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Reconciliation;

namespace OpenClaw.Desired.Resources.Firewall;

/// <summary>Writes the proxy environment through <see cref="FileChanger"/>; files it creates belong to the OpenClaw user.</summary>
internal static class ProxyFilesApplier
{
    private const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static ChangeOutcome Apply(PlannedChange change, EnvFileEdit edit, ApplyContext context)
    {
        var current = context.Host.Fs.TryReadAllText(edit.HostPath, 1024 * 1024);
        var existed = current is not null;
        var updated = edit.Values.Aggregate(current ?? string.Empty, (text, value) => global::OpenClaw.Desired.Secrets.DotEnv.Set(text, value.Key, value.Value));
        if (existed && updated == current)
        {
            return ChangeOutcome.Skipped(change, "already in place");
        }

        context.Files.Write(edit.HostPath, Encoding.UTF8.GetBytes(updated), change.Id, existed ? null : PrivateFile, existed ? null : Owner(context, edit.Owner));
        return ChangeOutcome.Applied(change, $"set {string.Join(", ", edit.Values.Select(v => v.Key))} in {edit.HostPath}");
    }

    public static ChangeOutcome Apply(PlannedChange change, OwnedFileWrite write, ApplyContext context)
    {
        var current = context.Host.Fs.TryReadAllText(write.HostPath, 1024 * 1024);
        if (current == write.Content)
        {
            return ChangeOutcome.Skipped(change, "already in place");
        }

        // A file (and folder) the run creates in the user's home belongs to that user, as if they had made it:
        // owner set on the descriptor as it is made, never by a later chown through a path.
        var owner = Owner(context, write.Owner);
        var folder = write.HostPath[..write.HostPath.LastIndexOf('/')];
        if (!context.Host.Fs.Stat(folder).Exists)
        {
            context.Files.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute, owner, change.Id);
        }

        context.Files.Write(write.HostPath, Encoding.UTF8.GetBytes(write.Content), change.Id, current is not null ? null : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead, current is not null ? null : owner);
        return ChangeOutcome.Applied(change, $"wrote {write.HostPath}");
    }

    private static (int Uid, int Gid)? Owner(ApplyContext context, string owner) => Passwd.Lookup(context.Host.Root, owner);
}
