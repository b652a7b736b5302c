using OpenClaw.Desired.Reporting;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Cli;

public sealed class VerbTests
{
    [Theory]
    [InlineData("basic")]
    [InlineData("standard")]
    [InlineData("paranoid")]
    public void Init_WritesACommentedPostureThatValidates(string tier)
    {
        using var host = ScratchHost.Empty();
        var path = Path.Combine(host.Folder, "posture.yaml");

        var init = CliRunner.Run("init", "--tier", tier, "--posture", path);
        var validate = CliRunner.Run("validate", "--posture", path);

        Assert.Equal(0, init.ExitCode);
        Assert.StartsWith("# yaml-language-server: $schema=./posture.schema.json", File.ReadAllText(path));
        Assert.Contains($"tier: {tier}", File.ReadAllText(path));
        Assert.True(File.Exists(Path.Combine(host.Folder, "posture.schema.json")));
        Assert.True(validate.ExitCode == 0, validate.All);
    }

    [Fact]
    public void Init_ExistingFile_IsKeptUnlessForced()
    {
        using var host = ScratchHost.Empty();
        var path = host.WritePosture("# mine\n");

        var refused = CliRunner.Run("init", "--posture", path);
        Assert.Equal(1, refused.ExitCode);
        Assert.Equal("# mine\n", File.ReadAllText(path));

        Assert.Equal(0, CliRunner.Run("init", "--posture", path, "--force").ExitCode);
        Assert.Contains("tier: standard", File.ReadAllText(path));
    }

    [Fact]
    public void Reconcile_TextNotToATerminal_HasNoColourAndSummaryFirst()
    {
        using var host = ScratchHost.FromDemo();
        var posture = host.WritePosture(Postures.AgentOnly());

        var result = CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run")]);

        Assert.DoesNotContain("\u001b[", result.Stdout);
        Assert.StartsWith("changes pending · tier standard · ", result.Stdout);
        Assert.Contains("\nagent\n", result.Stdout);
    }

    [Fact]
    public void Reconcile_Quiet_PrintsOnlyTheSummaryLine()
    {
        using var host = ScratchHost.FromDemo();
        var posture = host.WritePosture(Postures.AgentOnly());

        var result = CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run", "--quiet")]);

        Assert.Single(result.Stdout.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void TextRenderer_WithColour_MarksLooseningInRed()
    {
        var report = new RunReport
        {
            RunId = "20261125T000000000Z-abcdef",
            Mode = "dry-run",
            ToolVersion = "1",
            StartedAt = DateTimeOffset.UnixEpoch,
            Result = "loosens",
            ExitCode = 4,
            Host = new HostInfo("/", null, null),
            Changes = [new ChangeReport("agent", "tools.exec.security", "update", "why", "deny", "full", "loosens")],
        };

        var text = new TextRenderer(color: true).Render(report);

        Assert.Contains("\u001b[1;31m [LOOSENS]\u001b[0m", text);
        Assert.Contains("\u001b[1;31mLOOSENS posture\u001b[0m", text);
    }
}
