using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Safety;

/// <summary>
/// Attacks that need the OpenClaw home to belong to the agent user, as it does on a real host (the demo copy is
/// root's): the agent moves what root made, and names host files in its own openclaw.json.
/// </summary>
[Trait("Category", "Integration")]
public sealed class HostileHomeTests : IDisposable
{
    private const string Home = ScratchHost.OpenClawHome;
    private readonly ScratchHost _host = ScratchHost.FromDemo();

    public HostileHomeTests()
    {
        Directory.CreateDirectory(_host.Real("/etc/openclaw"));
        File.WriteAllText(_host.Real("/etc/openclaw/shared.json"), "{\"operator\":\"only\"}\n");
        File.SetUnixFileMode(_host.Real("/etc/openclaw/shared.json"), (UnixFileMode)0b110_100_100);
        HostFiles.Lchown(_host.Real("/home/claw"), 1000, 1000);
        foreach (var folder in Directory.GetDirectories(_host.Real(Home), "*", SearchOption.AllDirectories).Append(_host.Real(Home)))
        {
            HostFiles.Lchown(folder, 1000, 1000);
        }
    }

    public void Dispose() => _host.Dispose();

    [Fact]
    public void Apply_RootsLinkMovedOntoTheEnvStore_NeverWritesSecretsThroughIt()
    {
        // Root made this link (the operator's shared file); the agent renamed it to the name the env store writes.
        File.Delete(_host.Real(Home + "/.env"));
        File.CreateSymbolicLink(_host.Real(Home + "/.env"), "/etc/openclaw/shared.json");
        var posture = _host.WritePosture(SecretPostures.EnvStore());

        var apply = CliRunner.Run(["reconcile", .. _host.Args(posture, "--yes", "-o", "json")]);

        Assert.NotEqual(1, apply.ExitCode);
        Assert.Equal("{\"operator\":\"only\"}\n", File.ReadAllText(_host.Real("/etc/openclaw/shared.json")));
        Assert.Equal(0, HostFiles.Uid(_host.Real("/etc/openclaw/shared.json")));
        Assert.Equal((UnixFileMode)0b110_100_100, File.GetUnixFileMode(_host.Real("/etc/openclaw/shared.json")));
    }

    [Theory]
    [InlineData("standard", "  logging: {\n    file: \"/etc/passwd\",")]
    [InlineData("basic", "  $include: \"/etc/passwd\",\n  logging: {")]
    public void Apply_HostFileNamedInOpenClawJson_KeepsItsMode(string tier, string named)
    {
        // openclaw.json is the agent's: naming /etc/passwd as its log file or an include must not make root chmod it.
        File.SetUnixFileMode(_host.Real("/etc/passwd"), (UnixFileMode)0b110_100_100);
        File.WriteAllText(_host.ConfigPath, File.ReadAllText(_host.ConfigPath).Replace("  logging: {", named, StringComparison.Ordinal));
        var posture = _host.WritePosture(Postures.AgentOnly(tier));

        var apply = CliRunner.Run(["reconcile", .. _host.Args(posture, "--yes", "-o", "json")]);

        Assert.NotEqual(1, apply.ExitCode);
        Assert.DoesNotContain("mode:/etc/passwd", apply.Stdout);
        Assert.Equal((UnixFileMode)0b110_100_100, File.GetUnixFileMode(_host.Real("/etc/passwd")));
    }
}
