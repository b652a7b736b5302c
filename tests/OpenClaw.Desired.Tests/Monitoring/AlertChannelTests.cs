using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OpenClaw.Desired.Monitoring.Alerts;
using OpenClaw.Desired.Redaction;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Monitoring;

/// <summary>Telegram (against a fake of its Bot API) and webhooks (against a local receiver): bodies, signatures, retries.</summary>
public sealed class AlertChannelTests
{
    private const string Token = "7730142215:AAF-test-token-not-real-9c1e5d7a3b2";
    private static readonly HttpClient Http = new();
    private static readonly DeliveryOptions Fast = new() { Retries = 3, Backoff = TimeSpan.FromMilliseconds(20), MaxBackoff = TimeSpan.FromMilliseconds(100) };

    private static readonly AlertNotice Notice = new("🔴 OpenClaw host claw-vps: 1 check failing", AlertSeverity.Critical, ["FAILED disk: above 80 % <!channel> & @everyone"])
    {
        Host = "claw-vps",
        Events = [new AlertEvent("disk", "alert", "failed", null, 91.5, 80, "percent", "above 80 % <!channel> & @everyone", DateTimeOffset.UnixEpoch)],
    };

    private static AlertDispatcher Dispatcher(IAlertChannel channel, SecretRedactor? redactor = null) =>
        new([channel], redactor ?? new SecretRedactor(), TimeProvider.System, Fast);

    [Fact]
    public async Task Telegram_SendsPlainTextToTheChat_ThroughTheBotApi()
    {
        using var telegram = new FakeTelegramBotApi(Token);

        var result = await Dispatcher(new TelegramChannel(Http, telegram.ApiBase, Token, "-1001234567890")).SendAsync(Notice, CancellationToken.None);

        Assert.True(Assert.Single(result).Delivered);
        var message = Assert.Single(telegram.Messages);
        Assert.Equal(("-1001234567890", null), (message.ChatId, message.ParseMode));
        Assert.Equal(Notice.Text, message.Text);
    }

    [Fact]
    public async Task Telegram_TooManyRequestsThenAServerError_IsRetriedUntilDelivered()
    {
        using var telegram = new FakeTelegramBotApi(Token);
        telegram.FailNext(HttpStatusCode.TooManyRequests, HttpStatusCode.InternalServerError);

        var result = Assert.Single(await Dispatcher(new TelegramChannel(Http, telegram.ApiBase, Token, "42")).SendAsync(Notice, CancellationToken.None));

        Assert.Equal((true, 3), (result.Delivered, result.Attempts));
        Assert.Single(telegram.Messages);
        Assert.Equal(3, telegram.Requests.Count);
    }

    [Fact]
    public async Task Telegram_AWrongToken_IsNotRetried_AndTheErrorNeverShowsTheToken()
    {
        using var telegram = new FakeTelegramBotApi("1:other-token");

        var result = Assert.Single(await Dispatcher(new TelegramChannel(Http, telegram.ApiBase, Token, "42")).SendAsync(Notice, CancellationToken.None));

        Assert.Equal((false, 1), (result.Delivered, result.Attempts));
        Assert.Contains("404", result.Error);
        Assert.DoesNotContain(Token, result.Error);
    }

    [Fact]
    public async Task Telegram_Unreachable_IsRetriedThenReported()
    {
        var closed = LoopbackPort.Free();

        var result = Assert.Single(await Dispatcher(new TelegramChannel(Http, $"http://127.0.0.1:{closed}", Token, "42")).SendAsync(Notice, CancellationToken.None));

        Assert.Equal((false, 4), (result.Delivered, result.Attempts));
        Assert.Contains("cannot reach Telegram", result.Error);
        Assert.DoesNotContain(Token, result.Error);
    }

    [Fact]
    public void Telegram_OverPlainHttpBeyondLoopback_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new TelegramChannel(Http, "http://bot-api.example.com", Token, "42"));
    }

    [Fact]
    public async Task Webhook_Json_CarriesTheEvents_AndASignatureTheReceiverCanCheck()
    {
        using var receiver = new WebhookReceiver();
        const string Secret = "webhook-signing-secret-42";

        Assert.True(Assert.Single(await Dispatcher(new WebhookChannel(Http, new Uri(receiver.Url), "json", Secret, TimeProvider.System, urlIsSecret: false)).SendAsync(Notice, CancellationToken.None)).Delivered);

        var call = Assert.Single(receiver.Calls);
        using var body = JsonDocument.Parse(call.Body);
        Assert.Equal("critical", body.RootElement.GetProperty("severity").GetString());
        Assert.Equal("disk", body.RootElement.GetProperty("events")[0].GetProperty("check").GetString());
        Assert.Equal(91.5, body.RootElement.GetProperty("events")[0].GetProperty("value").GetDouble());
        var timestamp = call.Headers[WebhookChannel.TimestampHeader];
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(timestamp + ".").Concat(call.Body).ToArray()));
        Assert.Equal(expected, call.Headers[WebhookChannel.SignatureHeader]);
        Assert.DoesNotContain(Secret, call.Text);
    }

    [Fact]
    public async Task Webhook_WithoutSecret_IsNotSigned()
    {
        using var receiver = new WebhookReceiver();

        await Dispatcher(new WebhookChannel(Http, new Uri(receiver.Url), "json", null, TimeProvider.System, false)).SendAsync(Notice, CancellationToken.None);

        Assert.False(Assert.Single(receiver.Calls).Headers.ContainsKey(WebhookChannel.SignatureHeader));
    }

    [Fact]
    public async Task Webhook_Slack_EscapesMarkupSoNothingPingsTheChannel()
    {
        using var receiver = new WebhookReceiver();

        await Dispatcher(new WebhookChannel(Http, new Uri(receiver.Url), "slack", null, TimeProvider.System, false)).SendAsync(Notice, CancellationToken.None);

        using var body = JsonDocument.Parse(Assert.Single(receiver.Calls).Body);
        var text = body.RootElement.GetProperty("text").GetString()!;
        Assert.Contains("&lt;!channel&gt; &amp; @everyone", text);
        Assert.Single(body.RootElement.EnumerateObject());
    }

    [Fact]
    public async Task Webhook_Discord_DisablesMentions_AndKeepsTo2000Characters()
    {
        using var receiver = new WebhookReceiver { DefaultStatus = 204 };
        var long_ = Notice with { Lines = [new string('x', 3000)] };

        var result = Assert.Single(await Dispatcher(new WebhookChannel(Http, new Uri(receiver.Url), "discord", null, TimeProvider.System, false)).SendAsync(long_, CancellationToken.None));

        Assert.True(result.Delivered);
        using var body = JsonDocument.Parse(Assert.Single(receiver.Calls).Body);
        Assert.Equal(2000, body.RootElement.GetProperty("content").GetString()!.Length);
        Assert.Equal(0, body.RootElement.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
    }

    [Fact]
    public async Task Webhook_ServerErrors_AreRetriedWithTheSameDeliveryId_ThenReportedFailed()
    {
        using var receiver = new WebhookReceiver { DefaultStatus = 503 };

        var result = Assert.Single(await Dispatcher(new WebhookChannel(Http, new Uri(receiver.Url), "json", null, TimeProvider.System, false)).SendAsync(Notice, CancellationToken.None));

        Assert.Equal((false, 4), (result.Delivered, result.Attempts));
        Assert.Contains("503", result.Error);
        Assert.Equal(4, receiver.Calls.Count);
        Assert.Single(receiver.Calls.Select(c => c.Headers[WebhookChannel.DeliveryHeader]).Distinct());
    }

    [Fact]
    public async Task Webhook_ABadRequest_IsNotRetried()
    {
        using var receiver = new WebhookReceiver { DefaultStatus = 400 };

        var result = Assert.Single(await Dispatcher(new WebhookChannel(Http, new Uri(receiver.Url), "slack", null, TimeProvider.System, false)).SendAsync(Notice, CancellationToken.None));

        Assert.Equal((false, 1), (result.Delivered, result.Attempts));
    }

    [Fact]
    public async Task Dispatcher_ScrubsEverySecretTheRunHasSeen_BeforeSending()
    {
        using var receiver = new WebhookReceiver();
        var redactor = new SecretRedactor();
        redactor.Add("hunter2-the-canary-value");
        var notice = Notice with { Lines = ["the gateway token hunter2-the-canary-value leaked"] };

        await Dispatcher(new WebhookChannel(Http, new Uri(receiver.Url), "json", null, TimeProvider.System, false), redactor).SendAsync(notice, CancellationToken.None);

        Assert.DoesNotContain("hunter2-the-canary-value", Assert.Single(receiver.Calls).Text);
    }
}
