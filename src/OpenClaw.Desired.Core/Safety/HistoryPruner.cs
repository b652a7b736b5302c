using System.Globalization;
using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Safety;

/// <summary>How much history the state dir keeps (posture section <c>history</c>).</summary>
public sealed record HistorySettings(int Runs, TimeSpan MaxAge, TimeSpan Quarantine)
{
    public static readonly HistorySettings Default = new(100, TimeSpan.FromDays(90), TimeSpan.FromDays(180));

    public static HistorySettings From(HistorySpec? spec) => new(
        spec?.Runs ?? Default.Runs,
        spec?.MaxAge is { } age && Duration.TryParse(age, out var a) ? a : Default.MaxAge,
        spec?.Quarantine is { } q && Duration.TryParse(q, out var b) ? b : Default.Quarantine);
}

/// <summary>
/// Keeps <c>runs/</c> and <c>quarantine/</c> from growing forever. Run folders beyond the count or past the age are
/// removed, oldest first, except the run in progress, the newest run that changed files (the default rollback) and
/// runs whose journal never ended (the next run recovers them). Quarantine folders go after their age. Files are
/// overwritten with zeros and flushed before they are unlinked: run backups hold the previous bytes of files,
/// secrets among them.
/// </summary>
public static class HistoryPruner
{
    private static readonly string[] IdTimes = ["yyyyMMdd'T'HHmmssfff'Z'", "yyyyMMdd'T'HHmmss'Z'"];

    /// <summary>Prunes; returns one line per folder removed.</summary>
    public static IReadOnlyList<string> Prune(StateDirectory state, HistorySettings settings, string currentRunId, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var removed = new List<string>();
        var runs = state.RunIds();
        var keep = new HashSet<string>(StringComparer.Ordinal) { currentRunId };
        // A lockdown in force is undone from its runs' journals and backups: they stay until it is released.
        var lockdown = LockdownRuns(state);
        keep.UnionWith(lockdown);
        if (runs.Reverse().FirstOrDefault(id => Journal(state, id).Any(e => e.Event is JournalEvents.Backup or JournalEvents.ModeChange or JournalEvents.Quarantine)) is { } newestChange)
        {
            keep.Add(newestChange);
        }

        for (var i = 0; i < runs.Count; i++)
        {
            var id = runs[i];
            var newerCount = runs.Count - 1 - i;
            var tooMany = newerCount >= settings.Runs;
            var tooOld = TimeOf(id) is { } at && now - at > settings.MaxAge;
            if (keep.Contains(id) || (!tooMany && !tooOld))
            {
                continue;
            }

            var entries = Journal(state, id);
            if (entries.Count > 0 && !entries.Any(e => e.Event == JournalEvents.RunEnd))
            {
                continue;
            }

            Shred(state.RunPath(id));
            removed.Add($"pruned run {id} ({(tooMany ? $"more than {settings.Runs} runs" : $"older than {Duration.Format(settings.MaxAge)}")})");
        }

        if (Directory.Exists(state.QuarantinePath))
        {
            foreach (var folder in Directory.GetDirectories(state.QuarantinePath).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(folder);
                var id = name.EndsWith(".partial", StringComparison.Ordinal) ? name[..^".partial".Length] : name;
                if (id != currentRunId && !lockdown.Contains(id) && TimeOf(id) is { } at && now - at > settings.Quarantine)
                {
                    Shred(folder);
                    removed.Add($"pruned quarantine {name} (older than {Duration.Format(settings.Quarantine)})");
                }
            }
        }

        return removed;
    }

    private static IReadOnlyList<string> LockdownRuns(StateDirectory state)
    {
        try
        {
            return Incidents.LockdownRecord.Active(state)?.Runs ?? [];
        }
        catch (InvalidDataException)
        {
            // An unreadable lockdown record keeps the host locked down; keep every run while it is there.
            return state.RunIds();
        }
    }

    /// <summary>The time a run id starts with, or null for a name that is no run id.</summary>
    public static DateTimeOffset? TimeOf(string runId) =>
        DateTimeOffset.TryParseExact(runId.Split('-')[0], IdTimes, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    private static IReadOnlyList<JournalEntry> Journal(StateDirectory state, string id) =>
        RunJournal.Read(Path.Combine(state.RunPath(id), RunJournal.FileName));

    /// <summary>Overwrites every regular file with zeros (flushed), then removes the tree; links, FIFOs and devices are removed, never opened.</summary>
    public static void Shred(string folder)
    {
        foreach (var file in new DirectoryInfo(folder).EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true }))
        {
            // A FIFO a quarantined skill carried would block the open for writing forever; a file with a second name
            // (a skill's hard link) is someone else's too. Both are only unlinked.
            if (!Host.Fs.Posix.TryStat(Host.Fs.Posix.AtFdCwd, file.FullName, Host.Fs.Posix.AtSymlinkNoFollow, out var stat) || stat.Type != Host.Fs.Posix.SIfReg || stat.Nlink > 1)
            {
                continue;
            }

            try
            {
                using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
                var zeros = new byte[64 * 1024];
                for (long left = stream.Length; left > 0; left -= zeros.Length)
                {
                    stream.Write(zeros, 0, (int)Math.Min(left, zeros.Length));
                }

                stream.Flush(flushToDisk: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Removed below all the same.
            }
        }

        Directory.Delete(folder, recursive: true);
    }
}
