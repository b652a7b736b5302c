using System.Text.Json.Nodes;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Secrets;

/// <summary>`secrets scan` on any files and folders: positions, kinds, lengths and fingerprints; never a value.</summary>
public sealed class SecretsScanCommandTests
{
    [Fact]
    public void Scan_Paths_ListsEachFindingAsJsonWithoutValues()
    {
        using var host = ScratchHost.Empty();
        var notes = Path.Combine(host.Folder, "notes.md");
        const string token = "ghp_Q7x9Lm2Kp4Rt8Wz3Vb6Nc1Yh5Jd0Sa2EfG4k";
        File.WriteAllText(notes, $"# Notes\n\nThe triage token: {token}\n");
        File.WriteAllText(Path.Combine(host.Folder, "clean.md"), "nothing here\n");

        var result = CliRunner.Run(["secrets", "scan", host.Folder, "--output", "json"]);

        Assert.Equal(2, result.ExitCode);
        var finding = Assert.Single(JsonNode.Parse(result.Stdout)!["findings"]!.AsArray())!;
        Assert.Equal(notes, (string?)finding["path"]);
        Assert.Equal(3, (int)finding["line"]!);
        Assert.Equal(19, (int)finding["column"]!);
        Assert.Equal(token.Length, (int)finding["length"]!);
        Assert.Equal("github-token", (string?)finding["kind"]);
        Assert.StartsWith("fp:", (string?)finding["fingerprint"]);
        Assert.DoesNotContain(token, result.All);
        Assert.Equal(2, (int)JsonNode.Parse(result.Stdout)!["files"]!);
    }

    [Fact]
    public void Scan_CleanFileAndMissingPath_ExitZeroAndSaysWhatWasSkipped()
    {
        using var host = ScratchHost.Empty();
        var clean = Path.Combine(host.Folder, "clean.md");
        File.WriteAllText(clean, "max_tokens: 4096\n");

        var result = CliRunner.Run(["secrets", "scan", clean, Path.Combine(host.Folder, "nope.md")]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("0 finding(s)", result.Stdout);
        Assert.Contains("nope.md: no such file or folder", result.Stdout);
    }

    [Fact]
    public void Scan_HostFromPosture_LeavesTheStoreOutAndHonoursExclude()
    {
        using var host = ScratchHost.FromDemo();
        var posture = host.WritePosture(SecretPostures.EnvStore("scan:\n  exclude: [MEMORY.md]\n"));

        var result = CliRunner.Run(["secrets", "scan", "--posture", posture, "--root", host.Root, "--output", "json"]);

        var paths = JsonNode.Parse(result.Stdout)!["findings"]!.AsArray().Select(f => (string?)f!["path"]).ToList();
        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain("/home/claw/.openclaw/.env", paths);
        Assert.DoesNotContain("/home/claw/.openclaw/workspace/MEMORY.md", paths);
        Assert.Contains("/home/claw/.openclaw/openclaw.json", paths);
    }

    [Fact]
    public void Scan_WithRulesFile_ReportsTheTeamsRuleAndHonoursItsAllowlist()
    {
        using var host = ScratchHost.Empty();
        var rules = Path.Combine(host.Folder, "gitleaks.toml");
        File.WriteAllText(rules, "[[rules]]\nid = \"acme-key\"\nregex = '''acme_[a-z0-9]{24}'''\n\n[allowlist]\npaths = ['''fixtures/''']\n");
        Directory.CreateDirectory(Path.Combine(host.Folder, "fixtures"));
        const string Key = "acme_q7x9lm2kp4rt8wz3vb6nc1yh";
        File.WriteAllText(Path.Combine(host.Folder, "notes.md"), $"acme key {Key}\n");
        File.WriteAllText(Path.Combine(host.Folder, "fixtures", "sample.md"), $"acme key {Key}\n");

        var result = CliRunner.Run(["secrets", "scan", host.Folder, "--rules", rules, "--output", "json"]);

        Assert.Equal(2, result.ExitCode);
        var finding = Assert.Single(JsonNode.Parse(result.Stdout)!["findings"]!.AsArray())!;
        Assert.Equal("acme-key", (string?)finding["kind"]);
        Assert.EndsWith("notes.md", (string?)finding["path"]);
        Assert.Matches("^sec:[0-9a-f]{20}$", (string?)finding["id"]);
        Assert.DoesNotContain(Key, result.All);
    }

    [Fact]
    public void Scan_BrokenRulesFile_IsAPositionedErrorAndScansNothing()
    {
        using var host = ScratchHost.Empty();
        var rules = Path.Combine(host.Folder, "gitleaks.toml");
        File.WriteAllText(rules, "[[rules]]\nid = \"x\"\nregex = '''(open'''\n");
        File.WriteAllText(Path.Combine(host.Folder, "notes.md"), "nothing\n");

        var result = CliRunner.Run(["secrets", "scan", host.Folder, "--rules", rules]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{rules}:3:9: 'regex' is not a usable regular expression", result.Stderr);
        Assert.DoesNotContain("   at OpenClaw", result.All);
        Assert.DoesNotContain("Exception", result.All);
    }

    [Fact]
    public void Scan_GitHubToken_SaysWhetherItsChecksumHolds()
    {
        using var host = ScratchHost.Empty();
        File.WriteAllText(Path.Combine(host.Folder, "notes.md"), "GITHUB_TOKEN=ghp_Q7x9Lm2Kp4Rt8Wz3Vb6Nc1Yh5Jd0Sa2EfG4k\n");

        var result = CliRunner.Run(["secrets", "scan", host.Folder, "--output", "json"]);

        Assert.Equal("invalid", (string?)JsonNode.Parse(result.Stdout)!["findings"]![0]!["checksum"]);
    }

    [Fact]
    public void Scan_HostFromPosture_UsesTheRulesThePostureNames()
    {
        using var host = ScratchHost.FromDemo();
        var rulesDir = Path.Combine(host.Root, "etc", "openclaw-desired");
        Directory.CreateDirectory(rulesDir);
        File.WriteAllText(Path.Combine(rulesDir, "rules.toml"), "[allowlist]\npaths = ['''MEMORY\\.md$''']\n");
        var posture = host.WritePosture(SecretPostures.EnvStore("scan:\n  rules: /etc/openclaw-desired/rules.toml\n"));

        var result = CliRunner.Run(["secrets", "scan", "--posture", posture, "--root", host.Root, "--output", "json"]);

        var paths = JsonNode.Parse(result.Stdout)!["findings"]!.AsArray().Select(f => (string?)f!["path"]).ToList();
        Assert.DoesNotContain("/home/claw/.openclaw/workspace/MEMORY.md", paths);
        Assert.Contains("/home/claw/.openclaw/openclaw.json", paths);
    }
}
