using System.Text.Json.Nodes;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Host.Fs;
using OpenClaw.Desired.Resources.Backups;
using OpenClaw.Desired.Safety;
using OpenClaw.Desired.Tests.Host;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Safety;

/// <summary>
/// The agent user (uid 1000 in the demo host) plants links, FIFOs and odd names in the OpenClaw home; the reconciler,
/// as root, must never follow, hang on, or act on them. Each test is one attack that once worked.
/// </summary>
[Trait("Category", "Integration")]
public sealed class HostilePathTests : IDisposable
{
    private const string Home = ScratchHost.OpenClawHome;
    private readonly ScratchHost _host = ScratchHost.FromDemo();
    private readonly string _outside = Directory.CreateTempSubdirectory("ocd-outside-").FullName;

    public HostilePathTests()
    {
        File.WriteAllText(Path.Combine(_outside, "passwd"), "root:x:0:0::/root:/bin/bash\n");
        File.SetUnixFileMode(_outside, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
    }

    public void Dispose()
    {
        _host.Dispose();
        Directory.Delete(_outside, recursive: true);
    }

    private void AssertOutsideUntouched()
    {
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute, File.GetUnixFileMode(_outside));
        Assert.Equal(0, HostFiles.Uid(_outside));
        Assert.Equal(0, HostFiles.Uid(Path.Combine(_outside, "passwd")));
        Assert.Equal("root:x:0:0::/root:/bin/bash\n", File.ReadAllText(Path.Combine(_outside, "passwd")));
    }

    private static IEnumerable<(string Rule, string Resource)> Findings(CliResult result) =>
        JsonNode.Parse(result.Stdout)!["findings"]!.AsArray().Select(f => ((string)f!["rule"]!, (string)f!["resource"]!));

    [Fact]
    public void Apply_CredentialsFolderLinkedToASystemFolder_NeverChangesItAndReportsTheLink()
    {
        Directory.Delete(_host.Real(Home + "/credentials"), recursive: true);
        HostFsTests.PlantLink(_host.Real(Home + "/credentials"), _outside);
        var posture = _host.WritePosture(SecretPostures.EnvStore());

        var apply = CliRunner.Run(["reconcile", .. _host.Args(posture, "--yes", "-o", "json")]);

        AssertOutsideUntouched();
        Assert.Contains(("planted-link", Home + "/credentials"), Findings(apply));
    }

    [Fact]
    public void Apply_AgentFolderLinkedElsewhere_NeverChangesWhatItPointsAt()
    {
        HostFsTests.PlantLink(_host.Real(Home + "/agents/evil"), _outside);
        var posture = _host.WritePosture(SecretPostures.EnvStore());

        var apply = CliRunner.Run(["reconcile", .. _host.Args(posture, "--yes", "-o", "json")]);

        AssertOutsideUntouched();
        Assert.NotEqual(1, apply.ExitCode);
    }

    [Fact]
    public void Apply_OpenClawHomeIsALink_IsRefusedAndNothingBehindItChanges()
    {
        var real = _host.Real(Home);
        Directory.Move(real, _outside + "/openclaw");
        HostFsTests.PlantLink(real, _outside + "/openclaw");
        var before = File.ReadAllBytes(_outside + "/openclaw/openclaw.json");
        var posture = _host.WritePosture(SecretPostures.EnvStore());

        var apply = CliRunner.Run(["reconcile", .. _host.Args(posture, "--yes", "-o", "json")]);

        Assert.Equal(3, apply.ExitCode);
        Assert.Equal(before, File.ReadAllBytes(_outside + "/openclaw/openclaw.json"));
        Assert.Equal(0, HostFiles.Uid(_outside + "/openclaw"));
        Assert.Contains(Findings(apply), f => f.Rule == "planted-link" && f.Resource == Home);
    }

    [Fact]
    public async Task Apply_HomeSwappedForALinkMidRun_WritesNothingThroughIt()
    {
        var posture = _host.WritePosture(Postures.AgentOnly());
        File.Copy(_host.ConfigPath, Path.Combine(_outside, "openclaw.json"));
        var decoy = File.ReadAllBytes(Path.Combine(_outside, "openclaw.json"));
        using var run = await HeldRun.StartAsync(_host, "write-begin:1", ["reconcile", .. _host.Args(posture, "--yes", "--no-color")]);

        // Between the reconciler's check and its write, the agent user turns ~/.openclaw into a link.
        Directory.Move(_host.Real(Home), _host.Real(Home) + ".moved");
        HostFsTests.PlantLink(_host.Real(Home), _outside);
        var result = await run.ReleaseAsync();

        Assert.Equal(3, result.ExitCode);
        Assert.Equal(decoy, File.ReadAllBytes(Path.Combine(_outside, "openclaw.json")));
        AssertOutsideUntouched();
        Assert.Empty(Directory.GetFiles(_outside, "*ocd-tmp*"));
    }

    [Fact]
    public void Validate_StateDirThatNormalizesToASystemFolder_IsAPositionedError()
    {
        var posture = _host.WritePosture("apiVersion: openclaw.desired/v1\ntier: basic\nopenclaw:\n  user: claw\n  stateDir: /etc/..\n");

        var result = CliRunner.Run("validate", "--posture", posture);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("posture.yaml:5:13: may not contain '.' or '..' segments (openclaw.stateDir)", result.All);
    }

    [Fact]
    public void FileChanger_RootOrSystemFolder_IsNeverChmoddedOrChowned()
    {
        var state = new StateDirectory(_host.StateDir);
        using var journal = RunJournal.Create(state.CreateRun("test"), TimeProvider.System);
        var changer = new FileChanger(new HostRoot(_host.Root), state, "test", journal);
        var rootMode = File.GetUnixFileMode(_host.Root);

        var error = Assert.Throws<UnsafePathException>(() => changer.SetPermissions("/", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, (1000, 1000), "test"));
        Assert.Throws<UnsafePathException>(() => changer.SetPermissions("/etc/../home", UnixFileMode.UserRead, (1000, 1000), "test"));

        Assert.Equal(UnsafePathProblem.Protected, error.Problem);
        Assert.Equal(rootMode, File.GetUnixFileMode(_host.Root));
        Assert.Equal(0, HostFiles.Uid(_host.Real("/home")));
    }

    [Fact]
    public async Task Reconcile_FifoWhereMemoryBelongs_FinishesAndNamesIt()
    {
        File.Delete(_host.Real(Home + "/workspace/MEMORY.md"));
        HostFiles.MkFifo(_host.Real(Home + "/workspace/MEMORY.md"));
        var posture = _host.WritePosture(SecretPostures.EnvStore());

        var dry = await CliRunner.RunProcessAsync(null, TimeSpan.FromSeconds(90), ["reconcile", .. _host.Args(posture, "--dry-run", "-o", "json")]);
        var scan = await CliRunner.RunProcessAsync(null, TimeSpan.FromSeconds(90), ["secrets", "scan", .. _host.Args(posture)]);
        var apply = await CliRunner.RunProcessAsync(null, TimeSpan.FromSeconds(90), ["reconcile", .. _host.Args(posture, "--yes", "--yes")]);

        Assert.NotEqual(1, dry.ExitCode);
        Assert.Contains("skipped /home/claw/.openclaw/workspace/MEMORY.md: is a FIFO", scan.Stdout);
        Assert.NotEqual(1, apply.ExitCode);
    }

    [Fact]
    public async Task SkillsAudit_FifoInASkill_FinishesWithAFinding()
    {
        var skill = Path.Combine(_outside, "skill");
        Directory.CreateDirectory(skill);
        File.WriteAllText(Path.Combine(skill, "SKILL.md"), "---\nname: pipe\n---\n# pipe\n");
        HostFiles.MkFifo(Path.Combine(skill, "notes.md"));

        var audit = await CliRunner.RunProcessAsync(null, TimeSpan.FromSeconds(60), "skills", "audit", skill, "-o", "json");

        Assert.Contains("special-file", audit.Stdout);
    }

    [Fact]
    public async Task SecretsScan_RulesFileThePostureNamesInTheHomeIsAFifo_FinishesAndSaysSo()
    {
        HostFiles.MkFifo(_host.Real(Home + "/rules.toml"));
        var posture = _host.WritePosture(SecretPostures.EnvStore("scan:\n  rules: ~/.openclaw/rules.toml\n"));

        var scan = await CliRunner.RunProcessAsync(null, TimeSpan.FromSeconds(60), ["secrets", "scan", .. _host.Args(posture)]);

        Assert.Equal(1, scan.ExitCode);
        Assert.Contains("is a FIFO", scan.Stderr);
    }

    [Fact]
    public async Task SkillsAudit_RulesFileThatIsAFifo_FinishesAndSaysSo()
    {
        var rules = Path.Combine(_outside, "rules.yaml");
        HostFiles.MkFifo(rules);

        var audit = await CliRunner.RunProcessAsync(null, TimeSpan.FromSeconds(60), "skills", "audit", _host.Real(Home + "/workspace/skills"), "--rules", rules);

        Assert.Equal(1, audit.ExitCode);
        Assert.Contains("is a FIFO", audit.Stderr);
    }

    [Fact]
    public void Apply_SkillNamedToClimbOutOfItsKey_NeverBecomesAConfigKey()
    {
        var skill = _host.Real(Home + "/workspace/skills/escape");
        Directory.CreateDirectory(skill);
        File.WriteAllText(Path.Combine(skill, "SKILL.md"), "---\nname: ../../x\n---\n# escape\n");
        var posture = _host.WritePosture(Postures.AgentOnly());

        var apply = CliRunner.Run(["reconcile", .. _host.Args(posture, "--yes", "-o", "json")]);

        var config = File.ReadAllText(_host.ConfigPath);
        Assert.DoesNotContain("../../x", config);
        Assert.DoesNotContain("../../x", apply.Stdout);
    }

    [Fact]
    public void Reconcile_PosturePathWithANewline_IsRefusedBeforeAnyUnitIsWritten()
    {
        var posture = _host.WritePosture(Postures.AgentOnly(), "posture\nExecStartPre=id.yaml");

        var result = CliRunner.Run(["reconcile", .. _host.Args(posture, "--yes", "--yes")]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("may not contain a newline", result.All);
        Assert.Throws<ArgumentException>(() => ScheduleFiles.Arguments(new ScheduledJob("u", "d", "0 * * * *", ["backup"]), new ScheduleContext("systemd", "/p\nExecStart=/bin/id", "/", "/var/lib/x")).ToList());
    }

    [Fact]
    public async Task GitBackup_UnderRoot_IgnoresTheRealUsersGitConfig()
    {
        using var s = Resources.Backups.BackupScenario.Create();
        var evil = Path.Combine(s.Host.Folder, "evil.git");
        LibGit2Sharp.Repository.Init(evil, isBare: true);
        // A global config that would send every push to the primary remote somewhere else.
        var home = Path.Combine(s.Host.Folder, "home");
        Directory.CreateDirectory(home);
        File.WriteAllText(Path.Combine(home, ".gitconfig"), $"[url \"{evil}\"]\n\tinsteadOf = {s.PrimaryRemote}\n");
        var posture = s.Posture($"  scheduler: cron\n  git:\n    branch: main\n    primary:\n      url: {s.PrimaryRemote}\n");

        var result = await CliRunner.RunProcessAsync(new Dictionary<string, string> { ["HOME"] = home, ["XDG_CONFIG_HOME"] = home }, TimeSpan.FromSeconds(90), ["reconcile", .. s.Host.Args(posture, "--yes", "--yes")]);

        Assert.True(result.ExitCode == 0, result.All);
        Assert.NotNull(s.RemoteHead(s.PrimaryRemote));
        Assert.Null(s.RemoteHead(evil));
    }
}
