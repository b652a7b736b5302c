using System.Globalization;
using System.Text;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Resources.Firewall;

namespace OpenClaw.Desired.Incidents;

/// <summary>
/// The lockdown's air gap: a table of its own, <c>inet openclaw_lockdown</c>, whose input, output and forward chains
/// drop everything but loopback, SSH (sshd's ports, so the operator's session and a new one stay possible: the lockout
/// checks hold), IPv6 neighbour discovery and DHCP. It sits before every other table (priority -100) and drops also
/// the connections already open, so an exfiltration in progress stops at once. Loaded in one nft transaction with no
/// commit-confirm wait; the owned table and the operator's tables are left as they are, and release removes only this.
/// </summary>
public static class AirGap
{
    public const string Family = "inet";
    public const string Name = "openclaw_lockdown";
    public const string Qualified = Family + " " + Name;

    /// <summary>sshd's ports from its config under the root, and the port of the SSH session running this, if any.</summary>
    public static IReadOnlyList<int> SshPorts(HostContext host, Func<string, string?>? environment = null)
    {
        var ports = SshLockout.Ports(host.Fs).ToList();
        var session = (environment ?? Environment.GetEnvironmentVariable)("SSH_CONNECTION")?.Split(' ');
        if (host.Root.IsRealRoot && session is { Length: 4 } && int.TryParse(session[3], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536)
        {
            ports.Add(port);
        }

        return ports.Distinct().Order().ToList();
    }

    public static string Script(IReadOnlyList<int> sshPorts)
    {
        var ssh = sshPorts.Count == 0 ? null : NftText.ValueOrSet(sshPorts);
        var text = new StringBuilder($"table {Qualified}\ndelete table {Qualified}\ntable {Qualified} {{\n");
        Chain(text, "input", "input", "iif \"lo\" accept", ssh is null ? null : $"tcp dport {ssh} accept", "icmpv6 type { nd-neighbor-solicit, nd-neighbor-advert, nd-router-advert } accept", "udp sport 67 udp dport 68 accept", "udp sport 547 udp dport 546 accept");
        Chain(text, "output", "output", "oif \"lo\" accept", ssh is null ? null : $"tcp sport {ssh} accept", "icmpv6 type { nd-neighbor-solicit, nd-neighbor-advert, nd-router-solicit } accept", "udp sport 68 udp dport 67 accept", "udp sport 546 udp dport 547 accept");
        Chain(text, "forward", "forward");
        return text.Append("}\n").ToString();
    }

    /// <summary>The table as nft lists it, or null when it is not there (or nft cannot say).</summary>
    public static async Task<string?> ListAsync(HostContext host, string? netns, CancellationToken cancellationToken)
    {
        var result = await FirewallCommands.For(host.Commands, netns).NftAsync(["list", "table", Family, Name], cancellationToken);
        return result.Succeeded ? result.StandardOutput : null;
    }

    /// <summary>Checks the script with nft -c, then loads it; returns the problem, or null.</summary>
    public static async Task<string?> ApplyAsync(HostContext host, string? netns, IReadOnlyList<int> sshPorts, string folder, CancellationToken cancellationToken)
    {
        var commands = FirewallCommands.For(host.Commands, netns);
        var file = Path.Combine(folder, "lockdown.nft");
        Safety.AtomicFile.Write(file, Encoding.UTF8.GetBytes(Script(sshPorts)), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var check = await commands.NftAsync(["-c", "-f", file], cancellationToken);
        if (!check.Succeeded)
        {
            return $"nft rejected the air-gap table: {NftAvailability.FirstLine(check.StandardError)}";
        }

        var load = await commands.NftAsync(["-f", file], cancellationToken);
        return load.Succeeded ? null : $"nft could not load the air-gap table: {NftAvailability.FirstLine(load.StandardError)}";
    }

    public static async Task<string?> RemoveAsync(HostContext host, string? netns, CancellationToken cancellationToken)
    {
        var result = await FirewallCommands.For(host.Commands, netns).NftAsync(["delete", "table", Family, Name], cancellationToken);
        return result.Succeeded ? null : $"nft could not remove the air-gap table: {NftAvailability.FirstLine(result.StandardError)}";
    }

    private static void Chain(StringBuilder text, string name, string hook, params string?[] rules)
    {
        text.Append("\tchain ").Append(name).Append(" {\n\t\ttype filter hook ").Append(hook).Append(" priority -100; policy drop;\n");
        foreach (var rule in rules.OfType<string>())
        {
            text.Append("\t\t").Append(rule).Append('\n');
        }

        text.Append("\t}\n");
    }
}
