using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Resources.Firewall;

namespace OpenClaw.Desired.Scoring.Sources;

/// <summary>The owned nftables table as the kernel holds it: chain policies, open egress rules, the refused-connection rules.</summary>
internal static class FirewallObserver
{
    public const string Source = FirewallKind.Name;

    private static readonly string[] Keys = ["firewall:output.policy", "firewall:input.policy", "firewall:open-egress", "firewall:egress", "firewall:refused.logged"];

    public static IEnumerable<Observation> Observe(FirewallObservation observed, KindPlan plan)
    {
        var marker = new Observation(ObservationSet.Marker(Source), "true", Source, "probed");
        var why = observed.OutOfScope
            ? "a scratch root without a network namespace (firewall.netns) has no firewall of its own to see"
            : observed.Unavailable;
        if (why is not null)
        {
            return [.. Keys.Select(k => Observation.Unknown(k, Source, why)), marker];
        }

        var now = Facts(observed.Table);
        var transaction = plan.Changes.Where(c => c.Action != ChangeAction.Manual && c.Payload is FirewallTransaction).Select(c => c.Id).ToList();
        var after = transaction.Count > 0 && observed.Unknowns.Count == 0 ? Facts(DesiredTable.Build(observed.Settings, observed.Facts)) : now;
        return [.. now.Select(n => n.Converging(transaction, after.First(a => a.Key == n.Key).Value, after.First(a => a.Key == n.Key).Detail)), marker];
    }

    private static List<Observation> Facts(NftTable? table)
    {
        var name = $"{FirewallSettings.Family} {table?.Name ?? FirewallSettings.DefaultTable}";
        var output = table?.Chains.FirstOrDefault(c => c.Hook == "output");
        var input = table?.Chains.FirstOrDefault(c => c.Hook == "input");
        var open = table?.Rules.Where(r => r.Chain == output?.Name && IsOpen(r)).Select(r => r.Comment ?? $"handle {r.Handle}").ToList() ?? [];
        var leaving = table?.Rules.Where(r => r.Chain == output?.Name && r.Statements.LastOrDefault() == "accept" && !Reconciler(r)).Select(r => r.Comment ?? $"handle {r.Handle}").ToList() ?? [];
        var minimal = output?.Policy == "drop" && leaving.Count == 0;
        return
        [
            new("firewall:output.policy", output?.Policy ?? "absent", Source, output is null ? $"no output chain in table {name}: nothing the reconciler keeps filters outbound traffic" : $"the output chain of {name} has policy {output.Policy}"),
            new("firewall:input.policy", input?.Policy ?? "absent", Source, input is null ? $"no input chain in table {name}: nothing the reconciler keeps filters inbound traffic" : $"the input chain of {name} has policy {input.Policy}"),
            new("firewall:open-egress", open.Count == 0 ? "none" : string.Join(", ", open), Source, open.Count == 0 ? "no egress rule lets everything out" : $"rule(s) letting everyone out anywhere: {string.Join(", ", open)}"),
            new("firewall:egress", minimal ? "minimal" : "filtered", Source, minimal
                ? "only loopback, the proxy's user and the reconciler's own DNS and Git remote go out"
                : output?.Policy != "drop" ? "outbound traffic is not dropped by default" : $"egress rules let the agent out: {string.Join(", ", leaving)}"),
            new("firewall:refused.logged", RefusedRules.Present(table) ? "true" : "false", Source, RefusedRules.Present(table) ? "refused outbound connections are counted and logged" : "refused outbound connections are neither counted nor logged"),
        ];
    }

    /// <summary>The rules every level keeps (loopback, replies, DHCP, neighbour discovery), the proxy's and the reconciler's own.</summary>
    private static bool Reconciler(NftRule rule) =>
        rule.Comment is { } comment && (comment.StartsWith("base:", StringComparison.Ordinal) || comment.StartsWith("proxy:", StringComparison.Ordinal)
            || comment.StartsWith("dns", StringComparison.Ordinal) || comment.StartsWith("git-remote", StringComparison.Ordinal));

    /// <summary>An accepting rule with no address, port, user, cgroup, interface or state to narrow it.</summary>
    private static bool IsOpen(NftRule rule) =>
        rule.Statements.LastOrDefault() == "accept"
        && rule.Comment?.StartsWith("base:", StringComparison.Ordinal) != true
        && !rule.Statements.Any(s => s.Contains("daddr", StringComparison.Ordinal) || s.Contains("dport", StringComparison.Ordinal) || s.Contains("skuid", StringComparison.Ordinal)
            || s.Contains("cgroupv2", StringComparison.Ordinal) || s.StartsWith("oif", StringComparison.Ordinal) || s.StartsWith("ct ", StringComparison.Ordinal) || s.Contains("icmp", StringComparison.Ordinal));
}
