using static OpenClaw.Desired.Scoring.Judges;
using static OpenClaw.Desired.Scoring.ScoreCategories;

namespace OpenClaw.Desired.Scoring;

/// <summary>
/// The published criteria of the security score, one row each: id, category, weight, the probe whose observation
/// decides it, what it means and how to earn it back. docs/score.md is generated from these rows. Thresholds are
/// fixed here, never read from the posture: the score says what the host is, not what the posture asks.
/// </summary>
public static partial class ScoreCriteria
{
    public const int StrongTokenLength = 32;
    public const int ReconcileWithinHours = 24;

    public static IReadOnlyList<Criterion> All { get; } =
    [
        .. Backup(),
        .. AccessControl(),
        .. Monitoring(),
        .. IncidentResponse(),
        .. Network(),
        .. Secrets(),
    ];

    private static IEnumerable<Criterion> Backup() =>
    [
        new("backup.scheduled", ScoreCategories.Backup, 2, "backups", "installed schedule files (systemd timers or cron)",
            "the backup jobs are installed and enabled", "give `backups` a Git repository or an archive and reconcile: the timers (or cron lines) are installed",
            Fact("backups", "backups:schedule", (v, o) => Verdict.Of(v == "installed", o.Detail))),
        new("backup.fresh", ScoreCategories.Backup, 2, "backups", "remote-tracking refs of the workspace repository, restic snapshots",
            "a backup copy is younger than its max age", "set backups.git (with a remote) or backups.archives; the schedule keeps them fresh",
            Any("backups", "backups:copy:", (_, o) => o.Value == "healthy", "no backup copy is fresh")),
        new("backup.encrypted", ScoreCategories.Backup, 2, "backups", "restic snapshots of each archive",
            "an encrypted copy (a restic archive) is younger than its max age", "add backups.archives (restic, encrypted) with its password in the store",
            Any("backups", "backups:copy:archive:", (_, o) => o.Value == "healthy", "no archive holds a fresh snapshot")),
        new("backup.offsite", ScoreCategories.Backup, 2, "backups", "healthy copies marked offsite",
            "at least one fresh copy is in another place", "mark a Git remote or an archive in another place `offsite: true` and keep it fresh",
            Any("backups", "backups:copy:", (set, o) => o.Value == "healthy" && set.Get("backups:offsite:" + o.Key["backups:copy:".Length..])?.Value == "true", "no fresh offsite copy")),
        new("backup.rule321", ScoreCategories.Backup, 1, "backups", "the 3-2-1 verdict over the fresh copies",
            "3-2-1: three copies, on two media (Git and an archive), one offsite", "keep both a Git backup and an archive fresh, one of them offsite",
            Fact("backups", "backups:321", (v, o) => Verdict.Of(v == "met", o.Detail))),
        new("backup.verified", ScoreCategories.Backup, 2, "backups", "the records of restic check and restore tests",
            "a restic check and a real restore test passed within their max age", "set backups.verify (check and restoreTest); reconcile runs them when they are due",
            Any("backups", "backups:verified:", (_, o) => o.Value == "passed", "no archive passed a check and a restore test within its max age")),
    ];

    private static IEnumerable<Criterion> AccessControl() =>
    [
        new("access.execAllowlist", ScoreCategories.AccessControl, 3, "config", "openclaw.json tools.exec.security (or tools.exec.mode)",
            "the agent runs only allowlisted commands (security allowlist or deny)", "agent.exec.security: allowlist (every tier's default) and reconcile",
            Fact("config", "config:exec.security", (v, o) => Verdict.Of(v is "allowlist" or "deny", o.Detail))),
        new("access.execApproval", ScoreCategories.AccessControl, 2, "config", "openclaw.json tools.exec.ask",
            "a human approves commands off the allowlist (ask on-miss or always)", "agent.exec.ask: on-miss (always in paranoid)",
            Fact("config", "config:exec.ask", (v, o) => Verdict.Of(v is "on-miss" or "always", o.Detail))),
        new("access.elevatedOff", ScoreCategories.AccessControl, 2, "config", "openclaw.json tools.elevated.enabled",
            "elevated mode (escaping the sandbox) is off", "agent.elevated.enabled: false",
            Fact("config", "config:elevated", (v, o) => Verdict.Of(v == "false", o.Detail))),
        new("access.sandbox", ScoreCategories.AccessControl, 2, "config", "openclaw.json agents.defaults.sandbox.mode",
            "sessions run in OpenClaw's container sandbox (non-main or all)", "sandboxes.openclaw.mode: non-main (standard) or all (paranoid)",
            Fact("config", "config:sandbox.mode", (v, o) => Verdict.Of(v is "non-main" or "all", o.Detail))),
        new("access.skillAllowlist", ScoreCategories.AccessControl, 2, "config, skills", "agents.defaults.skills and the skills installed",
            "skills come from an allowlist, and every installed skill is on it", "agent.skills: {allowlistOnly: true, allow: [...]}; skills off the list are quarantined",
            SkillAllowlist),
        new("access.gatewayAuth", ScoreCategories.AccessControl, 3, "config, agent", "openclaw.json gateway.auth and the token's length (behind ${VAR} too)",
            $"the gateway needs a token of at least {StrongTokenLength} characters (or a password)", "agent.gateway.auth: token with a random token (`openssl rand -hex 32`) given as agent.gateway.token",
            GatewayAuth),
        new("access.approveEveryCall", ScoreCategories.AccessControl, 1, "config", "openclaw.json tools.exec.ask (or tools.exec.mode)",
            "a human approves every tool call (ask always)", "agent.exec.ask: always (the paranoid tier)",
            Fact("config", "config:exec.ask", (v, o) => Verdict.Of(v == "always", o.Detail))),
        new("access.readOnlyMessaging", ScoreCategories.AccessControl, 1, "config", "openclaw.json tools.deny",
            "the agent cannot post messages on its own (message tool denied)", "agent.socialMedia.readOnly: true (every tier)",
            Fact("config", "config:tools.deny.message", (v, o) => Verdict.Of(v == "true", o.Detail))),
        new("access.browserSandbox", ScoreCategories.AccessControl, 1, "config", "openclaw.json browser.noSandbox",
            "Chromium's own sandbox stays on", "agent.browser.sandbox: true (standard and up)",
            Fact("config", "config:browser.noSandbox", (v, o) => Verdict.Of(v == "false", o.Detail))),
    ];

    private static IEnumerable<Criterion> Monitoring() =>
    [
        new("monitoring.logRedaction", ScoreCategories.Monitoring, 2, "config", "openclaw.json logging.redactSensitive",
            "OpenClaw redacts secrets from its logs", "agent.logging.redactSensitive: tools",
            Fact("config", "config:logging.redact", (v, o) => Verdict.Of(v != "off", o.Detail))),
        new("monitoring.integrity", ScoreCategories.Monitoring, 3, "integrity", "hashes of the watched files against the baseline of the last apply",
            "no watched file (config, auth profiles, AGENTS.md, SOUL.md, TOOLS.md, skills, hooks, extensions) changed outside the reconciler",
            "review each change the findings name (owner, time); the next apply records the files as they are",
            Every("integrity", "integrity:drift:", _ => false, "every watched file is as the last apply left it", "watched file(s) changed outside the reconciler")),
        new("monitoring.refusedLogged", ScoreCategories.Monitoring, 2, "firewall", "the owned nftables table's counter, set and log rules",
            "refused outbound connections are counted, logged (rate-limited) and their destinations kept", "any firewall level but off (the owned table carries the refused-connection rules)",
            Fact("firewall", "firewall:refused.logged", (v, o) => Verdict.Of(v == "true", o.Detail))),
        new("monitoring.skillAudit", ScoreCategories.Monitoring, 2, "skills", "the static audit of every installed skill",
            "no installed skill has a high or critical audit finding", "quarantine what the audit flags (sandboxes.audit.block: high, the standard default) or review and waive it",
            Every("skills", "skills:audit:", o => o.Value is "none" or "low" or "medium", "no installed skill has a high or critical finding", "skill(s) with high or critical findings")),
        new("monitoring.reconciled", ScoreCategories.Monitoring, 2, "state", "the run folders of the state dir",
            $"the reconciler applied to this host within the last {ReconcileWithinHours} hours (the loop, its timer, or cron)", "run the loop (`openclaw-desired run`, examples/systemd) or the cron line",
            Fact("state", "state:reconciled", (v, o) => Verdict.Of(Number(v) is { } hours && hours < ReconcileWithinHours, o.Detail))),
    ];
}
