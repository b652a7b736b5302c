using Newtonsoft.Json.Linq;
using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Resources.Firewall;

/// <summary>
/// Rules that would cut the reconciler off from what it depends on: its own Git remote (source.repo), the health
/// targets it confirms a change with, and inbound access for operators and the gateway.
/// </summary>
internal static class FirewallLockoutChecks
{
    public static void Run(PostureDocument document, FirewallLevel level, Locator at, List<Diagnostic> diagnostics)
    {
        if (level == FirewallLevel.Off)
        {
            return;
        }

        var firewall = document.Firewall;
        CheckGitRemote(document, level, at, diagnostics);
        CheckHealthTargets(document, level, at, diagnostics);
        CheckGateway(document, at, diagnostics);
        BackupReachability.Run(document, level, at, diagnostics);
        // Also without a firewall section: the tier's default level filters inbound all the same.
        if (firewall?.AcknowledgeNoSsh != true && SshLockout.Closed(firewall, [SshLockout.DefaultPort]).Count > 0)
        {
            var where = firewall is null ? "tier" : "firewall";
            diagnostics.Add(at.At(where, $"level {FirewallLevels.Name(level)} drops new inbound connections and no inbound rule lets SSH (tcp {SshLockout.DefaultPort}) in: once applied, operators reach this host only from its console; {SshLockout.Fix(SshLockout.DefaultPort)} (apply refuses until one of them is done)", Severity.Warning));
        }
    }

    private static void CheckGitRemote(PostureDocument document, FirewallLevel level, Locator at, List<Diagnostic> diagnostics)
    {
        if (document.Source?.Repo is not { } repo || Endpoint.FromGitUrl("git remote", repo) is not { } remote)
        {
            return;
        }

        var firewall = document.Firewall;
        var where = $"{remote.Host}:{remote.Port}";
        if (firewall?.AllowGitRemote != false)
        {
            if (remote.Address is null && firewall?.Dns?.Resolvers is not { Count: > 0 })
            {
                diagnostics.Add(at.At("source.repo", $"the Git remote is a name ({remote.Host}); list firewall.dns.resolvers (or put it in /etc/hosts) so the reconciler can still resolve it", Severity.Warning));
            }

            return;
        }

        var lockout = $"cuts the reconciler off from its own Git remote (source.repo, {where}), so it could never pull the posture that fixes this";
        if (level == FirewallLevel.Airgap)
        {
            diagnostics.Add(at.At("firewall.allowGitRemote", $"level airgap with allowGitRemote: false {lockout}"));
            return;
        }

        // The reconciler runs as root; at level proxy only rules naming root (or no user) can carry its fetches.
        var candidates = (firewall.Egress ?? [])
            .Select((r, i) => FirewallRule.Of(r, $"firewall.egress[{i}]", RuleDirection.Egress))
            .Where(r => r.UsesPort(remote.Port) && r.Cgroup is null && (r.User is null or "root" or "0"))
            .ToList();
        var address = remote.Address;
        var covering = candidates.Where(r => r.To.Count == 0 || (address is not null && r.To.Any(t => t.Contains(address)))).ToList();
        if (covering.Count > 0)
        {
            return;
        }

        if (address is null && candidates.Count > 0)
        {
            diagnostics.Add(at.At("firewall.allowGitRemote", $"the Git remote {remote.Host} is a name: check that rule '{candidates[0].Name}' covers its addresses, or allowGitRemote: false {lockout}", Severity.Warning));
            return;
        }

        var rules = firewall.Egress is { Count: > 0 } ? "no egress rule lets root reach it" : "there are no egress rules";
        diagnostics.Add(at.At("firewall.allowGitRemote", $"allowGitRemote: false and {rules}: level {FirewallLevels.Name(level)} {lockout}"));
    }

    private static void CheckHealthTargets(PostureDocument document, FirewallLevel level, Locator at, List<Diagnostic> diagnostics)
    {
        if (level != FirewallLevel.Airgap)
        {
            return;
        }

        var remote = document.Source?.Repo is { } repo ? Endpoint.FromGitUrl("git remote", repo) : null;
        var allowed = document.Firewall?.AllowGitRemote != false ? remote?.Host : null;
        var targets = document.Monitoring?.Targets ?? [];
        for (var i = 0; i < targets.Count; i++)
        {
            if (targets[i] is not System.Text.Json.Nodes.JsonObject target || Endpoint.FromTarget((string?)target["name"] ?? "?", (string?)target["url"], (string?)target["tcp"]) is not { } endpoint)
            {
                continue;
            }

            var loopback = endpoint.Host == "localhost" || endpoint.Address?.IsLoopback == true;
            if (!loopback && endpoint.Host != allowed)
            {
                diagnostics.Add(at.At($"monitoring.targets[{i}]", $"health target '{(string?)target["name"]}' ({endpoint.Host}) is beyond loopback: at level airgap it can never be reached, so every firewall change would be rolled back"));
            }
        }
    }

    private static void CheckGateway(PostureDocument document, Locator at, List<Diagnostic> diagnostics)
    {
        var bind = document.Agent?.Gateway?.Bind ?? "loopback";
        var inbound = document.Firewall?.Inbound ?? [];
        for (var i = 0; i < inbound.Count; i++)
        {
            var ports = inbound[i].Ports ?? [];
            var j = ports.ToList().IndexOf(FirewallSettings.GatewayPort);
            if (bind == "loopback" && j >= 0)
            {
                diagnostics.Add(at.At($"firewall.inbound[{i}].ports[{j}]", $"rule '{inbound[i].Name}' opens the gateway port {FirewallSettings.GatewayPort}, but agent.gateway.bind is loopback: the gateway stays on loopback unless the posture binds it wider"));
            }
        }
    }
}
