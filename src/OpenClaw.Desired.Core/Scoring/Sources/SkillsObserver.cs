using Newtonsoft.Json.Linq;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Resources.Skills;
using OpenClaw.Desired.Resources.Skills.Audit;

namespace OpenClaw.Desired.Scoring.Sources;

/// <summary>Every installed skill: whether it is enabled, and the highest severity its audit found. A quarantine takes both away.</summary>
internal static class SkillsObserver
{
    public const string Source = SkillsKind.Name;

    public static IEnumerable<Observation> Observe(SkillsObservation observed, KindPlan plan)
    {
        var duplicates = observed.Skills.GroupBy(s => s.Skill.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var quarantines = plan.Changes.Where(c => c.Action == ChangeAction.Quarantine).ToDictionary(c => c.Resource, c => c.Id, StringComparer.Ordinal);
        foreach (var skill in observed.Skills)
        {
            var found = skill.Skill;
            var name = duplicates.Contains(found.Name) ? $"{found.Name}@{found.Root.Origin}" : found.Name;
            var by = quarantines.TryGetValue($"skill/{name}", out var id) ? new[] { id } : [];
            var disabled = observed.Config.Config?.Get($"/skills/entries/{found.Name}/enabled") is JValue { Type: JTokenType.Boolean } enabled && !(bool)enabled;
            yield return new Observation($"skills:installed:{name}", disabled ? "disabled" : "enabled", Source, $"{found.Name} at {found.HostPath}{(disabled ? " (disabled)" : string.Empty)}")
                .Converging(by, Observation.Absent, $"{found.Name} quarantined");
            var highest = skill.Audit.Highest;
            var severity = highest is { } level ? level.Name() : "none";
            var rules = string.Join(", ", skill.Audit.Findings.Where(f => f.Severity == highest).Select(f => f.Rule).Distinct(StringComparer.Ordinal));
            yield return new Observation($"skills:audit:{name}", severity, Source, highest is null ? $"{found.Name}: no finding" : $"{found.Name}: {severity} ({rules})")
                .Converging(by, Observation.Absent, $"{found.Name} quarantined");
        }

        yield return new Observation(ObservationSet.Marker(Source), "true", Source, "probed");
    }
}
