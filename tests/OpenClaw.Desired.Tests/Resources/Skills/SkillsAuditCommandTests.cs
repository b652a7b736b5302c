using Newtonsoft.Json.Linq;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Resources.Skills;

public sealed class SkillsAuditCommandTests
{
    private static string DemoSkills => Path.Combine(RepoPaths.DemoHost, "home/claw/.openclaw/workspace/skills");

    [Fact]
    public void Audit_FolderOfSkillsAsJson_OneEntryPerSkillWithHighest()
    {
        var result = CliRunner.Run("skills", "audit", DemoSkills, "--output", "json");

        Assert.Equal(2, result.ExitCode);
        var entries = JArray.Parse(result.Stdout);
        Assert.Equal(["crypto-price-alerts", "github-triage", "weather"], entries.Select(e => (string?)e["skill"]));
        Assert.Equal(["critical", "none", "none"], entries.Select(e => (string?)e["highest"]));
        var finding = entries[0]["findings"]!.First(f => (string?)f["rule"] == "download-exec");
        Assert.Equal(("SKILL.md", 10, "critical"), ((string?)finding["file"], (int?)finding["line"], (string?)finding["severity"]));
        Assert.False(string.IsNullOrEmpty((string?)finding["why"]));
    }

    [Fact]
    public void Audit_OnlyBenignSkills_ExitsZero()
    {
        var result = CliRunner.Run("skills", "audit", Path.Combine(DemoSkills, "weather"), Path.Combine(DemoSkills, "github-triage"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("2 skill(s) audited, 0 with findings", result.Stdout);
    }

    [Fact]
    public void Audit_FolderThatDoesNotExist_IsAClearErrorWithoutStackTrace()
    {
        var result = CliRunner.Run("skills", "audit", "/nonexistent-skills-folder");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no such folder", result.Stderr);
        Assert.DoesNotContain(" at ", result.All);
    }

    [Fact]
    public void Audit_NoFolderGiven_ScansTheHostsSkillFolders()
    {
        using var host = ScratchHost.FromDemo();
        var posture = host.WritePosture("apiVersion: openclaw.desired/v1\ntier: basic\nopenclaw:\n  user: claw\n");

        var result = CliRunner.Run("skills", "audit", "--posture", posture, "--root", host.Root, "--output", "json");

        Assert.Equal(["crypto-price-alerts", "github-triage", "weather"], JArray.Parse(result.Stdout).Select(e => (string?)e["skill"]));
    }

    [Fact]
    public void Hash_SkillFolder_PrintsThePinnableValue()
    {
        var result = CliRunner.Run("skills", "hash", Path.Combine(DemoSkills, "weather"));

        Assert.Equal(0, result.ExitCode);
        Assert.Matches("^sha256:[0-9a-f]{64}  ", result.Stdout);
    }
}
