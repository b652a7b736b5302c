using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenClaw.Desired.Monitoring.Alerts;

/// <summary>
/// The three bodies a webhook can take. <c>json</c> is this tool's own document (title, severity, text and
/// the structured events); <c>slack</c> is an incoming-webhook message <c>{text}</c> with Slack's control
/// characters escaped; <c>discord</c> is <c>{content}</c> (at most 2,000 characters) with mentions disabled,
/// so nothing a host file says can page @everyone.
/// </summary>
public static class WebhookBodies
{
    public const int DiscordMax = 2000;

    public static byte[] For(string format, AlertNotice notice, DateTimeOffset sentAt) => Encoding.UTF8.GetBytes(format switch
    {
        "slack" => new JsonObject { ["text"] = SlackEscape(notice.Text) }.ToJsonString(),
        "discord" => new JsonObject
        {
            ["content"] = notice.Text.Length > DiscordMax ? notice.Text[..(DiscordMax - 1)] + "…" : notice.Text,
            ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() },
        }.ToJsonString(),
        _ => Json(notice, sentAt),
    });

    /// <summary>Slack reads &amp;, &lt; and &gt; as markup (&lt;!channel&gt; pings everyone): escape them.</summary>
    public static string SlackEscape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static string Json(AlertNotice notice, DateTimeOffset sentAt)
    {
        var document = new
        {
            version = "1",
            source = "openclaw-desired",
            kind = notice.Source,
            host = notice.Host,
            severity = notice.Severity.ToString().ToLowerInvariant(),
            title = notice.Title,
            text = notice.Text,
            sentAt,
            events = notice.Events.Select(e => new
            {
                check = e.Check,
                kind = e.Kind,
                status = e.Status,
                previous = e.Previous,
                value = e.Value,
                threshold = e.Threshold,
                unit = e.Unit,
                message = e.Message,
                since = e.Since,
            }),
        };
        return JsonSerializer.Serialize(document);
    }
}
