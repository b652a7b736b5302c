using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Source;

/// <summary>
/// Whether changing a desired value tightens or loosens posture, with the tier policy's own orderings
/// (tiers, firewall levels, exec ask and security). Values without a known order are neutral: shown, not judged.
/// </summary>
internal static class PostureEffects
{
    private static readonly Dictionary<string, Func<string, string, PostureEffect>> Rules = new(StringComparer.Ordinal)
    {
        ["tier"] = ByRank(t => (int)TierPolicy.Parse(t)),
        ["firewall.level"] = ByRank(TierPolicy.FirewallRank),
        ["agent.exec.ask"] = ByRank(TierPolicy.AskRank),
        ["agent.exec.security"] = ByRank(TierPolicy.SecurityRank),
        ["models.localOnly"] = Flag(safe: true),
        ["agent.elevated.enabled"] = Flag(safe: false),
        ["agent.browser.enabled"] = Flag(safe: false, unsetMeans: true),
        ["agent.browser.sandbox"] = Flag(safe: true),
        ["agent.browser.allowPrivateNetwork"] = Flag(safe: false),
        ["agent.socialMedia.readOnly"] = Flag(safe: true),
        ["agent.skills.allowlistOnly"] = Flag(safe: true),
        ["agent.skills.allow"] = Allowlist,
        ["agent.gateway.bind"] = ByRank(v => v == "loopback" ? 1 : 0),
        ["agent.gateway.auth"] = ByRank(v => v == "none" ? 0 : 1),
        ["agent.gateway.minTokenLength"] = ByRank(v => int.TryParse(v, out var n) ? n : -1),
        ["agent.logging.redactSensitive"] = ByRank(v => v == "off" ? 0 : 1),
        ["sandboxes.openclaw.mode"] = ByRank(v => Array.IndexOf(["off", "non-main", "all"], v)),
        ["sandboxes.openclaw.workspaceAccess"] = ByRank(v => Array.IndexOf(["rw", "ro", "none"], v)),
        ["sandboxes.audit.block"] = ByRank(v => Array.IndexOf(["off", "critical", "high", "medium", "low"], v)),
        ["secrets.scan.sessionLogs"] = Flag(safe: true),
        ["backups.interval"] = Shorter(zeroIsNever: false),
        ["backups.configBeforeChange"] = Flag(safe: true),
        ["secrets.rotation.apiKey"] = Shorter(zeroIsNever: true),
        ["secrets.rotation.oauth"] = Shorter(zeroIsNever: true),
        ["secrets.rotation.botToken"] = Shorter(zeroIsNever: true),
        ["secrets.rotation.password"] = Shorter(zeroIsNever: true),
    };

    public static PostureEffect Of(string path, string? before, string? after)
    {
        if (Widening.Of(path, before, after) is { } effect)
        {
            return effect;
        }

        return before is not null && after is not null && Rules.TryGetValue(path, out var rule) ? rule(before, after) : PostureEffect.Neutral;
    }

    /// <summary>Higher rank is stricter; an unknown value (rank -1) is never judged.</summary>
    private static Func<string, string, PostureEffect> ByRank(Func<string, int> rank) => (before, after) =>
    {
        var (from, to) = (rank(before), rank(after));
        return from < 0 || to < 0 || from == to ? PostureEffect.Neutral : to > from ? PostureEffect.Tightens : PostureEffect.Loosens;
    };

    private static Func<string, string, PostureEffect> Flag(bool safe, bool unsetMeans = false) => ByRank(v =>
        (v == "unset" ? unsetMeans : v == "true") == safe ? 1 : 0);

    private static Func<string, string, PostureEffect> Shorter(bool zeroIsNever) => (before, after) =>
    {
        static TimeSpan Read(string text, bool zeroIsNever) =>
            Duration.TryParse(text, out var value) ? (zeroIsNever && value == TimeSpan.Zero ? TimeSpan.MaxValue : value) : TimeSpan.Zero;

        var (from, to) = (Read(before, zeroIsNever), Read(after, zeroIsNever));
        return from == to ? PostureEffect.Neutral : to < from ? PostureEffect.Tightens : PostureEffect.Loosens;
    };

    private static PostureEffect Allowlist(string before, string after)
    {
        if (before == "unset" || after == "unset")
        {
            // No list means no allowlist of this kind: adding one tightens, dropping one loosens.
            return before == after ? PostureEffect.Neutral : after == "unset" ? PostureEffect.Loosens : PostureEffect.Tightens;
        }

        static HashSet<string> Items(string list) => list.Trim('[', ']').Split(", ", StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var (was, now) = (Items(before), Items(after));
        return was.SetEquals(now) ? PostureEffect.Neutral : now.IsSubsetOf(was) ? PostureEffect.Tightens : now.IsSupersetOf(was) ? PostureEffect.Loosens : PostureEffect.Neutral;
    }
}
