using OpenClaw.Desired.Planning;

namespace OpenClaw.Desired.Scoring;

/// <summary>
/// Every observation of one plan, by key, and which probes ran. A probe that did not run, or failed, leaves its
/// keys unknown with the reason; criteria read them through <see cref="Value"/> and <see cref="Items"/>.
/// </summary>
public sealed class ObservationSet
{
    private readonly Dictionary<string, Observation> _byKey;
    private readonly Dictionary<string, string> _sourceProblems;

    public ObservationSet(IEnumerable<Observation> observations, IReadOnlyDictionary<string, string>? sourceProblems = null)
    {
        _byKey = new Dictionary<string, Observation>(StringComparer.Ordinal);
        foreach (var observation in observations)
        {
            _byKey[observation.Key] = observation;
        }

        _sourceProblems = new Dictionary<string, string>(sourceProblems ?? new Dictionary<string, string>(), StringComparer.Ordinal);
    }

    public IReadOnlyCollection<Observation> All => _byKey.Values;

    /// <summary>The marker a probe leaves when it ran: its keys are then what it saw, and absent items are truly absent.</summary>
    public static string Marker(string source) => $"{source}:observed";

    /// <summary>Null when the probe of <paramref name="source"/> ran, else why its facts are unknown.</summary>
    public string? Problem(string source) =>
        _byKey.ContainsKey(Marker(source)) ? null
        : _sourceProblems.GetValueOrDefault(source) ?? $"the {source} probe did not run (the posture has no section that needs it)";

    public Observation? Get(string key) => _byKey.GetValueOrDefault(key);

    /// <summary>The observations whose key starts with <paramref name="prefix"/>, in key order; items gone after a plan are left out.</summary>
    public IReadOnlyList<Observation> Items(string prefix)
    {
        // Keys with one prefix are one run of the keys in ordinal order: found by a binary search, not a scan of
        // every observation (a host with 10,000 skills has as many per criterion that asks).
        var sorted = _sorted ??= [.. _byKey.Values.OrderBy(o => o.Key, StringComparer.Ordinal)];
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (string.CompareOrdinal(sorted[middle].Key, prefix) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        var items = new List<Observation>();
        for (var i = low; i < sorted.Length && sorted[i].Key.StartsWith(prefix, StringComparison.Ordinal); i++)
        {
            if (sorted[i].Value != Observation.Absent)
            {
                items.Add(sorted[i]);
            }
        }

        return items;
    }

    private Observation[]? _sorted;

    /// <summary>
    /// The observations as they would be after an applying run carried out <paramref name="applied"/> (change ids,
    /// already without manual and waived changes): each fact a change converges takes its desired value.
    /// </summary>
    public ObservationSet After(IEnumerable<string> applied)
    {
        var ids = applied.Append(RunEffects.Apply).ToHashSet(StringComparer.Ordinal);
        var after = _byKey.Values.Select(o => o.ConvergedBy.Any(ids.Contains)
            ? o with { Value = o.Desired, Detail = o.DesiredDetail ?? $"after {o.ConvergedBy.First(ids.Contains)}", ConvergedBy = ValueList<string>.Empty }
            : o);
        return new ObservationSet(after, _sourceProblems);
    }
}
