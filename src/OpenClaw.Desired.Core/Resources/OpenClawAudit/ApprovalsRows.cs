using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Resources.Controls;

namespace OpenClaw.Desired.Resources.OpenClawAudit;

/// <summary>~/.openclaw/exec-approvals.json: skill binaries are not trusted implicitly, by default or for any agent.</summary>
public static class ApprovalsRows
{
    public const string File = "exec-approvals.json";

    public static readonly IReadOnlyList<ControlRow> All =
    [
        new("defaults.autoAllowSkills", Scope.Global, Tier.Standard, "false", Rules.NotTrue(), "skill binaries need approval like any other command",
            "tools.exec.auto_allow_skills_enabled") { Owner = OpenClawAuditKind.Name, Order = ["true", "false"] },
        new("agents.*.autoAllowSkills", Scope.Global, Tier.Standard, "false", Rules.NotTrue(), "skill binaries need approval like any other command",
            "tools.exec.auto_allow_skills_enabled") { Owner = OpenClawAuditKind.Name, Order = ["true", "false"] },
    ];
}
