using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Resources.AgentControls;
using OpenClaw.Desired.Resources.Backups;
using OpenClaw.Desired.Resources.Firewall;
using OpenClaw.Desired.Resources.Secrets;
using OpenClaw.Desired.Resources.Skills;
using OpenClaw.Desired.Scoring.Sources;

namespace OpenClaw.Desired.Scoring;

/// <summary>
/// Turns a kind's observation (what its probe saw) and its plan into the facts the score reads. Kinds know nothing
/// of the score; a kind without an observer here simply contributes no facts.
/// </summary>
public static class Observers
{
    public static ValueList<Observation> Observe(object observed, KindPlan plan)
    {
        try
        {
            IEnumerable<Observation> facts = observed switch
            {
                AgentObservation agent => AgentObserver.Observe(agent, plan),
                SkillsObservation skills => SkillsObserver.Observe(skills, plan),
                SecretsObservation secrets => SecretsObserver.Observe(secrets, plan),
                BackupsObservation backups => BackupsObserver.Observe(backups, plan),
                FirewallObservation firewall => FirewallObserver.Observe(firewall, plan),
                Integrity.IntegrityObservation integrity => IntegrityObserver.Observe(integrity),
                _ => [],
            };
            return facts.ToValueList();
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException or Newtonsoft.Json.JsonException or OpenClaw.OpenClawConfigException)
        {
            // A fact that cannot be read is unknown, never a failed plan: the probe's own result still stands.
            return ValueList<Observation>.Empty;
        }
    }

    /// <summary>Why each kind's facts are missing from a plan: its probe failed (the unknown it reported), or it did not run.</summary>
    public static IReadOnlyDictionary<string, string> Problems(Plan plan) =>
        plan.Kinds.SelectMany(k => k.Unknowns.Where(u => u.Resource == "*").Select(u => (k.Kind, u.Reason)))
            .GroupBy(x => x.Kind, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Reason, StringComparer.Ordinal);
}
