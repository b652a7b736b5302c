using System.Globalization;
using System.Text.RegularExpressions;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Resources.Firewall;

namespace OpenClaw.Desired.Incidents;

/// <summary>A gateway lockdown stopped: a systemd unit (system or the OpenClaw user's), or a process and its children.</summary>
public sealed record StoppedService(string Kind, string Name, string? Scope, bool WasEnabled, int? Pid, int? Uid, string? CommandLine, string? Cwd)
{
    public string Describe() => Kind == "unit"
        ? $"systemd {(Scope is null ? "system" : $"user ({Scope})")} unit {Name}{(WasEnabled ? " (stopped and disabled)" : " (stopped)")}"
        : $"process {Pid} ({Name}, uid {Uid}): {CommandLine}";
}

/// <summary>
/// Finds the OpenClaw gateway and its agents and stops them: the <c>openclaw-gateway</c> systemd unit (system, or the
/// OpenClaw user's), then any process of the OpenClaw user listening on the gateway port, with every process it started.
/// The port comes from openclaw.json, which the agent may write: a listener of another user (sshd, a database) is never
/// stopped, nor this process or any of its parents; it is named instead. On a scratch root only a named network
/// namespace scopes processes; without one there is nothing of the scratch host to stop.
/// </summary>
public static partial class GatewayControl
{
    public const string Unit = "openclaw-gateway.service";
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    /// <summary>What runs now: units active and processes listening on the port (with their children).</summary>
    public static async Task<(IReadOnlyList<StoppedService> Running, string? Skipped, IReadOnlyList<string> Left)> FindAsync(HostContext host, string user, string? netns, int port, CancellationToken cancellationToken)
    {
        if (!host.Root.IsRealRoot && netns is null)
        {
            return ([], "processes and services are not part of a scratch root (name a network namespace in firewall.netns to scope them)", []);
        }

        var running = new List<StoppedService>();
        if (host.Root.IsRealRoot && netns is null)
        {
            foreach (var scope in new[] { (string?)null, user })
            {
                if ((await Systemctl(host, scope, "is-active", cancellationToken)).Succeeded)
                {
                    var enabled = (await Systemctl(host, scope, "is-enabled", cancellationToken)).Succeeded;
                    running.Add(new StoppedService("unit", Unit, scope, enabled, null, null, null, null));
                }
            }
        }

        var all = ProcessTable.Read();
        var agent = Secrets.AgentUser.Lookup(host.Root, user)?.Uid;
        var mine = ProcessTable.Ancestry(all, Environment.ProcessId);
        var left = new List<string>();
        foreach (var pid in await ListenersAsync(host, netns, port, cancellationToken))
        {
            if (all.FirstOrDefault(p => p.Pid == pid) is not { } listener)
            {
                continue;
            }

            if (agent is null || listener.Uid != agent || mine.Contains(pid))
            {
                left.Add($"process {pid} ({listener.Name}, uid {listener.Uid}) listens on the gateway port {port} but {(agent is null ? $"the OpenClaw user {user} has no uid in /etc/passwd" : mine.Contains(pid) ? "runs this lockdown" : $"does not run as the OpenClaw user {user} (uid {agent})")}: not stopped; stop it by hand if it is the gateway");
                continue;
            }

            foreach (var process in ProcessTable.Tree(all, pid).Where(p => !mine.Contains(p.Pid) && running.All(r => r.Pid != p.Pid)))
            {
                running.Add(new StoppedService("process", process.Name, null, false, process.Pid, process.Uid, process.CommandLine, process.Cwd));
            }
        }

        return (running, null, left);
    }

    /// <summary>Stops what <see cref="FindAsync"/> found; returns one line per thing that would not stop.</summary>
    public static async Task<IReadOnlyList<string>> StopAsync(HostContext host, IReadOnlyList<StoppedService> running, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        foreach (var unit in running.Where(r => r.Kind == "unit"))
        {
            var stop = await Systemctl(host, unit.Scope, "stop", cancellationToken);
            if (!stop.Succeeded)
            {
                problems.Add($"{unit.Describe()}: systemctl stop failed: {First(stop.StandardError)}");
            }
            else if (unit.WasEnabled && !(await Systemctl(host, unit.Scope, "disable", cancellationToken)).Succeeded)
            {
                problems.Add($"{unit.Describe()}: stopped, but could not be disabled (it starts again on reboot)");
            }
        }

        var all = ProcessTable.Read();
        foreach (var process in running.Where(r => r.Kind == "process"))
        {
            if (all.FirstOrDefault(p => p.Pid == process.Pid) is { } info && !await ProcessTable.StopAsync(info, Grace, cancellationToken))
            {
                problems.Add($"process {process.Pid} ({process.Name}) did not stop, even after SIGKILL");
            }
        }

        return problems;
    }

    /// <summary>Starts again a unit lockdown stopped (and enables it when it was enabled).</summary>
    public static async Task<string?> StartAsync(HostContext host, StoppedService unit, CancellationToken cancellationToken)
    {
        if (unit.WasEnabled)
        {
            var enable = await Systemctl(host, unit.Scope, "enable", cancellationToken);
            if (!enable.Succeeded)
            {
                return $"{unit.Describe()}: could not be enabled again: {First(enable.StandardError)}";
            }
        }

        var start = await Systemctl(host, unit.Scope, "start", cancellationToken);
        return start.Succeeded ? null : $"{unit.Describe()}: could not be started again: {First(start.StandardError)}";
    }

    /// <summary>Pids with a TCP socket listening on the port, in the namespace (or the host's).</summary>
    private static async Task<IReadOnlyList<int>> ListenersAsync(HostContext host, string? netns, int port, CancellationToken cancellationToken)
    {
        var commands = FirewallCommands.For(host.Commands, netns);
        var result = await commands.RunAsync("ss", ["-H", "-l", "-t", "-n", "-p", "sport", "=", $":{port.ToString(CultureInfo.InvariantCulture)}"], TimeSpan.FromSeconds(10), cancellationToken);
        return result.Succeeded
            ? PidPattern().Matches(result.StandardOutput).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Distinct().Order().ToList()
            : [];
    }

    private static Task<CommandResult> Systemctl(HostContext host, string? userScope, string verb, CancellationToken cancellationToken) =>
        host.Commands.RunAsync("systemctl", userScope is null ? [verb, Unit] : ["--user", "--machine", userScope + "@", verb, Unit], TimeSpan.FromSeconds(30), cancellationToken: cancellationToken);

    private static string First(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? "no message";

    [GeneratedRegex(@"pid=(\d+)")]
    private static partial Regex PidPattern();
}
