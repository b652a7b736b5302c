using Docker.DotNet.Models;
using Newtonsoft.Json.Linq;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Resources.Sandboxes;

[Collection(PodmanCollection.Name)]
[Trait("Category", "Integration")]
public sealed class SandboxesDriftTests(PodmanEngine engine) : IAsyncLifetime
{
    public Task InitializeAsync() => engine.ClearAsync();

    public Task DisposeAsync() => engine.ClearAsync();

    [Fact]
    public async Task Reconcile_LabelledContainerRecreatedWithNetwork_DetectsAndConverges()
    {
        using var host = ScratchHost.FromDemo();
        var posture = host.WritePosture(SandboxPostures.WithSkills(engine.Endpoint, SandboxPostures.Skill("weather")));
        Assert.Equal(0, CliRunner.Run(["reconcile", .. host.Args(posture, "--yes")]).ExitCode);
        var original = Assert.Single(await engine.ContainersAsync("openclaw.desired/skill=weather"));
        await engine.Client.Containers.RemoveContainerAsync(original.ID, new ContainerRemoveParameters { Force = true });
        // By hand: same label, same image, but on the default network with a writable root and default caps.
        await engine.Client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Name = "openclaw-desired-skill-weather",
            Image = PodmanEngine.TestImage,
            Cmd = ["sleep", "3600"],
            Labels = new Dictionary<string, string> { ["openclaw.desired/skill"] = "weather" },
            HostConfig = new HostConfig { NetworkMode = "bridge" },
        });

        var drift = Report(CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run", "--output", "json")]));

        var change = drift["changes"]!.Single(c => (string?)c["resource"] == "container/weather");
        Assert.Equal("update", (string?)change["action"]);
        Assert.Contains("network bridge", (string?)change["before"]);
        Assert.Contains("network none", (string?)change["after"]);
        Assert.Contains("readOnlyRoot false", (string?)change["before"]);
        Assert.Equal("tightens", (string?)change["effect"]);

        var converge = CliRunner.Run(["reconcile", .. host.Args(posture, "--yes")]);
        Assert.True(converge.ExitCode == 0, converge.All);
        var after = CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run")]);
        Assert.True(after.ExitCode == 0, after.All);
        var fixedContainer = Assert.Single(await engine.ContainersAsync("openclaw.desired/skill=weather"));
        Assert.Equal("lo", (await engine.ExecAsync(fixedContainer.ID, "ls /sys/class/net")).Stdout.Trim());
    }

    [Fact]
    public async Task Reconcile_SkillNoLongerListed_RemovesItsContainerAndLeavesUnlabelledOnes()
    {
        using var host = ScratchHost.FromDemo();
        var bystander = await engine.Client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Name = "someone-elses",
            Image = PodmanEngine.TestImage,
            Cmd = ["sleep", "3600"],
            Labels = new Dictionary<string, string> { ["app"] = "unrelated" },
        });
        var both = host.WritePosture(SandboxPostures.WithSkills(engine.Endpoint, SandboxPostures.Skill("weather") + "\n" + SandboxPostures.Skill("github-triage")), "both.yaml");
        Assert.Equal(0, CliRunner.Run(["reconcile", .. host.Args(both, "--yes")]).ExitCode);
        Assert.Single(await engine.ContainersAsync("openclaw.desired/skill=github-triage"));
        var one = host.WritePosture(SandboxPostures.WithSkills(engine.Endpoint, SandboxPostures.Skill("weather")), "one.yaml");

        var plan = Report(CliRunner.Run(["reconcile", .. host.Args(one, "--dry-run", "--output", "json")]));
        Assert.Equal("remove", (string?)plan["changes"]!.Single(c => (string?)c["resource"] == "container/github-triage")["action"]);
        var apply = CliRunner.Run(["reconcile", .. host.Args(one, "--yes")]);

        Assert.True(apply.ExitCode == 0, apply.All);
        Assert.Empty(await engine.ContainersAsync("openclaw.desired/skill=github-triage"));
        Assert.Single(await engine.ContainersAsync("openclaw.desired/skill=weather"));
        var still = await engine.Client.Containers.InspectContainerAsync(bystander.ID);
        Assert.Equal("/someone-elses", still.Name.StartsWith('/') ? still.Name : "/" + still.Name);
        Assert.Equal(0, CliRunner.Run(["reconcile", .. host.Args(one, "--dry-run")]).ExitCode);
    }

    [Fact]
    public async Task Reconcile_UnlabelledContainerWithTheSkillsName_IsNotTouchedAndStalls()
    {
        using var host = ScratchHost.FromDemo();
        var squatter = await engine.Client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Name = "openclaw-desired-skill-weather",
            Image = PodmanEngine.TestImage,
            Cmd = ["sleep", "3600"],
        });
        var posture = host.WritePosture(SandboxPostures.WithSkills(engine.Endpoint, SandboxPostures.Skill("weather")));

        var apply = Report(CliRunner.Run(["reconcile", .. host.Args(posture, "--yes", "--output", "json")]));

        var change = apply["changes"]!.Single(c => (string?)c["resource"] == "container/weather");
        Assert.Equal("stalled", (string?)change["outcome"]);
        Assert.Contains("without the reconciler's label", (string?)change["message"]);
        var still = await engine.Client.Containers.InspectContainerAsync(squatter.ID);
        Assert.False(still.HostConfig!.ReadonlyRootfs);
    }

    [Fact]
    public async Task Plan_WeakOpenClawSandboxContainer_IsReportedNotTouched()
    {
        using var host = ScratchHost.FromDemo();
        var weak = await engine.Client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Name = "openclaw-sbx-agent-main-0123abcd",
            Image = PodmanEngine.TestImage,
            Cmd = ["sleep", "3600"],
            Labels = new Dictionary<string, string> { ["openclaw.sandbox"] = "1", ["openclaw.sessionKey"] = "agent:main" },
            HostConfig = new HostConfig { NetworkMode = "bridge", CapDrop = ["NET_RAW"] },
        });
        var posture = host.WritePosture(SandboxPostures.WithSkills(engine.Endpoint, SandboxPostures.Skill("weather")));

        var apply = Report(CliRunner.Run(["reconcile", .. host.Args(posture, "--yes", "--output", "json")]));

        var change = apply["changes"]!.Single(c => (string?)c["resource"] == "openclaw-container/openclaw-sbx-agent-main-0123abcd");
        Assert.Equal("manual", (string?)change["action"]);
        Assert.Contains("network bridge", (string?)change["before"]);
        Assert.Contains("readOnlyRoot false", (string?)change["before"]);
        Assert.Contains("CHOWN", (string?)change["before"]);
        Assert.DoesNotContain("NET_RAW", (string?)change["before"]);
        var still = await engine.Client.Containers.InspectContainerAsync(weak.ID);
        Assert.Equal("bridge", still.HostConfig!.NetworkMode);
    }

    private static JObject Report(CliResult result)
    {
        Assert.True(result.Stdout.TrimStart().StartsWith('{'), result.All);
        return JObject.Parse(result.Stdout);
    }
}
