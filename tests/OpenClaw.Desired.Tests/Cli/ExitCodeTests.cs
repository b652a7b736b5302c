using OpenClaw.Desired.OpenClaw;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Cli;

/// <summary>0 in sync/applied, 1 error, 2 changes, 3 failed or unknown, 4 loosens.</summary>
public sealed class ExitCodeTests
{
    private static void EditConfig(ScratchHost host, Action<OpenClawConfig> edit)
    {
        var config = OpenClawConfig.Parse(File.ReadAllText(host.ConfigPath));
        edit(config);
        File.WriteAllText(host.ConfigPath, config.ToJson());
    }

    [Fact]
    public void DryRun_InSync_Exits0()
    {
        using var host = ScratchHost.FromDemo();
        var posture = host.WritePosture(Postures.AgentOnly(agent: "  gateway:\n    token: {env: GW}\n"));
        Assert.Equal(0, CliRunner.Run(["reconcile", .. host.Args(posture, "--yes")]).ExitCode);

        Assert.Equal(0, CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run")]).ExitCode);
    }

    [Fact]
    public void DryRun_TighteningChanges_Exits2()
    {
        using var host = ScratchHost.FromDemo();
        var posture = host.WritePosture(Postures.AgentOnly());

        var result = CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run")]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("[tightens]", result.Stdout);
        Assert.DoesNotContain("[LOOSENS]", result.Stdout);
    }

    [Fact]
    public void DryRun_PlanThatLoosens_Exits4()
    {
        using var host = ScratchHost.FromDemo();
        EditConfig(host, c => c.Set("/tools/exec/security", "deny"));
        var posture = host.WritePosture(Postures.AgentOnly());

        var result = CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run", "--no-color")]);

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("tools.exec.security [LOOSENS]", result.Stdout);
        Assert.Contains("deny -> allowlist", result.Stdout);
    }

    [Fact]
    public void DryRunAndApply_UnreadableConfig_AreUnknownExit3AndChangeNothing()
    {
        using var host = ScratchHost.FromDemo();
        File.WriteAllText(host.ConfigPath, "{ tools: { exec: ");
        var before = File.ReadAllBytes(host.ConfigPath);
        var posture = host.WritePosture(Postures.AgentOnly());

        var dry = CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run")]);
        var apply = CliRunner.Run(["reconcile", .. host.Args(posture, "--yes")]);

        Assert.Equal(3, dry.ExitCode);
        Assert.Contains("unknown", dry.Stdout);
        Assert.Contains("not valid JSON5", dry.Stdout);
        Assert.Equal(3, apply.ExitCode);
        Assert.Equal(before, File.ReadAllBytes(host.ConfigPath));
    }

    [Fact]
    public void DryRun_OpenClawNotInstalled_IsUnknownNotInSync()
    {
        using var host = ScratchHost.FromDemo();
        Directory.Delete(host.Real(ScratchHost.OpenClawHome), recursive: true);
        var posture = host.WritePosture(Postures.AgentOnly());

        var result = CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run")]);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("does not exist", result.Stdout);
    }

    [Fact]
    public void DryRun_LocalEndpointDown_IsUnknownExit3()
    {
        using var host = ScratchHost.FromDemo();
        var posture = host.WritePosture(Postures.Standard("http://127.0.0.1:9"));

        var result = CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run")]);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("models/endpoint/ollama/llama3.3:8b", result.Stdout);
    }

    [Fact]
    public void Apply_ApplyFails_Exits3AndOtherChangesStillApply()
    {
        using var host = ScratchHost.FromDemo();
        using var ollama = new FakeOllamaServer { FailPulls = true };
        var posture = host.WritePosture(Postures.Standard(ollama.BaseUrl, pull: true) + "    token: {env: GW}\n");

        var result = CliRunner.Run(["reconcile", .. host.Args(posture, "--yes", "--no-color")]);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("=> failed: pull answered HTTP 500", result.Stdout);
        Assert.Contains("did not converge", result.Stdout);
        var config = OpenClawConfig.Parse(File.ReadAllText(host.ConfigPath));
        Assert.Equal("allowlist", (string?)config.Get("/tools/exec/security"));
    }

    [Fact]
    public void UnknownVerbOrOption_Exits1()
    {
        Assert.Equal(1, CliRunner.Run("frobnicate").ExitCode);
        Assert.Equal(1, CliRunner.Run("reconcile", "--output", "yaml").ExitCode);
    }
}
