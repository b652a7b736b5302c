using System.Text.Json.Nodes;
using OpenClaw.Desired.Safety;
using OpenClaw.Desired.Secrets;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Resources.Secrets;

/// <summary>The demo host's plaintext credentials consolidated into OpenClaw's own .env, end to end through the CLI.</summary>
public sealed class EnvStoreConvergenceTests
{
    private const string Home = ScratchHost.OpenClawHome;

    /// <summary>What OpenClaw resolves for each credential the demo uses.</summary>
    private static Dictionary<string, string?> Credentials(ScratchHost host)
    {
        var resolver = new OpenClawResolver(host);
        return new Dictionary<string, string?>
        {
            ["telegram"] = resolver.ConfigValue("/channels/telegram/botToken"),
            ["gateway"] = resolver.ConfigValue("/gateway/auth/token"),
            ["anthropic"] = resolver.ProfileCredential("main", "anthropic:default"),
            ["openai"] = resolver.ProfileCredential("main", "openai:default"),
        };
    }

    [Fact]
    public void Apply_DemoHost_MovesEverySecretAndOpenClawResolvesTheSameValues()
    {
        using var host = ScratchHost.FromDemo();
        var posture = host.WritePosture(SecretPostures.EnvStore());
        var before = Credentials(host);
        var github = File.ReadAllText(host.Real(Home + "/workspace/MEMORY.md")).Split("triage skill: ")[1].Split('\n')[0];

        var apply = CliRunner.Run(["reconcile", .. host.Args(posture, "--yes")]);
        var scan = CliRunner.Run(["secrets", "scan", .. host.Args(posture)[..4]]);

        Assert.True(apply.ExitCode == 0, apply.All);
        Assert.True(scan.ExitCode == 0, scan.All);
        Assert.Contains("0 finding(s)", scan.Stdout);
        Assert.Equal(before, Credentials(host));
        Assert.All(before.Values, v => Assert.False(string.IsNullOrEmpty(v)));
        var env = new OpenClawResolver(host).Environment();
        Assert.Equal(github, env["GITHUB_TOKEN"]);
        Assert.Equal("${TELEGRAM_BOT_TOKEN}", (string?)global::OpenClaw.Desired.OpenClaw.JsonNodes.Parse(File.ReadAllText(host.ConfigPath))!["channels"]!["telegram"]!["botToken"]);
        Assert.Contains("[secret moved to the env store as GITHUB_TOKEN]", File.ReadAllText(host.Real(Home + "/workspace/MEMORY.md")));
        var profile = JsonNode.Parse(File.ReadAllText(host.Real(Home + "/agents/main/agent/auth-profiles.json")))!["profiles"]!["anthropic:default"]!;
        Assert.Null(profile["key"]);
        Assert.Equal("""{"source":"env","provider":"default","id":"ANTHROPIC_API_KEY"}""", profile["keyRef"]!.ToJsonString());
    }

    [Fact]
    public void Apply_ShortConnectionStringPassword_IsScrubbedWhereFoundAndTheSameWordElsewhereStays()
    {
        using var host = ScratchHost.FromDemo();
        var posture = host.WritePosture(SecretPostures.EnvStore());
        var notes = host.Real(Home + "/workspace/db-notes.md");
        File.WriteAllText(notes, "# Queue\n\nThe guest room booking is Friday.\n\n`Server=mq.internal;Database=jobs;User Id=worker;Password=guest;`\n\nAsk the guest desk, not the admin.\n");

        var apply = CliRunner.Run(["reconcile", .. host.Args(posture, "--yes")]);

        Assert.True(apply.ExitCode == 0, apply.All);
        var after = File.ReadAllText(notes);
        Assert.DoesNotContain("Password=guest;", after);
        Assert.Contains("Password=[secret moved to the env store as ", after);
        Assert.Contains("The guest room booking is Friday.", after);
        Assert.Contains("Ask the guest desk, not the admin.", after);
    }

    [Fact]
    public void Apply_DemoHost_MakesSecretFilesPrivateToTheAgentUser()
    {
        using var host = ScratchHost.FromDemo();
        var posture = host.WritePosture(SecretPostures.EnvStore());

        var apply = CliRunner.Run(["reconcile", .. host.Args(posture, "--yes")]);

        Assert.True(apply.ExitCode == 0, apply.All);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(host.Real(Home)));
        foreach (var file in new[] { "/.env", "/openclaw.json", "/agents/main/agent/auth-profiles.json", "/agents/main/agent/models.json", "/credentials/telegram-allowFrom.json" })
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(host.Real(Home + file)));
            if (Native.IsRoot)
            {
                Assert.Equal((1000, 1000), Native.Owner(host.Real(Home + file)));
            }
        }
    }

    [Fact]
    public void Plan_AfterApply_HasOnlyManualRotationsAndIsEmptyOnceRotated()
    {
        using var host = ScratchHost.FromDemo();
        var posture = host.WritePosture(SecretPostures.EnvStore());
        CliRunner.Run(["reconcile", .. host.Args(posture, "--yes")]);

        var plan = CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run", "--output", "json")]);
        var changes = JsonNode.Parse(plan.Stdout)!["changes"]!.AsArray();

        Assert.True(plan.ExitCode == 2, plan.All);
        Assert.Equal(5, changes.Count);
        Assert.All(changes, c => Assert.Equal("manual", (string?)c!["action"]));
        // The demo's 15-character gateway token is still 15 characters behind ${OPENCLAW_GATEWAY_TOKEN}: still too short.
        Assert.Equal(["gateway.auth.token", "rotation:ANTHROPIC_API_KEY", "rotation:GITHUB_TOKEN", "rotation:OPENCLAW_GATEWAY_TOKEN", "rotation:TELEGRAM_BOT_TOKEN"], changes.Select(c => (string?)c!["resource"]).Order(StringComparer.Ordinal));

        // The operator rotates each leaked secret at its issuer and puts the new value in the store.
        var envPath = host.Real(Home + "/.env");
        foreach (var name in new[] { "ANTHROPIC_API_KEY", "GITHUB_TOKEN", "OPENCLAW_GATEWAY_TOKEN", "TELEGRAM_BOT_TOKEN" })
        {
            File.WriteAllText(envPath, DotEnv.Set(File.ReadAllText(envPath), name, $"rotated-{name.ToLowerInvariant()}-Q7x9Lm2Kp4Rt8Wz3"));
            var rotated = CliRunner.Run(["secrets", "rotated", name, .. host.Args(posture)]);
            Assert.True(rotated.ExitCode == 0, rotated.All);
        }

        var after = CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run")]);
        Assert.True(after.ExitCode == 0, after.All);
        Assert.Contains("in sync", after.Stdout);
    }

    [Fact]
    public void Rotated_WhileTheStoreHoldsTheLeakedValue_Refuses()
    {
        using var host = ScratchHost.FromDemo();
        var posture = host.WritePosture(SecretPostures.EnvStore());
        CliRunner.Run(["reconcile", .. host.Args(posture, "--yes")]);

        var rotated = CliRunner.Run(["secrets", "rotated", "GITHUB_TOKEN", .. host.Args(posture)]);
        var missing = CliRunner.Run(["secrets", "rotated", "NOT_THERE", .. host.Args(posture)]);

        Assert.Equal(1, rotated.ExitCode);
        Assert.Contains("found in plaintext", rotated.Stderr);
        Assert.Equal(1, missing.ExitCode);
    }

    [Fact]
    public void Rollback_AfterApply_RestoresEveryFileByteForByteWithModeAndOwner()
    {
        using var host = ScratchHost.FromDemo();
        var posture = host.WritePosture(SecretPostures.EnvStore());
        var before = HostSnapshot.Of(host.Root);

        var apply = CliRunner.Run(["reconcile", .. host.Args(posture, "--yes")]);
        var rollback = CliRunner.Run(["rollback", "--root", host.Root, "--state-dir", host.StateDir]);

        Assert.True(apply.ExitCode == 0, apply.All);
        Assert.True(rollback.ExitCode == 0, rollback.All);
        Assert.Empty(before.Differences(HostSnapshot.Of(host.Root)));
    }

    [Fact]
    public void Apply_ChangedStoreValue_IsRecordedAsARotation()
    {
        using var host = ScratchHost.FromDemo();
        var posture = host.WritePosture(SecretPostures.EnvStore());
        CliRunner.Run(["reconcile", .. host.Args(posture, "--yes")]);
        var envPath = host.Real(Home + "/.env");
        File.WriteAllText(envPath, DotEnv.Set(File.ReadAllText(envPath), "OPENAI_API_KEY", "sk-proj-Rotated7Value2Q9xLm4Kp8Rt3Wz6"));

        var plan = CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run", "--output", "json")]);
        var apply = CliRunner.Run(["reconcile", .. host.Args(posture, "--yes")]);
        var again = CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run", "--output", "json")]);

        var change = JsonNode.Parse(plan.Stdout)!["changes"]!.AsArray().Single(c => (string?)c!["resource"] == "rotation:OPENAI_API_KEY")!;
        Assert.Equal("update", (string?)change["action"]);
        Assert.True(apply.ExitCode == 0, apply.All);
        Assert.DoesNotContain(JsonNode.Parse(again.Stdout)!["changes"]!.AsArray(), c => (string?)c!["resource"] == "rotation:OPENAI_API_KEY");
        var records = JsonNode.Parse(File.ReadAllText(Path.Combine(host.StateDir, "secrets", "rotation.json")))!;
        Assert.NotNull((string?)records["secrets"]!["OPENAI_API_KEY"]!["rotatedAt"]);
    }

    [Fact]
    public void Plan_RecordOlderThanThePeriod_ListsAManualRotationWithItsDueDate()
    {
        using var host = ScratchHost.FromDemo();
        var posture = host.WritePosture(SecretPostures.EnvStore());
        CliRunner.Run(["reconcile", .. host.Args(posture, "--yes")]);
        var recordsPath = Path.Combine(host.StateDir, "secrets", "rotation.json");
        var records = JsonNode.Parse(File.ReadAllText(recordsPath))!;
        var tracked = DateTimeOffset.UtcNow.AddDays(-45);
        records["secrets"]!["OPENAI_API_KEY"]!["trackedSince"] = tracked.ToString("O");
        File.WriteAllText(recordsPath, records.ToJsonString());

        var plan = CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run", "--output", "json")]);

        var change = JsonNode.Parse(plan.Stdout)!["changes"]!.AsArray().Single(c => (string?)c!["resource"] == "rotation:OPENAI_API_KEY")!;
        Assert.Equal("manual", (string?)change["action"]);
        Assert.Equal($"due {tracked.AddDays(30):yyyy-MM-dd} (15 days overdue)", (string?)change["after"]);
    }

    [Fact]
    public void AuditVerify_AfterApply_IsIntactAndNamesAChangedEntry()
    {
        using var host = ScratchHost.FromDemo();
        var posture = host.WritePosture(SecretPostures.EnvStore());
        CliRunner.Run(["reconcile", .. host.Args(posture, "--yes")]);
        var trail = Path.Combine(host.StateDir, "audit", "secrets.jsonl");

        var intact = CliRunner.Run(["audit", "verify", "--state-dir", host.StateDir]);
        var lines = File.ReadAllLines(trail);
        lines[3] = lines[3].Replace("\"op\":\"", "\"op\":\"x", StringComparison.Ordinal);
        File.WriteAllLines(trail, lines);
        var broken = CliRunner.Run(["audit", "verify", "--state-dir", host.StateDir]);

        Assert.True(intact.ExitCode == 0, intact.All);
        Assert.Contains("intact", intact.Stdout);
        Assert.Contains(File.ReadAllLines(trail), l => l.Contains("\"op\":\"stored\"", StringComparison.Ordinal) && l.Contains("GITHUB_TOKEN", StringComparison.Ordinal));
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("entry 4", broken.Stderr);
    }
}
