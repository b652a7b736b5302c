using System.Text.Json.Nodes;
using OpenClaw.Desired.Monitoring.Health;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Monitoring;

/// <summary>OpenClaw's cron jobs in every storage era, and the tricks a hostile cron folder can play.</summary>
public sealed class CronCheckTests : IDisposable
{
    private readonly HealthHarness _h = new();

    public void Dispose() => _h.Dispose();

    private HealthCheckResult Run(string monitoring = "interval: 5m") => _h.Run(new CronCheck(), monitoring);

    private DateTimeOffset Ago(TimeSpan span) => _h.Clock.GetUtcNow() - span;

    [Fact]
    public void Demo_WithOneScheduledJob_Passes()
    {
        var result = Run();

        Assert.Equal((HealthStatus.Ok, 0.0, 0.0), (result.Status, result.Value!.Value, result.Threshold!.Value));
        Assert.Contains("1 job(s) in jobs.json", result.Message);
    }

    [Fact]
    public void InlineState_ALastRunThatFailed_FailsTheCheck()
    {
        CronFixture.WriteJobs(_h.Host,
            CronFixture.Job("brief", "Morning brief", state: CronFixture.State("ok")),
            CronFixture.Job("prices", "Crypto prices", state: CronFixture.State("error", consecutive: 3, error: "model call failed: 529 overloaded")));

        var result = Run();

        Assert.Equal((HealthStatus.Failed, 1.0), (result.Status, result.Value!.Value));
        Assert.Contains("Crypto prices (last run failed, 3 in a row: model call failed: 529 overloaded)", result.Message);
    }

    [Fact]
    public void InlineState_TheOlderLastStatusKey_IsReadToo()
    {
        CronFixture.WriteJobs(_h.Host, CronFixture.Job("prices", "Crypto prices", state: CronFixture.State("error", legacyKey: true)));

        Assert.Equal(HealthStatus.Failed, Run().Status);
    }

    [Fact]
    public void MaxFailed_AllowsThatManyFailingJobs()
    {
        CronFixture.WriteJobs(_h.Host, CronFixture.Job("prices", "Crypto prices", state: CronFixture.State("error")));

        var result = Run("checks:\n  cron: { maxFailed: 1 }");

        Assert.Equal((HealthStatus.Ok, 1.0), (result.Status, result.Value!.Value));
    }

    [Fact]
    public void AJobOpenClawDisabledAfterScheduleErrors_Fails_ButOneTheUserDisabledDoesNot()
    {
        CronFixture.WriteJobs(_h.Host,
            CronFixture.Job("auto", "Broken schedule", enabled: false, state: CronFixture.State("ok", scheduleErrors: 3)),
            CronFixture.Job("manual", "Paused by hand", enabled: false, state: CronFixture.State("ok")));
        var context = _h.For("interval: 5m");

        var result = HealthHarness.Run(new CronCheck(), context);

        Assert.Equal((HealthStatus.Failed, 1.0), (result.Status, result.Value!.Value));
        Assert.Contains("Broken schedule (disabled by OpenClaw after 3 errors)", result.Message);
        Assert.Equal(["auto_disabled", "disabled"], context.Samples.CronJobs!.Select(j => j.State));
    }

    [Fact]
    public void Sidecar_StateInJobsStateJson_WinsOverTheInlineState()
    {
        CronFixture.WriteJobs(_h.Host, CronFixture.Job("brief", "Morning brief", state: CronFixture.State("ok")));
        CronFixture.WriteSidecar(_h.Host, new() { ["brief"] = CronFixture.State("error", consecutive: 2, error: "delivery failed") });

        var result = Run();

        Assert.Equal(HealthStatus.Failed, result.Status);
        Assert.Contains("jobs.json + jobs-state.json", result.Message);
        Assert.Contains("delivery failed", result.Message);
    }

    [Fact]
    public void Sqlite_JobsAndRunLogsInTheStateDatabase_AreRead()
    {
        var now = _h.Clock.GetUtcNow();
        CronFixture.WriteSqlite(_h.Host,
            [
                (CronFixture.Job("brief", "Morning brief"), true, CronFixture.State("ok")),
                (CronFixture.Job("prices", "Crypto prices"), true, CronFixture.State("error", consecutive: 4, error: "tool exec failed")),
            ],
            [("brief", "ok", now.AddHours(-2)), ("brief", "error", now.AddHours(-1)), ("brief", "ok", now.AddDays(-30)), ("prices", "error", now.AddHours(-1))]);
        var context = _h.For("interval: 5m");

        var result = HealthHarness.Run(new CronCheck(), context);

        Assert.Equal((HealthStatus.Failed, 1.0), (result.Status, result.Value!.Value));
        Assert.Contains("2 job(s) in sqlite", result.Message);
        Assert.Contains("tool exec failed", result.Message);
        var brief = context.Samples.CronJobs!.Single(j => j.Id == "brief");
        Assert.Equal((1, 1), (brief.RunsOk, brief.RunsFailed));
    }

    [Fact]
    public void Sqlite_AJobDisabledInItsColumn_IsDisabled()
    {
        CronFixture.WriteSqlite(_h.Host, [(CronFixture.Job("prices", "Crypto prices", enabled: true), false, CronFixture.State("error", consecutive: 10))]);
        var context = _h.For("interval: 5m");

        var result = HealthHarness.Run(new CronCheck(), context);

        Assert.Equal("auto_disabled", context.Samples.CronJobs!.Single().State);
        Assert.Equal(HealthStatus.Failed, result.Status);
    }

    [Fact]
    public void RunLogs_SuccessRatioInTheWindow_CountsAgainstMinSuccessRatio()
    {
        CronFixture.WriteJobs(_h.Host, CronFixture.Job("brief", "Morning brief", state: CronFixture.State("ok")));
        CronFixture.AppendRuns(_h.Host, "brief", ("error", Ago(TimeSpan.FromDays(2))), ("error", Ago(TimeSpan.FromDays(1))), ("ok", Ago(TimeSpan.FromHours(3))), ("ok", Ago(TimeSpan.FromDays(20))));
        var context = _h.For("checks:\n  cron: { minSuccessRatio: 0.5, window: 7d }");

        var strict = HealthHarness.Run(new CronCheck(), context);
        var lenient = _h.Run(new CronCheck(), "checks:\n  cron: { minSuccessRatio: 0.3 }");

        Assert.Equal(HealthStatus.Failed, strict.Status);
        Assert.Contains("33 % of runs succeeded in the last 7d", strict.Message);
        Assert.Equal(1 / 3.0, context.Samples.CronJobs!.Single().SuccessRatio!.Value, 3);
        Assert.Equal(HealthStatus.Ok, lenient.Status);
    }

    [Fact]
    public void RunLogs_AHugeLog_IsReadFromItsTailOnly()
    {
        CronFixture.WriteJobs(_h.Host, CronFixture.Job("brief", "Morning brief", state: CronFixture.State("ok")));
        Directory.CreateDirectory(_h.Host.Real(CronFixture.Dir + "/runs"));
        File.WriteAllText(_h.Host.Real(CronFixture.Dir + "/runs/brief.jsonl"), new string('x', 8 * 1024 * 1024) + "\n");
        CronFixture.AppendRuns(_h.Host, "brief", ("ok", Ago(TimeSpan.FromHours(1))));
        var context = _h.For("interval: 5m");

        var result = HealthHarness.Run(new CronCheck(), context);

        Assert.Equal(HealthStatus.Ok, result.Status);
        Assert.Equal(1, context.Samples.CronJobs!.Single().RunsOk);
    }

    [Fact]
    public void AJobIdThatClimbsOutOfTheFolder_NeverNamesARunLog()
    {
        CronFixture.WriteJobs(_h.Host, CronFixture.Job("../../../../../etc/passwd", "Sneaky", state: CronFixture.State("ok")));

        var result = Run();

        Assert.Equal(HealthStatus.Unknown, result.Status);
        Assert.Contains("cannot name a run log", result.Message);
    }

    [Fact]
    public void JobsJson_AsAFifo_IsUnknownNamingIt_AndDoesNotBlock()
    {
        File.Delete(_h.Host.Real(CronFixture.Dir + "/jobs.json"));
        HostFiles.MkFifo(_h.Host.Real(CronFixture.Dir + "/jobs.json"));

        var result = Run();

        Assert.Equal(HealthStatus.Unknown, result.Status);
        Assert.Contains("jobs.json", result.Message);
        Assert.Contains("FIFO", result.Message);
    }

    [Fact]
    public void JobsJson_AsALinkTheAgentPlanted_IsNotFollowed()
    {
        File.Delete(_h.Host.Real(CronFixture.Dir + "/jobs.json"));
        Directory.CreateDirectory(_h.Host.Real("/root"));
        File.WriteAllText(_h.Host.Real("/root/jobs.json"), """{"version":1,"jobs":[{"id":"x","name":"root's job","enabled":true,"state":{"lastRunStatus":"error"}}]}""");
        File.CreateSymbolicLink(_h.Host.Real(CronFixture.Dir + "/jobs.json"), "/root/jobs.json");
        HostFiles.Lchown(_h.Host.Real(CronFixture.Dir + "/jobs.json"), 1000, 1000);

        var result = Run();

        Assert.Equal(HealthStatus.Unknown, result.Status);
        Assert.Contains("planted-link", result.Message);
        Assert.DoesNotContain("root's job", result.Message);
    }

    [Fact]
    public void JobsJson_NestedDeeperThanAnyRealStore_IsUnknown()
    {
        File.WriteAllText(_h.Host.Real(CronFixture.Dir + "/jobs.json"), "{\"jobs\":" + new string('[', 5000) + new string(']', 5000) + "}");

        Assert.Equal(HealthStatus.Unknown, Run().Status);
    }

    [Fact]
    public void SchedulerSwitchedOff_InOpenClawJson_IsOk()
    {
        CronFixture.WriteJobs(_h.Host, CronFixture.Job("prices", "Crypto prices", state: CronFixture.State("error")));
        var config = _h.Host.ConfigPath;
        File.WriteAllText(config, File.ReadAllText(config).Replace("  logging: {", "  cron: { enabled: false },\n  logging: {", StringComparison.Ordinal));

        var result = Run();

        Assert.Equal(HealthStatus.Ok, result.Status);
        Assert.Contains("cron.enabled: false", result.Message);
    }

    [Fact]
    public void CronStore_ElsewhereByConfig_IsFollowed()
    {
        Directory.CreateDirectory(_h.Host.Real("/home/claw/cron-elsewhere"));
        File.WriteAllText(_h.Host.Real("/home/claw/cron-elsewhere/store.json"),
            new JsonObject { ["version"] = 1, ["jobs"] = new JsonArray(CronFixture.Job("x", "Elsewhere", state: CronFixture.State("error"))) }.ToJsonString());
        var config = _h.Host.ConfigPath;
        File.WriteAllText(config, File.ReadAllText(config).Replace("  logging: {", "  cron: { store: \"~/cron-elsewhere/store.json\" },\n  logging: {", StringComparison.Ordinal));

        var result = Run();

        Assert.Equal(HealthStatus.Failed, result.Status);
        Assert.Contains("Elsewhere", result.Message);
    }

    [Fact]
    public void LastError_HoldingACredential_IsMaskedInTheMessage()
    {
        const string Key = "sk-proj-CANARYcron4Qx2Lm9Kp4Rt8Wz3Vb6Nc1Yh5";
        CronFixture.WriteJobs(_h.Host, CronFixture.Job("prices", "Crypto prices", state: CronFixture.State("error", error: $"401 from OpenAI with key {Key}")));

        var result = Run();

        Assert.Equal(HealthStatus.Failed, result.Status);
        Assert.DoesNotContain(Key, result.Message);
        Assert.Contains("[redacted]", result.Message);
    }
}
