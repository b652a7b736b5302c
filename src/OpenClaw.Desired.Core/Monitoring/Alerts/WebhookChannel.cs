using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace OpenClaw.Desired.Monitoring.Alerts;

/// <summary>
/// A webhook: <c>POST url</c> with a JSON body in one of three shapes (our own <c>json</c>, a Slack or a Discord
/// incoming webhook). With a secret, every request is signed: <c>X-OpenClaw-Desired-Signature: sha256=HEX</c>,
/// the HMAC-SHA256 of <c>TIMESTAMP.BODY</c> under the secret, where TIMESTAMP is the
/// <c>X-OpenClaw-Desired-Timestamp</c> header (Unix seconds), so a receiver can refuse replays.
/// <c>X-OpenClaw-Desired-Delivery</c> stays the same across the retries of one notice.
/// </summary>
public sealed class WebhookChannel : IAlertChannel
{
    public const string SignatureHeader = "X-OpenClaw-Desired-Signature";
    public const string TimestampHeader = "X-OpenClaw-Desired-Timestamp";
    public const string DeliveryHeader = "X-OpenClaw-Desired-Delivery";

    private readonly HttpClient _http;
    private readonly Uri _url;
    private readonly byte[]? _secret;
    private readonly string _format;
    private readonly TimeProvider _clock;

    public WebhookChannel(HttpClient http, Uri url, string format, string? secret, TimeProvider clock, bool urlIsSecret)
    {
        if (url.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException("the webhook URL must be http(s)");
        }

        if (urlIsSecret && url.Scheme == "http" && !url.IsLoopback)
        {
            throw new ArgumentException("the webhook URL is a credential: it must use https (plain http only to a loopback address)");
        }

        _http = http;
        _url = url;
        _format = format;
        _secret = secret is null ? null : Encoding.UTF8.GetBytes(secret);
        _clock = clock;
        Description = $"webhook ({format}, {url.Authority})";
    }

    public string Name => "webhook";

    public string Description { get; }

    public async Task<ChannelAttempt> SendOnceAsync(AlertNotice notice, string deliveryId, CancellationToken cancellationToken)
    {
        var body = WebhookBodies.For(_format, notice, _clock.GetUtcNow());
        using var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation(DeliveryHeader, deliveryId);
        if (_secret is not null)
        {
            var timestamp = _clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            request.Headers.TryAddWithoutValidation(TimestampHeader, timestamp);
            request.Headers.TryAddWithoutValidation(SignatureHeader, Sign(_secret, timestamp, body));
        }

        try
        {
            using var response = await _http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return ChannelAttempt.Ok;
            }

            var answer = await response.Content.ReadAsStringAsync(cancellationToken);
            var error = $"the webhook answered {(int)response.StatusCode}{(answer.Length > 0 ? ": " + Cut(answer) : "")}";
            return TelegramChannel.Retryable(response.StatusCode) ? ChannelAttempt.Retry(error, RetryAfter(response)) : ChannelAttempt.Fail(error);
        }
        catch (HttpRequestException e)
        {
            return ChannelAttempt.Retry($"cannot reach the webhook: {e.HttpRequestError}");
        }
    }

    /// <summary><c>sha256=HEX</c> of HMAC-SHA256(secret, "TIMESTAMP.BODY").</summary>
    public static string Sign(byte[] secret, string timestamp, byte[] body)
    {
        var signed = Encoding.UTF8.GetBytes(timestamp + ".").Concat(body).ToArray();
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(secret, signed));
    }

    /// <summary>The Retry-After header, in seconds or as a date.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter?.Delta ?? (response.Headers.RetryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : null);

    private static string Cut(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length > 200 ? line[..200] + "…" : line;
    }
}
