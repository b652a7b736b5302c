using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Resources.Sandboxes;

[Collection(PodmanCollection.Name)]
[Trait("Category", "Integration")]
public sealed class SandboxesKindTests(PodmanEngine engine) : IAsyncLifetime
{
    public Task InitializeAsync() => engine.ClearAsync();

    public Task DisposeAsync() => engine.ClearAsync();

    [Fact]
    public async Task Apply_SkillContainer_IsReallySandboxed()
    {
        using var host = ScratchHost.FromDemo();
        var posture = host.WritePosture(SandboxPostures.WithSkills(engine.Endpoint, SandboxPostures.Skill("weather")));

        var apply = CliRunner.Run(["reconcile", .. host.Args(posture, "--yes", "--no-color")]);

        Assert.True(apply.ExitCode == 0, apply.All);
        var container = Assert.Single(await engine.ContainersAsync("openclaw.desired/skill=weather"));
        var (rootWrite, _, rootError) = await engine.ExecAsync(container.ID, "touch /probe");
        Assert.NotEqual(0, rootWrite);
        Assert.Contains("Read-only file system", rootError);
        Assert.Equal("lo", (await engine.ExecAsync(container.ID, "ls /sys/class/net")).Stdout.Trim());
        Assert.Equal("1000", (await engine.ExecAsync(container.ID, "id -u")).Stdout.Trim());
        var status = (await engine.ExecAsync(container.ID, "cat /proc/self/status")).Stdout;
        Assert.Contains("CapEff:\t0000000000000000", status);
        Assert.Contains("NoNewPrivs:\t1", status);
        var (tmpExec, _, _) = await engine.ExecAsync(container.ID, "cp /bin/busybox /tmp/bb && /tmp/bb true");
        Assert.Equal(126, tmpExec);
        Assert.NotEqual(0, (await engine.ExecAsync(container.ID, "touch /workspace/probe")).ExitCode);
        Assert.Equal(0, (await engine.ExecAsync(container.ID, "touch /output/result")).ExitCode);
        Assert.True(File.Exists(host.Real("/home/claw/.openclaw/skill-output/weather/result")));
    }

    [Fact]
    public async Task DryRun_AfterApply_PlanIsEmpty()
    {
        using var host = ScratchHost.FromDemo();
        var posture = host.WritePosture(SandboxPostures.WithSkills(engine.Endpoint, SandboxPostures.Skill("weather") + "\n" + SandboxPostures.Skill("github-triage")));
        Assert.Equal(0, CliRunner.Run(["reconcile", .. host.Args(posture, "--yes", "--no-color")]).ExitCode);

        var plan = CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run", "--no-color")]);

        Assert.True(plan.ExitCode == 0, plan.All);
    }
}
