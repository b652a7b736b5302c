using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Resources.Skills.Audit;

namespace OpenClaw.Desired.Resources.Skills;

/// <summary>
/// What the posture asks of installed skills: the allowlist (when allowlistOnly), pinned content hashes and
/// what a mismatch does, and the audit severity from which a skill is quarantined.
/// Audit block defaults to high from the standard tier on, off below it.
/// </summary>
public sealed record SkillsDesired(
    bool AllowlistOnly,
    IReadOnlySet<string> Allow,
    IReadOnlyDictionary<string, string> Pins,
    bool QuarantineOnMismatch,
    AuditSeverity? Block)
{
    public static SkillsDesired For(EffectivePosture posture)
    {
        var sandboxes = posture.Document.Sandboxes;
        var pins = (sandboxes?.Skills ?? new Dictionary<string, ContainerSpec>())
            .Where(kv => kv.Value.Hash is not null)
            .ToDictionary(kv => kv.Key, kv => kv.Value.Hash!, StringComparer.Ordinal);
        var block = sandboxes?.Audit?.Block ?? (posture.Tier >= Tier.Standard ? "high" : "off");
        return new SkillsDesired(
            posture.Agent.SkillsAllowlistOnly,
            new HashSet<string>(posture.Agent.SkillsAllow ?? ValueList<string>.Empty, StringComparer.Ordinal),
            pins,
            sandboxes?.OnHashMismatch == "quarantine",
            AuditSeverities.ParseBlock(block));
    }

    public bool Allows(FoundSkill skill) => !AllowlistOnly || Allow.Contains(skill.Name) || Allow.Contains(skill.FolderName);
}
