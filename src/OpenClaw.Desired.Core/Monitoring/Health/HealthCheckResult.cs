using System.Text.Json.Serialization;

namespace OpenClaw.Desired.Monitoring.Health;

/// <summary>How a check ended. Unknown (the check could not see) is never healthy.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HealthStatus>))]
public enum HealthStatus
{
    Ok,
    Failed,
    Unknown,
}

/// <summary>
/// One check's verdict: its name (disk, memory, browsers, cron, gateway, target.NAME, backups, secrets,
/// firewall, drift, loop), the measured value against its threshold, and a one-line message for people.
/// Messages are scrubbed of every secret the run has seen before they leave the process.
/// </summary>
public sealed record HealthCheckResult(string Name, HealthStatus Status, double? Value, double? Threshold, string? Unit, string Message)
{
    public static HealthCheckResult Ok(string name, double? value, double? threshold, string? unit, string message) =>
        new(name, HealthStatus.Ok, value, threshold, unit, message);

    public static HealthCheckResult Failed(string name, double? value, double? threshold, string? unit, string message) =>
        new(name, HealthStatus.Failed, value, threshold, unit, message);

    public static HealthCheckResult Unknown(string name, string message, double? threshold = null, string? unit = null) =>
        new(name, HealthStatus.Unknown, null, threshold, unit, message);

    /// <summary>Ok when <paramref name="ok"/>, else failed, with the same value and threshold.</summary>
    public static HealthCheckResult Judge(string name, bool ok, double? value, double? threshold, string? unit, string message) =>
        new(name, ok ? HealthStatus.Ok : HealthStatus.Failed, value, threshold, unit, message);

    [JsonIgnore]
    public bool Healthy => Status == HealthStatus.Ok;

    /// <summary>ok, failed or unknown, as JSON and alerts spell it.</summary>
    [JsonIgnore]
    public string StatusText => HealthStatuses.Name(Status);
}

public static class HealthStatuses
{
    public static string Name(HealthStatus status) => status switch
    {
        HealthStatus.Ok => "ok",
        HealthStatus.Failed => "failed",
        _ => "unknown",
    };

    public static HealthStatus Parse(string? text) => text switch
    {
        "ok" => HealthStatus.Ok,
        "failed" => HealthStatus.Failed,
        _ => HealthStatus.Unknown,
    };
}
