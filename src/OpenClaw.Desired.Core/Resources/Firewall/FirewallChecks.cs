using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Resources.Firewall;

/// <summary>
/// The firewall section's semantic checks: rules that contradict the level, proxy settings, and rules that
/// would lock the reconciler out of its own Git remote. Every message names the rule it is about.
/// </summary>
internal static class FirewallChecks
{
    public static void Run(PostureDocument document, Locator at, List<Diagnostic> diagnostics)
    {
        var firewall = document.Firewall;
        var level = FirewallLevels.Parse(firewall?.Level ?? TierPolicy.DefaultFirewall(TierPolicy.Parse(document.Tier)));
        if (firewall is not null)
        {
            FirewallRuleChecks.Run(firewall.Egress, "firewall.egress", RuleDirection.Egress, at, diagnostics);
            FirewallRuleChecks.Run(firewall.Inbound, "firewall.inbound", RuleDirection.Inbound, at, diagnostics);
            FirewallRuleChecks.CheckAddresses(null, firewall.Dns?.Resolvers, "firewall.dns.resolvers", at, diagnostics);
            if (firewall.ConfirmTimeout is { } timeout && Duration.TryParse(timeout, out var parsed) && parsed < TimeSpan.FromSeconds(1))
            {
                diagnostics.Add(at.At("firewall.confirmTimeout", "a confirm timeout under 1s would roll back every change before it can be confirmed"));
            }

            CheckLevel(document, firewall, level, at, diagnostics);
            CheckProxy(firewall, level, at, diagnostics);
        }

        FirewallLockoutChecks.Run(document, level, at, diagnostics);
    }

    private static void CheckLevel(PostureDocument document, FirewallSpec firewall, FirewallLevel level, Locator at, List<Diagnostic> diagnostics)
    {
        var egress = firewall.Egress ?? [];
        for (var i = 0; i < egress.Count; i++)
        {
            var rule = egress[i];
            var path = $"firewall.egress[{i}]";
            var allowsAll = (rule.Proto is null or "any") && rule.Ports is null && rule.To is null && rule.From is null && rule.User is null && rule.Cgroup is null;
            if (level == FirewallLevel.Airgap)
            {
                diagnostics.Add(at.At(path, $"rule '{rule.Name}': level airgap lets nothing out but loopback and the Git remote; remove the rule or choose level filter"));
            }
            else if (level == FirewallLevel.Filter && allowsAll)
            {
                diagnostics.Add(at.At(path, $"rule '{rule.Name}' matches all outbound traffic, so level filter would filter nothing; narrow it or choose level off"));
            }
            else if (level == FirewallLevel.Proxy && rule.User is null && rule.Cgroup is null && (rule.To is null || rule.To.Any(t => !NetAddress.TryParse(t, out var a, out _) || !a!.IsPrivate)))
            {
                diagnostics.Add(at.At(path, $"rule '{rule.Name}' lets every process out, but at level proxy only the proxy's user reaches the internet; give the rule a user or cgroup, or only private 'to' addresses"));
            }
        }

        var remoteNeedsDns = document.Source?.Repo is { } repo && Endpoint.FromGitUrl("git remote", repo) is { Address: null } && firewall.AllowGitRemote != false;
        if (level == FirewallLevel.Airgap && firewall.Dns?.Resolvers is { Count: > 0 } && !remoteNeedsDns)
        {
            diagnostics.Add(at.At("firewall.dns.resolvers", "level airgap sends no DNS out; resolvers are only allowed to resolve the reconciler's Git remote by name"));
        }

        if (level == FirewallLevel.Off && (firewall.Egress is { Count: > 0 } || firewall.Inbound is { Count: > 0 }))
        {
            diagnostics.Add(at.At("firewall.level", "level off keeps no firewall table, so the egress and inbound rules have no effect", Severity.Warning));
        }
    }

    private static void CheckProxy(FirewallSpec firewall, FirewallLevel level, Locator at, List<Diagnostic> diagnostics)
    {
        var proxy = firewall.Proxy;
        if (level != FirewallLevel.Proxy)
        {
            if (proxy is not null)
            {
                diagnostics.Add(at.At("firewall.proxy", $"the proxy settings have no effect at level {FirewallLevels.Name(level)}", Severity.Warning));
            }

            return;
        }

        if (proxy?.User is not { } user)
        {
            diagnostics.Add(at.At(proxy is null ? "firewall.level" : "firewall.proxy", "level proxy needs firewall.proxy.user: the user the egress proxy runs as, the only one let out"));
        }
        else if (!FirewallRuleChecks.IsUser(user) || user is "root" or "0")
        {
            diagnostics.Add(at.At("firewall.proxy.user", $"'{user}' cannot be the proxy user: give the dedicated, unprivileged user the proxy runs as"));
        }

        var listen = proxy?.Listen ?? FirewallSettings.DefaultProxyListen;
        if (FirewallSettings.ParseListen(listen) is not { } parsed || !NetAddress.TryParse(parsed.Host, out var address, out _))
        {
            diagnostics.Add(at.At("firewall.proxy.listen", $"'{listen}' is not an address:port such as 127.0.0.1:3128"));
        }
        else if (!address!.IsLoopback)
        {
            diagnostics.Add(at.At("firewall.proxy.listen", $"the proxy must listen on loopback (127.0.0.1 or ::1), not {parsed.Host}: everyone but the proxy reaches only loopback"));
        }
    }
}
