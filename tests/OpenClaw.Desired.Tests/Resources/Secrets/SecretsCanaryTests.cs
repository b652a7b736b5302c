using System.Text;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Resources.Secrets;

/// <summary>Canary secrets in every input; none may reach stdout, stderr, reports, journals, the audit trail or records.</summary>
public sealed class SecretsCanaryTests
{
    private static string Posture(ScratchHost host) =>
        host.WritePosture(SecretPostures.EnvStore("scan:\n  sessionLogs: true\n" + Canaries.Declared));

    [Fact]
    public void EveryVerb_WithCanariesEverywhere_NeverShowsOne()
    {
        using var host = ScratchHost.FromDemo();
        Canaries.Plant(host);
        var posture = Posture(host);
        var outputs = new StringBuilder();
        void Run(params string[] args)
        {
            var result = CliRunner.Run(args);
            outputs.AppendLine(result.All);
        }

        var scan = CliRunner.Run(["secrets", "scan", .. host.Args(posture)[..4], "--output", "json"]);
        outputs.AppendLine(scan.All);
        Run(["secrets", "scan", .. host.Args(posture)[..4]]);
        Run(["secrets", "scan", host.Real(ScratchHost.OpenClawHome)]);
        Run(["reconcile", .. host.Args(posture, "--dry-run")]);
        Run(["reconcile", .. host.Args(posture, "--dry-run", "--output", "json")]);
        Run(["reconcile", .. host.Args(posture, "--dry-run", "--output", "markdown")]);
        Run(["reconcile", .. host.Args(posture, "--yes", "--report", Path.Combine(host.Folder, "report.md"))]);
        Run(["reconcile", .. host.Args(posture, "--dry-run", "--report", Path.Combine(host.Folder, "after.json"))]);
        Run(["secrets", "rotated", "CANARY_SERVICE_TOKEN", .. host.Args(posture), "--force"]);
        Run(["audit", "verify", "--state-dir", host.StateDir]);
        Run(["secrets", "scan", .. host.Args(posture)[..4]]);
        Run(["rollback", "--root", host.Root, "--state-dir", host.StateDir]);

        // The scan saw the demo's four and the five planted outside the store (as fingerprints), so the
        // canaries are where the test means them to be.
        Assert.True(scan.ExitCode == 2, scan.All);
        Assert.Equal(9, System.Text.Json.Nodes.JsonNode.Parse(scan.Stdout)!["findings"]!.AsArray().Count);
        Assert.Empty(Canaries.In(outputs.ToString()));
        Assert.Empty(Canaries.In(File.ReadAllText(Path.Combine(host.Folder, "report.md")) + File.ReadAllText(Path.Combine(host.Folder, "after.json"))));
        foreach (var file in Directory.EnumerateFiles(host.StateDir, "*", SearchOption.AllDirectories))
        {
            var isBackup = Path.GetFileName(Path.GetDirectoryName(file)) == "files";
            if (isBackup)
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
                continue;
            }

            Assert.True(Canaries.In(File.ReadAllText(file)).Count == 0, $"{file} holds {string.Join(", ", Canaries.In(File.ReadAllText(file)))}");
        }
    }

    [Fact]
    public void Apply_WithCanariesEverywhere_LeavesThemOnlyInTheStore()
    {
        using var host = ScratchHost.FromDemo();
        Canaries.Plant(host);
        var posture = Posture(host);

        var apply = CliRunner.Run(["reconcile", .. host.Args(posture, "--yes")]);

        Assert.True(apply.ExitCode == 0, apply.All);
        var store = host.Real(ScratchHost.OpenClawHome + "/.env");
        Assert.Equal(Canaries.All.Order(), Canaries.In(File.ReadAllText(store)).Order());
        foreach (var file in Directory.EnumerateFiles(host.Root, "*", SearchOption.AllDirectories).Where(f => f != store))
        {
            Assert.True(Canaries.In(File.ReadAllText(file)).Count == 0, $"{file} still holds {string.Join(", ", Canaries.In(File.ReadAllText(file)))}");
        }
    }

    [Fact]
    public void Plan_BrokenConfigHoldingACanary_ReportsTheProblemWithoutTheValue()
    {
        using var host = ScratchHost.FromDemo();
        Canaries.Plant(host);
        File.AppendAllText(host.ConfigPath, $"\n{{ broken: \"{Canaries.Config}\" ");
        var posture = Posture(host);

        var plan = CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run")]);
        var apply = CliRunner.Run(["reconcile", .. host.Args(posture, "--yes")]);

        Assert.Contains("not valid JSON5", plan.Stdout + plan.Stderr);
        Assert.Empty(Canaries.In(plan.All + apply.All));
        foreach (var file in Directory.EnumerateFiles(host.StateDir, "*.json*", SearchOption.AllDirectories))
        {
            Assert.Empty(Canaries.In(File.ReadAllText(file)));
        }
    }

    [Fact]
    public void Plan_VaultRefusingACanaryToken_NeverShowsTheToken()
    {
        var tokenEnv = "OCD_CANARY_VAULT_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        const string token = "hvs.CANARYvaulttoken7Qx2Lm9Kp4Rt8";
        Environment.SetEnvironmentVariable(tokenEnv, token);
        try
        {
            using var vault = new FakeVaultServer("hvs.the-real-root-token");
            using var host = ScratchHost.FromDemo();
            var posture = host.WritePosture(SecretPostures.VaultStore(vault.Address, tokenEnv));

            var plan = CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run")]);
            var apply = CliRunner.Run(["reconcile", .. host.Args(posture, "--yes")]);

            Assert.Equal(3, plan.ExitCode);
            Assert.Contains("permission denied", plan.Stdout);
            Assert.DoesNotContain(token, plan.All + apply.All);
            Assert.DoesNotContain(token, string.Concat(Directory.EnumerateFiles(host.StateDir, "*", SearchOption.AllDirectories).Select(File.ReadAllText)));
        }
        finally
        {
            Environment.SetEnvironmentVariable(tokenEnv, null);
        }
    }
}
