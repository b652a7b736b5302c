using OpenClaw.Desired.Host;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Release;

/// <summary>
/// The release's .deb installed with the real dpkg into a scratch root (maintainer scripts run chrootless,
/// under $DPKG_ROOT), its executable run, and its systemd units checked by systemd-analyze.
/// </summary>
[Collection(ReleaseCollection.Name)]
public sealed class DebianPackageTests(ReleaseBuild release) : IDisposable
{
    private readonly ScratchHost _scratch = ScratchHost.Empty();
    private readonly ProcessCommandRunner _runner = new();

    private string Deb => release.File("openclaw-desired_0.9.1~test.1_amd64.deb");

    private string Root => _scratch.Root;

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task Deb_InstallsExecutableUnitsBootstrapAndStateDirWithTheirModes()
    {
        await InstallAsync();

        var status = await Dpkg("-s", "openclaw-desired");
        Assert.Contains("Status: install ok installed", status.StandardOutput);
        Assert.Contains("Version: 0.9.1~test.1", status.StandardOutput);
        // The amd64 package carries the native executable, linked here: it asks for the glibc that executable needs.
        var glibc = await _runner.RunAsync("bash", [Path.Combine(RepoPaths.Root, "scripts", "publish-native.sh"), "--glibc", _scratch.Real("/usr/bin/openclaw-desired")], TimeSpan.FromMinutes(1));
        Assert.Matches(@"^2\.\d+$", glibc.StandardOutput.Trim());
        Assert.Contains($"Depends: libc6 (>= {glibc.StandardOutput.Trim()})", status.StandardOutput);
        Assert.Equal(Mode("755"), File.GetUnixFileMode(_scratch.Real("/usr/bin/openclaw-desired")));
        Assert.Equal(Mode("700"), File.GetUnixFileMode(_scratch.Real("/var/lib/openclaw-desired")));
        Assert.Equal(Mode("644"), File.GetUnixFileMode(_scratch.Real("/etc/openclaw-desired/posture.yaml")));
        foreach (var unit in new[] { "openclaw-desired.service", "openclaw-desired-once.service", "openclaw-desired.timer" })
        {
            Assert.True(File.Exists(_scratch.Real($"/lib/systemd/system/{unit}")), unit);
        }

        // The bootstrap is a conffile: an upgrade keeps the operator's edits.
        Assert.Contains("/etc/openclaw-desired/posture.yaml", status.StandardOutput);
        Assert.Contains("License: MIT", File.ReadAllText(_scratch.Real("/usr/share/doc/openclaw-desired/copyright")));
    }

    [Fact]
    public async Task Deb_InstalledExecutable_RunsAndValidatesTheBootstrapThatNamesTheRepository()
    {
        await InstallAsync();
        var bin = _scratch.Real("/usr/bin/openclaw-desired");

        var version = await _runner.RunAsync(bin, ["--version"], TimeSpan.FromMinutes(1));
        var validate = await _runner.RunAsync(bin, ["validate", "--posture", _scratch.Real("/etc/openclaw-desired/posture.yaml")], TimeSpan.FromMinutes(1));

        Assert.StartsWith($"openclaw-desired {ReleaseBuild.Version} (commit {release.Commit}", version.StandardOutput);
        Assert.True(validate.Succeeded, validate.StandardOutput + validate.StandardError);
        Assert.Contains("valid (tier standard", validate.StandardOutput);
        Assert.Contains("repo: https://", File.ReadAllText(_scratch.Real("/etc/openclaw-desired/posture.yaml")));
    }

    [Fact]
    public async Task Deb_Units_PassSystemdAnalyzeVerifyAndKeepTheirSandboxing()
    {
        await InstallAsync();
        var units = new[] { "openclaw-desired.service", "openclaw-desired-once.service", "openclaw-desired.timer" }
            .Select(u => _scratch.Real($"/lib/systemd/system/{u}")).ToList();
        foreach (var unit in units.Where(u => u.EndsWith(".service", StringComparison.Ordinal)))
        {
            Assert.Contains("ExecStart=/usr/bin/openclaw-desired run ", File.ReadAllText(unit));
        }

        // systemd-analyze checks that ExecStart exists on the running system: show it the installed
        // executable through an overlay on /usr/bin, in a mount namespace of its own.
        var overlay = $"mount -t overlay overlay -o lowerdir={_scratch.Real("/usr/bin")}:/usr/bin /usr/bin";
        var verify = await InNamespaceAsync($"{overlay} && systemd-analyze verify {string.Join(' ', units)}");
        var security = await InNamespaceAsync($"{overlay} && systemd-analyze security --offline=yes --threshold=40 {units[0]}");

        Assert.True(verify.Succeeded && verify.StandardOutput.Length + verify.StandardError.Length == 0, verify.StandardOutput + verify.StandardError);
        // Exposure 0.0 (locked down) to 10.0 (unprotected), in tenths for --threshold: at most 4.0.
        Assert.True(security.Succeeded, security.StandardOutput + security.StandardError);
        Assert.Matches(@"Overall exposure level for openclaw-desired\.service: [0-3]\.\d", security.StandardOutput);
    }

    [Fact]
    public async Task Deb_Remove_TakesTheExecutableButKeepsTheStateDir()
    {
        await InstallAsync();
        File.WriteAllText(_scratch.Real("/var/lib/openclaw-desired/keep-me"), "backups of the operator's files");

        var purge = await Dpkg("--purge", "openclaw-desired");

        Assert.True(purge.Succeeded, purge.StandardOutput + purge.StandardError);
        Assert.False(File.Exists(_scratch.Real("/usr/bin/openclaw-desired")));
        Assert.True(File.Exists(_scratch.Real("/var/lib/openclaw-desired/keep-me")));
    }

    private async Task InstallAsync()
    {
        foreach (var folder in new[] { "var/lib/dpkg/info", "var/lib/dpkg/updates", "var/lib/dpkg/triggers" })
        {
            Directory.CreateDirectory(Path.Combine(Root, folder));
        }

        File.WriteAllText(Path.Combine(Root, "var/lib/dpkg/status"), string.Empty);
        File.WriteAllText(Path.Combine(Root, "var/lib/dpkg/available"), string.Empty);
        // The scratch root has no libc6 package to satisfy Depends: the libraries are the host's.
        var install = await Dpkg("--force-depends", "-i", Deb);
        Assert.True(install.Succeeded, install.StandardOutput + install.StandardError);
    }

    private Task<CommandResult> Dpkg(params string[] args) =>
        _runner.RunAsync("dpkg", [$"--root={Root}", "--force-script-chrootless", "--log=/dev/null", .. args], TimeSpan.FromMinutes(5));

    private Task<CommandResult> InNamespaceAsync(string script) =>
        _runner.RunAsync("unshare", ["--mount", "--propagation", "private", "--", "sh", "-c", script], TimeSpan.FromMinutes(2));

    private static UnixFileMode Mode(string octal) => (UnixFileMode)Convert.ToInt32(octal, 8);
}
