using System.Text;
using System.Text.Json;
using OpenClaw.Desired.Host.Fs;
using OpenClaw.Desired.Safety;

namespace OpenClaw.Desired.Integrity;

/// <summary>
/// <c>&lt;state&gt;/integrity/baseline.json</c> (0600): the watched paths and each file's state, recorded at the end of
/// every applying run (and of rollbacks and lockdowns), so a later change not made by the reconciler shows as drift.
/// </summary>
public sealed record IntegrityBaseline(int Version, DateTimeOffset RecordedAt, string RunId, IReadOnlyList<WatchedPath> Watched, IReadOnlyDictionary<string, FileState> Files)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

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
            return JsonSerializer.Deserialize<IntegrityBaseline>(File.ReadAllBytes(path), Options) ?? throw new InvalidDataException($"{path} is empty");
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
        AtomicFile.Write(path, Encoding.UTF8.GetBytes(JsonSerializer.Serialize(baseline, Options) + "\n"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return baseline;
    }

    /// <summary>After a run that changed files without a posture (rollback, lockdown): the same paths, hashed again. Nothing when no baseline exists.</summary>
    public static void Refresh(HostFs fs, StateDirectory state, string runId, TimeProvider clock)
    {
        try
        {
            if (Load(state) is { } old)
            {
                Record(fs, state, old.Watched, runId, clock);
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            // The next applying run records a fresh baseline; a refresh that cannot be made must not fail the run.
        }
    }
}
