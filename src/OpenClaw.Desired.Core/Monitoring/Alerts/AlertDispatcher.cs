using OpenClaw.Desired.Host;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Redaction;
using OpenClaw.Desired.Secrets;

namespace OpenClaw.Desired.Monitoring.Alerts;

/// <summary>How hard delivery tries: attempts are 1 + Retries, waits double from Backoff up to MaxBackoff (or what the server asks for).</summary>
public sealed record DeliveryOptions
{
    public int Retries { get; init; } = 3;
    public TimeSpan Backoff { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);
}

/// <summary>
/// Sends notices to the posture's alert channels (Telegram, webhook), each retried with backoff; one channel's
/// failure never stops another, and nothing here throws for a delivery problem — it is reported in the result.
/// The entry point for anything that must tell the operator something: the health alerts, and an incident
/// response that locks a host down:
/// <code>
/// var alerts = await AlertDispatcher.OpenAsync(posture, host, cancellationToken);
/// var results = await alerts.SendAsync(new AlertNotice("Lockdown engaged", AlertSeverity.Critical, lines) { Source = "lockdown" }, cancellationToken);
/// </code>
/// Credentials come only from the posture's secret references (the store, env or a file), are registered with
/// the run's redactor when read, and every text is scrubbed before it leaves the host.
/// </summary>
public sealed class AlertDispatcher
{
    private readonly IReadOnlyList<IAlertChannel> _channels;
    private readonly IReadOnlyList<DeliveryResult> _broken;
    private readonly SecretRedactor _redactor;
    private readonly TimeProvider _clock;

    public AlertDispatcher(IReadOnlyList<IAlertChannel> channels, SecretRedactor redactor, TimeProvider clock, DeliveryOptions? options = null, IReadOnlyList<DeliveryResult>? broken = null)
    {
        _channels = channels;
        _redactor = redactor;
        _clock = clock;
        _broken = broken ?? [];
        Options = options ?? new DeliveryOptions();
    }

    public DeliveryOptions Options { get; }

    /// <summary>The channels that could be opened, by name.</summary>
    public IReadOnlyList<IAlertChannel> Channels => _channels;

    /// <summary>Channels the posture names but that could not be opened (a secret missing): every send reports them failed.</summary>
    public IReadOnlyList<DeliveryResult> Broken => _broken;

    /// <summary>True when the posture configures at least one channel (open or not).</summary>
    public bool Configured => _channels.Count + _broken.Count > 0;

    /// <summary>Opens the posture's channels, reading their secrets through <see cref="SecretResolver"/>.</summary>
    public static async Task<AlertDispatcher> OpenAsync(EffectivePosture posture, HostContext host, CancellationToken cancellationToken, DeliveryOptions? options = null)
    {
        var settings = MonitoringSettings.From(posture).Alerts;
        var paths = host.PathsFor(posture);
        var channels = new List<IAlertChannel>();
        var broken = new List<DeliveryResult>();
        async Task<string?> Resolve(SecretRef reference, string channel, string what)
        {
            var resolved = await SecretResolver.ResolveAsync(reference, posture, host, paths, cancellationToken);
            if (resolved.Value is null)
            {
                broken.Add(new DeliveryResult(channel, false, 0, host.Redactor.Redact($"cannot read the {what} ({reference}): {resolved.Unknown}")));
            }

            return resolved.Value;
        }

        if (settings.Telegram is { } telegram
            && await Resolve(telegram.BotToken, "telegram", "bot token") is { } token
            && await Resolve(telegram.ChatId, "telegram", "chat id") is { } chat)
        {
            try
            {
                channels.Add(new TelegramChannel(host.Http, telegram.ApiBase ?? TelegramChannel.DefaultApiBase, token, chat));
            }
            catch (Exception e) when (e is ArgumentException or UriFormatException)
            {
                broken.Add(new DeliveryResult("telegram", false, 0, host.Redactor.Redact(e.Message)));
            }
        }

        if (settings.Webhook is { } webhook && await Resolve(webhook.Url, "webhook", "webhook URL") is { } url)
        {
            var secret = webhook.Secret is { } s ? await Resolve(s, "webhook", "webhook secret") : null;
            if (webhook.Secret is null || secret is not null)
            {
                if (Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
                {
                    try
                    {
                        channels.Add(new WebhookChannel(host.Http, uri, webhook.Format ?? "json", secret, host.Clock, urlIsSecret: webhook.Url.Literal is null));
                    }
                    catch (ArgumentException e)
                    {
                        broken.Add(new DeliveryResult("webhook", false, 0, e.Message));
                    }
                }
                else
                {
                    broken.Add(new DeliveryResult("webhook", false, 0, $"the webhook URL ({webhook.Url}) is not an absolute URL"));
                }
            }
        }

        return new AlertDispatcher(channels, host.Redactor, host.Clock, options ?? new DeliveryOptions { Retries = settings.Retries }, broken);
    }

    /// <summary>Sends to every channel (concurrently); one result per configured channel.</summary>
    public async Task<IReadOnlyList<DeliveryResult>> SendAsync(AlertNotice notice, CancellationToken cancellationToken)
    {
        var sent = await Task.WhenAll(_channels.Select(c => SendAsync(c, notice, cancellationToken)));
        return [.. sent, .. _broken];
    }

    /// <summary>Sends to one channel with retries and backoff.</summary>
    public async Task<DeliveryResult> SendAsync(IAlertChannel channel, AlertNotice notice, CancellationToken cancellationToken)
    {
        var safe = Scrub(notice);
        var deliveryId = Guid.NewGuid().ToString("N");
        var attempts = 0;
        string? error = null;
        for (var retry = 0; retry <= Options.Retries; retry++)
        {
            attempts++;
            ChannelAttempt attempt;
            using (var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                limit.CancelAfter(Options.AttemptTimeout);
                try
                {
                    attempt = await channel.SendOnceAsync(safe, deliveryId, limit.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    attempt = ChannelAttempt.Retry($"no answer within {Options.AttemptTimeout.TotalSeconds:0} s");
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Only the kind: an unexpected exception's message may quote the request, and with it a credential.
                    attempt = ChannelAttempt.Fail($"the channel failed ({e.GetType().Name})");
                }
            }

            if (attempt.Delivered)
            {
                return new DeliveryResult(channel.Name, true, attempts, null);
            }

            error = _redactor.Redact(attempt.Error ?? "not delivered");
            if (!attempt.Retryable || retry == Options.Retries)
            {
                break;
            }

            await Task.Delay(Wait(retry, attempt.RetryAfter), _clock, cancellationToken);
        }

        return new DeliveryResult(channel.Name, false, attempts, $"{channel.Description}: {error} (after {attempts} attempt{(attempts == 1 ? "" : "s")})");
    }

    private TimeSpan Wait(int retry, TimeSpan? asked)
    {
        var doubled = Options.Backoff * Math.Pow(2, retry);
        var wait = asked is { } a && a > doubled ? a : doubled;
        var cap = asked is not null ? Options.MaxBackoff * 2 : Options.MaxBackoff;
        return wait > cap ? cap : wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }

    private AlertNotice Scrub(AlertNotice notice) => notice with
    {
        Title = _redactor.Redact(notice.Title),
        Lines = notice.Lines.Select(_redactor.Redact).ToList(),
        Host = _redactor.Redact(notice.Host),
        Events = notice.Events.Select(e => e with { Message = _redactor.Redact(e.Message) }).ToList(),
    };
}
