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
}
