using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using OpenClaw.Desired.Monitoring.Alerts;
using OpenClaw.Desired.Monitoring.Health;
using OpenClaw.Desired.Serialization;

namespace OpenClaw.Desired.Monitoring;

/// <summary>
/// <c>health --output json</c>: <c>{"status", "checks": [{"name", "status": "ok|failed|unknown", "value",
/// "threshold", "unit", "message"}], "scores", "alerts", …}</c>; and the text a terminal shows.
/// </summary>
public static class HealthOutput
{
    private static readonly HealthJsonContext Json = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static string ToJson(MonitorOutcome outcome, string host, string posturePath)
    {
        var health = outcome.Health;
        var document = new Document(
            "1",
            health.At,
            host,
            posturePath,
            HealthStatuses.Name(health.Overall),
            outcome.ExitCode,
            Math.Round(health.Took.TotalMilliseconds, 1),
            health.Checks.Select(c => new CheckLine(c.Name, c.StatusText, c.Value, c.Threshold, c.Unit, c.Message)),
            outcome.Scores.Select(s => new ScoreLine(s.Category, s.Score)),
            outcome.Alerts is null && outcome.AlertProblem is null ? null : new AlertSection(outcome.AlertProblem, outcome.Alerts?.Events ?? [], outcome.Alerts?.Deliveries ?? []));
        return JsonSerializer.Serialize(document, Json.Document) + "\n";
    }

    public static string ToText(MonitorOutcome outcome, string host)
    {
        var health = outcome.Health;
        var counts = health.Checks.GroupBy(c => c.Status).ToDictionary(g => g.Key, g => g.Count());
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"health of {host}: {HealthStatuses.Name(health.Overall).ToUpperInvariant()} ")
            .Append(CultureInfo.InvariantCulture, $"({counts.GetValueOrDefault(HealthStatus.Failed)} failed, {counts.GetValueOrDefault(HealthStatus.Unknown)} unknown, {counts.GetValueOrDefault(HealthStatus.Ok)} ok) in {health.Took.TotalMilliseconds:0} ms\n");
        var width = health.Checks.Count == 0 ? 8 : health.Checks.Max(c => c.Name.Length);
        foreach (var check in health.Checks)
        {
            var status = check.Status switch { HealthStatus.Ok => "ok", HealthStatus.Failed => "FAILED", _ => "UNKNOWN" };
            text.Append(CultureInfo.InvariantCulture, $"  {status,-8} {check.Name.PadRight(width)}  {check.Message}\n");
        }

        foreach (var score in outcome.Scores)
        {
            text.Append(CultureInfo.InvariantCulture, $"  score    {score.Category}: {score.Score:0.#}\n");
        }

        if (outcome.AlertProblem is { } problem)
        {
            text.Append(CultureInfo.InvariantCulture, $"alerts: {problem}\n");
        }
        else if (outcome.Alerts is { } alerts)
        {
            text.Append(alerts.Deliveries.Count == 0
                ? "alerts: nothing new to say\n"
                : "alerts: " + string.Join("; ", alerts.Deliveries.Select(d => d.Delivered ? $"{d.Channel} delivered ({d.Attempts} attempt{(d.Attempts == 1 ? "" : "s")})" : $"{d.Channel} NOT delivered: {d.Error}")) + "\n");
        }

        return text.ToString();
    }

    /// <summary>The document <c>health --output json</c> prints; every value is written, null ones too.</summary>
    internal sealed record Document(
        string SchemaVersion,
        DateTimeOffset At,
        string Host,
        string Posture,
        string Status,
        int ExitCode,
        double TookMs,
        IEnumerable<CheckLine> Checks,
        IEnumerable<ScoreLine> Scores,
        AlertSection? Alerts);

    internal sealed record CheckLine(string Name, string Status, double? Value, double? Threshold, string? Unit, string Message);

    internal sealed record ScoreLine(string Category, double Score);

    internal sealed record AlertSection(string? Problem, IReadOnlyList<AlertEvent> Events, IReadOnlyList<DeliveryResult> Deliveries);
}
