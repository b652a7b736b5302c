using System.Globalization;
using OpenClaw.Desired.Host.Fs;
using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Resources.Firewall;

/// <summary>
/// The SSH ports this host's sshd listens on (from <c>/etc/ssh/sshd_config</c> and its <c>sshd_config.d</c> drop-ins),
/// and whether a filtering level would close them: every level but off drops new inbound connections that no
/// inbound rule allows, so an operator on SSH would lock themselves out. Validation warns (with or without a
/// firewall section); apply refuses unless the posture acknowledges it (<c>firewall.acknowledgeNoSsh: true</c>).
/// </summary>
public static class SshLockout
{
    public const int DefaultPort = 22;

    /// <summary>sshd's ports, or empty when the host has no sshd configuration (no SSH server to lock out).</summary>
    public static IReadOnlyList<int> Ports(HostFs fs)
    {
        var main = fs.TryReadAllText("/etc/ssh/sshd_config", 1024 * 1024);
        if (main is null)
        {
            return [];
        }

        var texts = new List<string>();
        if (fs.Probe("/etc/ssh/sshd_config.d") is { IsDirectory: true })
        {
            texts.AddRange(fs.List("/etc/ssh/sshd_config.d").Where(e => e.Stat.IsFile && e.Name.EndsWith(".conf", StringComparison.Ordinal))
                .Select(e => fs.ReadAllText($"/etc/ssh/sshd_config.d/{e.Name}", 1024 * 1024)));
        }

        texts.Add(main);
        var ports = texts.SelectMany(t => t.Split('\n'))
            .Select(line => line.Trim().Split((char[])[' ', '\t'], 2, StringSplitOptions.RemoveEmptyEntries))
            .Where(parts => parts.Length == 2 && parts[0].Equals("Port", StringComparison.OrdinalIgnoreCase))
            .Select(parts => int.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : -1)
            .Where(port => port is > 0 and < 65536)
            .Distinct()
            .Order()
            .ToList();
        return ports.Count == 0 ? [DefaultPort] : ports;
    }

    /// <summary>The ports of <paramref name="ssh"/> no inbound rule of the posture lets in.</summary>
    public static IReadOnlyList<int> Closed(FirewallSpec? firewall, IReadOnlyList<int> ssh) =>
        ssh.Where(port => !(firewall?.Inbound ?? []).Any(r => FirewallRule.Of(r, string.Empty, RuleDirection.Inbound).UsesPort(port))).ToList();

    /// <summary>The fix to name: an inbound rule for the port, or the acknowledgement.</summary>
    public static string Fix(int port) =>
        $"add an inbound rule (firewall.inbound: [{{name: ssh, proto: tcp, ports: [{port}], from: [<your address>]}}]) or, if the console is the way in, set firewall.acknowledgeNoSsh: true";
}
