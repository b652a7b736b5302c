using OpenClaw.Desired.Monitoring;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Monitoring;

/// <summary>The monitoring section: defaults, and every refusal positioned at its line and column.</summary>
public sealed class MonitoringPostureTests
{
    private static PostureLoadResult Load(string monitoring) => PostureLoader.LoadText("posture.yaml", MonitoringPostures.With(monitoring));

    private static Diagnostic Error(string monitoring)
    {
        var loaded = Load(monitoring);
        Assert.False(loaded.Succeeded);
        return Assert.Single(loaded.Errors);
    }

    [Fact]
    public void Defaults_AreTheGuidesNumbers()
    {
        var settings = MonitoringSettings.From(HealthHarness.Load(MonitoringPostures.With("interval: 5m")));

        Assert.Equal((80.0, 90.0, 5, 0), (settings.Disk.MaxPercent, settings.Memory.MaxPercent, settings.Browsers.Max, settings.Cron.MaxFailed));
        Assert.Equal((TimeSpan.FromMinutes(5), TimeSpan.FromHours(4), 3, "none"), (settings.Interval, settings.Alerts.Repeat, settings.Alerts.Retries, settings.Scheduler));
        Assert.False(settings.Alerts.Any);
    }

    [Fact]
    public void ALiteralBotToken_IsRefusedAtItsPosition()
    {
        var error = Error("alerts:\n  telegram:\n    botToken: \"7730142215:AAF-literal\"\n    chatId: \"42\"");

        Assert.Equal("monitoring.alerts.telegram.botToken", error.Path);
        Assert.Equal((9, 17), (error.Line, error.Column));
        Assert.Contains("{store: NAME}", error.Message);
        Assert.DoesNotContain("AAF-literal", error.ToString());
    }

    [Fact]
    public void ALiteralWebhookSecret_IsRefused()
    {
        Assert.Equal("monitoring.alerts.webhook.secret", Error("alerts:\n  webhook:\n    url: https://alerts.example.com/hook\n    secret: shhh-literal").Path);
    }

    [Theory]
    [InlineData("https://hooks.slack.com/services/T000/B000/XXXXXXXX")]
    [InlineData("https://discord.com/api/webhooks/123/abc")]
    [InlineData("https://user:pass@alerts.example.com/hook")]
    [InlineData("ftp://alerts.example.com/hook")]
    public void AWebhookUrlThatIsACredential_OrNotHttp_IsRefused(string url)
    {
        Assert.Equal("monitoring.alerts.webhook.url", Error($"alerts:\n  webhook:\n    url: \"{url}\"").Path);
    }

    [Fact]
    public void APlainWebhookUrl_AndReferences_AreAccepted()
    {
        Assert.True(Load("alerts:\n  webhook:\n    url: https://alerts.example.com/hook\n    format: json").Succeeded);
        Assert.True(Load("alerts:\n  webhook:\n    url: { store: SLACK_HOOK }\n    format: slack").Succeeded);
        Assert.True(Load("alerts:\n  telegram:\n    botToken: { env: BOT }\n    chatId: { file: /etc/openclaw-desired/chat }").Succeeded);
    }

    [Fact]
    public void ABotApiOverPlainHttpBeyondLoopback_IsRefused_ButLoopbackIsFine()
    {
        Assert.Equal("monitoring.alerts.telegram.apiBase", Error("alerts:\n  telegram:\n    botToken: { store: T }\n    chatId: \"1\"\n    apiBase: http://bot-api.example.com").Path);
        Assert.True(Load("alerts:\n  telegram:\n    botToken: { store: T }\n    chatId: \"1\"\n    apiBase: http://127.0.0.1:8081").Succeeded);
    }

    [Fact]
    public void TelemetryWithoutEndpoint_IsRefused_UnlessItTurnsTelemetryOff()
    {
        Assert.Equal("monitoring.telemetry", Error("telemetry:\n  serviceName: x").Path);
        Assert.True(Load("telemetry:\n  enabled: false").Succeeded);
    }

    [Fact]
    public void ATextfileWithoutScheduler_IsAWarning()
    {
        var loaded = Load("textfile: /var/lib/node-exporter/x.prom");

        Assert.True(loaded.Succeeded);
        Assert.Contains(loaded.Diagnostics, d => d.Severity == Severity.Warning && d.Path == "monitoring.textfile");
    }

    [Fact]
    public void Thresholds_OutsideTheirRange_AreSchemaErrors()
    {
        Assert.Equal("monitoring.checks.disk.maxPercent", Error("checks:\n  disk: { maxPercent: 0 }").Path);
        Assert.Equal("monitoring.checks.cron.minSuccessRatio", Error("checks:\n  cron: { minSuccessRatio: 1.5 }").Path);
        Assert.Contains("unknown key 'maxPercnt'", Error("checks:\n  memory: { maxPercnt: 50 }").Message);
    }

    [Fact]
    public void ExampleMonitoringPosture_IsValid_WithEveryKeyAsWritten()
    {
        var loaded = PostureLoader.LoadFile(Path.Combine(RepoPaths.Examples, "monitoring", "posture.yaml"));

        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        var settings = MonitoringSettings.From(loaded.Posture!);
        Assert.Equal(("systemd", true, "slack"), (settings.Scheduler, settings.ReapBrowsers, settings.Alerts.Webhook!.Format));
        Assert.Equal("http://127.0.0.1:4318", settings.Telemetry!.Endpoint);
    }

    [Fact]
    public void HealthVerb_WithABadPosture_Exits1WithThePositionedError()
    {
        using var host = ScratchHost.FromDemo();
        var posture = host.WritePosture(MonitoringPostures.With("alerts:\n  telegram:\n    botToken: \"7730142215:AAF-literal\"\n    chatId: \"42\""));

        var run = CliRunner.Run("health", "--posture", posture, "--root", host.Root, "--state-dir", host.StateDir);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("posture.yaml:9:17:", run.Stderr);
        Assert.False(Directory.Exists(host.StateDir));
    }
}
