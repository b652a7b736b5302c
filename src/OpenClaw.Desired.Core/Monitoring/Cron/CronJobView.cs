using System.Text.Json;

namespace OpenClaw.Desired.Monitoring.Cron;

/// <summary>
/// One OpenClaw cron job, whichever era stored it: its id and name, whether it is enabled, and its run state
/// (<c>state{lastRunStatus|lastStatus, lastError, lastRunAtMs, consecutiveErrors, scheduleErrorCount}</c>).
/// </summary>
public sealed record CronJobView(
    string Id,
    string Name,
    bool Enabled,
    string? LastStatus,
    string? LastError,
    long? LastRunAtMs,
    int ConsecutiveErrors,
    int ScheduleErrors)
{
    /// <summary>OpenClaw disables a job after 3 schedule errors (and, in newer versions, after 10 failed runs in a row).</summary>
    public bool AutoDisabled =>
        !Enabled && (ScheduleErrors >= 3 || ConsecutiveErrors >= 10
            || (LastError?.StartsWith("Auto-disabled", StringComparison.OrdinalIgnoreCase) ?? false));

    /// <summary>ok, error, disabled, auto_disabled or never_run.</summary>
    public string State =>
        AutoDisabled ? "auto_disabled"
        : !Enabled ? "disabled"
        : LastStatus is null ? "never_run"
        : LastStatus == "error" ? "error"
        : "ok";

    /// <summary>A job from its JSON object; its state from <paramref name="state"/> when given (the sidecar or SQLite era), else inline.</summary>
    public static CronJobView? From(JsonElement job, JsonElement? state = null)
    {
        if (job.ValueKind != JsonValueKind.Object || Text(job, "id") is not { Length: > 0 } id)
        {
            return null;
        }

        var s = state ?? (job.TryGetProperty("state", out var inline) ? inline : default);
        return Of(id, Text(job, "name") ?? id, !job.TryGetProperty("enabled", out var enabled) || enabled.ValueKind != JsonValueKind.False, s);
    }

    /// <summary>A job from its identity and a state object (which may be <c>default</c>: never run).</summary>
    public static CronJobView Of(string id, string name, bool enabled, JsonElement state) =>
        new(
            id,
            name,
            enabled,
            Text(state, "lastRunStatus") ?? Text(state, "lastStatus"),
            Text(state, "lastError"),
            Number(state, "lastRunAtMs"),
            (int)(Number(state, "consecutiveErrors") ?? 0),
            (int)(Number(state, "scheduleErrorCount") ?? 0));

    internal static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    internal static long? Number(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) ? n : null;
}

/// <summary>Finished runs of one job inside the window, from its run log.</summary>
public sealed record CronRunCounts(int Ok, int Failed);

/// <summary>What the cron store holds: the era it was read in, its jobs and their run counts, and what could not be read.</summary>
public sealed record CronInventory(string Era, string Where, IReadOnlyList<CronJobView> Jobs, IReadOnlyDictionary<string, CronRunCounts> Runs, IReadOnlyList<string> Problems)
{
    public static CronInventory None(string where) => new("none", where, [], new Dictionary<string, CronRunCounts>(), []);
}
