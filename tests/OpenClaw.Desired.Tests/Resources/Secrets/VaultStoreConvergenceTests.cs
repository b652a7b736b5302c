using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using OpenClaw.Desired.Secrets.Vault;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Resources.Secrets;

/// <summary>
/// The demo host consolidated into Vault KV v2 — here FakeVaultServer, an in-process fake of the endpoints
/// the client uses; no real Vault was run. OpenClaw reaches the secrets through the exec provider.
/// </summary>
public sealed class VaultStoreConvergenceTests : IDisposable
{
    private readonly string _tokenEnv = "OCD_TEST_VAULT_TOKEN_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
    private readonly string _token = "hvs.test-" + Guid.NewGuid().ToString("N");

    public VaultStoreConvergenceTests() => Environment.SetEnvironmentVariable(_tokenEnv, _token);

    private Func<string, string, string?> Exec(FakeVaultServer vault, HttpClient http) => (_, id) =>
    {
        var client = new VaultKvClient(http, new VaultSettings(new Uri(vault.Address + "/"), null, "secret", new VaultTokenAuth(_token)));
        var answer = ExecResolver.ResolveAsync($"{{\"protocolVersion\":1,\"provider\":\"vault\",\"ids\":[\"{id}\"]}}", client, "openclaw", CancellationToken.None).GetAwaiter().GetResult();
        return (string?)JsonNode.Parse(answer)!["values"]![id];
    };

    [Fact]
    public void Apply_VaultStore_WritesSecretsToVaultAndConfigResolvesThroughExec()
    {
        using var vault = new FakeVaultServer(_token);
        using var http = new HttpClient();
        using var host = ScratchHost.FromDemo();
        var posture = host.WritePosture(SecretPostures.VaultStore(vault.Address, _tokenEnv));
        var telegram = new OpenClawResolver(host).ConfigValue("/channels/telegram/botToken");
        var anthropic = new OpenClawResolver(host).ProfileCredential("main", "anthropic:default");

        var apply = CliRunner.Run(["reconcile", .. host.Args(posture, "--yes")]);
        var plan = CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run", "--output", "json")]);

        Assert.True(apply.ExitCode == 0, apply.All);
        Assert.Equal(telegram, vault.Current("openclaw/TELEGRAM_BOT_TOKEN", "value"));
        var resolver = new OpenClawResolver(host, exec: Exec(vault, http));
        Assert.Equal(telegram, resolver.ConfigValue("/channels/telegram/botToken"));
        Assert.Equal(anthropic, resolver.ProfileCredential("main", "anthropic:default"));
        var provider = global::OpenClaw.Desired.OpenClaw.JsonNodes.Parse(File.ReadAllText(host.ConfigPath))!["secrets"]!["providers"]!["vault"]!;
        Assert.Equal("exec", (string?)provider["source"]);
        Assert.Equal(_tokenEnv, (string?)provider["passEnv"]![0]);
        Assert.DoesNotContain(_token, File.ReadAllText(host.ConfigPath));
        Assert.DoesNotContain(_token, apply.All + plan.All);
        Assert.All(JsonNode.Parse(plan.Stdout)!["changes"]!.AsArray(), c => Assert.Equal("manual", (string?)c!["action"]));
    }

    [Fact]
    public void Plan_VaultVersionOlderThanThePeriod_IsDueFromVaultsMetadata()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-40));
        using var vault = new FakeVaultServer(_token, clock: clock);
        vault.Put("openclaw/WEATHER_API_KEY", "value", "wx-9fQ2xL7mR4tW8zK1vB6nC3yH5jD0sA2e");
        using var host = ScratchHost.FromDemo();
        var posture = host.WritePosture(SecretPostures.VaultStore(vault.Address, _tokenEnv));

        CliRunner.Run(["reconcile", .. host.Args(posture, "--yes")]);
        var plan = CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run", "--output", "json")]);

        var change = JsonNode.Parse(plan.Stdout)!["changes"]!.AsArray().Single(c => (string?)c!["resource"] == "rotation:WEATHER_API_KEY")!;
        Assert.Equal("manual", (string?)change["action"]);
        Assert.Equal($"last rotated {clock.GetUtcNow():yyyy-MM-dd}", (string?)change["before"]);
    }

    [Fact]
    public void Plan_VaultWithoutToken_IsUnknownNotInSync()
    {
        using var vault = new FakeVaultServer(_token);
        using var host = ScratchHost.FromDemo();
        var posture = host.WritePosture(SecretPostures.VaultStore(vault.Address, _tokenEnv + "_UNSET"));

        var plan = CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run")]);

        Assert.Equal(3, plan.ExitCode);
        Assert.Contains("secrets/store", plan.Stdout);
        Assert.Contains("_UNSET in the environment", plan.Stdout);
    }

    public void Dispose() => Environment.SetEnvironmentVariable(_tokenEnv, null);
}
