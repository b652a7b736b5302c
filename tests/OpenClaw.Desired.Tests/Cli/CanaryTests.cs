using OpenClaw.Desired.OpenClaw;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Cli;

/// <summary>Secrets planted in the posture and on the host never reach any output.</summary>
public sealed class CanaryTests
{
    private const string PostureCanary = "CANARY-posture-gateway-token-7f3a9c2e1b8d4f60a5e7";
    private const string HostTokenCanary = "CANARYhostgw42";
    private const string HostBotCanary = "7730142215:CANARY-host-bot-token-1c9e5d7a3b";

    [Fact]
    public void EveryOutput_OfEveryVerb_IsFreeOfCanaries()
    {
        using var host = ScratchHost.FromDemo();
        var config = OpenClawConfig.Parse(File.ReadAllText(host.ConfigPath));
        config.Set("/gateway/auth/token", HostTokenCanary);
        config.Set("/channels/telegram/botToken", HostBotCanary);
        File.WriteAllText(host.ConfigPath, config.ToJson());
        var posture = host.WritePosture(Postures.AgentOnly(agent: $"  gateway:\n    token: \"{PostureCanary}\"\n"));
        var reportFile = Path.Combine(host.Folder, "report.json");
        var markdownFile = Path.Combine(host.Folder, "report.md");

        var outputs = new List<CliResult>
        {
            CliRunner.Run("validate", "--posture", posture),
            CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run", "--report", reportFile)]),
            CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run", "--output", "json")]),
            CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run", "--output", "markdown", "--report", markdownFile)]),
            CliRunner.Run(["reconcile", .. host.Args(posture, "--yes")]),
            CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run")]),
            CliRunner.Run("rollback", "--root", host.Root, "--state-dir", host.StateDir, "--output", "json"),
            CliRunner.Run("health", "--posture", posture, "--root", host.Root, "--state-dir", host.StateDir, "--output", "json"),
            CliRunner.Run("metrics", "--posture", posture, "--root", host.Root, "--state-dir", host.StateDir),
            CliRunner.Run("score", "--posture", posture, "--root", host.Root, "--state-dir", host.StateDir),
            CliRunner.Run("score", "--posture", posture, "--root", host.Root, "--state-dir", host.StateDir, "-o", "json"),
            CliRunner.Run("score", "--posture", posture, "--root", host.Root, "--state-dir", host.StateDir, "-o", "markdown"),
            CliRunner.Run("lockdown", "--reason", "canary check", "--posture", posture, "--root", host.Root, "--state-dir", host.StateDir, "-o", "json"),
            CliRunner.Run("evidence", "verify", "--root", host.Root, "--state-dir", host.StateDir, "-o", "json"),
        };
        var handoff = File.ReadAllText(host.Real("/home/claw/.openclaw/workspace/HANDOFF.md"));
        outputs.Add(CliRunner.Run("lockdown", "--release", "--root", host.Root, "--state-dir", host.StateDir));

        // The apply really wrote the posture's token (so the test would see a leak if there were one).
        Assert.Equal(0, outputs[4].ExitCode);
        Assert.Contains("fp:", outputs[1].Stdout);
        var texts = outputs.SelectMany(o => new[] { o.Stdout, o.Stderr }).ToList();
        texts.Add(File.ReadAllText(reportFile));
        texts.Add(handoff);
        texts.Add(File.ReadAllText(markdownFile));
        foreach (var file in Directory.GetFiles(host.StateDir, "*", SearchOption.AllDirectories))
        {
            // Backups of changed files are the protected originals (mode 0600) and may hold them.
            if (file.Contains($"{Path.DirectorySeparatorChar}files{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
                continue;
            }

            // The evidence archive keeps the host's files as they were, secrets included: sealed read-only, never printed.
            if (file.EndsWith($"{Path.DirectorySeparatorChar}evidence.tar", StringComparison.Ordinal))
            {
                Assert.Equal(UnixFileMode.UserRead, File.GetUnixFileMode(file));
                continue;
            }

            texts.Add(File.ReadAllText(file));
        }

        foreach (var text in texts)
        {
            Assert.DoesNotContain(PostureCanary, text);
            Assert.DoesNotContain(HostTokenCanary, text);
            Assert.DoesNotContain(HostBotCanary, text);
        }
    }

    [Fact]
    public void BadPosture_WithCanaryInAWrongField_DoesNotEchoIt()
    {
        using var host = ScratchHost.FromDemo();
        var posture = host.WritePosture($"apiVersion: openclaw.desired/v1\ntier: {PostureCanary}\nagent:\n  gateway:\n    minTokenLength: \"{PostureCanary}\"\n    token: [{PostureCanary}]\n");

        var result = CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run")]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("posture.yaml:2:7: must be one of: basic, standard, paranoid (tier)", result.All);
        Assert.DoesNotContain("CANARY", result.All);
    }
}
