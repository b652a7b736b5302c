using OpenClaw.Desired.Integrity;

namespace OpenClaw.Desired.Scoring.Sources;

/// <summary>Whether a baseline exists, and every watched file that drifted from it. Every applying run records a new one.</summary>
internal static class IntegrityObserver
{
    public const string Source = IntegrityKind.Name;

    public static IEnumerable<Observation> Observe(IntegrityObservation observed)
    {
        if (observed.Unknown is { } why)
        {
            yield return Observation.Unknown("integrity:baseline", Source, why);
            yield return Observation.Unknown("integrity:drift:*", Source, why);
        }
        else if (observed.Baseline is { } baseline)
        {
            yield return new Observation("integrity:baseline", "recorded", Source, $"recorded {baseline.RecordedAt.UtcDateTime:yyyy-MM-dd HH:mm}Z by run {baseline.RunId}: {baseline.Files.Count} file(s)");
        }
        else
        {
            yield return new Observation("integrity:baseline", "absent", Source, "no baseline yet: no apply has recorded the watched files")
                .Converging([RunEffects.Apply], "recorded", "recorded by the apply");
        }

        foreach (var drift in observed.Drifts)
        {
            yield return new Observation($"integrity:drift:{drift.HostPath}", drift.How, Source, $"{drift.HostPath} {drift.How} (owner uid {(drift.Now ?? drift.Before)?.Uid})")
                .Converging([RunEffects.Apply], Observation.Absent, "recorded by the apply");
        }

        yield return new Observation(ObservationSet.Marker(Source), "true", Source, "probed");
    }
}
