using System.Text.RegularExpressions;
using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Resources.Firewall;

/// <summary>Checks of single rules: addresses, ports, protocols, and fields that cannot apply to the rule's direction.</summary>
internal static partial class FirewallRuleChecks
{
    public static void Run(IReadOnlyList<FirewallRuleSpec>? rules, string list, RuleDirection direction, Locator at, List<Diagnostic> diagnostics)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (rules?.Count ?? 0); i++)
        {
            var rule = rules![i];
            var path = $"{list}[{i}]";
            if (!names.Add(rule.Name))
            {
                diagnostics.Add(at.At($"{path}.name", $"duplicate rule name '{rule.Name}'"));
            }

            CheckPorts(rule, path, at, diagnostics);
            var to = CheckAddresses(rule, rule.To, $"{path}.to", at, diagnostics);
            var from = CheckAddresses(rule, rule.From, $"{path}.from", at, diagnostics);
            if (to.Count > 0 && from.Count > 0 && !(to.Any(a => !a.IsV6) && from.Any(a => !a.IsV6)) && !(to.Any(a => a.IsV6) && from.Any(a => a.IsV6)))
            {
                diagnostics.Add(at.At($"{path}.from", $"rule '{rule.Name}' can never match: its 'from' and 'to' addresses are of different IP versions"));
            }

            if (direction == RuleDirection.Inbound)
            {
                if (rule.User is not null)
                {
                    diagnostics.Add(at.At($"{path}.user", $"rule '{rule.Name}': user matches the process that sends a packet, so it applies to egress rules only"));
                }

                if (rule.Cgroup is not null)
                {
                    diagnostics.Add(at.At($"{path}.cgroup", $"rule '{rule.Name}': cgroup matches the process that sends a packet, so it applies to egress rules only"));
                }
            }
            else if (rule.User is { } user && !UserPattern().IsMatch(user))
            {
                diagnostics.Add(at.At($"{path}.user", $"rule '{rule.Name}': '{user}' is neither a user name nor a numeric uid"));
            }

            if (rule.Cgroup is { } cgroup && cgroup.Split('/').Any(part => part is "." or ".."))
            {
                diagnostics.Add(at.At($"{path}.cgroup", $"rule '{rule.Name}': a cgroup path may not contain '.' or '..'"));
            }
        }
    }

    public static bool IsUser(string user) => UserPattern().IsMatch(user);

    /// <summary>Parses the addresses of one list, reporting each bad or overlapping entry by its index.</summary>
    public static List<NetAddress> CheckAddresses(FirewallRuleSpec? rule, IReadOnlyList<string>? texts, string path, Locator at, List<Diagnostic> diagnostics)
    {
        var parsed = new List<NetAddress>();
        var who = rule is null ? string.Empty : $"rule '{rule.Name}': ";
        for (var j = 0; j < (texts?.Count ?? 0); j++)
        {
            if (!NetAddress.TryParse(texts![j], out var address, out var error))
            {
                diagnostics.Add(at.At($"{path}[{j}]", who + error));
                continue;
            }

            if (address!.PrefixLength == 0)
            {
                diagnostics.Add(at.At($"{path}[{j}]", who + $"'{address}' matches every address; leave the list out instead"));
                continue;
            }

            if (parsed.FirstOrDefault(p => p.Contains(address) || address.Contains(p)) is { } clash)
            {
                var message = clash.Text == address.Text ? $"'{address}' is listed twice" : $"'{address}' overlaps '{clash}'; list the larger block only";
                diagnostics.Add(at.At($"{path}[{j}]", who + message));
                continue;
            }

            parsed.Add(address);
        }

        return parsed;
    }

    private static void CheckPorts(FirewallRuleSpec rule, string path, Locator at, List<Diagnostic> diagnostics)
    {
        if (rule.Ports is not { } ports)
        {
            return;
        }

        if (ports.Count == 0)
        {
            diagnostics.Add(at.At($"{path}.ports", $"rule '{rule.Name}': an empty port list matches nothing; leave 'ports' out to match every port"));
        }
        else if (rule.Proto == "icmp")
        {
            diagnostics.Add(at.At($"{path}.ports", $"rule '{rule.Name}': icmp has no ports; use proto tcp, udp or any"));
        }

        var seen = new HashSet<int>();
        for (var j = 0; j < ports.Count; j++)
        {
            if (!seen.Add(ports[j]))
            {
                diagnostics.Add(at.At($"{path}.ports[{j}]", $"rule '{rule.Name}': port {ports[j]} is listed twice"));
            }
        }
    }

    [GeneratedRegex("^([0-9]{1,10}|[a-z_][a-z0-9_.-]{0,31}\\$?)$")]
    private static partial Regex UserPattern();
}
