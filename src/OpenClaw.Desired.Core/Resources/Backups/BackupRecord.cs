namespace OpenClaw.Desired.Resources.Backups;

/// <summary>
/// The result of one backup operation (backup, forget, check, restore test, push), as the verbs write it to
/// the state dir and the probe reads it back. Messages are scrubbed before they are stored.
/// </summary>
public sealed record BackupRecord
{
    public required string Operation { get; init; }
    public required string Target { get; init; }
    public required DateTimeOffset At { get; init; }
    public required bool Ok { get; init; }
    public required string Message { get; init; }
    public double Seconds { get; init; }
    public string? SnapshotId { get; init; }
    public DateTimeOffset? SnapshotTime { get; init; }
    public string? Policy { get; init; }
    public int? FilesCompared { get; init; }
    public int? FilesChangedSince { get; init; }
    public IReadOnlyList<string>? Mismatches { get; init; }
}

/// <summary>The operations whose records the state dir keeps.</summary>
public static class BackupOperations
{
    public const string Backup = "backup";
    public const string Forget = "forget";
    public const string Check = "check";
    public const string RestoreTest = "restore-test";
    public const string Push = "push";
}
