using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenClaw.Desired.Serialization;

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

    private static string Json(AlertNotice notice, DateTimeOffset sentAt) => JsonSerializer.Serialize(
        new Document(
            "1",
            "openclaw-desired",
            notice.Source,
            notice.Host,
            notice.Severity.ToString().ToLowerInvariant(),
            notice.Title,
            notice.Text,
            sentAt,
            notice.Events.Select(e => new Event(e.Check, e.Kind, e.Status, e.Previous, e.Value, e.Threshold, e.Unit, e.Message, e.Since))),
        PlainJsonContext.Default.Document);

    /// <summary>The <c>json</c> body: this tool's own document, names camelCase.</summary>
    internal sealed record Document(string Version, string Source, string Kind, string Host, string Severity, string Title, string Text, DateTimeOffset SentAt, IEnumerable<Event> Events);

    /// <summary>One check's transition in the <c>json</c> body.</summary>
    internal sealed record Event(string Check, string Kind, string Status, string? Previous, double? Value, double? Threshold, string? Unit, string Message, DateTimeOffset Since);
}
