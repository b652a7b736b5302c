using OpenClaw.Desired.OpenClaw;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Resources.Skills.Audit;

namespace OpenClaw.Desired.Resources.Skills;

/// <summary>One installed skill as probed: where, its content hash, its audit.</summary>
public sealed record ObservedSkill(FoundSkill Skill, string Hash, SkillAudit Audit);

/// <summary>Get result of the skills kind.</summary>
public sealed record SkillsObservation(SkillsDesired Desired, ConfigObservation Config, ValueList<ObservedSkill> Skills);

/// <summary>Move a skill folder into quarantine (with its manifest) and disable it in openclaw.json.</summary>
public sealed record QuarantineSkill(string HostPath, string Name, string Hash, string Reason, string ConfigPath) : ChangePayload;
