using Newtonsoft.Json.Linq;
using OpenClaw.Desired.OpenClaw;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Resources.Controls;

/// <summary>The risky host planned, applied with its paranoid posture, and planned again, once for all the tests of the class.</summary>
public sealed class AppliedRiskyHost : IDisposable
{
    public AppliedRiskyHost()
    {
        Host = RiskyHost.Create();
        Before = JObject.Parse(CliRunner.Run(["reconcile", .. Host.Args(RiskyHost.Posture, "--dry-run", "--output", "json")]).Stdout);
        Apply = CliRunner.Run(["reconcile", .. Host.Args(RiskyHost.Posture, "--output", "json", "--yes")]);
        After = JObject.Parse(CliRunner.Run(["reconcile", .. Host.Args(RiskyHost.Posture, "--dry-run", "--output", "json")]).Stdout);
        Config = OpenClawConfig.Parse(File.ReadAllText(Host.ConfigPath));
    }

    public ScratchHost Host { get; }

    public JObject Before { get; }

    public CliResult Apply { get; }

    public JObject After { get; }

    public OpenClawConfig Config { get; }

    public JObject Agent(string id) => (JObject)((JArray)Config.Get("/agents/list")!).Single(a => (string?)a["id"] == id);

    public void Dispose() => Host.Dispose();
}

/// <summary>Every control OpenClaw lets an agent override is converged on the agents of agents.list[], one change per agent and key.</summary>
public sealed class PerAgentOverrideTests(AppliedRiskyHost risky) : IClassFixture<AppliedRiskyHost>
{
    [Theory]
    [InlineData("model", "ops", "model", null, "models.weak_tier")]
    [InlineData("fallbacks", "research", "model", null, "models.legacy")]
    [InlineData("exec security", "ops", "tools.exec.security", "\"allowlist\"", "tools.exec.security_full_configured")]
    [InlineData("exec ask", "research", "tools.exec.ask", "\"always\"", null)]
    [InlineData("exec strict inline eval", "ops", "tools.exec.strictInlineEval", "true", "tools.exec.allowlist_interpreter_without_strict_inline_eval")]
    [InlineData("exec safe bins", "ops", "tools.exec.safeBins", "[\"jq\"]", "tools.exec.safe_bins_interpreter_unprofiled")]
    [InlineData("exec trusted dirs", "ops", "tools.exec.safeBinTrustedDirs", "[]", "tools.exec.safe_bin_trusted_dirs_risky")]
    [InlineData("sandbox mode", "ops", "sandbox.mode", "\"all\"", "tools.exec.host_sandbox_no_sandbox_agents")]
    [InlineData("sandbox workspace access", "research", "sandbox.workspaceAccess", "\"none\"", null)]
    [InlineData("docker network", "ops", "sandbox.docker.network", "\"none\"", "sandbox.dangerous_network_mode")]
    [InlineData("docker network of the agent's own", "research", "sandbox.docker.network", "\"none\"", null)]
    [InlineData("docker binds", "ops", "sandbox.docker.binds", "[]", "sandbox.dangerous_bind_mount")]
    [InlineData("docker seccomp", "ops", "sandbox.docker.seccompProfile", null, "sandbox.dangerous_seccomp_profile")]
    [InlineData("docker apparmor", "research", "sandbox.docker.apparmorProfile", null, "sandbox.dangerous_apparmor_profile")]
    [InlineData("docker read-only root", "ops", "sandbox.docker.readOnlyRoot", "true", null)]
    [InlineData("docker capabilities", "ops", "sandbox.docker.capDrop", "[\"NET_RAW\",\"ALL\"]", null)]
    [InlineData("docker namespace join", "ops", "sandbox.docker.dangerouslyAllowContainerNamespaceJoin", "false", "config.insecure_or_dangerous_flags")]
    [InlineData("tools profile", "ops", "tools.profile", "\"coding\"", "plugins.tools_reachable_permissive_policy")]
    [InlineData("tools deny", "ops", "tools.deny", "[\"write\",\"edit\",\"apply_patch\",\"exec\",\"process\"]", "tools.exec.fs_tools_disabled_but_exec_enabled")]
    [InlineData("tools fs boundary", "ops", "tools.fs.workspaceOnly", "true", "config.insecure_or_dangerous_flags")]
    [InlineData("skills", "ops", "skills", "[\"weather\"]", null)]
    [InlineData("elevated", "ops", "tools.elevated.enabled", "false", null)]
    public void Override_IsPlannedAsItsOwnChange_ConvergedByApply_AndInSyncAfterwards(string control, string agent, string key, string? expected, string? check)
    {
        var resource = $"agents.list[{agent}].{key}";

        var planned = risky.Before["changes"]!.Where(c => (string?)c["resource"] == resource).ToList();
        Assert.True(planned.Count == 1, $"{control}: {resource} planned {planned.Count} times");
        Assert.Equal("agent", (string?)planned[0]["kind"] is "models" ? "agent" : (string?)planned[0]["kind"]);
        if (check is not null)
        {
            Assert.Contains(check, planned[0]["checks"]!.Select(t => (string)t!));
        }

        Assert.True(risky.Apply.ExitCode == 0, risky.Apply.All);
        var value = risky.Agent(agent).SelectToken(key);
        if (expected is null)
        {
            Assert.Null(value);
        }
        else
        {
            Assert.True(JToken.DeepEquals(JToken.Parse(expected), value), $"{control}: {resource} is {value?.ToString(Newtonsoft.Json.Formatting.None) ?? "unset"}");
        }

        Assert.DoesNotContain(risky.After["changes"]!, c => (string?)c["resource"] == resource);
    }

    [Fact]
    public void AgentsWithoutOverrides_AreLeftAlone_TheyInheritTheConvergedDefaults()
    {
        Assert.DoesNotContain(risky.Before["changes"]!, c => ((string?)c["resource"])!.StartsWith("agents.list[main]", StringComparison.Ordinal));
        Assert.Equal(new JObject { ["id"] = "main", ["default"] = true }, risky.Agent("main"));
    }

    [Fact]
    public void AgentStricterThanThePosture_KeepsItsOverride()
    {
        using var host = ScratchHost.FromDemo();
        var config = OpenClawConfig.Parse(File.ReadAllText(host.ConfigPath));
        config.Set("/agents/list", JArray.Parse("""[{"id": "main", "default": true}, {"id": "vault", "tools": {"exec": {"security": "deny", "ask": "always"}, "profile": "minimal"}, "sandbox": {"mode": "all", "workspaceAccess": "none"}}]"""));
        File.WriteAllText(host.ConfigPath, config.ToJson());
        var posture = host.WritePosture(Postures.AgentOnly(agent: "  gateway:\n    token: {env: GW}\n"));

        var apply = CliRunner.Run(["reconcile", .. host.Args(posture, "--yes")]);
        var dry = CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run", "--output", "json")]);

        Assert.True(apply.ExitCode == 0, apply.All);
        Assert.DoesNotContain("agents.list[vault]", apply.Stdout);
        var vault = (JObject)((JArray)OpenClawConfig.Parse(File.ReadAllText(host.ConfigPath)).Get("/agents/list")!)[1];
        Assert.Equal("deny", (string?)vault.SelectToken("tools.exec.security"));
        Assert.Equal("minimal", (string?)vault.SelectToken("tools.profile"));
        Assert.Equal("all", (string?)vault.SelectToken("sandbox.mode"));
        Assert.True(dry.ExitCode == 0, dry.All);
    }

    [Fact]
    public void AgentsEntries_OfNewerOpenClaw_AreConvergedToo()
    {
        using var host = ScratchHost.FromDemo();
        var config = OpenClawConfig.Parse(File.ReadAllText(host.ConfigPath));
        config.Set("/agents/list", null);
        config.Set("/agents/entries", JObject.Parse("""{"ops": {"tools": {"exec": {"security": "full"}, "elevated": {"enabled": true}}, "sandbox": {"docker": {"seccompProfile": "unconfined"}}}}"""));
        File.WriteAllText(host.ConfigPath, config.ToJson());
        var posture = host.WritePosture(Postures.AgentOnly(agent: "  gateway:\n    token: {env: GW}\n"));

        var dry = CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run")]);
        var apply = CliRunner.Run(["reconcile", .. host.Args(posture, "--yes")]);
        var again = CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run")]);

        Assert.Contains("agents.entries.ops.tools.exec.security", dry.Stdout);
        Assert.Contains("agents.entries.ops.tools.elevated.enabled", dry.Stdout);
        Assert.Contains("agents.entries.ops.sandbox.docker.seccompProfile", dry.Stdout);
        Assert.True(apply.ExitCode == 0, apply.All);
        var ops = (JObject)OpenClawConfig.Parse(File.ReadAllText(host.ConfigPath)).Get("/agents/entries/ops")!;
        Assert.Equal("allowlist", (string?)ops.SelectToken("tools.exec.security"));
        Assert.False((bool)ops.SelectToken("tools.elevated.enabled")!);
        Assert.Null(ops.SelectToken("sandbox.docker.seccompProfile"));
        Assert.True(again.ExitCode == 0, again.All);
    }
}
