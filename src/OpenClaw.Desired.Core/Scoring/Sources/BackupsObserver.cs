using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Resources.Backups;

namespace OpenClaw.Desired.Scoring.Sources;

/// <summary>The schedule, each backup copy (healthy or not, offsite or not), the 3-2-1 verdict and each archive's verification.</summary>
internal static class BackupsObserver
{
    public const string Source = BackupsKind.Name;

    public static IEnumerable<Observation> Observe(BackupsObservation observed, KindPlan plan)
    {
        var automatic = plan.Changes.Where(c => c.Action != ChangeAction.Manual).ToList();
        var schedule = automatic.Where(c => c.Resource.StartsWith("schedule/", StringComparison.Ordinal) && c.Action != ChangeAction.Quarantine).Select(c => c.Id).ToList();
        yield return (schedule.Count == 0
                ? new Observation("backups:schedule", "installed", Source, $"{observed.Schedule.Files.Count} schedule file(s) installed ({observed.Schedule.Context.Scheduler})")
                : new Observation("backups:schedule", "missing", Source, $"{schedule.Count} schedule file(s) missing, different or disabled"))
            .Converging(schedule, "installed", "the schedule is installed");

        var verdict = Verdict321.Observed(observed);
        var unknownArchives = observed.Archives.Where(a => a.Unknown is not null).Select(a => $"archive:{a.Name}").ToHashSet(StringComparer.Ordinal);
        var gitUnknown = observed.Git?.Unknown;
        var converging = new List<string>();
        var healthyAfter = new List<BackupCopy>();
        foreach (var copy in verdict.Backups)
        {
            var by = copy.Medium == "git"
                ? automatic.Where(c => c.Resource.StartsWith("git/", StringComparison.Ordinal)).Select(c => c.Id).ToList()
                : automatic.Where(c => c.Resource.StartsWith(copy.Name.Replace(':', '/') + "/", StringComparison.Ordinal)).Select(c => c.Id).ToList();
            var unknown = unknownArchives.Contains(copy.Name) || (copy.Medium == "git" && gitUnknown is not null);
            var fact = unknown
                ? Observation.Unknown($"backups:copy:{copy.Name}", Source, $"{copy.Name}: {copy.State}")
                : new Observation($"backups:copy:{copy.Name}", copy.Healthy ? "healthy" : "stale", Source, $"{copy.Name}: {copy.State}");
            yield return fact.Converging(by, "healthy", $"{copy.Name}: fresh after the apply");
            yield return new Observation($"backups:offsite:{copy.Name}", copy.Offsite ? "true" : "false", Source, copy.Offsite ? "offsite" : "on site");
            converging.AddRange(by);
            healthyAfter.Add(by.Count > 0 && !unknown ? copy with { Healthy = true } : copy);
        }

        var after = Verdict321.Of(healthyAfter);
        yield return new Observation("backups:321", verdict.Met ? "met" : "unmet", Source, verdict.Describe())
            .Converging(converging, after.Met ? "met" : "unmet", after.Describe());

        foreach (var archive in observed.Archives)
        {
            var key = $"backups:verified:{archive.Name}";
            if (archive.Unknown is { } why)
            {
                yield return Observation.Unknown(key, Source, $"archive {archive.Name}: {why}");
                continue;
            }

            var drift = BackupsDiff.VerifyDrift(archive, observed.Desired.Verify.MaxAge, observed.Now);
            var verify = automatic.Where(c => c.Resource == $"archive/{archive.Name}/verify").Select(c => c.Id);
            yield return new Observation(key, drift is null ? "passed" : "not passed", Source, drift is null ? $"archive {archive.Name}: check and restore test passed" : $"archive {archive.Name}: {drift}")
                .Converging(verify, "passed", $"archive {archive.Name}: verified by the apply");
        }

        yield return new Observation(ObservationSet.Marker(Source), "true", Source, "probed");
    }
}
