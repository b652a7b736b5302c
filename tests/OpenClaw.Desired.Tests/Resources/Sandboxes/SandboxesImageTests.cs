using Newtonsoft.Json.Linq;
using OpenClaw.Desired.OpenClaw;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Resources.Sandboxes;

[Collection(PodmanCollection.Name)]
[Trait("Category", "Integration")]
public sealed class SandboxesImageTests(PodmanEngine engine) : IAsyncLifetime
{
    public Task InitializeAsync() => engine.ClearAsync();

    public Task DisposeAsync() => engine.ClearAsync();

    [Fact]
    public void Plan_ImageMissingWithoutBuild_IsAManualActionAndNoContainerIsPlanned()
    {
        using var host = ScratchHost.FromDemo();
        var posture = host.WritePosture(SandboxPostures.WithSkills(engine.Endpoint, SandboxPostures.Skill("weather", "{ image: \"localhost/not-there:1\" }")));

        var plan = JObject.Parse(CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run", "--output", "json")]).Stdout);

        var manual = plan["changes"]!.Single(c => (string?)c["resource"] == "image/localhost/not-there:1");
        Assert.Equal("manual", (string?)manual["action"]);
        Assert.Contains("weather", (string?)manual["reason"]);
        Assert.DoesNotContain(plan["changes"]!, c => (string?)c["resource"] == "container/weather");
    }

    [Fact]
    public async Task Reconcile_BuildContext_BuildsThroughTheApiAndRebuildsWhenTheContextChanges()
    {
        using var host = ScratchHost.FromDemo();
        var context = Path.Combine(host.Folder, "runner");
        Directory.CreateDirectory(context);
        File.WriteAllText(Path.Combine(context, "Dockerfile"), $"FROM {PodmanEngine.TestImage}\nLABEL org.example.skill=weather\n");
        var posture = host.WritePosture(SandboxPostures.WithSkills(engine.Endpoint,
            SandboxPostures.Skill("weather", "{ image: \"localhost/weather-runner:1\", build: { context: runner } }")));

        var first = CliRunner.Run(["reconcile", .. host.Args(posture, "--yes", "--output", "json")]);

        Assert.True(first.ExitCode == 0, first.All);
        var built = await engine.Client.Images.InspectImageAsync("localhost/weather-runner:1");
        Assert.Equal("weather", built.Config!.Labels!["org.example.skill"]);
        Assert.StartsWith("sha256:", built.Config.Labels["openclaw.desired/context"]);
        var container = Assert.Single(await engine.ContainersAsync("openclaw.desired/skill=weather"));
        Assert.Equal(built.ID, container.ImageID.StartsWith("sha256:", StringComparison.Ordinal) ? container.ImageID : "sha256:" + container.ImageID);
        Assert.Equal(0, CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run")]).ExitCode);

        File.AppendAllText(Path.Combine(context, "Dockerfile"), "LABEL org.example.revision=2\n");
        var plan = JObject.Parse(CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run", "--output", "json")]).Stdout);
        Assert.Equal("update", (string?)plan["changes"]!.Single(c => (string?)c["resource"] == "build/localhost/weather-runner:1")["action"]);
        Assert.Contains("rebuilt image", (string?)plan["changes"]!.Single(c => (string?)c["resource"] == "container/weather")["after"]);
        Assert.Equal(0, CliRunner.Run(["reconcile", .. host.Args(posture, "--yes")]).ExitCode);
        Assert.Equal(0, CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run")]).ExitCode);
        Assert.Equal("2", (await engine.Client.Images.InspectImageAsync("localhost/weather-runner:1")).Config!.Labels!["org.example.revision"]);
    }

    [Fact]
    public void Reconcile_OpenClawSandboxConfig_ConvergesTheDockerKeys()
    {
        using var host = ScratchHost.FromDemo();
        var config = OpenClawConfig.Parse(File.ReadAllText(host.ConfigPath));
        config.Set("/agents/defaults/sandbox/docker/network", "bridge");
        config.Set("/agents/defaults/sandbox/docker/readOnlyRoot", false);
        File.WriteAllText(host.ConfigPath, config.ToJson());
        var posture = host.WritePosture(SandboxPostures.WithSkills(engine.Endpoint, SandboxPostures.Skill("weather")));

        var plan = JObject.Parse(CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run", "--output", "json")]).Stdout);
        var network = plan["changes"]!.Single(c => (string?)c["resource"] == "agents.defaults.sandbox.docker.network");
        Assert.Equal(("bridge", "none", "tightens"), ((string?)network["before"], (string?)network["after"], (string?)network["effect"]));
        Assert.Equal(0, CliRunner.Run(["reconcile", .. host.Args(posture, "--yes")]).ExitCode);

        var after = OpenClawConfig.Parse(File.ReadAllText(host.ConfigPath));
        Assert.Equal("none", (string?)after.Get("/agents/defaults/sandbox/docker/network"));
        Assert.Equal(true, (bool?)after.Get("/agents/defaults/sandbox/docker/readOnlyRoot"));
        Assert.Equal("64m", (string?)after.Get("/agents/defaults/sandbox/docker/memory"));
        Assert.Equal(64, (int?)after.Get("/agents/defaults/sandbox/docker/pidsLimit"));
        Assert.Equal(0.5, (double?)after.Get("/agents/defaults/sandbox/docker/cpus"));
        Assert.Equal("non-main", (string?)after.Get("/agents/defaults/sandbox/mode"));
    }
}
