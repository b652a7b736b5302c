using System.Text.Json;
using OpenClaw.Desired.OpenClaw;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Monitoring;

/// <summary>What monitoring converges: OpenClaw's diagnostics-otel settings and the health schedule, idempotently.</summary>
public sealed class MonitoringKindTests : IDisposable
{
    private readonly ScratchHost _host = ScratchHost.FromDemo();

    public void Dispose() => _host.Dispose();

    private CliResult Reconcile(string monitoring, params string[] extra) =>
        CliRunner.Run(["reconcile", .. _host.Args(_host.WritePosture(MonitoringPostures.With(monitoring)), [.. extra, "--yes", "--output", "json"])]);

    private static List<JsonElement> MonitoringChanges(CliResult run)
    {
        using var report = JsonDocument.Parse(run.Stdout);
        return report.RootElement.GetProperty("changes").EnumerateArray().Where(c => c.GetProperty("kind").GetString() == "monitoring").Select(c => c.Clone()).ToList();
    }

    private OpenClawConfig Config() => OpenClawConfig.Parse(File.ReadAllText(_host.ConfigPath));

    [Fact]
    public void Telemetry_IsWrittenToOpenClawJson_AndTheNextPlanIsEmpty()
    {
        const string Telemetry = "telemetry:\n  endpoint: http://127.0.0.1:4318\n  serviceName: claw-vps\n  logs: true\n  sampleRate: 0.2";

        var plan = MonitoringChanges(Reconcile(Telemetry, "--dry-run"));
        Reconcile(Telemetry);
        var after = MonitoringChanges(Reconcile(Telemetry, "--dry-run"));

        Assert.Contains(plan, c => c.GetProperty("resource").GetString() == "plugins.entries.diagnostics-otel.enabled");
        Assert.Empty(after);
        var config = Config();
        Assert.Equal(true, (bool?)config.Get("/plugins/entries/diagnostics-otel/enabled"));
        Assert.Equal(true, (bool?)config.Get("/diagnostics/enabled"));
        Assert.Equal(true, (bool?)config.Get("/diagnostics/otel/enabled"));
        Assert.Equal("http://127.0.0.1:4318", (string?)config.Get("/diagnostics/otel/endpoint"));
        Assert.Equal("claw-vps", (string?)config.Get("/diagnostics/otel/serviceName"));
        Assert.Equal(true, (bool?)config.Get("/diagnostics/otel/logs"));
        Assert.Equal(0.2, (double?)config.Get("/diagnostics/otel/sampleRate"));
        // OpenClaw's defaults are not written out, and no allowlist is invented where there was none.
        Assert.Null(config.Get("/diagnostics/otel/protocol"));
        Assert.Null(config.Get("/diagnostics/otel/metrics"));
        Assert.Null(config.Get("/plugins/allow"));
    }

    [Fact]
    public void Telemetry_WithAPluginAllowlist_AddsTheExporterToIt()
    {
        var config = Config();
        config.Set("/plugins/allow", new Newtonsoft.Json.Linq.JArray("memory-core"));
        File.WriteAllText(_host.ConfigPath, config.ToJson());

        Reconcile("telemetry:\n  endpoint: http://127.0.0.1:4318");

        Assert.Equal(["memory-core", "diagnostics-otel"], Config().Get("/plugins/allow")!.Select(t => (string)t!));
    }

    [Fact]
    public void Telemetry_BlockedByThePluginDenylist_IsAManualAction()
    {
        var config = Config();
        config.Set("/plugins/deny", new Newtonsoft.Json.Linq.JArray("diagnostics-otel"));
        File.WriteAllText(_host.ConfigPath, config.ToJson());

        var plan = MonitoringChanges(Reconcile("telemetry:\n  endpoint: http://127.0.0.1:4318", "--dry-run"));

        var manual = Assert.Single(plan, c => c.GetProperty("action").GetString() == "manual");
        Assert.Contains("plugins.deny blocks diagnostics-otel", manual.GetProperty("reason").GetString());
    }

    [Fact]
    public void Telemetry_Off_OnlyTurnsTheExporterOff()
    {
        Reconcile("telemetry:\n  enabled: false");

        var config = Config();
        Assert.Equal(false, (bool?)config.Get("/diagnostics/otel/enabled"));
        Assert.Null(config.Get("/plugins/entries"));
    }

    [Fact]
    public void Schedule_Cron_RunsHealthAlertAtTheInterval_AndGoesAwayWhenDropped()
    {
        var apply = Reconcile("interval: 10m\nscheduler: cron\ntextfile: /var/lib/node-exporter/ocd.prom");
        var cron = File.ReadAllText(_host.Real("/etc/cron.d/openclaw-desired-health"));

        Assert.Contains("*/10 * * * * root openclaw-desired health --alert --textfile " + _host.Real("/var/lib/node-exporter/ocd.prom"), cron);
        Assert.Contains($"--state-dir {_host.StateDir}", cron);
        Assert.Empty(MonitoringChanges(Reconcile("interval: 10m\nscheduler: cron\ntextfile: /var/lib/node-exporter/ocd.prom", "--dry-run")));
        _ = apply;

        var dropped = MonitoringChanges(Reconcile("interval: 10m", "--dry-run"));
        var removal = Assert.Single(dropped);
        Assert.Equal(("quarantine", "loosens"), (removal.GetProperty("action").GetString(), removal.GetProperty("effect").GetString()));
        Reconcile("interval: 10m");
        Assert.False(File.Exists(_host.Real("/etc/cron.d/openclaw-desired-health")));
    }

    [Fact]
    public void Schedule_Systemd_InstallsAndEnablesATimer()
    {
        var apply = Reconcile("interval: 7m\nscheduler: systemd");

        var timer = File.ReadAllText(_host.Real("/etc/systemd/system/openclaw-desired-health.timer"));
        var service = File.ReadAllText(_host.Real("/etc/systemd/system/openclaw-desired-health.service"));
        Assert.Contains("ExecStart=openclaw-desired health --alert --posture", service);
        Assert.Contains("(*/6 * * * *)", timer);
        Assert.Contains("posture section monitoring", timer);
        Assert.True(new FileInfo(_host.Real("/etc/systemd/system/timers.target.wants/openclaw-desired-health.timer")).LinkTarget is not null, apply.Stdout);
        Assert.Empty(MonitoringChanges(Reconcile("interval: 7m\nscheduler: systemd", "--dry-run")));
    }

    [Fact]
    public void Reap_OnAScratchRoot_StallsWithoutSignallingAnything()
    {
        var now = DateTimeOffset.UtcNow;
        new ProcFixture(_host, now.AddDays(-1))
            .Process(4242, 1, 1000, "chrome-headless", ProcFixture.HeadlessChrome(), now.AddHours(-3))
            .Process(4243, 4242, 1000, "chrome-headless", ProcFixture.HeadlessChrome("--type=renderer"), now.AddHours(-3));

        var plan = MonitoringChanges(Reconcile("browsers:\n  reap: true", "--dry-run"));
        var apply = Reconcile("browsers:\n  reap: true");

        var reap = Assert.Single(plan);
        Assert.Equal(("browser/4242", "remove"), (reap.GetProperty("resource").GetString(), reap.GetProperty("action").GetString()));
        using var report = JsonDocument.Parse(apply.Stdout);
        var outcome = report.RootElement.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("resource").GetString() == "browser/4242");
        Assert.Equal("stalled", outcome.GetProperty("outcome").GetString());
        Assert.Contains("only on the real root", outcome.GetProperty("message").GetString());
    }
}
