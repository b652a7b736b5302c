using System.Text.Json.Serialization;

namespace OpenClaw.Desired.Secrets.Audit;

/// <summary>
/// One secret operation: what was done (<see cref="Op"/>), when, in which run, to which secret (its store name
/// and fingerprint, never its value), and where. <see cref="Prev"/> is the previous entry's hash and
/// <see cref="Hash"/> covers this entry and <see cref="Prev"/>, so a changed or removed entry breaks the chain.
/// </summary>
public sealed record AuditEntry
{
    public required long Seq { get; init; }
    public required DateTimeOffset At { get; init; }
    public required string Run { get; init; }
    public required string Op { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Name { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Fingerprint { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Location { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Detail { get; init; }
    public required string Prev { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Hash { get; init; }
}

/// <summary>The operations the trail records.</summary>
public static class AuditOps
{
    public const string Detected = "detected";
    public const string Stored = "stored";
    public const string Referenced = "referenced";
    public const string Scrubbed = "scrubbed";
    public const string Permissions = "permissions";
    public const string RotationTracked = "rotation-tracked";
    public const string RotationObserved = "rotation-observed";
    public const string Rotated = "rotated";
}
