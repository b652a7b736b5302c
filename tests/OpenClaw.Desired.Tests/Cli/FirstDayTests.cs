using System.Diagnostics;
using System.Text.Json;
using OpenClaw.Desired.Cli;
using OpenClaw.Desired.Reporting;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Cli;

/// <summary>What a first day with the tool runs into: asking before applying, report files, validation, quiet runs.</summary>
public sealed class FirstDayTests
{
    private static CliResult RunWith(string input, bool interactive, params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = CliApp.RunAsync(args, new CliConsole(stdout, stderr, new StringReader(input), interactive), CancellationToken.None).GetAwaiter().GetResult();
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Reconcile_WithoutTerminalOrYes_RefusesSaysWhyAndChangesNothing()
    {
        using var host = ScratchHost.FromDemo();
        var posture = host.WritePosture(Postures.AgentOnly());
        var before = HostSnapshot.Of(host.Root);

        var result = CliRunner.Run(["reconcile", .. host.Args(posture)]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no terminal to confirm them on: pass --yes (-y) to apply, or --dry-run", result.Stderr);
        Assert.Empty(before.Differences(HostSnapshot.Of(host.Root)));
        Assert.False(Directory.Exists(Path.Combine(host.StateDir, "runs")));
    }

    [Fact]
    public void Reconcile_OnATerminal_ShowsThePlanAndAppliesOnlyOnYes()
    {
        using var host = ScratchHost.FromDemo();
        var posture = host.WritePosture(Postures.AgentOnly());
        var config = File.ReadAllText(host.ConfigPath);

        var declined = RunWith("n\n", interactive: true, ["reconcile", .. host.Args(posture, "-o", "json")]);
        var unchanged = File.ReadAllText(host.ConfigPath);
        var accepted = RunWith("y\n", interactive: true, ["reconcile", .. host.Args(posture)]);

        Assert.Equal(1, declined.ExitCode);
        Assert.Contains("\nagent\n", declined.Stderr);
        Assert.Matches(@"Apply \d+ change\(s\) to this host\? \[y/N\]", declined.Stderr);
        Assert.Equal("declined", JsonDocument.Parse(declined.Stdout).RootElement.GetProperty("result").GetString());
        Assert.Equal(config, unchanged);
        Assert.True(accepted.ExitCode == 0, accepted.All);
        Assert.StartsWith("applied · ", accepted.Stdout);
        Assert.NotEqual(config, File.ReadAllText(host.ConfigPath));
    }

    [Fact]
    public async Task Reconcile_UnderARealTerminal_Asks()
    {
        using var host = ScratchHost.FromDemo();
        var posture = host.WritePosture(Postures.AgentOnly());
        var config = File.ReadAllText(host.ConfigPath);
        string[] args = ["dotnet", CliRunner.Dll, "reconcile", .. host.Args(posture, "--no-color")];
        var command = string.Join(' ', args.Select(a => "'" + a + "'"));
        // script(1) gives the CLI a pseudo-terminal; its own standard input (the answer) is a pipe.
        var info = new ProcessStartInfo("script", ["-qec", command, "/dev/null"]) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };

        using var process = Process.Start(info)!;
        await process.StandardInput.WriteLineAsync("n");
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);

        Assert.Contains("[y/N]", output);
        Assert.Contains("not applied: declined", output);
        Assert.Equal(config, File.ReadAllText(host.ConfigPath));
    }

    [Fact]
    public void Reconcile_Yes_AppliesWithoutATerminal()
    {
        using var host = ScratchHost.FromDemo();
        var posture = host.WritePosture(Postures.AgentOnly());

        Assert.Equal(0, CliRunner.Run(["reconcile", .. host.Args(posture, "-y")]).ExitCode);
        Assert.StartsWith("changes pending · tier standard · 0 change(s)", CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run")]).Stdout);
    }

    [Theory]
    [InlineData("report.txt")]
    [InlineData("report")]
    [InlineData("report.yaml")]
    public void Report_UnknownExtension_IsAnErrorBeforeAnythingRuns(string name)
    {
        using var host = ScratchHost.FromDemo();
        var posture = host.WritePosture(Postures.AgentOnly());

        var result = CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run", "--report", Path.Combine(host.Folder, name))]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("the extension picks the format", result.Stderr);
        Assert.False(File.Exists(Path.Combine(host.Folder, name)));
    }

    [Theory]
    [InlineData("r.json", "{")]
    [InlineData("r.md", "<!-- openclaw-desired:report -->")]
    [InlineData("r.html", "<!DOCTYPE html>")]
    [InlineData("r.sarif", "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\"")]
    public void Report_Extension_PicksTheFormat(string name, string start)
    {
        using var host = ScratchHost.FromDemo();
        var posture = host.WritePosture(Postures.AgentOnly());

        CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run", "--report", Path.Combine(host.Folder, name))]);

        Assert.StartsWith(start, File.ReadAllText(Path.Combine(host.Folder, name)));
    }

    [Fact]
    public void Validate_UnclosedBraceBeforeABlockKey_NamesFileLineAndColumn()
    {
        using var host = ScratchHost.Empty();
        Directory.CreateDirectory(Path.Combine(host.Folder, "hosts"));
        var path = Path.Combine(host.Folder, "hosts", "web1.yaml");
        File.WriteAllText(path, "apiVersion: openclaw.desired/v1\ntier: standard\nagent:\n  exec: { security: allowlist\n  browser:\n    sandbox: true\n");

        var result = CliRunner.Run("validate", "--posture", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{path}:4:9: YAML syntax error: this '{{' is never closed with '}}'", result.Stderr);
        Assert.DoesNotContain("Operation is not valid", result.All);
    }

    [Fact]
    public void Validate_NamesThePathAsGiven_AndGivesJson()
    {
        using var host = ScratchHost.Empty();
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, host.WritePosture("apiVersion: openclaw.desired/v1\ntier: standard\ncolour: blue\nagent:\n  exec:\n    ask: sometimes\nbackups:\n  interval: 1d\n"));

        var text = CliRunner.Run("validate", "--posture", relative);
        var json = JsonDocument.Parse(CliRunner.Run("validate", "--posture", relative, "--output", "json").Stdout).RootElement;

        Assert.Contains($"{relative}:3:1: unknown key 'colour'", text.Stderr);
        Assert.Contains($"{relative}:6:10: must be one of: off, on-miss, always", text.Stderr);
        Assert.Contains($"{relative}:8:13: is weaker than the standard tier requires (1h or less)", text.Stderr);
        Assert.False(json.GetProperty("valid").GetBoolean());
        // Errors only: a standard posture without a firewall section also gets the SSH lock-out warning.
        var problems = json.GetProperty("problems").EnumerateArray().Where(p => p.GetProperty("severity").GetString() == "error").ToList();
        Assert.Equal(3, problems.Count);
        Assert.All(problems, p => Assert.Equal(relative, p.GetProperty("file").GetString()));
        Assert.Contains(problems, p => p.GetProperty("line").GetInt32() == 8 && p.GetProperty("key").GetString() == "backups.interval");
    }

    [Fact]
    public void Quiet_HidesChatterButNeverTheReasonARunFailed()
    {
        using var host = ScratchHost.FromDemo();
        var bad = host.WritePosture("apiVersion: openclaw.desired/v1\ntier: standard\nagent:\n  exec:\n    ask: sometimes\n", "bad.yaml");
        var good = host.WritePosture(Postures.AgentOnly());

        var failed = CliRunner.Run(["reconcile", .. host.Args(bad, "--dry-run", "--quiet")]);
        var fine = CliRunner.Run(["reconcile", .. host.Args(good, "--dry-run", "--quiet")]);

        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("bad.yaml:5:10: must be one of: off, on-miss, always (agent.exec.ask)", failed.Stdout);
        Assert.Single(fine.Stdout.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Counts_SummaryLineJsonAndExitCode_Agree()
    {
        using var host = ScratchHost.FromDemo();
        var posture = host.WritePosture(Postures.AgentOnly());

        var text = CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run", "--quiet")]);
        var json = JsonDocument.Parse(CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run", "-o", "json")]).Stdout).RootElement;

        var summary = json.GetProperty("summary");
        var changes = json.GetProperty("changes").EnumerateArray().Where(c => c.GetProperty("action").GetString() != "manual" && !c.TryGetProperty("waived", out _)).ToList();
        Assert.Equal(changes.Count, summary.GetProperty("changes").GetInt32());
        Assert.Equal(changes.Count(c => c.GetProperty("effect").GetString() == "tightens"), summary.GetProperty("tightens").GetInt32());
        Assert.Equal(changes.Count(c => c.GetProperty("effect").GetString() == "loosens"), summary.GetProperty("loosens").GetInt32());
        Assert.Contains($"{summary.GetProperty("changes").GetInt32()} change(s) ({summary.GetProperty("tightens").GetInt32()} tighten, {summary.GetProperty("loosens").GetInt32()} loosen), {summary.GetProperty("manual").GetInt32()} manual", text.Stdout);
        Assert.StartsWith("changes pending", text.Stdout);
        Assert.Equal(("changes", 2), (json.GetProperty("result").GetString(), text.ExitCode));
    }

    [Fact]
    public void UserMessage_HidesTypeNamesAndTempFiles()
    {
        var temp = new UnauthorizedAccessException("Access to the path '/var/lib/x/.report.json.tmp-0123456789abcdef0123456789abcdef' is denied.");
        var parse = new InvalidOperationException("Nullable object must have a value of type System.Int32.");

        Assert.Equal("permission denied: /var/lib/x/report.json", UserMessage.Of(temp));
        Assert.DoesNotContain("System.", UserMessage.Of(parse));
        Assert.Equal("an internal error stopped this step (please report it)", UserMessage.Of(new NullReferenceException()));
    }

    [Theory]
    [InlineData("run", "--lock-timeout", "-1")]
    [InlineData("reconcile", "--dry-run", "--lock-timeout", "-5")]
    [InlineData("reconcile", "--dry-run", "--lock-timeout", "soon")]
    [InlineData("reconcile", "--dry-run", "--output", "yaml")]
    [InlineData("run", "--interval", "0s", "--once")]
    [InlineData("run", "--jitter", "-10%", "--once")]
    [InlineData("suspend", "--reason", "x", "--for", "-2h")]
    [InlineData("suspend", "--reason", "x", "--for", "2h", "--until", "2099-01-01")]
    [InlineData("suspend", "--reason", "x", "--until", "2001-01-01")]
    public void Options_NegativeOrContradictory_AreRejected(params string[] args)
    {
        using var host = ScratchHost.Empty();

        var result = CliRunner.Run([.. args, "--state-dir", host.StateDir]);

        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain("System.", result.All);
        Assert.DoesNotContain("Exception", result.All);
    }

    [Fact]
    public void Options_ValueOfTheWrongType_IsSaidInPlainWords()
    {
        var result = CliRunner.Run("reconcile", "--dry-run", "--lock-timeout", "soon");

        Assert.Equal("error: --lock-timeout: 'soon' is not a whole number\nsee: openclaw-desired reconcile --help\n", result.Stderr);
    }

    [Fact]
    public void Help_ShowsDefaultsAndTiersInTierOrder()
    {
        var init = CliRunner.Run("init", "--help").Stdout;
        var reconcile = CliRunner.Run("reconcile", "--help").Stdout;

        Assert.Contains("--tier <basic|standard|paranoid>", init);
        Assert.Contains("[default: standard]", init);
        Assert.Contains("[default: posture.yaml]", reconcile);
        Assert.Contains("-y, --yes", reconcile);
    }

    [Fact]
    public void Verbs_ThatPrintResults_TakeOutputJson()
    {
        using var host = ScratchHost.Empty();
        var skill = Path.Combine(RepoPaths.DemoHost, "home/claw/.openclaw/workspace/skills/weather");

        var hash = JsonDocument.Parse(CliRunner.Run("skills", "hash", skill, "-o", "json").Stdout).RootElement;
        var audit = JsonDocument.Parse(CliRunner.Run("audit", "verify", "--state-dir", host.StateDir, "-o", "json").Stdout).RootElement;
        var suspend = JsonDocument.Parse(CliRunner.Run("suspend", "--reason", "r", "--state-dir", host.StateDir, "-o", "json").Stdout).RootElement;
        var resume = JsonDocument.Parse(CliRunner.Run("resume", "--state-dir", host.StateDir, "-o", "json").Stdout).RootElement;

        Assert.StartsWith("sha256:", hash[0].GetProperty("hash").GetString());
        Assert.True(audit.GetProperty("intact").GetBoolean());
        Assert.Equal("r", suspend.GetProperty("reason").GetString());
        Assert.True(resume.GetProperty("resumed").GetBoolean());
    }
}
