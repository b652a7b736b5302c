using System.Text;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Reconciliation;

namespace OpenClaw.Desired.Resources.Backups;

/// <summary>Apply payload: write one schedule file (and enable it, for a timer).</summary>
public sealed record ScheduleWrite(ScheduleFile File) : ChangePayload;

/// <summary>Apply payload: take one of our schedule files out of service (disable, then quarantine).</summary>
public sealed record ScheduleRemove(string HostPath) : ChangePayload;

/// <summary>
/// Installs schedule files through <see cref="Safety.FileChanger"/> and enables timers with the real systemctl:
/// on the real root as a live change (daemon-reload, enable --now), on a scratch root offline (--root).
/// </summary>
public static class ScheduleApplier
{
    private const UnixFileMode Readable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    public static async Task<ChangeOutcome> WriteAsync(PlannedChange change, ScheduleWrite write, ApplyContext context, CancellationToken cancellationToken)
    {
        var host = context.Host;
        var wrote = false;
        if (host.Fs.TryReadAllText(write.File.HostPath, 1024 * 1024) != write.File.Content)
        {
            context.Files.Write(write.File.HostPath, Encoding.UTF8.GetBytes(write.File.Content), change.Id, Readable);
            wrote = true;
        }

        if (write.File.HostPath.StartsWith(ScheduleFiles.SystemdDir + "/", StringComparison.Ordinal))
        {
            if (host.Root.IsRealRoot && await SystemctlAsync(host, ["daemon-reload"], cancellationToken) is { } reloadError)
            {
                return ChangeOutcome.Failed(change, reloadError);
            }

            // systemctl makes the enable link itself; it is journalled, so a rollback takes it away again.
            var link = $"{ScheduleProbe.WantsDir}/{write.File.Name}";
            var linked = host.Fs.Stat(link).Exists;
            if (write.File.IsTimer && await SystemctlAsync(host, host.Root.IsRealRoot ? ["enable", "--now", write.File.Name] : ["enable", write.File.Name], cancellationToken) is { } enableError)
            {
                return ChangeOutcome.Failed(change, enableError);
            }

            if (write.File.IsTimer && !linked && host.Fs.Stat(link).Exists)
            {
                context.Files.Created(link, change.Id, "enable link");
            }
        }

        var what = write.File.IsTimer ? "installed and enabled" : "installed";
        return ChangeOutcome.Applied(change, wrote ? $"{what} {write.File.HostPath}" : $"enabled {write.File.Name}");
    }

    public static async Task<ChangeOutcome> RemoveAsync(PlannedChange change, ScheduleRemove remove, ApplyContext context, CancellationToken cancellationToken)
    {
        var host = context.Host;
        if (!host.Fs.Stat(remove.HostPath).Exists)
        {
            return ChangeOutcome.Skipped(change, "already gone");
        }

        var name = remove.HostPath[(remove.HostPath.LastIndexOf('/') + 1)..];
        if (name.EndsWith(".timer", StringComparison.Ordinal)
            && await SystemctlAsync(host, host.Root.IsRealRoot ? ["disable", "--now", name] : ["disable", name], cancellationToken) is { } error)
        {
            return ChangeOutcome.Failed(change, error);
        }

        var moved = context.Files.Quarantine(remove.HostPath, change.Id);
        return ChangeOutcome.Applied(change, $"took {remove.HostPath} out of service (quarantined to {moved})");
    }

    /// <summary>Runs systemctl; null when it succeeded, else what it said.</summary>
    private static async Task<string?> SystemctlAsync(HostContext host, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var args = host.Root.IsRealRoot ? arguments : [$"--root={host.Root.Root}", .. arguments];
        var result = await host.Commands.RunAsync("systemctl", args, Timeout, null, null, cancellationToken);
        return result.Succeeded ? null : $"systemctl {string.Join(' ', arguments)} failed: {result.StandardError.Trim()}";
    }
}
