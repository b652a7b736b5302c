using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using OpenClaw.Desired.Serialization;

namespace OpenClaw.Desired.Monitoring.Alerts;

/// <summary>
/// Telegram's Bot API <c>sendMessage</c>: <c>POST {apiBase}/bot{token}/sendMessage</c> with
/// <c>{chat_id, text}</c> as plain text (no parse mode, so nothing in a message is taken as markup) and no
/// link previews. Telegram answers <c>{ok:true, result}</c>, or <c>{ok:false, error_code, description,
/// parameters:{retry_after}}</c>; 429 and 5xx are retried, other errors (a wrong token, an unknown chat) not.
/// </summary>
public sealed class TelegramChannel : IAlertChannel
{
    public const string DefaultApiBase = "https://api.telegram.org";
    public const int MaxText = 4096;

    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly string _chatId;

    public TelegramChannel(HttpClient http, string apiBase, string botToken, string chatId)
    {
        if (!MonitoringChecks.SecureOrLoopback(apiBase))
        {
            throw new ArgumentException("the Telegram API base must use https (plain http only to a loopback address): the bot token is part of the URL");
        }

        if (botToken.Length == 0 || !botToken.All(c => char.IsAsciiLetterOrDigit(c) || c is ':' or '_' or '-'))
        {
            throw new ArgumentException("the bot token has characters a Telegram token never has (it reads <digits>:<letters, digits, _ and ->)");
        }

        _http = http;
        var baseUri = new Uri(apiBase.TrimEnd('/') + "/");
        // Joined as text: a token is "<digits>:<secret>", which a relative URI would read as a scheme.
        _endpoint = new Uri($"{baseUri.AbsoluteUri}bot{botToken}/sendMessage");
        _chatId = chatId;
        Description = $"telegram ({baseUri.Authority})";
    }

    public string Name => "telegram";

    public string Description { get; }

    public async Task<ChannelAttempt> SendOnceAsync(AlertNotice notice, string deliveryId, CancellationToken cancellationToken)
    {
        var text = notice.Text.Length > MaxText ? notice.Text[..(MaxText - 1)] + "…" : notice.Text;
        var body = new SendMessage(_chatId, text, new LinkPreviewOptions(IsDisabled: true));
        try
        {
            using var response = await _http.PostAsJsonAsync(_endpoint, body, WireJsonContext.Default.SendMessage, cancellationToken);
            var answer = await response.Content.ReadAsStringAsync(cancellationToken);
            var (ok, description, retryAfter) = Parse(answer);
            if (response.IsSuccessStatusCode && ok)
            {
                return ChannelAttempt.Ok;
            }

            var error = $"Telegram answered {(int)response.StatusCode}{(description is null ? "" : ": " + Cut(description))}";
            return Retryable(response.StatusCode) ? ChannelAttempt.Retry(error, retryAfter ?? WebhookChannel.RetryAfter(response)) : ChannelAttempt.Fail(error);
        }
        catch (HttpRequestException e)
        {
            // The exception's message may carry the request URL, and with it the token: say only what kind it was.
            return ChannelAttempt.Retry($"cannot reach Telegram: {e.HttpRequestError}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ChannelAttempt.Retry("Telegram did not answer in time");
        }
    }

    internal static bool Retryable(HttpStatusCode status) => status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500;

    private static (bool Ok, string? Description, TimeSpan? RetryAfter) Parse(string answer)
    {
        try
        {
            using var document = JsonDocument.Parse(answer);
            var root = document.RootElement;
            var ok = root.TryGetProperty("ok", out var okValue) && okValue.ValueKind == JsonValueKind.True;
            var description = root.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
            TimeSpan? retryAfter = root.TryGetProperty("parameters", out var p) && p.ValueKind == JsonValueKind.Object
                && p.TryGetProperty("retry_after", out var r) && r.TryGetInt32(out var seconds) ? TimeSpan.FromSeconds(seconds) : null;
            return (ok, description, retryAfter);
        }
        catch (JsonException)
        {
            return (false, null, null);
        }
    }

    private static string Cut(string text) => text.Length > 200 ? text[..200] + "…" : text;

    /// <summary>The body of <c>sendMessage</c>.</summary>
    internal sealed record SendMessage(
        [property: JsonPropertyName("chat_id")] string ChatId,
        [property: JsonPropertyName("text")] string Text,
        [property: JsonPropertyName("link_preview_options")] LinkPreviewOptions LinkPreviewOptions);

    internal sealed record LinkPreviewOptions([property: JsonPropertyName("is_disabled")] bool IsDisabled);
}
