using System.Text.Json;
using OpenClaw.Desired.Loop;
using OpenClaw.Desired.Monitoring.Health;
using OpenClaw.Desired.Reporting;
using OpenClaw.Desired.Resources.Backups;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Monitoring;

/// <summary>The reconciler's own state: backups against their schedule, secrets past rotation, pending firewall changes, drift, the loop.</summary>
public sealed class StateChecksTests : IDisposable
{
    private const string Backups = """
        backups:
          interval: 1h
          archives:
            - name: local
              repository: /srv/restic
              password: { env: RESTIC_PASSWORD }
              paths: [~/.openclaw/workspace]
        """;

    private readonly HealthHarness _h = new();

    public void Dispose() => _h.Dispose();

    private DateTimeOffset Now => _h.Clock.GetUtcNow();

    [Fact]
    public void Backups_LastSuccessWithinMaxAge_Passes_AndOlderFails()
    {
        var records = new RecordStore(_h.Host.StateDir);
        records.Write(new BackupRecord { Operation = BackupOperations.Backup, Target = "local", At = Now.AddMinutes(-90), Ok = true, Message = "ok" });
        var check = new BackupsCheck();
        var context = _h.For("interval: 5m", Backups);
        Assert.True(check.AppliesTo(context));

        var fresh = HealthHarness.Run(check, context);
        _h.Clock.Advance(TimeSpan.FromHours(1));
        var stale = _h.Run(check, "interval: 5m", Backups);

        Assert.Equal((HealthStatus.Ok, 5400.0, 7200.0), (fresh.Status, fresh.Value!.Value, fresh.Threshold!.Value));
        Assert.Equal(HealthStatus.Failed, stale.Status);
        Assert.Contains("local 2h 30m ago (max 2h)", stale.Message);
    }

    [Fact]
    public void Backups_NeverRun_Fail_AndPosturesWithoutBackupsSkipTheCheck()
    {
        var result = _h.Run(new BackupsCheck(), "interval: 5m", Backups);

        Assert.Equal(HealthStatus.Failed, result.Status);
        Assert.Contains("never succeeded", result.Message);
        Assert.False(new BackupsCheck().AppliesTo(_h.For("interval: 5m")));
    }

    [Fact]
    public void Secrets_PastTheirRotationDate_FailAndName()
    {
        var rotation = Path.Combine(_h.Host.StateDir, "secrets", "rotation.json");
        Directory.CreateDirectory(Path.GetDirectoryName(rotation)!);
        File.WriteAllText(rotation, JsonSerializer.Serialize(new
        {
            version = 1,
            secrets = new Dictionary<string, object>
            {
                ["OPENAI_API_KEY"] = new { type = "apiKey", trackedSince = Now.AddDays(-45) },
                ["TELEGRAM_BOT_TOKEN"] = new { type = "botToken", trackedSince = Now.AddDays(-45) },
            },
        }, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
        var check = new SecretsCheck();
        var context = _h.For("interval: 5m");
        Assert.True(check.AppliesTo(context));

        var result = HealthHarness.Run(check, context);

        Assert.Equal((HealthStatus.Failed, 1.0), (result.Status, result.Value!.Value));
        Assert.Contains("OPENAI_API_KEY", result.Message);
        Assert.DoesNotContain("TELEGRAM_BOT_TOKEN", result.Message);
    }

    [Fact]
    public void Firewall_AChangeAwaitingConfirmation_Fails()
    {
        var folder = _h.Host.Real("/run/openclaw-desired/firewall/20261129T115500000Z-abc123");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "pending.json"), JsonSerializer.Serialize(new
        {
            id = "20261129T115500000Z-abc123",
            table = "openclaw_desired",
            appliedAt = Now.AddMinutes(-5),
            deadline = Now.AddMinutes(5),
            prefix = Array.Empty<string>(),
            unit = (string?)null,
        }, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
        var check = new FirewallCheck();
        var context = _h.For("interval: 5m");
        Assert.True(check.AppliesTo(context));

        var result = HealthHarness.Run(check, context);

        Assert.Equal(HealthStatus.Failed, result.Status);
        Assert.Contains("awaits `openclaw-desired confirm`", result.Message);
    }

    [Fact]
    public void Drift_LastTickWithPlannedChanges_Fails_AndAConvergedOnePasses()
    {
        WriteLastReport("dry-run", changes: 2);
        var drifting = _h.Run(new DriftCheck());
        WriteLastReport("apply", changes: 2, notConverged: 0);
        var converged = _h.Run(new DriftCheck());

        Assert.Equal((HealthStatus.Failed, 2.0), (drifting.Status, drifting.Value!.Value));
        Assert.Contains("agent 2", drifting.Message);
        Assert.Equal(HealthStatus.Ok, converged.Status);
    }

    [Fact]
    public void Loop_OverdueByMoreThanTheGrace_IsStalled()
    {
        StatusFile.Write(_h.Host.StateDir, new LoopStatus { LastRun = Now.AddMinutes(-40), Result = "in-sync", NextRun = Now.AddMinutes(-25) });
        var stalled = _h.Run(new LoopCheck(), "checks:\n  loop: { grace: 10m }");
        StatusFile.Write(_h.Host.StateDir, new LoopStatus { LastRun = Now.AddMinutes(-10), Result = "in-sync", NextRun = Now.AddMinutes(5) });
        var alive = _h.Run(new LoopCheck());

        Assert.Equal((HealthStatus.Failed, 1500.0), (stalled.Status, stalled.Value!.Value));
        Assert.Contains("stalled", stalled.Message);
        Assert.Equal(HealthStatus.Ok, alive.Status);
    }

    [Fact]
    public void Loop_DemandedButNeverRun_Fails_AndIsNotCheckedWhereItNeverRan()
    {
        var demanded = _h.Run(new LoopCheck(), "checks:\n  loop: { enabled: true }");

        Assert.Equal(HealthStatus.Failed, demanded.Status);
        Assert.False(new LoopCheck().AppliesTo(_h.For("interval: 5m")));
    }

    private void WriteLastReport(string mode, int changes, int notConverged = 0)
    {
        var change = new ChangeReport("agent", "tools.exec.security", "update", "why", "full", "allowlist", "tightens");
        var report = new RunReport
        {
            RunId = "r1",
            Mode = mode,
            ToolVersion = "test",
            StartedAt = Now.AddMinutes(-3),
            Result = mode == "apply" ? "converged" : "drift",
            Host = new HostInfo(_h.Host.Root, "claw", _h.Host.StateDir),
            Changes = Enumerable.Repeat(change, changes).ToList(),
            NotConverged = Enumerable.Repeat(change, notConverged).ToList(),
        };
        File.WriteAllText(Path.Combine(_h.Host.StateDir, StatusFile.LastReport), JsonSerializer.Serialize(report, ReportWriter.Options));
    }
}
