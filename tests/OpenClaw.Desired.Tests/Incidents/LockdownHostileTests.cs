using System.Diagnostics;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Incidents;
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

    /// <summary>ss says the given pid listens; every other command fails.</summary>
    private sealed class ListeningOn(int pid) : ICommandRunner
    {
        public Task<CommandResult> RunAsync(string fileName, IReadOnlyList<string> arguments, TimeSpan timeout, string? standardInput = null, IReadOnlyDictionary<string, string>? environment = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(arguments.Contains("ss") || fileName == "ss"
                ? new CommandResult(0, $"LISTEN 0 128 0.0.0.0:22 0.0.0.0:* users:((\"sshd\",pid={pid},fd=3))\n", string.Empty, false)
                : new CommandResult(1, string.Empty, "not here", false));
    }
}
