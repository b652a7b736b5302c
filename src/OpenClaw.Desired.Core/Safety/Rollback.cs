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
    public static IReadOnlyList<RestoredFile> Restore(HostRoot root, StateDirectory state, string targetRunId, FileChanger changer)
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
                var bytes = File.ReadAllBytes(Path.Combine(runDirectory, entry.Backup));
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

        return restored;
    }

    /// <summary>For each file an interrupted run was writing, whether it holds the old or the new bytes.</summary>
    public static IReadOnlyList<RestoredFile> InspectInterrupted(HostRoot root, IReadOnlyList<JournalEntry> entries)
    {
        var result = new List<RestoredFile>();
        var before = entries.Where(e => e.Event == JournalEvents.Backup).GroupBy(e => e.Path!).ToDictionary(g => g.Key, g => g.First().Sha256Before);
        var done = entries.Where(e => e.Event == JournalEvents.WriteDone).Select(e => (e.Path, e.ChangeId)).ToHashSet();
        foreach (var begin in entries.Where(e => e.Event == JournalEvents.WriteBegin && !done.Contains((e.Path, e.ChangeId))))
        {
            var real = root.Resolve(begin.Path!);
            var now = File.Exists(real) ? Hashing.Sha256Hex(File.ReadAllBytes(real)) : null;
            var state = now == begin.Sha256After ? "new" : now == before.GetValueOrDefault(begin.Path!) ? "old" : "changed since";
            result.Add(new RestoredFile(begin.Path!, state));
        }

        return result;
    }
}
