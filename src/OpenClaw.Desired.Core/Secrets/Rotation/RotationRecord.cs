using System.Text.Json.Serialization;

namespace OpenClaw.Desired.Secrets.Rotation;

/// <summary>
/// What the reconciler knows about one secret's age: its type, since when it is tracked, when it was last
/// rotated, the fingerprint of the value then, and whether (and where) it was found in plaintext since.
/// </summary>
public sealed record RotationRecord
{
    public required string Type { get; init; }
    public required DateTimeOffset TrackedSince { get; init; }
    public DateTimeOffset? RotatedAt { get; init; }
    public string? Fingerprint { get; init; }
    public DateTimeOffset? SuspectedAt { get; init; }
    public string? SuspectedWhere { get; init; }
    public string? SuspectedFingerprint { get; init; }

    /// <summary>When the current value's age counts from.</summary>
    [JsonIgnore]
    public DateTimeOffset LastRotation => RotatedAt ?? TrackedSince;

    /// <summary>Found in plaintext after the last rotation.</summary>
    [JsonIgnore]
    public bool Suspected => SuspectedAt is { } at && (RotatedAt is null || RotatedAt < at);
}
