using System.Text;
using System.Text.Json;
using OpenClaw.Desired.Host.Fs;
using OpenClaw.Desired.Safety;
using OpenClaw.Desired.Serialization;

namespace OpenClaw.Desired.Integrity;

/// <summary>
/// <c>&lt;state&gt;/integrity/baseline.json</c> (0600): the watched paths and each file's state, recorded at the end of
/// every applying run (and of rollbacks and lockdowns), so a later change not made by the reconciler shows as drift.
/// </summary>
public sealed record IntegrityBaseline(int Version, DateTimeOffset RecordedAt, string RunId, IReadOnlyList<WatchedPath> Watched, IReadOnlyDictionary<string, FileState> Files)
{
    public static string PathIn(StateDirectory state) => Path.Combine(state.Path, "integrity", "baseline.json");

    /// <summary>The baseline, or null when none was recorded; an unreadable one is an error the probe reports.</summary>
    public static IntegrityBaseline? Load(StateDirectory state)
    {
        var path = PathIn(state);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(path), StateJsonContext.Default.IntegrityBaseline) ?? throw new InvalidDataException($"{path} is empty");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"the integrity baseline {path} is not readable ({e.Message}); move it away and reconcile to record a new one");
        }
    }

    /// <summary>Hashes the watched paths now and keeps them as the baseline; returns what it recorded.</summary>
    public static IntegrityBaseline Record(HostFs fs, StateDirectory state, IReadOnlyList<WatchedPath> watched, string runId, TimeProvider clock)
    {
        var (files, _) = IntegritySnapshot.Take(fs, watched);
        var baseline = new IntegrityBaseline(1, clock.GetUtcNow(), runId, watched, files);
        var path = PathIn(state);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        AtomicFile.Write(path, Encoding.UTF8.GetBytes(JsonSerializer.Serialize(baseline, StateJsonContext.Default.IntegrityBaseline) + "\n"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return baseline;
    }

    /// <summary>
    /// After a run that changed files without a posture (rollback, lockdown, release): the paths its journal names are
    /// hashed again, every other file keeps its recorded state. A change the agent made before the run stays drift
    /// (a lockdown must not make a tampered file the baseline). Nothing when no baseline exists.
    /// </summary>
    public static void Refresh(HostFs fs, StateDirectory state, string runId, TimeProvider clock)
    {
        try
        {
            if (Load(state) is not { } old)
            {
                return;
            }

            var journal = Path.Combine(state.RunPath(runId), RunJournal.FileName);
            var changed = (File.Exists(journal) ? RunJournal.Read(journal) : []).Select(e => e.Path).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            bool Changed(string path) => changed.Any(c => path == c || path.StartsWith(c + "/", StringComparison.Ordinal));
            var (now, _) = IntegritySnapshot.Take(fs, old.Watched);
            var files = new SortedDictionary<string, FileState>(StringComparer.Ordinal);
            foreach (var (path, file) in old.Files.Where(f => !Changed(f.Key)).Concat(now.Where(f => Changed(f.Key))))
            {
                files[path] = file;
            }

            var baseline = old with { RecordedAt = clock.GetUtcNow(), RunId = runId, Files = files };
            AtomicFile.Write(PathIn(state), Encoding.UTF8.GetBytes(JsonSerializer.Serialize(baseline, StateJsonContext.Default.IntegrityBaseline) + "\n"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            // The next applying run records a fresh baseline; a refresh that cannot be made must not fail the run.
        }
    }
}
