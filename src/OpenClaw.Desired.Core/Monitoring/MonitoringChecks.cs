using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Monitoring;

/// <summary>
/// What the schema cannot say about the monitoring section: alert credentials are never literal (the posture
/// lives in Git), an incoming-webhook URL is itself a credential, and a bot token never travels over plain HTTP.
/// </summary>
internal static class MonitoringChecks
{
    public static void Run(PostureDocument document, Locator at, List<Diagnostic> diagnostics)
    {
        var monitoring = document.Monitoring;
        if (monitoring?.Alerts?.Telegram is { } telegram)
        {
            NotLiteral(telegram.BotToken, "monitoring.alerts.telegram.botToken", "bot token", at, diagnostics);
            if (telegram.ApiBase is { } apiBase && !SecureOrLoopback(apiBase))
            {
                diagnostics.Add(at.At("monitoring.alerts.telegram.apiBase", "the bot token is part of every request URL: use https (plain http only to a loopback address)"));
            }
        }

        if (monitoring?.Alerts?.Webhook is { } webhook)
        {
            if (webhook.Secret is { } secret)
            {
                NotLiteral(secret, "monitoring.alerts.webhook.secret", "signing secret", at, diagnostics);
            }

            if (webhook.Url.Literal is { } url)
            {
                CheckLiteralUrl(url, at, diagnostics);
            }
        }

        if (monitoring?.Telemetry is { } telemetry && telemetry.Enabled != false && telemetry.Endpoint is null)
        {
            diagnostics.Add(at.At("monitoring.telemetry", "telemetry needs an endpoint (the OTLP/HTTP collector, e.g. http://127.0.0.1:4318)"));
        }

        if (monitoring?.Textfile is not null && (monitoring.Scheduler ?? "none") == "none")
        {
            diagnostics.Add(at.At("monitoring.textfile", "the textfile is written by the scheduled job; set monitoring.scheduler (systemd or cron), or run `openclaw-desired metrics --textfile` yourself", Severity.Warning));
        }
    }

    private static void NotLiteral(SecretRef reference, string path, string what, Locator at, List<Diagnostic> diagnostics)
    {
        if (reference.Literal is not null)
        {
            diagnostics.Add(at.At(path, $"a literal {what} would end up in Git; give it as {{store: NAME}} (or {{env: NAME}}, {{file: PATH}})"));
        }
    }

    private static void CheckLiteralUrl(string url, Locator at, List<Diagnostic> diagnostics)
    {
        const string Path = "monitoring.alerts.webhook.url";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host))
        {
            diagnostics.Add(at.At(Path, "must be an http(s) URL"));
            return;
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            diagnostics.Add(at.At(Path, "a password in the URL would end up in Git; give the whole URL as {store: NAME}"));
        }
        else if (WebhookUrls.CarriesCredential(uri))
        {
            diagnostics.Add(at.At(Path, "a Slack or Discord incoming-webhook URL is itself a credential; give it as {store: NAME} (or {env: NAME}, {file: PATH})"));
        }
    }

    /// <summary>https anywhere, http only to a loopback host.</summary>
    public static bool SecureOrLoopback(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == "https" || (uri.Scheme == "http" && uri.IsLoopback));
}

/// <summary>Incoming-webhook URLs whose path is the credential.</summary>
public static class WebhookUrls
{
    public static bool CarriesCredential(Uri uri) =>
        (uri.Host.EndsWith("hooks.slack.com", StringComparison.OrdinalIgnoreCase) && uri.AbsolutePath.StartsWith("/services/", StringComparison.Ordinal))
        || (uri.Host.EndsWith("slack.com", StringComparison.OrdinalIgnoreCase) && uri.AbsolutePath.StartsWith("/workflows/", StringComparison.Ordinal))
        || ((uri.Host.EndsWith("discord.com", StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith("discordapp.com", StringComparison.OrdinalIgnoreCase))
            && uri.AbsolutePath.StartsWith("/api/webhooks/", StringComparison.Ordinal));
}
