namespace OpenClaw.Desired.Monitoring.Alerts;

/// <summary>
/// The alert memory in <c>&lt;state&gt;/monitoring/alerts.json</c>: since when each check is in its status, and
/// per channel what was last told about each check and when. Only checks not ok (or just told ok) are kept.
/// </summary>
public sealed record AlertState
{
    public int Version { get; init; } = 1;

    public Dictionary<string, CheckMemory> Checks { get; init; } = new(StringComparer.Ordinal);

    public Dictionary<string, Dictionary<string, Notified>> Channels { get; init; } = new(StringComparer.Ordinal);
}

/// <summary>A check's status and since when it has had it.</summary>
public sealed record CheckMemory(string Status, DateTimeOffset Since);

/// <summary>What a channel was last told about a check, and when.</summary>
public sealed record Notified(string Status, DateTimeOffset At);
