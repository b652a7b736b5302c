using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Resources.Skills.Audit;

namespace OpenClaw.Desired.Resources.Skills;

/// <summary>Test for the skills kind: pure, from installed skills to quarantines, drift and findings.</summary>
internal static class SkillsDiff
{
    public static KindPlan Diff(string kind, SkillsObservation observed)
    {
        var desired = observed.Desired;
        var changes = new List<PlannedChange>();
        var findings = new List<Finding>();
        var duplicates = observed.Skills.GroupBy(s => s.Skill.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var skill in observed.Skills)
        {
            var found = skill.Skill;
            var resource = duplicates.Contains(found.Name) ? $"skill/{found.Name}@{found.Root.Origin}" : $"skill/{found.Name}";
            findings.AddRange(skill.Audit.Findings.Select(f => new Finding(kind, resource, f.Rule, f.Severity.Name(), f.Location, f.Evidence.Count > 0 ? $"{f.Why} ({string.Join(" + ", f.Evidence)})" : f.Why) { HostPath = $"{found.HostPath}/{f.File}" }));
            var reasons = new List<string>();
            if (!desired.Allows(found))
            {
                reasons.Add("not on the skill allowlist (agent.skills.allow)");
            }

            var pinned = desired.Pins.GetValueOrDefault(found.Name);
            var mismatch = pinned is not null && !found.Shadowed && pinned != skill.Hash;
            if (mismatch && desired.QuarantineOnMismatch)
            {
                reasons.Add($"its content changed: pinned {Short(pinned!)}, now {Short(skill.Hash)}");
            }

            if (skill.Audit.Blocks(desired.Block))
            {
                var rules = skill.Audit.Findings.Where(f => f.Severity >= desired.Block!.Value).Select(f => f.Rule).Distinct();
                reasons.Add($"the audit found {skill.Audit.Highest!.Value.Name()} risk ({string.Join(", ", rules)}), at or above sandboxes.audit.block {desired.Block!.Value.Name()}");
            }

            if (reasons.Count > 0)
            {
                changes.Add(new PlannedChange(kind, resource, ChangeAction.Quarantine,
                    $"quarantined: {string.Join("; ", reasons)}; restore with `openclaw-desired skills restore {found.Name}`",
                    $"{found.HostPath} ({Short(skill.Hash)})", "quarantined, skills.entries disabled", PostureEffect.Tightens,
                    new QuarantineSkill(found.HostPath, found.Name, skill.Hash, string.Join("; ", reasons), observed.Config.HostPath)));
            }
            else if (mismatch)
            {
                changes.Add(new PlannedChange(kind, resource + "/hash", ChangeAction.Manual,
                    "the skill changed since its hash was pinned: review the change, then pin the new hash (`openclaw-desired skills hash DIR`) or set sandboxes.onHashMismatch: quarantine",
                    Short(skill.Hash), Short(pinned!), PostureEffect.Tightens));
            }
        }

        return KindPlan.Of(kind, changes) with
        {
            Findings = findings.OrderBy(f => f.Resource, StringComparer.Ordinal).ThenBy(f => f.Location, StringComparer.Ordinal).ThenBy(f => f.Rule, StringComparer.Ordinal).ToValueList(),
        };
    }

    private static string Short(string hash) => hash.Length > 19 ? hash[..19] : hash;
}
