using System.Text;
using System.Text.Json;
using OpenClaw.Desired.Safety;
using OpenClaw.Desired.Serialization;

namespace OpenClaw.Desired.Loop;

/// <summary>Why, since when, by whom and until when applying is paused.</summary>
public sealed record SuspendRecord(string Reason, DateTimeOffset Since, string By)
{
    /// <summary>When applying resumes by itself; null only in files written before suspensions had an end.</summary>
    public DateTimeOffset? Until { get; init; }
}

/// <summary>
/// <c>&lt;state&gt;/suspend.json</c>: while it exists the loop keeps planning and reporting but applies nothing.
/// Written by <c>openclaw-desired suspend --reason …</c>, removed by <c>resume</c> (or by hand).
/// </summary>
public static class SuspendFile
{
    public const string FileName = "suspend.json";

    public static string PathIn(string stateDir) => Path.Combine(stateDir, FileName);

    /// <summary>The suspension, or null. A file that cannot be read still suspends: someone put it there on purpose.</summary>
    public static SuspendRecord? Read(string stateDir)
    {
        var path = PathIn(stateDir);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(path), StateJsonContext.Default.SuspendRecord) ?? Unreadable(path);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return Unreadable(path);
        }
    }

    /// <summary>The suspension in force at <paramref name="now"/>: one whose end has passed no longer suspends.</summary>
    public static SuspendRecord? Active(string stateDir, DateTimeOffset now) =>
        Read(stateDir) is { } record && (record.Until is null || record.Until > now) ? record : null;

    public static void Write(string stateDir, SuspendRecord record)
    {
        Directory.CreateDirectory(stateDir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        AtomicFile.Write(PathIn(stateDir), Encoding.UTF8.GetBytes(JsonSerializer.Serialize(record, StateJsonContext.Default.SuspendRecord) + "\n"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
    }

    /// <summary>Ends the suspension; returns what it was, or null when there was none.</summary>
    public static SuspendRecord? Remove(string stateDir)
    {
        var record = Read(stateDir);
        File.Delete(PathIn(stateDir));
        return record;
    }

    private static SuspendRecord Unreadable(string path) =>
        new($"{path} exists but cannot be read; remove it to resume", File.GetLastWriteTimeUtc(path), "unknown");
}
