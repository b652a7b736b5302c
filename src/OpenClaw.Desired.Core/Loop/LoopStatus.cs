using System.Text;
using System.Text.Json;
using OpenClaw.Desired.Reporting;
using OpenClaw.Desired.Safety;
using OpenClaw.Desired.Serialization;

namespace OpenClaw.Desired.Loop;

/// <summary>A change the last apply reported stalled (it needs a human): not retried until the posture changes.</summary>
public sealed record StalledChange(string Change, string? After, string Revision, DateTimeOffset Since, string? Message);

/// <summary>
/// <c>&lt;state&gt;/status.json</c>, rewritten after every tick: what the loop last did and when it runs next,
/// for operators and monitoring. Also the loop's memory across restarts (failures, stalls, refusals).
/// </summary>
public sealed record LoopStatus
{
    public DateTimeOffset? LastRun { get; init; }
    public string? RunId { get; init; }
    public string Result { get; init; } = "none";
    public int ExitCode { get; init; }

    /// <summary>apply, detect-only or suspended: what the last tick was allowed to do.</summary>
    public string Mode { get; init; } = "apply";
    public bool Applied { get; init; }

    /// <summary>The commit (Git source) or posture digest (local file) the last tick planned for.</summary>
    public string? Revision { get; init; }
    public string? Commit { get; init; }
    public bool Stale { get; init; }
    public string? AppliedRevision { get; init; }

    /// <summary>A revision whose apply was refused (signature, rollback, tier floor): not tried again until a new one.</summary>
    public string? RefusedRevision { get; init; }
    public DateTimeOffset? NextRun { get; init; }
    public int ConsecutiveFailures { get; init; }
    public SuspendRecord? Suspended { get; init; }
    public IReadOnlyList<StalledChange> Stalled { get; init; } = [];
    public int Pid { get; init; }

    /// <summary>The security score of the last tick (what the loop alerts on when it falls below the target).</summary>
    public double? Score { get; init; }

    /// <summary>The integrity findings of the last tick, by fingerprint: each new set is alerted once.</summary>
    public IReadOnlyList<string> Drift { get; init; } = [];
}

public static class StatusFile
{
    public const string FileName = "status.json";
    public const string LastReport = "last-report.json";

    public static LoopStatus? Read(string stateDir)
    {
        try
        {
            var path = Path.Combine(stateDir, FileName);
            return File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllBytes(path), StateJsonContext.Default.LoopStatus) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static void Write(string stateDir, LoopStatus status)
    {
        Directory.CreateDirectory(stateDir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        AtomicFile.Write(Path.Combine(stateDir, FileName), Encoding.UTF8.GetBytes(JsonSerializer.Serialize(status, StateJsonContext.Default.LoopStatus) + "\n"),
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
    }

    public static void WriteReport(string stateDir, RunReport report, Redaction.SecretRedactor redactor) =>
        ReportWriter.WriteJsonFile(Path.Combine(stateDir, LastReport), report, redactor);
}
