using OpenClaw.Desired.Planning;

namespace OpenClaw.Desired.Resources.Firewall;

/// <summary>
/// Compares the owned table on the host with the desired one, chain by chain and rule by rule (rules are matched
/// by their comment). Every change carries the same <see cref="FirewallTransaction"/>: shown one by one, applied at once.
/// </summary>
internal static class TableDiff
{
    public static IEnumerable<PlannedChange> Changes(string kind, NftTable? observed, NftTable? desired, FirewallTransaction transaction)
    {
        if (desired is null)
        {
            return observed is null
                ? []
                : [new PlannedChange(kind, $"table {observed.Qualified}", ChangeAction.Remove, "level off: the reconciler keeps no firewall table",
                    $"{observed.Chains.Count} chains, {observed.Rules.Count} rules", null, PostureEffect.Loosens, transaction)];
        }

        var changes = new List<PlannedChange>();
        PlannedChange Change(string resource, ChangeAction action, string reason, string? before, string? after, PostureEffect effect) =>
            new(kind, resource, action, reason, before, after, effect, transaction);

        foreach (var chain in desired.Chains)
        {
            var current = observed?.Chains.FirstOrDefault(c => c.Name == chain.Name);
            if (current is null)
            {
                changes.Add(Change($"chain {chain.Name}", ChangeAction.Create, $"the {chain.Hook} hook drops what no rule allows", null, chain.Header, PostureEffect.Tightens));
            }
            else if (current != chain)
            {
                changes.Add(Change($"chain {chain.Name}", ChangeAction.Update, $"the {chain.Hook} hook drops what no rule allows", current.Header, chain.Header, PolicyEffect(current.Policy, chain.Policy)));
            }

            changes.AddRange(RuleChanges(chain, current, observed, desired, Change));
        }

        foreach (var extra in observed?.Chains.Where(c => desired.Chains.All(d => d.Name != c.Name)) ?? [])
        {
            changes.Add(Change($"chain {extra.Name}", ChangeAction.Remove, "not part of the desired table", extra.Header, null, extra.Policy == "drop" ? PostureEffect.Loosens : PostureEffect.Neutral));
        }

        foreach (var set in desired.Sets)
        {
            var current = observed?.Sets.FirstOrDefault(s => s.Name == set.Name);
            if (current != set)
            {
                changes.Add(Change($"set {set.Name}", current is null ? ChangeAction.Create : ChangeAction.Update, "refused outbound destinations are kept here, each with its own counter",
                    current?.Declaration, set.Declaration, PostureEffect.Neutral));
            }
        }

        foreach (var other in observed?.OtherObjects ?? ValueList<string>.Empty)
        {
            if (!desired.Sets.Any(s => other == $"set {s.Name}"))
            {
                changes.Add(Change(other, ChangeAction.Remove, "not part of the desired table", other, null, PostureEffect.Neutral));
            }
        }

        return changes;
    }

    private static IEnumerable<PlannedChange> RuleChanges(
        NftChain chain, NftChain? current, NftTable? observed, NftTable desired, Func<string, ChangeAction, string, string?, string?, PostureEffect, PlannedChange> change)
    {
        var wanted = desired.RulesOf(chain.Name).ToList();
        var present = observed?.RulesOf(chain.Name).ToList() ?? [];
        var wantedComments = wanted.Select(w => w.Comment!).ToHashSet(StringComparer.Ordinal);
        var commentCounts = present.Where(p => p.Comment is not null).GroupBy(p => p.Comment!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var matched = new Dictionary<string, NftRule>(StringComparer.Ordinal);
        var changes = new List<PlannedChange>();
        var dropping = current?.Policy == "drop";
        foreach (var rule in present)
        {
            if (rule.Comment is { } comment && wantedComments.Contains(comment) && matched.TryAdd(comment, rule))
            {
                continue;
            }

            var name = rule.Comment is { } c && commentCounts[c] == 1 ? c : $"handle {rule.Handle}";
            var effect = rule.Statements.LastOrDefault() == "accept" ? dropping ? PostureEffect.Tightens : PostureEffect.Neutral : PostureEffect.Loosens;
            changes.Add(change($"{chain.Name}/{name}", ChangeAction.Remove, "not part of the desired table", rule.Text, null, effect));
        }

        foreach (var rule in wanted)
        {
            if (!matched.TryGetValue(rule.Comment!, out var existing))
            {
                // A rule that accepts nothing (a counter, a log line) cannot loosen a dropping chain.
                var accepts = rule.Statements.LastOrDefault() == "accept";
                changes.Add(change($"{chain.Name}/{rule.Comment}", ChangeAction.Create, RuleReasons.For(rule.Comment!), null, rule.Body, dropping && accepts ? PostureEffect.Loosens : PostureEffect.Neutral));
            }
            else if (existing.Body != rule.Body)
            {
                var widened = RuleWidth.Widened(existing.Statements, rule.Statements);
                changes.Add(change($"{chain.Name}/{rule.Comment}", ChangeAction.Update, widened is null ? RuleReasons.For(rule.Comment!) : $"{RuleReasons.For(rule.Comment!)}; {widened}", existing.Body, rule.Body, RuleWidth.Effect(existing.Statements, rule.Statements)));
            }
        }

        // Same rules, other order: order decides which verdict wins, so it is a change of its own.
        var order = present.Where(p => p.Comment is not null && matched.TryGetValue(p.Comment, out var m) && ReferenceEquals(m, p)).Select(p => p.Comment!).ToList();
        var desiredOrder = wanted.Select(w => w.Comment!).Where(matched.ContainsKey).ToList();
        if (changes.Count == 0 && !order.SequenceEqual(desiredOrder))
        {
            changes.Add(change($"chain {chain.Name} (rule order)", ChangeAction.Update, "rules apply in order", string.Join(", ", order), string.Join(", ", desiredOrder), PostureEffect.Neutral));
        }

        return changes;
    }

    private static PostureEffect PolicyEffect(string from, string to) =>
        from == to ? PostureEffect.Neutral : to == "drop" ? PostureEffect.Tightens : from == "drop" ? PostureEffect.Loosens : PostureEffect.Neutral;
}

/// <summary>Why the desired table holds each rule, from the rule's comment.</summary>
internal static class RuleReasons
{
    public static string For(string comment)
    {
        var name = comment.Split(" (", 2)[0];
        return name switch
        {
            "base:loopback" => "loopback stays open at every level (the gateway, local models, the proxy)",
            "base:established" => "replies to connections already allowed",
            "base:neighbour-discovery" => "IPv6 neighbour discovery, without which IPv6 does not work at all",
            "base:dhcp" or "base:dhcpv6" => "DHCP lease renewal: a host that loses its lease loses its address",
            "dns" => "DNS to the listed resolvers only (firewall.dns.resolvers)",
            "git-remote" => "the reconciler keeps reaching its own Git remote (source.repo)",
            "refused:count" => "counts every outbound packet the chain is about to refuse",
            "refused:top" => "keeps each refused destination (address and port) with its own counter, for a day",
            "refused:log" => "logs refused outbound packets to the kernel log, at most 10 a minute",
            _ when name.StartsWith("proxy:", StringComparison.Ordinal) => "level proxy: only the proxy's user reaches the internet",
            _ when name.StartsWith("egress:", StringComparison.Ordinal) => $"egress rule '{name["egress:".Length..]}' of the posture",
            _ when name.StartsWith("inbound:", StringComparison.Ordinal) => $"inbound rule '{name["inbound:".Length..]}' of the posture",
            _ => "part of the desired table",
        };
    }
}
