using System.Globalization;

namespace OpenClaw.Desired.Monitoring.Alerts;

/// <summary>Words a health alert: a title that counts what changed, then one line per event.</summary>
public static class AlertText
{
    public static AlertNotice Notice(string host, IReadOnlyList<AlertEvent> events)
    {
        var problems = events.Count(e => e.Kind != AlertEventKinds.Recovery);
        var recovered = events.Count - problems;
        var parts = new List<string>();
        if (problems > 0)
        {
            parts.Add($"{problems} check{(problems == 1 ? "" : "s")} failing");
        }

        if (recovered > 0)
        {
            parts.Add($"{recovered} recovered");
        }

        var severity = events.Any(e => e.Kind != AlertEventKinds.Recovery && e.Status == "failed") ? AlertSeverity.Critical
            : problems > 0 ? AlertSeverity.Warning
            : AlertSeverity.Info;
        var marker = severity == AlertSeverity.Info ? "✅" : "🔴";
        return new AlertNotice($"{marker} OpenClaw host {host}: {string.Join(", ", parts)}", severity, events.Select(Line).ToList())
        {
            Source = "health",
            Host = host,
            Events = events,
        };
    }

    public static string Line(AlertEvent e)
    {
        var what = e.Kind switch
        {
            AlertEventKinds.Recovery => "RECOVERED",
            AlertEventKinds.Reminder => $"STILL {e.Status.ToUpperInvariant()}",
            _ => e.Status.ToUpperInvariant(),
        };
        var since = e.Kind == AlertEventKinds.Recovery ? string.Empty : $" (since {e.Since.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}Z)";
        return $"{what} {e.Check}: {e.Message}{since}";
    }
}
