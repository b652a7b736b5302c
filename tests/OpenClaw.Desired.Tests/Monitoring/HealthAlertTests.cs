using System.Text.Json;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Monitoring;

/// <summary>
/// <c>health --alert</c> end to end on the demo host: one message per channel when a check breaks, silence while
/// nothing changes (also across separate runs), a recovery message, a reminder after the repeat interval.
/// </summary>
public sealed class HealthAlertTests : IDisposable
{
    private readonly AlertScenario _s = new();

    public void Dispose() => _s.Dispose();

    [Fact]
    public void LowDiskThreshold_AlertsOncePerChannel_ThenRecoveryOnce_ThenSilence()
    {
        var broken = CliRunner.Run(_s.Health(_s.Posture(disk: 1), "--alert"));

        Assert.True(broken.ExitCode == 3, broken.All);
        var telegram = Assert.Single(_s.Telegram.Messages);
        Assert.Equal(AlertScenario.ChatId, telegram.ChatId);
        Assert.Contains("FAILED disk: above 1 %", telegram.Text);
        Assert.Contains("claw-vps", telegram.Text);
        // Only disk breaks: every other check of the posture passed.
        Assert.Contains("(1 failed, 0 unknown, 10 ok)", broken.Stdout);
        var call = Assert.Single(_s.Webhook.Calls);
        using (var body = JsonDocument.Parse(call.Body))
        {
            var e = Assert.Single(body.RootElement.GetProperty("events").EnumerateArray());
            Assert.Equal(("disk", "alert", "failed"), (e.GetProperty("check").GetString(), e.GetProperty("kind").GetString(), e.GetProperty("status").GetString()));
        }

        Assert.StartsWith("sha256=", call.Headers["X-OpenClaw-Desired-Signature"]);
        Assert.Contains("telegram delivered", broken.Stdout);

        var again = CliRunner.Run(_s.Health(_s.Posture(disk: 1), "--alert"));
        Assert.Equal(3, again.ExitCode);
        Assert.Single(_s.Telegram.Messages);
        Assert.Single(_s.Webhook.Calls);
        Assert.Contains("nothing new to say", again.Stdout);

        var fixedRun = CliRunner.Run(_s.Health(_s.Posture(disk: 99.9), "--alert"));
        Assert.True(fixedRun.ExitCode == 0, fixedRun.All);
        Assert.Equal(2, _s.Telegram.Messages.Count);
        Assert.Contains("RECOVERED disk", _s.Telegram.Messages.Last().Text);
        Assert.Equal(2, _s.Webhook.Calls.Count);
        Assert.Contains("\"kind\":\"recovery\"", _s.Webhook.Calls.Last().Text);

        var quiet = CliRunner.Run(_s.Health(_s.Posture(disk: 99.9), "--alert"));
        Assert.Equal(0, quiet.ExitCode);
        Assert.Equal(2, _s.Telegram.Messages.Count);
        Assert.Equal(2, _s.Webhook.Calls.Count);
    }

    [Fact]
    public void StillFailing_AfterTheRepeatInterval_IsRemindedOnce()
    {
        CliRunner.Run(_s.Health(_s.Posture(disk: 1, repeat: "2s"), "--alert"));
        CliRunner.Run(_s.Health(_s.Posture(disk: 1, repeat: "2s"), "--alert"));
        Assert.Single(_s.Telegram.Messages);

        Thread.Sleep(TimeSpan.FromSeconds(2.2));
        CliRunner.Run(_s.Health(_s.Posture(disk: 1, repeat: "2s"), "--alert"));

        Assert.Equal(2, _s.Telegram.Messages.Count);
        Assert.Contains("STILL FAILED disk", _s.Telegram.Messages.Last().Text);
    }

    [Fact]
    public void ADeliveryThatFails_IsReportedExit3_AndSentAgainNextRun()
    {
        _s.Webhook.DefaultStatus = 500;

        var failed = CliRunner.Run(_s.Health(_s.Posture(disk: 99.9, format: "slack"), "--alert"));
        Assert.Equal(0, failed.ExitCode);
        File.WriteAllText(_s.Host.Real("/proc/meminfo"), "MemTotal: 1000 kB\nMemAvailable: 10 kB\n");
        var broken = CliRunner.Run(_s.Health(_s.Posture(disk: 99.9, format: "slack"), "--alert"));

        Assert.Equal(3, broken.ExitCode);
        Assert.Contains("webhook NOT delivered", broken.Stdout);
        Assert.Equal(4, _s.Webhook.Calls.Count);
        Assert.Single(_s.Telegram.Messages);

        _s.Webhook.DefaultStatus = 200;
        CliRunner.Run(_s.Health(_s.Posture(disk: 99.9, format: "slack"), "--alert"));
        Assert.Equal(5, _s.Webhook.Calls.Count);
        Assert.Contains("FAILED memory", _s.Webhook.Calls.Last().Text);
        Assert.Single(_s.Telegram.Messages);
    }

    [Fact]
    public void HealthJson_HasTheInterfaceShape()
    {
        var run = CliRunner.Run(_s.Health(_s.Posture(disk: 1), "--output", "json"));

        Assert.Equal(3, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var checks = json.RootElement.GetProperty("checks").EnumerateArray().ToList();
        Assert.Equal(["disk", "memory", "browsers", "cron", "gateway", "target.gateway", "backups", "secrets", "firewall", "drift", "loop"], checks.Select(c => c.GetProperty("name").GetString()));
        var disk = checks[0];
        Assert.Equal("failed", disk.GetProperty("status").GetString());
        Assert.Equal(1, disk.GetProperty("threshold").GetDouble());
        Assert.True(disk.GetProperty("value").GetDouble() > 1);
        Assert.False(string.IsNullOrEmpty(disk.GetProperty("message").GetString()));
        Assert.All(checks.Skip(1), c => Assert.Equal("ok", c.GetProperty("status").GetString()));
        // Without --alert nothing is sent and nothing is remembered.
        Assert.Empty(_s.Telegram.Messages);
        Assert.False(Directory.Exists(Path.Combine(_s.Host.StateDir, "monitoring")));
    }

    [Fact]
    public void AlertWithoutChannels_SaysSo_AndExits3()
    {
        var run = CliRunner.Run(_s.Health(MonitoringPostures.With("interval: 5m"), "--alert"));

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("names no alert channel", run.Stdout);
    }

    [Fact]
    public void AMissingStoreSecret_ReportsTheChannelNotDelivered_WithoutCrashing()
    {
        var posture = _s.Posture(disk: 1).Replace("{ store: ALERT_BOT_TOKEN }", "{ store: NO_SUCH_TOKEN }", StringComparison.Ordinal);

        var run = CliRunner.Run(_s.Health(posture, "--alert"));

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("telegram NOT delivered: cannot read the bot token (store:NO_SUCH_TOKEN)", run.Stdout);
        Assert.Single(_s.Webhook.Calls);
        Assert.Empty(_s.Telegram.Messages);
    }

    [Fact]
    public void Canaries_InTheStoreConfigAndCronState_NeverReachAnAlertOrOutput()
    {
        const string ConfigCanary = "xoxb-CANARY-slack-bot-7f3a9c2e1b8d4f60";
        const string CronCanary = "sk-proj-CANARYcronerr4Qx2Lm9Kp4Rt8Wz3Vb6";
        var config = _s.Host.ConfigPath;
        File.WriteAllText(config, File.ReadAllText(config).Replace("  channels: {\n", $"  channels: {{\n    slack: {{ botToken: \"{ConfigCanary}\" }},\n", StringComparison.Ordinal));
        CronFixture.WriteJobs(_s.Host, CronFixture.Job("prices", $"Prices {ConfigCanary}", state: CronFixture.State("error", error: $"401 Unauthorized for key {CronCanary}")));

        var runs = new[]
        {
            CliRunner.Run(_s.Health(_s.Posture(disk: 1), "--alert")),
            CliRunner.Run(_s.Health(_s.Posture(disk: 1), "--alert", "--output", "json")),
            CliRunner.Run(["metrics", "--posture", _s.Host.WritePosture(_s.Posture(disk: 1)), "--root", _s.Host.Root, "--state-dir", _s.Host.StateDir]),
        };

        Assert.Contains("FAILED cron", _s.Telegram.Messages.Single().Text);
        var texts = runs.SelectMany(r => new[] { r.Stdout, r.Stderr })
            .Concat(_s.Telegram.Requests)
            .Concat(_s.Webhook.Calls.Select(c => c.Text + string.Join('\n', c.Headers.Values)))
            .Concat(Directory.GetFiles(Path.Combine(_s.Host.StateDir, "monitoring")).Select(File.ReadAllText))
            .ToList();
        foreach (var canary in new[] { AlertScenario.BotToken, AlertScenario.WebhookSecret, ConfigCanary, CronCanary, _s.Webhook.Url })
        {
            Assert.All(texts, t => Assert.DoesNotContain(canary, t));
        }
    }
}
