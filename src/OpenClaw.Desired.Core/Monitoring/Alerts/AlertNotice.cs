using System.Text.Json.Serialization;

namespace OpenClaw.Desired.Monitoring.Alerts;

[JsonConverter(typeof(JsonStringEnumConverter<AlertSeverity>))]
public enum AlertSeverity
{
    Info,
    Warning,
    Critical,
}

/// <summary>
/// A message for the operator, sent to every configured channel: a title, a severity, lines of detail, and
/// (for health alerts) the check transitions behind it, which the JSON webhook body carries as data.
/// Every text is scrubbed of the secrets the run has seen before it leaves the host.
/// </summary>
public sealed record AlertNotice(string Title, AlertSeverity Severity, IReadOnlyList<string> Lines)
{
    /// <summary>What raised it: <c>health</c> for the health checks; other callers name themselves (<c>lockdown</c>).</summary>
    public string Source { get; init; } = "health";

    /// <summary>The host the notice is about (its name, as the alert shows it).</summary>
    public string Host { get; init; } = Environment.MachineName;

    public IReadOnlyList<AlertEvent> Events { get; init; } = [];

    /// <summary>Title and lines as one plain text, as Telegram and the chat presets show it.</summary>
    public string Text => string.Join('\n', new[] { Title }.Concat(Lines));
}

/// <summary>
/// One check's transition in a health alert: <c>alert</c> (it started failing, or changed between failed and
/// unknown), <c>reminder</c> (still failing after the repeat interval) or <c>recovery</c> (it passes again).
/// </summary>
public sealed record AlertEvent(
    string Check,
    string Kind,
    string Status,
    string? Previous,
    double? Value,
    double? Threshold,
    string? Unit,
    string Message,
    DateTimeOffset Since);

/// <summary>How sending a notice to one channel ended, after its retries.</summary>
public sealed record DeliveryResult(string Channel, bool Delivered, int Attempts, string? Error);

public static class AlertEventKinds
{
    public const string Alert = "alert";
    public const string Reminder = "reminder";
    public const string Recovery = "recovery";
}
