using System.Net;
using System.Net.Sockets;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Resources.Backups;

/// <summary>Where the probe cannot see (no restic, no password, no server), the plan says unknown, never "in sync".</summary>
[Trait("Category", "Integration")]
public sealed class BackupsUnknownTests
{
    [Fact]
    public void DryRun_UnreachableRestServer_IsUnknownAndKeepsTheCredentialOut()
    {
        using var s = BackupScenario.Create();
        var credential = "rest-canary-" + Guid.NewGuid().ToString("N")[..12];
        s.AddToStore("REST_PASSWORD", credential);
        var posture = s.Posture(
            $"""
              scheduler: cron
              archives:
                - name: remote
                  repository: rest:http://tester@127.0.0.1:{ClosedPort()}/claw
                  credential:
                    store: REST_PASSWORD
                  password:
                    store: RESTIC_PASSWORD
                  paths: [~/.openclaw/workspace]
            """);

        var plan = s.Reconcile(posture, "--dry-run");

        Assert.Equal(3, plan.ExitCode);
        var unknown = Assert.Single(BackupScenario.Json(plan).GetProperty("unknowns").EnumerateArray());
        Assert.Equal("archive/remote", unknown.GetProperty("resource").GetString());
        Assert.Contains("restic cannot open rest:http://tester@127.0.0.1", unknown.GetProperty("reason").GetString());
        Assert.Contains("connection refused", unknown.GetProperty("reason").GetString());
        Assert.DoesNotContain(credential, plan.All);
        Assert.DoesNotContain(s.Canary, plan.All);
    }

    [Fact]
    public void DryRun_PasswordNotInStore_IsUnknown()
    {
        using var s = BackupScenario.Create();
        var posture = s.Posture(
            """
              scheduler: cron
              archives:
                - name: local
                  repository: /srv/backup/restic/openclaw
                  password:
                    store: NO_SUCH_PASSWORD
                  paths: [~/.openclaw]
            """);

        var plan = s.Reconcile(posture, "--dry-run");

        Assert.Equal(3, plan.ExitCode);
        var unknown = Assert.Single(BackupScenario.Json(plan).GetProperty("unknowns").EnumerateArray());
        Assert.Contains("NO_SUCH_PASSWORD is not in the env store (/home/claw/.openclaw/.env)", unknown.GetProperty("reason").GetString());
        Assert.False(File.Exists(s.Host.Real("/srv/backup/restic/openclaw/config")));
    }

    [Fact]
    public async Task DryRun_ResticNotInstalled_IsUnknown()
    {
        using var s = BackupScenario.Create();
        var posture = s.Posture(
            """
              scheduler: cron
              archives:
                - name: local
                  repository: /srv/backup/restic/openclaw
                  password:
                    store: RESTIC_PASSWORD
                  paths: [~/.openclaw]
            """);
        var emptyPath = Directory.CreateDirectory(Path.Combine(s.Host.Folder, "empty-path")).FullName;

        var plan = await CliRunner.RunProcessAsync(new Dictionary<string, string> { ["PATH"] = emptyPath }, TimeSpan.FromMinutes(1),
            ["reconcile", .. s.Host.Args(posture, "--dry-run", "-o", "json")]);

        Assert.Equal(3, plan.ExitCode);
        Assert.Contains("restic is not installed", plan.Stdout);
        Assert.DoesNotContain(s.Canary, plan.All);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
