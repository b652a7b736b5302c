using OpenClaw.Desired.Host;

namespace OpenClaw.Desired.Resources.Backups;

/// <summary>What the probe saw of one archive: the repository through restic, the verify results from the state dir.</summary>
public sealed record ArchiveObservation(
    string Name,
    string? Unknown,
    bool Exists,
    int Snapshots,
    ResticSnapshot? Latest,
    BackupRecord? LastForget,
    BackupRecord? LastCheck,
    BackupRecord? LastCheckOk,
    BackupRecord? LastRestore,
    BackupRecord? LastRestoreOk);

/// <summary>
/// Probes an archive with one read-only restic call (<c>snapshots --no-lock --no-cache</c>), so a dry run writes
/// nothing, not even a lock or a cache. A repository that cannot be reached is unknown, never "missing".
/// </summary>
public static class ArchiveProbe
{
    public static async Task<ArchiveObservation> ProbeAsync(ArchiveDesired archive, Posture.EffectivePosture posture, HostContext host, OpenClawPaths paths, RecordStore records, CancellationToken cancellationToken)
    {
        var observation = new ArchiveObservation(
            archive.Name, null, false, 0, null,
            records.Last(archive.Name, BackupOperations.Forget),
            records.Last(archive.Name, BackupOperations.Check),
            records.LastSuccess(archive.Name, BackupOperations.Check),
            records.Last(archive.Name, BackupOperations.RestoreTest),
            records.LastSuccess(archive.Name, BackupOperations.RestoreTest));
        var (target, unknown) = await ResticConnector.ConnectAsync(archive, posture, host, paths, cancellationToken);
        if (target is null)
        {
            return observation with { Unknown = unknown };
        }

        var restic = new Restic(host, target, cacheDir: null);
        var result = await restic.RunAsync(["snapshots", "--no-lock", "--tag", archive.Tag], Restic.QuickTimeout, cancellationToken);
        if (!result.Succeeded)
        {
            return Restic.IsMissingRepository(result)
                ? observation
                : observation with { Unknown = $"restic cannot open {target.Display}: {restic.Error(result)}" };
        }

        if (ResticJson.Snapshots(result.StandardOutput) is not { } snapshots)
        {
            return observation with { Unknown = "restic snapshots did not return JSON" };
        }

        var latest = snapshots.OrderBy(s => s.Time).LastOrDefault();
        return observation with { Exists = true, Snapshots = snapshots.Count, Latest = latest };
    }
}
