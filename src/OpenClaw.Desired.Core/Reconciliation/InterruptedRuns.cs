using OpenClaw.Desired.Host;
using OpenClaw.Desired.Host.Fs;
using OpenClaw.Desired.Reporting;
using OpenClaw.Desired.Safety;

namespace OpenClaw.Desired.Reconciliation;

/// <summary>
/// Runs that were killed before their journal's end: the newest is reported (how it left each file), and every one
/// is recovered by the next applying run, under the lock, before it changes anything: temp files the journal named
/// are removed (they may hold plaintext), half-done quarantine moves are finished or undone, and the old journal is
/// closed with a line that says so, so a run is recovered once.
/// </summary>
public static class InterruptedRuns
{
    public static InterruptedRun? Find(HostRoot root, StateDirectory state)
    {
        foreach (var runId in state.RunIds().Reverse())
        {
            var entries = RunJournal.Read(Path.Combine(state.RunPath(runId), RunJournal.FileName));
            if (entries.Count == 0)
            {
                continue;
            }

            if (entries.Any(e => e.Event == JournalEvents.RunEnd))
            {
                return null;
            }

            var files = Rollback.InspectInterrupted(root, entries).Select(f => new RestoredReport(f.Path, f.Action)).ToList();
            return new InterruptedRun(runId, files);
        }

        return null;
    }

    /// <summary>Recovers every interrupted run except <paramref name="currentRunId"/>; returns one line per thing done.</summary>
    public static IReadOnlyList<string> Recover(HostFs fs, StateDirectory state, string currentRunId, TimeProvider clock)
    {
        var notes = new List<string>();
        foreach (var runId in state.RunIds().Where(id => id != currentRunId))
        {
            var journalPath = Path.Combine(state.RunPath(runId), RunJournal.FileName);
            var entries = RunJournal.Read(journalPath);
            if (entries.Count == 0 || entries.Any(e => e.Event == JournalEvents.RunEnd))
            {
                continue;
            }

            var done = new List<JournalEntry>();
            foreach (var line in RemoveTemps(fs, entries))
            {
                notes.Add($"run {runId}: {line}");
            }

            foreach (var (line, entry) in FinishMoves(fs, state, runId, entries))
            {
                notes.Add($"run {runId}: {line}");
                if (entry is not null)
                {
                    done.Add(entry);
                }
            }

            using var journal = RunJournal.Reopen(journalPath, clock, entries.Max(e => e.Seq));
            foreach (var entry in done)
            {
                journal.Append(entry);
            }

            journal.Append(new JournalEntry { Event = JournalEvents.RunEnd, Detail = $"interrupted; recovered by run {currentRunId}" });
        }

        return notes;
    }

    private static IEnumerable<string> RemoveTemps(HostFs fs, IReadOnlyList<JournalEntry> entries)
    {
        foreach (var begin in entries.Where(e => e.Event == JournalEvents.WriteBegin && e.Temp is not null))
        {
            if (fs.Stat(begin.Temp!) is { IsFile: true })
            {
                fs.DeleteFile(begin.Temp!);
                yield return $"removed the temp file {begin.Temp} it left (it held the new bytes of {begin.Path})";
            }
        }
    }

    private static IEnumerable<(string Line, JournalEntry? Done)> FinishMoves(HostFs fs, StateDirectory state, string runId, IReadOnlyList<JournalEntry> entries)
    {
        foreach (var begin in entries.Where(e => e.Event == JournalEvents.QuarantineBegin && e.Path is not null && e.Backup is not null))
        {
            if (entries.Any(e => e.Event == JournalEvents.Quarantine && e.Path == begin.Path && e.Backup == begin.Backup))
            {
                continue;
            }

            var atHost = fs.Stat(begin.Path!).Exists;
            var inQuarantine = Path.Exists(begin.Backup);
            var copied = entries.Any(e => e.Event == JournalEvents.QuarantineCopied && e.Path == begin.Path && e.Backup == begin.Backup);
            if (!atHost && inQuarantine)
            {
                yield return ($"the quarantine of {begin.Path} had moved it; recorded", Done(begin, JournalEvents.Quarantine));
            }
            else if (atHost && inQuarantine && copied)
            {
                fs.DeleteTree(begin.Path!);
                yield return ($"the quarantine of {begin.Path} had copied it to another filesystem; the rest of the source was removed", Done(begin, JournalEvents.Quarantine));
            }
            else if (atHost && inQuarantine)
            {
                var partial = Path.Combine(state.QuarantinePath, runId + ".partial", Path.GetFileName(begin.Backup!));
                Directory.CreateDirectory(Path.GetDirectoryName(partial)!);
                Directory.Move(begin.Backup!, partial);
                yield return ($"the quarantine of {begin.Path} stopped while copying; it stays in place (the partial copy is in {partial})", null);
            }
        }

        foreach (var begin in entries.Where(e => e.Event == JournalEvents.UnquarantineBegin && e.Path is not null && e.Backup is not null))
        {
            if (entries.Any(e => e.Event == JournalEvents.Unquarantine && e.Path == begin.Path && e.Backup == begin.Backup))
            {
                continue;
            }

            var atHost = fs.Stat(begin.Path!).Exists;
            var inQuarantine = Path.Exists(begin.Backup);
            if (atHost && !inQuarantine)
            {
                yield return ($"the return of {begin.Path} from quarantine had moved it; recorded", Done(begin, JournalEvents.Unquarantine));
            }
            else if (atHost && inQuarantine)
            {
                var partial = Path.Combine(state.QuarantinePath, runId + ".partial", Path.GetFileName(begin.Path!));
                fs.MoveOut(begin.Path!, partial);
                yield return ($"the return of {begin.Path} stopped while copying; it stays in quarantine (the partial copy is in {partial})", null);
            }
        }
    }

    private static JournalEntry Done(JournalEntry begin, string eventName) =>
        new() { Event = eventName, Path = begin.Path, Backup = begin.Backup, ChangeId = begin.ChangeId, Detail = "recovered" };
}
