using System.Diagnostics;
using System.Formats.Tar;
using System.Text.Json;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Incidents;
using OpenClaw.Desired.Incidents.Evidence;
using OpenClaw.Desired.Redaction;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Incidents;

/// <summary>Lockdown against a hostile agent: what it can point the emergency stop at must never turn it on the host.</summary>
public sealed class LockdownHostileTests
{
    [Fact]
    public async Task Gateway_APortTheAgentPointsAtAnotherUsersListener_NeverStopsThatProcess()
    {
        // openclaw.json (the agent's to write) says gateway.port: 22; what listens there is root's sshd, with the
        // operator's sessions (and this lockdown) below it.
        using var host = ScratchHost.FromDemo();
        using var sshd = Process.Start(new ProcessStartInfo("sleep", "60") { UseShellExecute = false })!;
        try
        {
            var commands = new ListeningOn(sshd.Id);
            using var http = new HttpClient();
            var context = new HostContext(new HostRoot(host.Root), commands, TimeProvider.System, http, new SecretRedactor());

            var (running, _, left) = await GatewayControl.FindAsync(context, "claw", "agent-ns", 22, CancellationToken.None);

            Assert.DoesNotContain(running, r => r.Pid == sshd.Id);
            Assert.Contains(left, l => l.Contains($"process {sshd.Id} (sleep, uid 0)", StringComparison.Ordinal) && l.Contains("not stopped", StringComparison.Ordinal));
        }
        finally
        {
            sshd.Kill();
        }
    }

    [Fact]
    public async Task Verify_DecryptsTheArchiveIntoAFolderNoOtherUserCanEnter_AndLeavesNothing()
    {
        // The decrypted archive holds every secret the bundle keeps; the agent user watches /tmp.
        var folder = Directory.CreateTempSubdirectory("ocd-bundle-").FullName;
        try
        {
            File.WriteAllBytes(Path.Combine(folder, EvidenceManifest.SealedArchive), [1, 2, 3]);
            var manifest = new EvidenceManifest(1, "x", DateTimeOffset.UtcNow, "test", "host", "/", EvidenceManifest.SealedArchive, "backups@example.invalid", []);
            File.WriteAllText(Path.Combine(folder, EvidenceManifest.FileName), JsonSerializer.Serialize(manifest, EvidenceManifest.Options));
            File.WriteAllText(Path.Combine(folder, EvidenceManifest.SumsName), string.Concat(new[] { EvidenceManifest.SealedArchive, EvidenceManifest.FileName }.Select(n => $"{EvidenceBundle.Sha256Of(Path.Combine(folder, n))}  {n}\n")));
            var gpg = new DecryptingGpg();

            var verified = await EvidenceVerifier.VerifyAsync(folder, gpg, CancellationToken.None);

            Assert.True(verified.Intact, string.Join("; ", verified.Problems));
            Assert.NotNull(gpg.Output);
            const UnixFileMode others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
            Assert.Equal((UnixFileMode)0, gpg.FolderMode & others);
            Assert.False(File.Exists(gpg.Output));
            Assert.False(Directory.Exists(Path.GetDirectoryName(gpg.Output)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>gpg --decrypt as it writes: the output created with the process umask (0644 for root's 022).</summary>
    private sealed class DecryptingGpg : ICommandRunner
    {
        public string? Output { get; private set; }

        public UnixFileMode FolderMode { get; private set; }

        public Task<CommandResult> RunAsync(string fileName, IReadOnlyList<string> arguments, TimeSpan timeout, string? standardInput = null, IReadOnlyDictionary<string, string>? environment = null, CancellationToken cancellationToken = default)
        {
            var at = arguments.ToList().IndexOf("--output");
            Output = arguments[at + 1];
            using (var stream = File.Create(Output))
            using (new TarWriter(stream, leaveOpen: true))
            {
            }

            FolderMode = File.GetUnixFileMode(Path.GetDirectoryName(Output)!);
            return Task.FromResult(new CommandResult(0, string.Empty, string.Empty, false));
        }
    }

    /// <summary>ss says the given pid listens; every other command fails.</summary>
    private sealed class ListeningOn(int pid) : ICommandRunner
    {
        public Task<CommandResult> RunAsync(string fileName, IReadOnlyList<string> arguments, TimeSpan timeout, string? standardInput = null, IReadOnlyDictionary<string, string>? environment = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(arguments.Contains("ss") || fileName == "ss"
                ? new CommandResult(0, $"LISTEN 0 128 0.0.0.0:22 0.0.0.0:* users:((\"sshd\",pid={pid},fd=3))\n", string.Empty, false)
                : new CommandResult(1, string.Empty, "not here", false));
    }
}
