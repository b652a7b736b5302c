using System.Text.Json.Serialization;

namespace OpenClaw.Desired.Safety;

/// <summary>One fsynced line of a run's journal. Paths are host paths; hashes are of whole files.</summary>
public sealed record JournalEntry
{
    public long Seq { get; init; }
    public DateTimeOffset At { get; init; }
    public required string Event { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Path { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Backup { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public bool? Existed { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Sha256Before { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Sha256After { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Mode { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Uid { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Gid { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? ChangeId { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Detail { get; init; }

    /// <summary>The temp file a write creates beside its target, named before it exists so the next run can clean it up.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Temp { get; init; }

    /// <summary>For a path that is (or was) a symbolic link: its target text.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? LinkTarget { get; init; }
}

public static class JournalEvents
{
    public const string RunStart = "run-start";
    public const string Backup = "backup";
    public const string WriteBegin = "write-begin";
    public const string WriteDone = "write-done";
    public const string QuarantineBegin = "quarantine-begin";
    public const string QuarantineCopied = "quarantine-copied";
    public const string Quarantine = "quarantine";
    public const string UnquarantineBegin = "unquarantine-begin";
    public const string Created = "created";
    public const string Recovered = "recovered";
    public const string ModeChange = "mode-change";
    public const string Unquarantine = "unquarantine";
    public const string ChangeDone = "change-done";
    public const string RunEnd = "run-end";

    /// <summary>A signal sent to a process (an orphaned browser ended); nothing for a rollback to undo.</summary>
    public const string ProcessSignal = "process-signal";
}
