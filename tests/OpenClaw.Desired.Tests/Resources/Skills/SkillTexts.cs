using System.Text;
using OpenClaw.Desired.Resources.Skills.Audit;

namespace OpenClaw.Desired.Tests.Resources.Skills;

/// <summary>Skills written as text for the audit's tests: a SKILL.md of a description and a body, beside other files.</summary>
internal static class SkillTexts
{
    /// <summary>The audit, with the IOC list off, of a skill made of this SKILL.md and these files.</summary>
    public static SkillAudit Skill(string description, string body, params (string File, string Text)[] files) =>
        SkillAuditor.AuditContent(
            "skill",
            [("SKILL.md", Encoding.UTF8.GetBytes($"---\nname: helper\ndescription: {description}\n---\n\n{body}"), false), .. files.Select(f => (f.File, Encoding.UTF8.GetBytes(f.Text), false))],
            AuditOptions.WithoutIocs);

    /// <summary>Whether any finding is high or critical: what the measure counts as flagged.</summary>
    public static bool High(SkillAudit audit) => audit.Findings.Any(f => f.Severity >= AuditSeverity.High);

    /// <summary>The findings, one a line: what an assertion shows when it fails.</summary>
    public static string Show(SkillAudit audit) => string.Join("\n", audit.Findings);
}
