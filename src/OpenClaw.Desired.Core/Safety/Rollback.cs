using OpenClaw.Desired.Host;

namespace OpenClaw.Desired.Safety;

/// <summary>What a rollback did to one file.</summary>
public sealed record RestoredFile(string Path, string Action);

/// <summary>
/// Restores every file an earlier run changed to its bytes, mode and owner from before that run.
/// Files the run created are quarantined, not deleted. The rollback journals and backs up like any run,
/// so it can be rolled back in turn.
/// </summary>
public static class Rollback
{
    public static IReadOnlyList<RestoredFile> Restore(HostRoot root, StateDirectory state, string targetRunId, FileChanger changer, IBackupSealer? opener = null)
    {
        var runDirectory = state.RunPath(targetRunId);
        var entries = RunJournal.Read(Path.Combine(runDirectory, RunJournal.FileName));
        if (entries.Count == 0)
        {
            throw new InvalidOperationException($"run {targetRunId} has no journal in {state.Path}");
        }

        var restored = new List<RestoredFile>();
        var firstBackups = entries.Where(e => e.Event == JournalEvents.Backup && e.Path is not null)
            .GroupBy(e => e.Path!, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(e => e.Path, StringComparer.Ordinal);
        foreach (var entry in firstBackups)
        {
            var real = root.Resolve(entry.Path!);
            if (entry.Existed == true && entry.Backup is not null)
            {
                var bytes = ReadBackup(Path.Combine(runDirectory, entry.Backup), opener);
                var current = File.Exists(real) ? Hashing.Sha256Hex(File.ReadAllBytes(real)) : null;
                if (current == entry.Sha256Before && File.GetUnixFileMode(real) == (UnixFileMode)(entry.Mode ?? 0))
                {
                    restored.Add(new RestoredFile(entry.Path!, "unchanged"));
                    continue;
                }

                changer.Write(entry.Path!, bytes, $"rollback:{targetRunId}", entry.Mode is { } m ? (UnixFileMode)m : null);
                if (entry.Uid is { } uid && entry.Gid is { } gid)
                {
                    Native.Chown(real, uid, gid);
                }

                restored.Add(new RestoredFile(entry.Path!, "restored"));
            }
            else if (File.Exists(real))
            {
                changer.Quarantine(entry.Path!, $"rollback:{targetRunId}");
                restored.Add(new RestoredFile(entry.Path!, "quarantined (created by the run)"));
            }
        }

        foreach (var moved in entries.Where(e => e.Event == JournalEvents.Quarantine && e.Path is not null && e.Backup is not null))
        {
            var real = root.Resolve(moved.Path!);
            if (!File.Exists(real) && !Directory.Exists(real) && (File.Exists(moved.Backup) || Directory.Exists(moved.Backup)))
            {
                TreeMove.Move(moved.Backup!, real);
                restored.Add(new RestoredFile(moved.Path!, "returned from quarantine"));
            }
        }

        foreach (var returned in entries.Where(e => e.Event == JournalEvents.Unquarantine && e.Path is not null && e.Backup is not null))
        {
            var real = root.Resolve(returned.Path!);
            if ((File.Exists(real) || Directory.Exists(real)) && !File.Exists(returned.Backup) && !Directory.Exists(returned.Backup))
            {
                TreeMove.Move(real, returned.Backup!);
                restored.Add(new RestoredFile(returned.Path!, "returned to quarantine"));
            }
        }

        RestorePermissions(root, entries, targetRunId, changer, restored);
        return restored;
    }

    /// <summary>
    /// Puts back the mode and owner a run changed, as they were before the run first touched each path: the
    /// first backup or mode change of a path holds its original mode and owner.
    /// </summary>
    private static void RestorePermissions(HostRoot root, IReadOnlyList<JournalEntry> entries, string targetRunId, FileChanger changer, List<RestoredFile> restored)
    {
        var changedPaths = entries.Where(e => e.Event == JournalEvents.ModeChange && e.Path is not null).Select(e => e.Path!).ToHashSet(StringComparer.Ordinal);
        var firstChanges = entries.Where(e => e.Path is not null && changedPaths.Contains(e.Path) && e.Mode is not null
                && (e.Event == JournalEvents.ModeChange || (e.Event == JournalEvents.Backup && e.Existed == true)))
            .GroupBy(e => e.Path!, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(e => e.Path, StringComparer.Ordinal);
        foreach (var change in firstChanges)
        {
            var real = root.Resolve(change.Path!);
            if (!File.Exists(real) && !Directory.Exists(real))
            {
                continue;
            }

            var owner = change.Uid is { } uid && change.Gid is { } gid ? (uid, gid) : ((int, int)?)null;
            var mode = (UnixFileMode)change.Mode!.Value;
            if (File.GetUnixFileMode(real) == mode && (owner is null || Native.Owner(real) == owner))
            {
                continue;
            }

            changer.SetPermissions(change.Path!, mode, owner, $"rollback:{targetRunId}");
            restored.Add(new RestoredFile(change.Path!, "permissions restored"));
        }
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
            var real = root.Resolve(path);
            var now = File.Exists(real) ? Hashing.Sha256Hex(File.ReadAllBytes(real)) : null;
            var state = now == after ? "new" : now == last.GetValueOrDefault(path) ? "old" : "changed since";
            result.Add(new RestoredFile(path, state));
        }

        return result;
    }
}
