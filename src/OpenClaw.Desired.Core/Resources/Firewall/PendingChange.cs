using System.Text.Json.Serialization;

namespace OpenClaw.Desired.Resources.Firewall;

/// <summary>
/// A firewall change under commit-confirm, as recorded in <c>/run/openclaw-desired/firewall/ID/pending.json</c>:
/// what to restore, by when, and how the detached helper holds the rollback. <see cref="Decision"/> says how it ended
/// (null while it still awaits confirmation).
/// </summary>
public sealed record PendingChange(
    string Id,
    string Table,
    DateTimeOffset AppliedAt,
    DateTimeOffset Deadline,
    IReadOnlyList<string> Prefix,
    string? Unit)
{
    [JsonIgnore]
    public string Directory { get; init; } = string.Empty;

    [JsonIgnore]
    public string? Decision { get; init; }

    [JsonIgnore]
    public bool Awaiting => Decision is null;

    /// <summary>True once the helper has put the saved table back and nft accepted it.</summary>
    [JsonIgnore]
    public bool RestoreSucceeded => File.Exists(Path.Combine(Directory, CommitConfirm.RestoredOk));
}

/// <summary>How a pending change ends: the first party to claim the decision wins, atomically.</summary>
public static class Decisions
{
    public const string Confirmed = "confirmed";
    public const string Restored = "restored";
    public const string RestoredByOperator = "restored-by-operator";
    public const string Cancelled = "cancelled";
}
