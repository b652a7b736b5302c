using System.Diagnostics;
using System.Text;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Safety;

/// <summary>
/// Bad input is a positioned error, never a crash, a hang or a silent default: deep nesting, devices and FIFOs as the
/// posture, unsigned commits on hosts that require signatures, durations out of bounds, includes that escape, a
/// read-only or full state dir, and postures that would lock the operator out.
/// </summary>
[Trait("Category", "Integration")]
public sealed class BadInputLimitsTests
{
    private static string Deep(int levels)
    {
        var text = new StringBuilder("apiVersion: openclaw.desired/v1\ntier: basic\nmonitoring:\n  alerts:\n");
        text.Append("    ").Append(new string('[', levels)).Append(new string(']', levels)).Append('\n');
        return text.ToString();
    }

    [Fact]
    public async Task Validate_YamlNestedFifteenThousandDeep_IsAPositionedErrorNotACrash()
    {
        using var host = ScratchHost.Empty();
        var posture = host.WritePosture(Deep(15_000));

        var result = await CliRunner.RunProcessAsync(null, TimeSpan.FromSeconds(60), "validate", "--posture", posture);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("nests deeper than 64 levels", result.All);
    }

    [Fact]
    public async Task GitBackup_WorkspaceCommitNestedEightyThousandFoldersDeep_IsNoCrash()
    {
        // The workspace repository is the agent's: it can commit a tree nested without end (objects, not folders).
        using var s = Resources.Backups.BackupScenario.Create();
        LibGit2Sharp.Repository.Init(s.WorkspaceReal);
        using (var repo = new LibGit2Sharp.Repository(s.WorkspaceReal))
        {
            var tree = repo.ObjectDatabase.CreateTree(new LibGit2Sharp.TreeDefinition().Add("f", repo.ObjectDatabase.CreateBlob(new MemoryStream("x"u8.ToArray())), LibGit2Sharp.Mode.NonExecutableFile));
            for (var i = 0; i < 80_000; i++)
            {
                tree = repo.ObjectDatabase.CreateTree(new LibGit2Sharp.TreeDefinition().Add("d", tree));
            }

            var agent = new LibGit2Sharp.Signature("claw", "claw@localhost", DateTimeOffset.UtcNow);
            var commit = repo.ObjectDatabase.CreateCommit(agent, agent, "deep", tree, [], prettifyMessage: false);
            repo.Refs.Add("refs/heads/main", commit.Id, allowOverwrite: true);
            repo.Refs.UpdateTarget("HEAD", "refs/heads/main");
        }

        var posture = s.Posture($"  scheduler: cron\n  git:\n    branch: main\n    primary:\n      url: {s.PrimaryRemote}\n");

        var dry = await CliRunner.RunProcessAsync(null, TimeSpan.FromSeconds(120), ["reconcile", .. s.Host.Args(posture, "--dry-run", "--no-color")]);
        var apply = await CliRunner.RunProcessAsync(null, TimeSpan.FromSeconds(120), ["reconcile", .. s.Host.Args(posture, "--yes", "--no-color")]);

        Assert.True(dry.ExitCode is 2 or 3, dry.All[..Math.Min(dry.All.Length, 2000)]);
        Assert.True(apply.ExitCode == 3, apply.All[..Math.Min(apply.All.Length, 2000)]);
        Assert.Contains("nested deeper than 64 folders", apply.Stdout);
    }

    [Theory]
    [InlineData("/dev/zero", "is a device")]
    [InlineData("fifo", "is a FIFO")]
    public async Task Reconcile_PostureThatIsNoFile_IsRefusedAtOnce(string what, string expected)
    {
        using var host = ScratchHost.Empty();
        var path = what;
        if (what == "fifo")
        {
            path = Path.Combine(host.Folder, "posture.yaml");
            HostFiles.MkFifo(path);
        }

        var watch = Stopwatch.StartNew();
        var result = await CliRunner.RunProcessAsync(null, TimeSpan.FromSeconds(60), ["reconcile", .. host.Args(path, "--dry-run")]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.All);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void Validate_DurationsOutOfBounds_AreErrorsWhereTheyAreWritten()
    {
        using var host = ScratchHost.Empty();
        var posture = host.WritePosture("apiVersion: openclaw.desired/v1\ntier: basic\nbackups:\n  interval: 0s\nfirewall:\n  confirmTimeout: 9999999999d\nmonitoring:\n  interval: 0s\n");

        var result = CliRunner.Run("validate", "--posture", posture);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("posture.yaml:4:13: must be between 1m and 30d (backups.interval)", result.All);
        Assert.Contains("posture.yaml:6:19: is not a duration this tool can use", result.All);
        Assert.Contains("posture.yaml:8:13: must be between 1s and 1d (monitoring.interval)", result.All);
    }

    [Fact]
    public void Validate_LocalIncludes_AreMergedOrPositionedErrors()
    {
        using var host = ScratchHost.FromDemo();
        host.WritePosture("agent:\n  exec:\n    ask: always\n", "part.yaml");
        host.WritePosture("include: [main.yaml]\n", "loop.yaml");
        var good = host.WritePosture("apiVersion: openclaw.desired/v1\ntier: basic\nopenclaw:\n  user: claw\ninclude: [part.yaml]\n", "main.yaml");
        var bad = host.WritePosture("apiVersion: openclaw.desired/v1\ntier: basic\ninclude: [loop.yaml, missing.yaml, ../../etc/shadow, /etc/shadow]\n", "bad.yaml");

        var merged = CliRunner.Run(["reconcile", .. host.Args(good, "--dry-run", "-o", "json")]);
        var refused = CliRunner.Run("validate", "--posture", bad);

        Assert.Contains("\"tools.exec.ask\"", merged.Stdout);
        Assert.Contains("\"always\"", merged.Stdout);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("missing.yaml is not beside the posture file", refused.All);
        Assert.Contains("an include must be a path inside the posture's folder", refused.All);
        Assert.Contains("etc/shadow is not beside the posture file", refused.All);
    }

    [Fact]
    public void Reconcile_ReadOnlyStateDir_IsNamedAtOnceAndChangesNothing()
    {
        using var host = ScratchHost.FromDemo();
        Directory.CreateDirectory(host.StateDir);
        using var mount = ReadOnlyMount.Of(host.StateDir);
        var before = File.ReadAllBytes(host.ConfigPath);
        var watch = Stopwatch.StartNew();

        var result = CliRunner.Run(["reconcile", .. host.Args(host.WritePosture(Postures.AgentOnly()), "--yes")]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("read-only", result.All);
        Assert.DoesNotContain("another run", result.All);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20));
        Assert.Equal(before, File.ReadAllBytes(host.ConfigPath));
    }

    [Fact]
    public void Reconcile_FullStateDir_IsNamedBeforeAnyHostChange()
    {
        using var host = ScratchHost.FromDemo();
        Directory.CreateDirectory(host.StateDir);
        using var mount = ReadOnlyMount.Tmpfs(host.StateDir, "4m");
        var before = File.ReadAllBytes(host.ConfigPath);

        var result = CliRunner.Run(["reconcile", .. host.Args(host.WritePosture(Postures.AgentOnly()), "--yes")]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is full", result.All);
        Assert.Equal(before, File.ReadAllBytes(host.ConfigPath));
    }

    [Fact]
    public void Validate_FilteringTierWithoutAFirewallSection_WarnsAboutSsh()
    {
        using var host = ScratchHost.Empty();
        var posture = host.WritePosture("apiVersion: openclaw.desired/v1\ntier: standard\n");

        var result = CliRunner.Run("validate", "--posture", posture);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning: level filter drops new inbound connections and no inbound rule lets SSH (tcp 22) in", result.All);
        Assert.Contains("firewall.acknowledgeNoSsh", result.All);
    }

    [Fact]
    public void Validate_BackupsTheFirewallCutsOff_AreWarned()
    {
        using var host = ScratchHost.Empty();
        var filter = host.WritePosture("apiVersion: openclaw.desired/v1\ntier: standard\nfirewall:\n  level: filter\n  inbound:\n    - {name: ssh, proto: tcp, ports: [22]}\n  egress:\n    - {name: https, proto: tcp, ports: [443]}\nbackups:\n  git:\n    primary:\n      url: git@git.example.internal:a/b.git\n", "filter.yaml");
        var airgap = host.WritePosture("apiVersion: openclaw.desired/v1\ntier: paranoid\nmodels:\n  primary: ollama/llama3.3:8b\nfirewall:\n  inbound:\n    - {name: ssh, proto: tcp, ports: [22]}\nbackups:\n  archives:\n    - name: off\n      repository: rest:https://backup.example:8000/claw\n      password: {store: RESTIC_PASSWORD}\n      paths: [~/.openclaw]\n", "airgap.yaml");

        var filtered = CliRunner.Run("validate", "--posture", filter);
        var airgapped = CliRunner.Run("validate", "--posture", airgap);
        var example = CliRunner.Run("validate", "--posture", Path.Combine(RepoPaths.Root, "examples/standard/posture.yaml"));

        Assert.Contains("no egress rule lets root reach backups.git.primary.url (git.example.internal:22)", filtered.All);
        Assert.Contains("level airgap lets nothing leave this host", airgapped.All);
        Assert.DoesNotContain("no egress rule lets root reach", example.All);
    }

    /// <summary>A mount over a test folder (read-only bind, or a small tmpfs), unmounted on dispose.</summary>
    private sealed class ReadOnlyMount : IDisposable
    {
        private readonly string _path;

        private ReadOnlyMount(string path) => _path = path;

        public static ReadOnlyMount Of(string path)
        {
            Run("mount", "--bind", path, path);
            Run("mount", "-o", "remount,ro,bind", path);
            return new ReadOnlyMount(path);
        }

        public static ReadOnlyMount Tmpfs(string path, string size)
        {
            Run("mount", "-t", "tmpfs", "-o", $"size={size}", "tmpfs", path);
            return new ReadOnlyMount(path);
        }

        public void Dispose() => Run("umount", _path);

        private static void Run(string command, params string[] args)
        {
            using var process = Process.Start(new ProcessStartInfo(command, args) { RedirectStandardError = true })!;
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"{command} {string.Join(' ', args)}: {process.StandardError.ReadToEnd()}");
        }
    }
}
