using Prometheus;

namespace OpenClaw.Desired.Monitoring.Metrics;

/// <summary>
/// A labelled gauge whose whole set of series is replaced at once: series absent from the new set are removed,
/// so a deleted cron job or a check that no longer runs leaves no stale value behind.
/// </summary>
internal sealed class LabeledGauge(Gauge gauge)
{
    private HashSet<string[]> _current = new(LabelComparer.Instance);

    public void Replace(IEnumerable<(string[] Labels, double Value)> series)
    {
        var next = new HashSet<string[]>(LabelComparer.Instance);
        foreach (var (labels, value) in series)
        {
            gauge.WithLabels(labels).Set(value);
            next.Add(labels);
        }

        foreach (var stale in _current.Where(l => !next.Contains(l)))
        {
            gauge.RemoveLabelled(stale);
        }

        _current = next;
    }

    private sealed class LabelComparer : IEqualityComparer<string[]>
    {
        public static readonly LabelComparer Instance = new();

        public bool Equals(string[]? x, string[]? y) => x is not null && y is not null && x.SequenceEqual(y, StringComparer.Ordinal);

        public int GetHashCode(string[] obj) => obj.Aggregate(17, (h, s) => (h * 31) + StringComparer.Ordinal.GetHashCode(s));
    }
}
