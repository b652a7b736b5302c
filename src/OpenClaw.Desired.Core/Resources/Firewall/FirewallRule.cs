using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Resources.Firewall;

/// <summary>Which way a rule's traffic flows; egress rules live in the output chain, inbound ones in input.</summary>
public enum RuleDirection
{
    Egress,
    Inbound,
}

/// <summary>One posture rule with its addresses parsed; <see cref="Path"/> locates it in posture.yaml.</summary>
public sealed record FirewallRule(
    string Name,
    string Path,
    RuleDirection Direction,
    string Proto,
    ValueList<int> Ports,
    ValueList<NetAddress> To,
    ValueList<NetAddress> From,
    string? User,
    string? Cgroup)
{
    public string Prefix => Direction == RuleDirection.Egress ? "egress" : "inbound";

    /// <summary>Reads a rule the semantic checks have passed; unparsable addresses are left out.</summary>
    public static FirewallRule Of(FirewallRuleSpec spec, string path, RuleDirection direction) => new(
        spec.Name,
        path,
        direction,
        spec.Proto ?? "any",
        (spec.Ports ?? []).Distinct().Order().ToValueList(),
        Addresses(spec.To),
        Addresses(spec.From),
        spec.User,
        spec.Cgroup?.Trim('/'));

    /// <summary>The families the rule can match: its to and from lists narrow them, none means both.</summary>
    public (bool V4, bool V6) Families
    {
        get
        {
            bool v4 = true, v6 = true;
            foreach (var list in new[] { To, From })
            {
                if (list.Count > 0)
                {
                    v4 &= list.Any(a => !a.IsV6);
                    v6 &= list.Any(a => a.IsV6);
                }
            }

            return (v4, v6);
        }
    }

    public bool UsesPort(int port) =>
        Proto is "tcp" or "any" && (Ports.Count == 0 || Ports.Contains(port));

    private static ValueList<NetAddress> Addresses(IReadOnlyList<string>? texts) =>
        (texts ?? []).Select(t => NetAddress.TryParse(t, out var a, out _) ? a : null).OfType<NetAddress>().Distinct().ToValueList();
}
