using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Examples;

public sealed class HostExamplesTests
{
    [Fact]
    public void BootstrapExample_IsAValidPostureWithAGitSource()
    {
        var path = Path.Combine(RepoPaths.Examples, "systemd", "bootstrap.yaml");

        var result = CliRunner.Run("validate", "--posture", path);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("valid (tier standard", result.Stdout);
    }

    [Theory]
    [InlineData("openclaw-desired.service", "ExecStart=/usr/local/bin/openclaw-desired run --posture /etc/openclaw-desired/posture.yaml --interval 15m")]
    [InlineData("openclaw-desired-once.service", "ExecStart=/usr/local/bin/openclaw-desired run --once --posture /etc/openclaw-desired/posture.yaml")]
    public void SystemdUnits_RunTheLoopOnTheBootstrapFile(string unit, string execStart)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Examples, "systemd", unit));

        Assert.Contains(execStart, text);
        Assert.Contains("LoadCredential=git-token:", text);
        Assert.Contains("NoNewPrivileges=yes", text);
        Assert.Contains("ProtectSystem=strict", text);
        // Every option in ExecStart must be one the CLI knows: parse the whole line without running it.
        var line = text.Split('\n').Single(l => l.StartsWith("ExecStart=", StringComparison.Ordinal));
        var args = line["ExecStart=/usr/local/bin/openclaw-desired ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Empty(global::OpenClaw.Desired.Cli.CliApp.Build(new global::OpenClaw.Desired.Cli.CliConsole(TextWriter.Null, TextWriter.Null)).Parse(args).Errors);
    }
}
