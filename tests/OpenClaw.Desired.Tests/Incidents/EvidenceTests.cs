using System.Diagnostics;
using System.Text.Json;
using OpenClaw.Desired.Tests.Support;
using static OpenClaw.Desired.Tests.Incidents.LockdownScenario;

namespace OpenClaw.Desired.Tests.Incidents;

/// <summary>Evidence bundles: sealed read-only, tampering found, hostile files never followed, secrets never printed, encrypted to the backup key.</summary>
public sealed class EvidenceTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Theory]
    [InlineData("archive")]
    [InlineData("manifest")]
    [InlineData("extra")]
    [InlineData("missing")]
    public void Verify_AnyChangeAfterSealing_IsFound(string tamper)
    {
        using var host = ScratchHost.FromDemo();
        Assert.Equal(0, Lockdown(host, WritePosture(host)).ExitCode);
        var bundle = Directory.GetDirectories(Path.Combine(host.StateDir, "evidence")).Single();
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserExecute, File.GetUnixFileMode(bundle));
        Assert.All(Directory.GetFiles(bundle), f => Assert.Equal(UnixFileMode.UserRead, File.GetUnixFileMode(f)));
        Assert.Equal(0, CliRunner.Run("evidence", "verify", "--root", host.Root, "--state-dir", host.StateDir).ExitCode);

        File.SetUnixFileMode(bundle, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        switch (tamper)
        {
            case "archive":
                Flip(Path.Combine(bundle, "evidence.tar"), 1000);
                break;
            case "manifest":
                Flip(Path.Combine(bundle, "manifest.json"), 40);
                break;
            case "extra":
                File.WriteAllText(Path.Combine(bundle, "planted.txt"), "x");
                break;
            default:
                File.Delete(Path.Combine(bundle, "evidence.tar"));
                break;
        }

        var verified = CliRunner.Run("evidence", "verify", bundle);

        Assert.Equal(3, verified.ExitCode);
        Assert.Contains("NOT intact", verified.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_AFileRewrittenInsideTheArchiveWithSumsRedone_IsStillFoundByTheManifest()
    {
        using var host = ScratchHost.FromDemo();
        Assert.Equal(0, Lockdown(host, WritePosture(host)).ExitCode);
        var bundle = Directory.GetDirectories(Path.Combine(host.StateDir, "evidence")).Single();
        File.SetUnixFileMode(bundle, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var tar = Path.Combine(bundle, "evidence.tar");
        File.SetUnixFileMode(tar, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var bytes = File.ReadAllBytes(tar);
        var at = System.Text.Encoding.ASCII.GetString(bytes).IndexOf("claw-demo-short", StringComparison.Ordinal);
        bytes[at] = (byte)'C';
        File.WriteAllBytes(tar, bytes);
        var sums = Path.Combine(bundle, "SHA256SUMS");
        File.SetUnixFileMode(sums, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllLines(sums, File.ReadAllLines(sums).Select(l => l.EndsWith("evidence.tar", StringComparison.Ordinal) ? $"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))}  evidence.tar" : l));

        var verified = CliRunner.Run("evidence", "verify", bundle, "-o", "json");

        Assert.Equal(3, verified.ExitCode);
        Assert.Contains(JsonDocument.Parse(verified.Stdout).RootElement.GetProperty("problems").EnumerateArray(), p => p.GetString()!.Contains("openclaw.json does not have the hash", StringComparison.Ordinal));
    }

    [Fact]
    public void Evidence_HostileFiles_AreRecordedNeverFollowedOrOpened_AndSecretsAreNeverPrinted()
    {
        using var host = ScratchHost.FromDemo();
        var home = host.Real("/home/claw/.openclaw");
        File.CreateSymbolicLink(Path.Combine(home, "logs-link"), "/etc/shadow");
        Assert.Equal(0, Process.Start("mkfifo", Path.Combine(home, "pipe"))!.Also(p => p.WaitForExit()).ExitCode);
        using (var big = File.Create(Path.Combine(home, "huge.log")))
        {
            big.SetLength(40L * 1024 * 1024);
        }

        var canary = "sk-ant-api03-" + Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");
        File.AppendAllText(Path.Combine(home, ".env"), $"ANTHROPIC_API_KEY={canary}\n");

        var locked = Lockdown(host, WritePosture(host));

        Assert.True(locked.ExitCode == 0, locked.All);
        Assert.DoesNotContain(canary, locked.All, StringComparison.Ordinal);
        var bundle = Directory.GetDirectories(Path.Combine(host.StateDir, "evidence")).Single();
        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(bundle, "manifest.json"))).RootElement.GetProperty("entries").EnumerateArray().ToList();
        string Note(string name) => manifest.Single(e => e.GetProperty("name").GetString() == "host/home/claw/.openclaw/" + name).GetProperty("note").GetString()!;
        Assert.Contains("symbolic link to /etc/shadow (not followed)", Note("logs-link"), StringComparison.Ordinal);
        Assert.Contains("a FIFO: never opened", Note("pipe"), StringComparison.Ordinal);
        Assert.Contains("larger than 16 MiB", Note("huge.log"), StringComparison.Ordinal);
        Assert.Contains(canary, ArchiveEntry(bundle, "host/home/claw/.openclaw/.env"), StringComparison.Ordinal);
        Assert.DoesNotContain(canary, File.ReadAllText(Path.Combine(bundle, "manifest.json")), StringComparison.Ordinal);
        Assert.DoesNotContain(canary, File.ReadAllText(host.Real("/home/claw/.openclaw/workspace/HANDOFF.md")), StringComparison.Ordinal);
        Assert.Equal(0, CliRunner.Run("evidence", "verify", bundle).ExitCode);
    }

    [Fact]
    public async Task Evidence_WithABackupRecipient_IsEncrypted_PlaintextGone_AndVerifiedInsideWhenTheKeyIsHere()
    {
        using var host = ScratchHost.FromDemo();
        using var gpg = GpgHome.Create();
        using var stranger = GpgHome.Create(withKey: false);
        var posture = WritePosture(host, extra: string.Empty).Also(p => File.WriteAllText(p, File.ReadAllText(p).Replace("    kind: env", $"    kind: env\n  backupRecipient: {GpgHome.Recipient}", StringComparison.Ordinal)));

        var locked = await CliRunner.RunProcessAsync(gpg.Environment, Timeout, "lockdown", "--reason", "test", "--posture", posture, "--root", host.Root, "--state-dir", host.StateDir);

        Assert.True(locked.ExitCode == 0, locked.All);
        var bundle = Directory.GetDirectories(Path.Combine(host.StateDir, "evidence")).Single();
        Assert.Equal(["SHA256SUMS", "evidence.tar.gpg", "manifest.json"], Directory.GetFiles(bundle).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("claw-demo-short", File.ReadAllText(Path.Combine(bundle, "evidence.tar.gpg")), StringComparison.Ordinal);
        var inside = await CliRunner.RunProcessAsync(gpg.Environment, Timeout, "evidence", "verify", bundle);
        var outside = await CliRunner.RunProcessAsync(stranger.Environment, Timeout, "evidence", "verify", bundle);
        Assert.True(inside.ExitCode == 0, inside.All);
        Assert.Contains("contents (decrypted)", inside.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, outside.ExitCode);
        Assert.Contains("contents were not checked", outside.Stdout, StringComparison.Ordinal);
    }

    private static void Flip(string path, int offset)
    {
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var bytes = File.ReadAllBytes(path);
        bytes[Math.Min(offset, bytes.Length - 1)] ^= 0x20;
        File.WriteAllBytes(path, bytes);
    }
}
