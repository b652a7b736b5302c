using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using OpenClaw.Desired.Loop;
using OpenClaw.Desired.Reporting;
using OpenClaw.Desired.Resources.Backups;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Monitoring;

/// <summary>
/// The demo host made healthy in every check but the one a test breaks: a gateway listening, a fresh backup,
/// tracked secrets, a converged loop; alert credentials in the posture's store (OpenClaw's .env), a fake
/// Telegram Bot API and a webhook receiver on loopback.
/// </summary>
internal sealed class AlertScenario : IDisposable
{
    public const string BotToken = "7730142215:AAF-alert-bot-token-CANARY-5d7a3b2c9e";
    public const string WebhookSecret = "whsec-CANARY-signing-4f1a9c2e7b";
    public const string ChatId = "-1001234567890";

    private readonly TcpListener _gateway = new(IPAddress.Loopback, 0);

    public AlertScenario()
    {
        Host = ScratchHost.FromDemo();
        Telegram = new FakeTelegramBotApi(BotToken);
        Webhook = new WebhookReceiver();
        _gateway.Start();
        var port = ((IPEndPoint)_gateway.LocalEndpoint).Port;
        var config = Host.ConfigPath;
        File.WriteAllText(config, File.ReadAllText(config).Replace("port: 18789", $"port: {port}", StringComparison.Ordinal));
        File.AppendAllText(Host.Real(ScratchHost.OpenClawHome + "/.env"),
            $"ALERT_BOT_TOKEN={BotToken}\nALERT_CHAT_ID={ChatId}\nALERT_WEBHOOK_URL={Webhook.Url}\nALERT_WEBHOOK_SECRET={WebhookSecret}\n");
        MakeStateHealthy(port);
    }

    public ScratchHost Host { get; }

    public FakeTelegramBotApi Telegram { get; }

    public WebhookReceiver Webhook { get; }

    /// <summary>Every check, each healthy except as <paramref name="disk"/> says; alerts to both channels.</summary>
    public string Posture(double disk, string repeat = "4h", string format = "json") => $$"""
        apiVersion: openclaw.desired/v1
        tier: basic
        openclaw:
          user: claw
        backups:
          interval: 1h
          archives:
            - name: local
              repository: /srv/restic
              password: { env: RESTIC_PASSWORD }
              paths: [~/.openclaw/workspace]
        monitoring:
          interval: 5m
          targets:
            - name: gateway
              tcp: "127.0.0.1:{{((IPEndPoint)_gateway.LocalEndpoint).Port}}"
          checks:
            disk: { maxPercent: {{disk.ToString(System.Globalization.CultureInfo.InvariantCulture)}} }
            memory: { maxPercent: 90 }
            browsers: { max: 5 }
            cron: { maxFailed: 0 }
            gateway: { enabled: true }
            backups: { enabled: true }
            secrets: { enabled: true }
            firewall: { enabled: true }
            drift: { enabled: true }
            loop: { enabled: true }
          alerts:
            repeat: {{repeat}}
            telegram:
              botToken: { store: ALERT_BOT_TOKEN }
              chatId: { store: ALERT_CHAT_ID }
              apiBase: {{Telegram.ApiBase}}
            webhook:
              url: { store: ALERT_WEBHOOK_URL }
              secret: { store: ALERT_WEBHOOK_SECRET }
              format: {{format}}
        """;

    public string[] Health(string posture, params string[] extra) =>
        ["health", "--posture", Host.WritePosture(posture), "--root", Host.Root, "--state-dir", Host.StateDir, .. extra];

    private void MakeStateHealthy(int port)
    {
        var now = DateTimeOffset.UtcNow;
        new RecordStore(Host.StateDir).Write(new BackupRecord { Operation = BackupOperations.Backup, Target = "local", At = now.AddMinutes(-10), Ok = true, Message = "snapshot saved" });
        var rotation = Path.Combine(Host.StateDir, "secrets", "rotation.json");
        Directory.CreateDirectory(Path.GetDirectoryName(rotation)!);
        File.WriteAllText(rotation, JsonSerializer.Serialize(new { version = 1, secrets = new Dictionary<string, object> { ["OPENAI_API_KEY"] = new { type = "apiKey", trackedSince = now.AddDays(-3) } } }, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
        StatusFile.Write(Host.StateDir, new LoopStatus { LastRun = now.AddMinutes(-2), Result = "in-sync", NextRun = now.AddMinutes(13) });
        var report = new RunReport { RunId = "r1", Mode = "dry-run", ToolVersion = "test", StartedAt = now.AddMinutes(-2), Result = "in-sync", Host = new HostInfo(Host.Root, "claw", Host.StateDir) };
        File.WriteAllText(Path.Combine(Host.StateDir, StatusFile.LastReport), JsonSerializer.Serialize(report, ReportWriter.Options));
        _ = port;
    }

    public void Dispose()
    {
        _gateway.Stop();
        Telegram.Dispose();
        Webhook.Dispose();
        Host.Dispose();
    }
}
