using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using OpenClaw.Desired.Monitoring.Health;

namespace OpenClaw.Desired.Monitoring;

/// <summary>
/// <c>health --output json</c>: <c>{"status", "checks": [{"name", "status": "ok|failed|unknown", "value",
/// "threshold", "unit", "message"}], "scores", "alerts", …}</c>; and the text a terminal shows.
/// </summary>
public static class HealthOutput
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string ToJson(MonitorOutcome outcome, string host, string posturePath)
    {
        var health = outcome.Health;
        var document = new
        {
            schemaVersion = "1",
            at = health.At,
            host,
            posture = posturePath,
            status = HealthStatuses.Name(health.Overall),
            exitCode = outcome.ExitCode,
            tookMs = Math.Round(health.Took.TotalMilliseconds, 1),
            checks = health.Checks.Select(c => new { name = c.Name, status = c.StatusText, value = c.Value, threshold = c.Threshold, unit = c.Unit, message = c.Message }),
            scores = outcome.Scores.Select(s => new { category = s.Category, score = s.Score }),
            alerts = outcome.Alerts is null && outcome.AlertProblem is null ? null : new
            {
                problem = outcome.AlertProblem,
                events = outcome.Alerts?.Events ?? [],
                deliveries = outcome.Alerts?.Deliveries ?? [],
            },
        };
        return JsonSerializer.Serialize(document, Json) + "\n";
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
}
