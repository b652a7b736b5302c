using System.Globalization;

namespace OpenClaw.Desired.Scoring;

/// <summary>Small building blocks the criteria rows are written with.</summary>
internal static class Judges
{
    /// <summary>Judges one fact; unknown when its probe did not run or could not see it.</summary>
    public static Func<ObservationSet, Verdict> Fact(string source, string key, Func<string, Observation, Verdict> judge) => set =>
        set.Problem(source) is { } problem ? Verdict.Unknown(problem)
        : set.Get(key) is not { } observation ? Verdict.Unknown($"{key} was not observed")
        : observation.Value is not { } value ? Verdict.Unknown(observation.Detail)
        : judge(value, observation);

    /// <summary>Met when every item under a prefix is good (none at all counts as good); unknown items make it unknown.</summary>
    public static Func<ObservationSet, Verdict> Every(string source, string prefix, Func<Observation, bool> good, string allGood, string what) => set =>
    {
        if (set.Problem(source) is { } problem)
        {
            return Verdict.Unknown(problem);
        }

        var items = set.Items(prefix);
        var unknown = items.Where(i => !i.Known).ToList();
        var bad = items.Where(i => i.Known && !good(i)).ToList();
        if (bad.Count > 0)
        {
            return Verdict.Of(false, $"{bad.Count} {what}: {List(bad)}");
        }

        return unknown.Count > 0 ? Verdict.Unknown($"{unknown.Count} could not be seen: {List(unknown)}") : Verdict.Of(true, allGood);
    };

    /// <summary>Met when at least one item under a prefix is good.</summary>
    public static Func<ObservationSet, Verdict> Any(string source, string prefix, Func<ObservationSet, Observation, bool> good, string none) => set =>
    {
        if (set.Problem(source) is { } problem)
        {
            return Verdict.Unknown(problem);
        }

        var items = set.Items(prefix);
        if (items.FirstOrDefault(i => i.Known && good(set, i)) is { } hit)
        {
            return Verdict.Of(true, hit.Detail);
        }

        var unknown = items.Where(i => !i.Known).ToList();
        return unknown.Count > 0 && items.All(i => !i.Known || !good(set, i))
            ? Verdict.Unknown($"{none}; could not see {List(unknown)}")
            : Verdict.Of(false, items.Count == 0 ? none : $"{none}: {List(items)}");
    };

    public static string List(IEnumerable<Observation> items)
    {
        var list = items.ToList();
        var shown = string.Join("; ", list.Take(4).Select(i => i.Detail));
        return list.Count > 4 ? $"{shown}; and {list.Count - 4} more" : shown;
    }

    public static int? Number(string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
}
