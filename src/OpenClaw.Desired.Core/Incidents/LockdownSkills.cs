using Newtonsoft.Json.Linq;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.OpenClaw;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Resources.Skills;

namespace OpenClaw.Desired.Incidents;

/// <summary>
/// The skills a lockdown takes out: every installed skill not on the allowlist. The allowlist is the posture's
/// (agent.skills.allow), else OpenClaw's own (agents.defaults.skills); with neither, no skill is on it, so all leave.
/// </summary>
public static class LockdownSkills
{
    public static (IReadOnlyList<FoundSkill> Skills, string Allowlist, string? ConfigPath) Outside(EffectivePosture posture, HostContext host)
    {
        var paths = host.PathsFor(posture);
        OpenClawConfig? config = null;
        try
        {
            config = host.Fs.TryReadAllText(paths.ConfigPath, ConfigObservation.MaxConfigBytes) is { } text ? OpenClawConfig.Parse(text) : null;
        }
        catch (Exception e) when (e is OpenClawConfigException or IOException or Host.Fs.UnsafePathException)
        {
            // Without a readable config the posture's allowlist (or none) decides.
        }

        var (allow, source) = posture.Agent.SkillsAllow is { } listed
            ? (listed.ToHashSet(StringComparer.Ordinal), "agent.skills.allow")
            : config?.Get("/agents/defaults/skills") is JArray own
                ? (own.Select(t => (string?)t).OfType<string>().ToHashSet(StringComparer.Ordinal), "agents.defaults.skills")
                : (new HashSet<string>(StringComparer.Ordinal), "no allowlist: every skill");
        var found = SkillLocator.Find(host.Fs, SkillLocator.Roots(host, paths, config));
        var outside = found.Where(s => !allow.Contains(s.Name) && !allow.Contains(s.FolderName)).ToList();
        return (outside, source, config is null ? null : paths.ConfigPath);
    }
}
