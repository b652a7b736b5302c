using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Tests.Resources.Sandboxes;

/// <summary>Dangerous container specs are refused at validation, with the position of the offending value.</summary>
public sealed class SandboxChecksTests
{
    private static PostureLoadResult Load(string sandboxes) => PostureLoader.LoadText("posture.yaml", $"""
        apiVersion: openclaw.desired/v1
        tier: basic
        sandboxes:
        {sandboxes}
        """);

    [Theory]
    [InlineData("privileged: true", "privileged container")]
    [InlineData("network: host", "host network")]
    [InlineData("network: \"container:gateway\"", "host network (or another container's)")]
    [InlineData("user: \"0:0\"", "non-root user")]
    [InlineData("capAdd: [SYS_ADMIN]", "SYS_ADMIN is a way out")]
    [InlineData("capAdd: [cap_sys_ptrace]", "SYS_PTRACE is a way out")]
    [InlineData("binds: [\"/var/run/docker.sock:/var/run/docker.sock\"]", "gives the sandbox the host")]
    [InlineData("binds: [\"/run/podman/podman.sock:/sock:ro\"]", "gives the sandbox the host")]
    [InlineData("binds: [\"~/.ssh:/keys:ro\"]", "gives the sandbox the host")]
    [InlineData("binds: [\"/:/host:ro\"]", "gives the sandbox the host")]
    [InlineData("binds: [\"/etc:/etc:ro\"]", "gives the sandbox the host")]
    [InlineData("binds: [\"~/.openclaw:/state\"]", "gives the sandbox the host")]
    [InlineData("binds: [\"/home/claw:/home\"]", "gives the sandbox the host")]
    [InlineData("binds: [\"relative:/x\"]", "a bind is")]
    [InlineData("output: ~/.ssh", "output folder is mounted writable")]
    public void Load_DangerousDefaults_IsRefusedWithPosition(string setting, string message)
    {
        var result = Load($"  defaults:\n    image: localhost/runner:1\n    {setting}");

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Contains(message, error.Message);
        Assert.Equal(6, error.Line);
        Assert.StartsWith("posture.yaml:6:", error.ToString());
    }

    [Fact]
    public void Load_DangerousSkillOverride_NamesTheSkill()
    {
        var result = Load("  defaults:\n    image: localhost/runner:1\n  skills:\n    weather:\n      network: host");

        var error = Assert.Single(result.Errors);
        Assert.Equal("sandboxes.skills['weather'].network", error.Path);
        Assert.Equal(8, error.Line);
    }

    [Fact]
    public void Load_SafeSpecWithProjectBindAndPinOnlySkill_IsAccepted()
    {
        var result = Load($"  defaults:\n    image: localhost/runner:1\n    binds: [\"/srv/data/reference:/data:ro\"]\n  skills:\n    weather:\n      hash: \"sha256:{new string('a', 64)}\"");

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void Load_SkillWithSettingsButNoImage_IsRefused()
    {
        var result = Load("  skills:\n    weather:\n      memory: 64m");

        Assert.Contains(result.Errors, e => e.Message.Contains("has no image", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_WritableRoot_IsAWarningNotAnError()
    {
        var result = Load("  defaults:\n    image: localhost/runner:1\n    readOnlyRoot: false");

        Assert.True(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Severity == Severity.Warning && d.Message.Contains("writable root", StringComparison.Ordinal));
    }
}
