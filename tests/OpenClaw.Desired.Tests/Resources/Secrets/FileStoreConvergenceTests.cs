using System.Text.Json.Nodes;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Resources.Secrets;

/// <summary>The demo host consolidated into OpenClaw's file secret provider: a JSON file and SecretRefs.</summary>
public sealed class FileStoreConvergenceTests
{
    private const string Home = ScratchHost.OpenClawHome;

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
    public void Apply_FileStore_MovesSecretsAndEnvReferencesFollowThem()
    {
        using var host = ScratchHost.FromDemo();
        var posture = host.WritePosture(SecretPostures.FileStore());
        var before = Credentials(host);

        var apply = CliRunner.Run(["reconcile", .. host.Args(posture, "--yes")]);
        var scan = CliRunner.Run(["secrets", "scan", .. host.Args(posture)[..4]]);
        var plan = CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run", "--output", "json")]);

        Assert.True(apply.ExitCode == 0, apply.All);
        Assert.Contains("0 finding(s)", scan.Stdout);
        Assert.Equal(before, Credentials(host));
        var config = global::OpenClaw.Desired.OpenClaw.JsonNodes.Parse(File.ReadAllText(host.ConfigPath))!;
        Assert.Equal("""{"source":"file","path":"/home/claw/.openclaw/secrets.json","mode":"json"}""", config["secrets"]!["providers"]!["desired"]!.ToJsonString());
        Assert.Equal("""{"source":"file","provider":"desired","id":"/TELEGRAM_BOT_TOKEN"}""", config["channels"]!["telegram"]!["botToken"]!.ToJsonString());
        var openai = JsonNode.Parse(File.ReadAllText(host.Real(Home + "/agents/main/agent/auth-profiles.json")))!["profiles"]!["openai:default"]!["keyRef"]!;
        Assert.Equal("""{"source":"file","provider":"desired","id":"/OPENAI_API_KEY"}""", openai.ToJsonString());
        Assert.Contains("# OPENAI_API_KEY=[secret moved to the file store as OPENAI_API_KEY]", File.ReadAllText(host.Real(Home + "/.env")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(host.Real(Home + "/secrets.json")));
        Assert.All(JsonNode.Parse(plan.Stdout)!["changes"]!.AsArray(), c => Assert.Equal("manual", (string?)c!["action"]));
    }

    [Fact]
    public void Rollback_FileStore_RestoresTheOriginalsAndSetsTheCreatedStoreAside()
    {
        using var host = ScratchHost.FromDemo();
        var posture = host.WritePosture(SecretPostures.FileStore());
        var before = HostSnapshot.Of(host.Root);

        CliRunner.Run(["reconcile", .. host.Args(posture, "--yes")]);
        var rollback = CliRunner.Run(["rollback", "--root", host.Root, "--state-dir", host.StateDir]);

        Assert.True(rollback.ExitCode == 0, rollback.All);
        Assert.Empty(before.Differences(HostSnapshot.Of(host.Root)));
        Assert.Contains("quarantined", rollback.Stdout);
        Assert.True(Directory.EnumerateFiles(Path.Combine(host.StateDir, "quarantine"), "secrets.json", SearchOption.AllDirectories).Any());
    }
}
