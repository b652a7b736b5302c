using Newtonsoft.Json.Linq;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Resources.Sandboxes;

public sealed class SandboxesEngineDownTests
{
    [Fact]
    public void Plan_EngineSocketThatDoesNotAnswer_IsUnknownNeverInSync()
    {
        using var host = ScratchHost.FromDemo();
        var socket = "unix://" + Path.Combine(host.Folder, "nobody-listens.sock");
        var posture = host.WritePosture(SandboxPostures.WithSkills(socket, SandboxPostures.Skill("weather")));

        var result = CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run", "--output", "json")]);

        var unknown = JObject.Parse(result.Stdout)["unknowns"]!.Single(u => (string?)u["kind"] == "sandboxes");
        Assert.Equal("engine", (string?)unknown["resource"]);
        Assert.Contains("did not answer", (string?)unknown["reason"]);
        Assert.NotEqual(0, result.ExitCode);
    }
}
