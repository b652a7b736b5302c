using System.Diagnostics;
using OpenClaw.Desired.Host;

namespace OpenClaw.Desired.Resources.Backups;

/// <summary>
/// The restic operations of one archive, shared by apply and by the <c>backup run|verify</c> verbs: init,
/// backup (followed by retention), forget --prune, check, restore test. Each records its result in the state dir.
/// </summary>
public sealed class ArchiveJobs(HostContext host, RecordStore records, string stateDir)
{
    public async Task<BackupRecord> InitAsync(ArchiveDesired archive, ResticTarget target, CancellationToken cancellationToken)
    {
        var restic = new Restic(host, target, ResticConnector.CacheDir(stateDir));
        var result = await restic.RunAsync(["init"], Restic.QuickTimeout, cancellationToken);
        // A repository made meanwhile (by a scheduled run) is what init wanted anyway.
        var ok = result.Succeeded || result.StandardError.Contains("already exists", StringComparison.Ordinal)
            || result.StandardError.Contains("already initialized", StringComparison.Ordinal);
        return Record("init", archive, ok, ok ? $"repository ready at {target.Display}" : restic.Error(result), TimeSpan.Zero);
    }

    /// <summary>Makes a snapshot of the archive's paths, then applies retention when the archive has any.</summary>
    public async Task<BackupRecord> BackupAsync(ArchiveDesired archive, ResticTarget target, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var restic = new Restic(host, target, ResticConnector.CacheDir(stateDir));
        // Each path is taken as what it names when root linked it; a link the agent user made is refused, never archived through.
        var resolved = archive.Paths.Select(p => (Path: p, Resolved: host.Fs.ResolveLinks(p))).ToList();
        if (resolved.Where(r => r.Resolved is null).Select(r => r.Path).ToList() is { Count: > 0 } planted)
        {
            return Store(Record(BackupOperations.Backup, archive, false, $"refused: {string.Join(", ", planted)} is a link the agent user made", watch.Elapsed));
        }

        var missing = resolved.Where(r => !host.Fs.Stat(r.Resolved!).Exists).Select(r => r.Path).ToList();
        if (missing.Count > 0)
        {
            return Store(Record(BackupOperations.Backup, archive, false, $"nothing to back up at {string.Join(", ", missing)}", watch.Elapsed));
        }

        var args = new List<string> { "backup", "--tag", archive.Tag };
        args.AddRange(resolved.Select(r => host.Root.Resolve(r.Resolved!)));
        var result = await restic.RunAsync(args, Restic.LongTimeout, cancellationToken);
        var id = ResticJson.BackupSnapshotId(result.StandardOutput);
        // Exit 3: the snapshot exists but some files could not be read; it is kept and said so.
        var ok = id is not null && (result.ExitCode == 0 || result.ExitCode == 3);
        var message = !ok ? restic.Error(result)
            : result.ExitCode == 3 ? $"snapshot {id} made, but some files could not be read: {restic.Error(result)}"
            : $"snapshot {id} of {string.Join(", ", archive.Paths)}";
        var record = Store(Record(BackupOperations.Backup, archive, ok, message, watch.Elapsed) with { SnapshotId = id, SnapshotTime = ok ? host.Clock.GetUtcNow() : null });
        if (ok && archive.Keep is not null)
        {
            var forget = await ForgetAsync(archive, target, cancellationToken);
            if (!forget.Ok)
            {
                return record with { Message = $"{record.Message}; retention failed: {forget.Message}" };
            }
        }

        return record;
    }

    public async Task<BackupRecord> ForgetAsync(ArchiveDesired archive, ResticTarget target, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var restic = new Restic(host, target, ResticConnector.CacheDir(stateDir));
        var result = await restic.RunAsync(["forget", "--prune", "--tag", archive.Tag, .. archive.KeepArguments], Restic.LongTimeout, cancellationToken);
        var message = result.Succeeded ? $"retention applied ({archive.KeepPolicy})" : restic.Error(result);
        return Store(Record(BackupOperations.Forget, archive, result.Succeeded, message, watch.Elapsed) with { Policy = archive.KeepPolicy });
    }

    /// <summary><c>restic check</c> against the repository itself (no cache), so damage in it is seen.</summary>
    public async Task<BackupRecord> CheckAsync(ArchiveDesired archive, ResticTarget target, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var restic = new Restic(host, target, cacheDir: null);
        var result = await restic.RunAsync(["check"], Restic.LongTimeout, cancellationToken);
        var message = result.Succeeded ? "restic check found no errors" : $"restic check failed: {restic.Error(result)}";
        return Store(Record(BackupOperations.Check, archive, result.Succeeded, message, watch.Elapsed));
    }

    public async Task<BackupRecord> RestoreTestAsync(ArchiveDesired archive, ResticTarget target, int? sample, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var outcome = await new RestoreTest(host, new Restic(host, target, cacheDir: null), stateDir).RunAsync(archive, sample, cancellationToken);
        return Store(Record(BackupOperations.RestoreTest, archive, outcome.Ok, outcome.Message, watch.Elapsed) with
        {
            SnapshotId = outcome.Snapshot?.ShortId ?? outcome.Snapshot?.Id,
            SnapshotTime = outcome.Snapshot?.Time,
            FilesCompared = outcome.Compared,
            FilesChangedSince = outcome.ChangedSince,
            Mismatches = outcome.Mismatches.Count > 0 ? outcome.Mismatches : null,
        });
    }

    private BackupRecord Record(string operation, ArchiveDesired archive, bool ok, string message, TimeSpan took) => new()
    {
        Operation = operation,
        Target = archive.Name,
        At = host.Clock.GetUtcNow(),
        Ok = ok,
        Message = host.Redactor.Redact(message),
        Seconds = Math.Round(took.TotalSeconds, 2),
    };

    private BackupRecord Store(BackupRecord record)
    {
        records.Write(record);
        return record;
    }
}
