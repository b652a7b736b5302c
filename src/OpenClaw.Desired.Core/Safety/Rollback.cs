using OpenClaw.Desired.Host;
using OpenClaw.Desired.Host.Fs;

namespace OpenClaw.Desired.Safety;

/// <summary>What a rollback did to one path.</summary>
public sealed record RestoredFile(string Path, string Action);

/// <summary>A path that changed after the run being rolled back: restoring it would destroy that later change.</summary>
public sealed record RollbackConflict(string Path, string Why);

/// <summary>Raised before any change when paths changed since the run and the rollback was not forced.</summary>
public sealed class RollbackConflictException(IReadOnlyList<RollbackConflict> conflicts)
    : InvalidOperationException($"{conflicts.Count} path(s) changed after the run; nothing was rolled back (--force keeps their current content in quarantine and rolls back anyway)")
{
    public IReadOnlyList<RollbackConflict> Conflicts { get; } = conflicts;
}

/// <summary>
/// Undoes an earlier run: every file back to its bytes, mode and owner (a link back to the same link), what the run
/// created taken away into quarantine, what it quarantined returned, what it returned sent back. Nothing is
/// destroyed: a path that changed after the run stops the rollback before any change, and with force its current
/// content is kept in quarantine first. The rollback journals and backs up like any run, so it can be rolled back
/// in turn, exactly.
/// </summary>
public static class Rollback
{
    /// <param name="keepLaterChanges">
    /// Leave every path that changed after the run as it is now (reported as kept) and restore the rest: what a lockdown
    /// release does, so it undoes the lockdown and nothing an operator did since.
    /// </param>
    public static IReadOnlyList<RestoredFile> Restore(HostRoot root, StateDirectory state, string targetRunId, FileChanger changer, IBackupSealer? opener = null, bool force = false, bool keepLaterChanges = false)
    {
        var runDirectory = state.RunPath(targetRunId);
        var entries = RunJournal.Read(Path.Combine(runDirectory, RunJournal.FileName));
        if (entries.Count == 0)
        {
            throw new InvalidOperationException($"run {targetRunId} has no journal in {state.Path}");
        }

        var fs = changer.Fs;
        var changeId = $"rollback:{targetRunId}";
        var firstBackups = entries.Where(e => e.Event == JournalEvents.Backup && e.Path is not null)
            .GroupBy(e => e.Path!, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(e => e.Path, StringComparer.Ordinal)
            .ToList();

        var conflicts = new List<RollbackConflict>();
        foreach (var backup in firstBackups)
        {
            var now = Content(fs, backup.Path!);
            if (now != Before(backup) && now != LeftByRun(entries, backup.Path!))
            {
                conflicts.Add(new RollbackConflict(backup.Path!, now is null ? "removed since the run" : "changed since the run"));
            }
        }

        if (conflicts.Count > 0 && !force && !keepLaterChanges)
        {
            throw new RollbackConflictException(conflicts);
        }

        var restored = new List<RestoredFile>();
        if (keepLaterChanges)
        {
            var kept = conflicts.Select(c => c.Path).ToHashSet(StringComparer.Ordinal);
            restored.AddRange(conflicts.Select(c => new RestoredFile(c.Path, $"kept as it is now ({c.Why})")));
            firstBackups = firstBackups.Where(b => !kept.Contains(b.Path!)).ToList();
            entries = entries.Where(e => e.Path is null || !kept.Contains(e.Path)).ToList();
            conflicts.Clear();
        }

        foreach (var conflict in conflicts)
        {
            if (fs.Stat(conflict.Path).Exists)
            {
                var kept = changer.Quarantine(conflict.Path, changeId);
                restored.Add(new RestoredFile(conflict.Path, $"current content kept in {kept} ({conflict.Why})"));
            }
        }

        foreach (var backup in firstBackups)
        {
            restored.Add(RestoreOne(fs, changer, backup, runDirectory, opener, changeId));
        }

        // What the run created that no backup names (folders, repositories, links), deepest first.
        foreach (var created in entries.Where(e => e.Event == JournalEvents.Created && e.Path is not null).Reverse())
        {
            if (fs.Stat(created.Path!).Exists && firstBackups.All(b => b.Path != created.Path))
            {
                var kept = changer.Quarantine(created.Path!, changeId);
                restored.Add(new RestoredFile(created.Path!, $"quarantined ({created.Detail} created by the run) in {kept}"));
            }
        }

        foreach (var moved in entries.Where(e => e.Event == JournalEvents.Quarantine && e.Path is not null && e.Backup is not null))
        {
            if (!fs.Stat(moved.Path!).Exists && Path.Exists(moved.Backup))
            {
                changer.Unquarantine(moved.Backup!, moved.Path!, changeId);
                restored.Add(new RestoredFile(moved.Path!, "returned from quarantine"));
            }
        }

        foreach (var returned in entries.Where(e => e.Event == JournalEvents.Unquarantine && e.Path is not null && e.Backup is not null))
        {
            if (fs.Stat(returned.Path!).Exists && !Path.Exists(returned.Backup))
            {
                changer.Quarantine(returned.Path!, changeId, returned.Backup);
                restored.Add(new RestoredFile(returned.Path!, "returned to quarantine"));
            }
        }

        RestorePermissions(fs, entries, changeId, changer, restored);
        return restored;
    }

    private static RestoredFile RestoreOne(HostFs fs, FileChanger changer, JournalEntry backup, string runDirectory, IBackupSealer? opener, string changeId)
    {
        var path = backup.Path!;
        if (Content(fs, path) == Before(backup) && (backup.Mode is null || fs.Stat(path).PermissionBits == backup.Mode))
        {
            return new RestoredFile(path, "unchanged");
        }

        if (backup.Existed != true)
        {
            if (!fs.Stat(path).Exists)
            {
                return new RestoredFile(path, "unchanged");
            }

            var kept = changer.Quarantine(path, changeId);
            return new RestoredFile(path, $"quarantined (created by the run) in {kept}");
        }

        if (backup.LinkTarget is { } target)
        {
            changer.Link(path, target, changeId, backup.Uid is { } u && backup.Gid is { } g ? (u, g) : null);
            return new RestoredFile(path, $"restored (link to {target})");
        }

        var bytes = ReadBackup(Path.Combine(runDirectory, backup.Backup!), opener);
        var owner = backup.Uid is { } uid && backup.Gid is { } gid ? (uid, gid) : ((int, int)?)null;
        changer.Write(path, bytes, changeId, backup.Mode is { } m ? (UnixFileMode)m : null, owner);
        return new RestoredFile(path, "restored");
    }

    /// <summary>
    /// Puts back the mode and owner a run changed, as they were before the run first touched each path: the
    /// first backup or mode change of a path holds its original mode and owner.
    /// </summary>
    private static void RestorePermissions(HostFs fs, IReadOnlyList<JournalEntry> entries, string changeId, FileChanger changer, List<RestoredFile> restored)
    {
        var changedPaths = entries.Where(e => e.Event == JournalEvents.ModeChange && e.Path is not null).Select(e => e.Path!).ToHashSet(StringComparer.Ordinal);
        var firstChanges = entries.Where(e => e.Path is not null && changedPaths.Contains(e.Path) && e.Mode is not null
                && (e.Event == JournalEvents.ModeChange || (e.Event == JournalEvents.Backup && e.Existed == true)))
            .GroupBy(e => e.Path!, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(e => e.Path, StringComparer.Ordinal);
        foreach (var change in firstChanges)
        {
            var now = fs.Stat(change.Path!);
            if (!now.Exists || now.IsSymlink)
            {
                continue;
            }

            var owner = change.Uid is { } uid && change.Gid is { } gid ? (uid, gid) : ((int, int)?)null;
            if (now.PermissionBits == change.Mode && (owner is null || (now.Uid, now.Gid) == owner))
            {
                continue;
            }

            changer.SetPermissions(change.Path!, (UnixFileMode)change.Mode!.Value, owner, changeId);
            restored.Add(new RestoredFile(change.Path!, "permissions restored"));
        }
    }

    /// <summary>A path's content as a comparable token: "sha256:…" for a file, "link:…" for a link, null when absent (a folder counts by its tree hash).</summary>
    internal static string? Content(HostFs fs, string hostPath)
    {
        var stat = fs.Stat(hostPath);
        return stat.Type switch
        {
            EntryType.Missing => null,
            EntryType.Symlink => "link:" + fs.ReadLink(hostPath),
            EntryType.File => Hashing.Sha256Hex(fs.ReadAllBytes(hostPath)),
            EntryType.Directory => fs.HashOf(hostPath),
            _ => "special:" + stat.Type,
        };
    }

    private static string? Before(JournalEntry backup) =>
        backup.Existed != true ? null : backup.LinkTarget is { } link ? "link:" + link : backup.Sha256Before;

    /// <summary>What the run left at a path: its last write (bytes or link), or nothing once it quarantined it.</summary>
    private static string? LeftByRun(IReadOnlyList<JournalEntry> entries, string hostPath)
    {
        string? left = null;
        var known = false;
        foreach (var entry in entries.Where(e => e.Path == hostPath))
        {
            switch (entry.Event)
            {
                case JournalEvents.Backup when !known:
                    left = Before(entry);
                    known = true;
                    break;
                case JournalEvents.WriteDone:
                    left = entry.LinkTarget is { } link ? "link:" + link : entry.Sha256After;
                    break;
                case JournalEvents.Quarantine:
                    left = null;
                    break;
            }
        }

        return left;
    }

    private static byte[] ReadBackup(string path, IBackupSealer? opener)
    {
        var bytes = File.ReadAllBytes(path);
        var extension = Path.GetExtension(path);
        if (extension.Length == 0)
        {
            return bytes;
        }

        if (opener is null || opener.Extension != extension)
        {
            throw new InvalidOperationException($"the backup {Path.GetFileName(path)} is sealed ({extension}) and no way to open it was given");
        }

        return opener.Open(bytes);
    }

    /// <summary>For each file an interrupted run was writing, whether it holds the old or the new bytes.</summary>
    public static IReadOnlyList<RestoredFile> InspectInterrupted(HostRoot root, IReadOnlyList<JournalEntry> entries)
    {
        var fs = new HostFs(root);

        // Walk the journal: what each path held after its last finished step, and the write left open, if any.
        var last = new Dictionary<string, string?>(StringComparer.Ordinal);
        var open = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var entry in entries.Where(e => e.Path is not null))
        {
            switch (entry.Event)
            {
                case JournalEvents.Backup:
                    last[entry.Path!] = entry.Sha256Before;
                    break;
                case JournalEvents.WriteBegin:
                    open[entry.Path!] = entry.Sha256After;
                    break;
                case JournalEvents.WriteDone when open.Remove(entry.Path!, out var written):
                    last[entry.Path!] = written;
                    break;
            }
        }

        var result = new List<RestoredFile>();
        foreach (var (path, after) in open.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            string? now;
            try
            {
                now = Content(fs, path);
            }
            catch (IOException)
            {
                now = "unreadable";
            }

            var state = now == after ? "new" : now == last.GetValueOrDefault(path) ? "old" : "changed since";
            result.Add(new RestoredFile(path, state));
        }

        return result;
    }
}
