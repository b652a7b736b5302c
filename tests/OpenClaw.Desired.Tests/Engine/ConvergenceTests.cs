using Newtonsoft.Json.Linq;
using OpenClaw.Desired.OpenClaw;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Engine;

/// <summary>For each kind: apply on a real scratch host, then the next plan is empty.</summary>
public sealed class ConvergenceTests
{
    [Fact]
    public void Apply_AgentControls_ConvergesAndNextPlanIsEmpty()
    {
        using var host = ScratchHost.FromDemo();
        var posture = host.WritePosture(Postures.AgentOnly());

        var apply = CliRunner.Run(["reconcile", .. host.Args(posture, "--yes")]);
        var plan = CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run")]);

        Assert.True(apply.ExitCode == 0, apply.All);
        Assert.True(plan.ExitCode == 2, plan.All); // only the manual action (short gateway token) remains
        Assert.Contains("0 change(s)", plan.Stdout);
        var config = OpenClawConfig.Parse(File.ReadAllText(host.ConfigPath));
        Assert.Equal("allowlist", (string?)config.Get("/tools/exec/security"));
        Assert.Equal("on-miss", (string?)config.Get("/tools/exec/ask"));
        Assert.False((bool)config.Get("/tools/elevated/enabled")!);
        Assert.Equal("loopback", (string?)config.Get("/gateway/bind"));
        Assert.Equal("tools", (string?)config.Get("/logging/redactSensitive"));
        Assert.Equal(["message"], config.Get("/tools/deny")!.Select(t => (string)t!));
        Assert.Equal(["weather"], config.Get("/agents/defaults/skills")!.Select(t => (string)t!));
        // Keys the posture does not govern are kept as they were.
        Assert.Equal(18789, (int)config.Get("/gateway/port")!);
        Assert.Equal("pairing", (string?)config.Get("/channels/telegram/dmPolicy"));
        Assert.Equal("2026.4.12", (string?)config.Get("/meta/lastTouchedVersion"));
    }

    [Fact]
    public void Apply_AgentControlsWithToken_IsInSyncAfterwards()
    {
        using var host = ScratchHost.FromDemo();
        var posture = host.WritePosture(Postures.AgentOnly(agent: "  gateway:\n    token: {env: OPENCLAW_GATEWAY_TOKEN}\n"));

        var apply = CliRunner.Run(["reconcile", .. host.Args(posture, "--yes")]);
        var plan = CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run")]);

        Assert.True(apply.ExitCode == 0, apply.All);
        Assert.True(plan.ExitCode == 0, plan.All);
        Assert.Contains("in sync", plan.Stdout);
        Assert.Equal("${OPENCLAW_GATEWAY_TOKEN}", (string?)OpenClawConfig.Parse(File.ReadAllText(host.ConfigPath)).Get("/gateway/auth/token"));
    }

    [Fact]
    public void Apply_GatewayTokenFromTheStore_WritesTheStoresReferenceNotTheValue()
    {
        using var host = ScratchHost.FromDemo();
        const string Token = "gw-token-from-the-store-6f1d2c9a8b7e4d3c2b1a";
        File.AppendAllText(host.Real("/home/claw/.openclaw/.env"), $"OPENCLAW_GATEWAY_TOKEN={Token}\n");
        var posture = host.WritePosture(Postures.AgentOnly(agent: "  gateway:\n    token: {store: OPENCLAW_GATEWAY_TOKEN}\n"));

        var missing = CliRunner.Run(["reconcile", .. host.Args(host.WritePosture(Postures.AgentOnly(agent: "  gateway:\n    token: {store: NOT_THERE}\n"), "missing.yaml"), "--dry-run")]);
        var apply = CliRunner.Run(["reconcile", .. host.Args(posture, "--yes")]);
        var plan = CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run")]);

        Assert.Equal(3, missing.ExitCode);
        Assert.Contains("NOT_THERE is not in the env store", missing.Stdout);
        Assert.True(apply.ExitCode == 0, apply.All);
        Assert.True(plan.ExitCode == 0, plan.All);
        Assert.Equal("${OPENCLAW_GATEWAY_TOKEN}", (string?)OpenClawConfig.Parse(File.ReadAllText(host.ConfigPath)).Get("/gateway/auth/token"));
        Assert.DoesNotContain(Token, apply.All + plan.All + File.ReadAllText(host.ConfigPath));
    }

    [Fact]
    public void Apply_Models_ConvergesChainProviderAndEndpoint()
    {
        using var ollama = new FakeOllamaServer("llama3.3:8b");
        using var host = ScratchHost.FromDemo();
        var posture = host.WritePosture(Postures.Standard(ollama.BaseUrl) + "    token: {env: GW_TOKEN}\n");

        var apply = CliRunner.Run(["reconcile", .. host.Args(posture, "--yes")]);
        var plan = CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run")]);

        Assert.True(apply.ExitCode == 0, apply.All);
        Assert.True(plan.ExitCode == 0, plan.All);
        var config = OpenClawConfig.Parse(File.ReadAllText(host.ConfigPath));
        Assert.Equal("anthropic/claude-sonnet-4-5", (string?)config.Get("/agents/defaults/model/primary"));
        Assert.Equal(["openai/gpt-5.1", "ollama/llama3.3:8b"], config.Get("/agents/defaults/model/fallbacks")!.Select(t => (string)t!));
        Assert.Equal(ollama.BaseUrl, (string?)config.Get("/models/providers/ollama/baseUrl"));
        Assert.Equal("ollama", (string?)config.Get("/models/providers/ollama/api"));
        Assert.Equal("llama3.3:8b", (string?)config.Get("/models/providers/ollama/models/0/id"));
    }

    [Fact]
    public void Apply_LocalModelMissingWithPull_PullsItAndConverges()
    {
        using var ollama = new FakeOllamaServer();
        using var host = ScratchHost.FromDemo();
        var posture = host.WritePosture(Postures.Standard(ollama.BaseUrl, pull: true) + "    token: {env: GW_TOKEN}\n");

        var dry = CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run")]);
        var apply = CliRunner.Run(["reconcile", .. host.Args(posture, "--yes")]);
        var plan = CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run")]);

        Assert.Contains("endpoint/ollama/llama3.3:8b", dry.Stdout);
        Assert.True(apply.ExitCode == 0, apply.All);
        Assert.Equal(["llama3.3:8b"], ollama.Pulls);
        Assert.True(plan.ExitCode == 0, plan.All);
    }

    [Fact]
    public void DryRun_LocalModelMissingWithoutPull_IsAManualAction()
    {
        using var ollama = new FakeOllamaServer("qwen3:32b");
        using var host = ScratchHost.FromDemo();
        var posture = host.WritePosture(Postures.Standard(ollama.BaseUrl));

        var dry = CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run", "--output", "json")]);

        var report = JObject.Parse(dry.Stdout);
        var manual = report["changes"]!.Single(c => (string?)c["resource"] == "endpoint/ollama/llama3.3:8b");
        Assert.Equal("manual", (string?)manual["action"]);
        Assert.Contains("ollama pull llama3.3:8b", (string?)manual["reason"]);
        Assert.Empty(ollama.Pulls);
    }

    [Fact]
    public void Apply_ConfigWithExecMode_ConvergesTheNewKeyNotTheOldOnes()
    {
        using var host = ScratchHost.FromDemo();
        var config = OpenClawConfig.Parse(File.ReadAllText(host.ConfigPath));
        config.Set("/tools/exec/mode", "full");
        File.WriteAllText(host.ConfigPath, config.ToJson());
        var posture = host.WritePosture(Postures.AgentOnly("paranoid", "models:\n  primary: ollama/llama3.3:8b\n  local: {model: llama3.3:8b, probe: false}\n"));

        var apply = CliRunner.Run(["reconcile", .. host.Args(posture, "--yes")]);
        var after = OpenClawConfig.Parse(File.ReadAllText(host.ConfigPath));

        Assert.True(apply.ExitCode == 0, apply.All);
        Assert.Equal("ask", (string?)after.Get("/tools/exec/mode"));
        Assert.Null(after.Get("/tools/exec/security"));
        Assert.Null(after.Get("/tools/exec/ask"));
    }
}
