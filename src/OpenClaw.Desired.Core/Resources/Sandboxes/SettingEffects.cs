using OpenClaw.Desired.Planning;

namespace OpenClaw.Desired.Resources.Sandboxes;

/// <summary>Whether changing a container's settings from observed to desired tightens or loosens the sandbox.</summary>
internal static class SettingEffects
{
    public static PostureEffect Of(IReadOnlyList<(string Name, string Observed, string Desired)> differences)
    {
        var effects = differences.Select(d => One(d.Name, d.Observed, d.Desired)).ToList();
        return effects.Contains(PostureEffect.Loosens) ? PostureEffect.Loosens
            : effects.Contains(PostureEffect.Tightens) ? PostureEffect.Tightens
            : PostureEffect.Neutral;
    }

    private static PostureEffect One(string name, string observed, string desired) => name switch
    {
        "readOnlyRoot" or "no-new-privileges" => desired == "true" ? PostureEffect.Tightens : PostureEffect.Loosens,
        "privileged" => desired == "false" ? PostureEffect.Tightens : PostureEffect.Loosens,
        "network" => desired == "none" ? PostureEffect.Tightens : observed == "none" ? PostureEffect.Loosens : PostureEffect.Neutral,
        "capabilities" => Fewer(observed, desired),
        "memory" or "pids" or "cpus" => Limit(observed, desired),
        "user" => observed.Length == 0 || observed.StartsWith("image default", StringComparison.Ordinal) || observed.Split(':')[0] is "0" or "root" ? PostureEffect.Tightens : PostureEffect.Neutral,
        "tmpfs /tmp" => desired.StartsWith("noexec,nosuid", StringComparison.Ordinal) && !observed.StartsWith("noexec,nosuid", StringComparison.Ordinal) ? PostureEffect.Tightens : PostureEffect.Neutral,
        "containers" => PostureEffect.Tightens,
        _ => PostureEffect.Neutral,
    };

    private static PostureEffect Fewer(string observed, string desired)
    {
        static HashSet<string> Set(string s) => s == "none" ? [] : s.Split(',').ToHashSet(StringComparer.Ordinal);
        var from = Set(observed);
        var to = Set(desired);
        return to.IsProperSubsetOf(from) ? PostureEffect.Tightens : to.IsProperSupersetOf(from) ? PostureEffect.Loosens : PostureEffect.Neutral;
    }

    private static PostureEffect Limit(string observed, string desired)
    {
        static double Value(string s) => s == "unlimited" ? double.MaxValue
            : double.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d
            : ContainerSettings.ParseBytes(s);
        var from = Value(observed);
        var to = Value(desired);
        return to < from ? PostureEffect.Tightens : to > from ? PostureEffect.Loosens : PostureEffect.Neutral;
    }
}
