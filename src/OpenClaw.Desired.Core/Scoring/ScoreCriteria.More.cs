using static OpenClaw.Desired.Scoring.Judges;

namespace OpenClaw.Desired.Scoring;

/// <summary>The criteria of incident response, network and secrets, and the judges that read two facts at once.</summary>
public static partial class ScoreCriteria
{
    private static IEnumerable<Criterion> IncidentResponse() =>
    [
        new("incident.integrityBaseline", ScoreCategories.IncidentResponse, 3, "integrity", "the baseline file in the state dir",
            "a baseline of the watched files' hashes exists, so an incident can tell what changed", "reconcile once (any apply records the baseline)",
            Fact("integrity", "integrity:baseline", (v, o) => Verdict.Of(v == "recorded", o.Detail))),
        new("incident.rollbackReady", ScoreCategories.IncidentResponse, 2, "state", "the journals of the reconciler's runs",
            "the last applying run closed its journal, so its changes roll back byte for byte", "reconcile; a run that was interrupted is recovered by the next one",
            Fact("state", "state:rollback", (v, o) => Verdict.Of(v == "ready", o.Detail))),
        new("incident.auditTrail", ScoreCategories.IncidentResponse, 2, "state", "the hash chain of the secrets audit trail",
            "the secrets audit trail exists and its hash chain verifies", "give the posture a secrets section; `openclaw-desired audit verify` says where a broken chain breaks",
            Fact("state", "state:audit", (v, o) => Verdict.Of(v == "intact", o.Detail))),
        new("incident.evidenceKey", ScoreCategories.IncidentResponse, 1, "state", "gpg's keyring (the key of secrets.backupRecipient)",
            "evidence bundles and backups can be encrypted: the recipient's key is in root's keyring", "set secrets.backupRecipient and import its public key (`gpg --import`)",
            Fact("state", "state:evidence-key", (v, o) => Verdict.Of(v == "present", o.Detail))),
    ];

    private static IEnumerable<Criterion> Network() =>
    [
        new("network.egressFiltered", ScoreCategories.Network, 3, "firewall", "the owned nftables table's output chain",
            "outbound traffic is dropped unless a rule allows it", "firewall.level: filter (standard), proxy, or airgap (paranoid)",
            Fact("firewall", "firewall:output.policy", (v, o) => Verdict.Of(v == "drop", o.Detail))),
        new("network.inboundFiltered", ScoreCategories.Network, 3, "firewall", "the owned nftables table's input chain",
            "inbound connections are dropped unless a rule allows them", "any firewall level but off",
            Fact("firewall", "firewall:input.policy", (v, o) => Verdict.Of(v == "drop", o.Detail))),
        new("network.noOpenEgress", ScoreCategories.Network, 2, "firewall", "the owned table's egress rules",
            "no egress rule lets everyone out to every address on every port", "give each firewall.egress rule ports, addresses or a user",
            Fact("firewall", "firewall:open-egress", (v, o) => Verdict.Of(v == "none", o.Detail))),
        new("network.egressMinimal", ScoreCategories.Network, 2, "firewall", "the owned table's output chain",
            "outbound traffic goes through the proxy or nowhere (only the proxy's user, the reconciler's DNS and Git remote go out)", "firewall.level: proxy (with firewall.proxy) or airgap",
            Fact("firewall", "firewall:egress", (v, o) => Verdict.Of(v == "minimal", o.Detail))),
        new("network.localModels", ScoreCategories.Network, 1, "config", "openclaw.json agents.defaults.model and models.providers",
            "no model traffic leaves the host: every model of the chain is local", "models.localOnly: true (paranoid) with a local Ollama model",
            Fact("config", "config:models.local", (v, o) => Verdict.Of(v == "true", o.Detail))),
        new("network.gatewayLoopback", ScoreCategories.Network, 2, "config", "openclaw.json gateway.bind",
            "the gateway listens on loopback only", "agent.gateway.bind: loopback (reach it through an SSH tunnel or Tailscale serve)",
            Fact("config", "config:gateway.bind", (v, o) => Verdict.Of(v == "loopback", o.Detail))),
        new("network.browserPrivate", ScoreCategories.Network, 1, "config", "openclaw.json browser.ssrfPolicy.dangerouslyAllowPrivateNetwork",
            "the browser cannot reach private networks", "agent.browser.allowPrivateNetwork: false",
            Fact("config", "config:browser.privateNetwork", (v, o) => Verdict.Of(v == "false", o.Detail))),
    ];

    private static IEnumerable<Criterion> Secrets() =>
    [
        new("secrets.noPlaintext", ScoreCategories.Secrets, 3, "secrets", "the credential scan of OpenClaw's files and the workspace",
            "no credential lies in plaintext in OpenClaw's files or the workspace", "give the posture a secrets section: plaintext moves into the store, references take its place",
            Every("secrets", "secrets:plaintext:", _ => false, "no plaintext credential found", "plaintext credential(s)")),
        new("secrets.store", ScoreCategories.Secrets, 1, "secrets", "the secrets store (env, file or Vault)",
            "the secrets store is in place and readable", "secrets.store: env (OpenClaw's .env), file, or vault",
            Fact("secrets", "secrets:store", (v, o) => Verdict.Of(v == "readable", o.Detail))),
        new("secrets.permissions", ScoreCategories.Secrets, 2, "secrets", "modes and owners of the files and folders that hold secrets",
            "files holding secrets are 0600 and their folders 0700, owned by the agent user", "reconcile with a secrets section: permissions are tightened",
            Every("secrets", "secrets:permission:", o => o.Value == "ok", "every file holding secrets is private", "path(s) too open")),
        new("secrets.rotationCurrent", ScoreCategories.Secrets, 2, "secrets", "rotation records and store version times",
            "no secret is overdue for rotation", "rotate what is due, then `openclaw-desired secrets rotated NAME`",
            Every("secrets", "secrets:rotation:", o => o.Value != "due", "no rotation is overdue", "secret(s) overdue")),
        new("secrets.noneSuspected", ScoreCategories.Secrets, 2, "secrets", "rotation records (found in plaintext, or marked by a lockdown)",
            "no secret is suspected of having leaked without having been rotated since", "rotate each suspected secret at its issuer, then `openclaw-desired secrets rotated NAME`",
            Every("secrets", "secrets:rotation:", o => o.Value != "suspected", "no secret is suspected", "secret(s) suspected, to rotate now")),
        new("secrets.tracked", ScoreCategories.Secrets, 1, "secrets", "rotation records",
            "every stored secret has a rotation clock", "reconcile: the clock of each stored secret starts",
            Every("secrets", "secrets:rotation:", o => o.Value != "untracked", "every secret is tracked", "secret(s) without a rotation record")),
    ];

    private static Verdict SkillAllowlist(ObservationSet set)
    {
        if ((set.Problem("config") ?? set.Problem("skills")) is { } problem)
        {
            return Verdict.Unknown(problem);
        }

        if (set.Get("config:skills.allow") is not { Value: { } list } allow)
        {
            return Verdict.Unknown(set.Get("config:skills.allow")?.Detail ?? "agents.defaults.skills was not observed");
        }

        if (list == "unset")
        {
            return Verdict.Of(false, allow.Detail);
        }

        var allowed = list.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var outside = set.Items("skills:installed:").Where(o => o.Value == "enabled" && !allowed.Contains(o.Key["skills:installed:".Length..])).ToList();
        return outside.Count > 0
            ? Verdict.Of(false, $"{allow.Detail}; {outside.Count} installed skill(s) not on it: {List(outside)}")
            : Verdict.Of(true, allow.Detail + "; every installed skill is on it");
    }

    private static Verdict GatewayAuth(ObservationSet set) =>
        Fact("config", "config:gateway.auth", (mode, o) => mode switch
        {
            "password" or "trusted-proxy" => Verdict.Of(true, o.Detail),
            "token" => set.Problem("agent") is { } problem ? Verdict.Unknown(problem)
                : set.Get("agent:gateway.token") is { Value: { } length } token
                ? Verdict.Of(Number(length) >= StrongTokenLength, token.Detail)
                : Verdict.Unknown(set.Get("agent:gateway.token")?.Detail ?? "the token's length could not be seen"),
            _ => Verdict.Of(false, o.Detail),
        })(set);
}
