using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Resources.Backups;

/// <summary>Test: the changes that bring the host's backups to the posture. Pure: reads only the observation.</summary>
public static class BackupsDiff
{
    public static KindPlan Diff(BackupsObservation observed)
    {
        var changes = new List<PlannedChange>();
        var unknowns = new List<UnknownState>();
        foreach (var archive in observed.Archives)
        {
            var desired = observed.Desired.Archive(archive.Name)!;
            if (archive.Unknown is { } why)
            {
                unknowns.Add(new UnknownState(BackupsKind.Name, $"archive/{archive.Name}", why));
                continue;
            }

            Archive(desired, archive, observed.Desired.Verify, observed.Now, changes);
        }

        if (observed.Desired.Git is { } git && observed.Git is { } repo)
        {
            if (repo.Unknown is { } why)
            {
                unknowns.Add(new UnknownState(BackupsKind.Name, "git", why));
            }
            else
            {
                GitChanges.Add(git, repo, observed.Now, changes);
            }
        }

        Schedule(observed, changes);
        return KindPlan.Of(BackupsKind.Name, changes, unknowns);
    }

    private static void Archive(ArchiveDesired desired, ArchiveObservation observed, VerifyDesired verify, DateTimeOffset now, List<PlannedChange> changes)
    {
        var resource = $"archive/{desired.Name}";
        var repository = ResticRepository.Display(desired.Repository);
        if (!observed.Exists)
        {
            changes.Add(Change($"{resource}/repository", ChangeAction.Create, $"no restic repository at {repository}", "absent", "initialized", new ArchiveInit(desired.Name)));
            changes.Add(Change($"{resource}/snapshot", ChangeAction.Create, "no snapshot yet", "none", $"a snapshot younger than {Duration.Format(desired.MaxAge)}", new ArchiveBackup(desired.Name)));
            changes.Add(Change($"{resource}/verify", ChangeAction.Update, "never verified", "never", "restic check and a restore test pass", new ArchiveVerify(desired.Name)));
            return;
        }

        if (observed.Latest is not { } latest || now - latest.Time > desired.MaxAge)
        {
            var before = observed.Latest is { } old ? $"newest snapshot {old.Time.UtcDateTime:u}" : "no snapshot";
            changes.Add(Change($"{resource}/snapshot", ChangeAction.Update, $"the newest snapshot is older than maxAge {Duration.Format(desired.MaxAge)}", before, $"a snapshot younger than {Duration.Format(desired.MaxAge)}", new ArchiveBackup(desired.Name)));
        }
        else if (desired.Keep is not null && (observed.LastForget is not { Ok: true } forget || forget.Policy != desired.KeepPolicy || forget.At < latest.Time))
        {
            var before = observed.LastForget is { } last ? $"{(last.Ok ? "applied" : "failed")} {last.At.UtcDateTime:u} ({last.Policy})" : "never applied";
            changes.Add(new PlannedChange(BackupsKind.Name, $"{resource}/retention", ChangeAction.Update, "retention is not applied to the newest snapshots", before, desired.KeepPolicy, PostureEffect.Neutral, new ArchiveRetention(desired.Name)));
        }

        if (VerifyDrift(observed, verify.MaxAge, now) is { } reason)
        {
            var before = observed.LastRestore is { } restore ? $"{(restore.Ok ? "passed" : "FAILED")} {restore.At.UtcDateTime:u}" : "never";
            changes.Add(Change($"{resource}/verify", ChangeAction.Update, reason, before, $"check and restore test passed within {Duration.Format(verify.MaxAge)}", new ArchiveVerify(desired.Name)));
        }
    }

    /// <summary>Why the archive's verification is not healthy, or null when it is.</summary>
    public static string? VerifyDrift(ArchiveObservation observed, TimeSpan maxAge, DateTimeOffset now) =>
        observed.LastCheck is { Ok: false } check ? $"the last restic check failed: {check.Message}"
        : observed.LastRestore is { Ok: false } restore ? $"the last restore test failed: {restore.Message}"
        : observed.LastCheckOk is not { } checkOk || now - checkOk.At > maxAge ? $"no successful restic check within {Duration.Format(maxAge)}"
        : observed.LastRestoreOk is not { } restoreOk || now - restoreOk.At > maxAge ? $"no successful restore test within {Duration.Format(maxAge)}"
        : null;

    private static void Schedule(BackupsObservation observed, List<PlannedChange> changes)
    {
        var wanted = ScheduleFiles.Render(observed.Desired, observed.Schedule.Context);
        foreach (var file in wanted)
        {
            var installed = observed.Schedule.Files.First(f => f.HostPath == file.HostPath);
            var resource = $"schedule/{file.Name}";
            if (installed.Content is null)
            {
                changes.Add(Change(resource, ChangeAction.Create, "the backup schedule is not installed", "absent", file.IsTimer ? "installed, enabled" : "installed", new ScheduleWrite(file)));
            }
            else if (installed.Content != file.Content)
            {
                changes.Add(Change(resource, ChangeAction.Update, "the schedule file differs from the posture", "differs", "as the posture says", new ScheduleWrite(file)));
            }
            else if (file.IsTimer && !installed.Enabled)
            {
                changes.Add(Change(resource, ChangeAction.Update, "the timer is not enabled", "disabled", "enabled", new ScheduleWrite(file)));
            }
        }

        var jobs = ScheduleFiles.Jobs(observed.Desired).Select(j => j.Unit).ToHashSet(StringComparer.Ordinal);
        foreach (var stray in observed.Schedule.Strays)
        {
            var name = stray[(stray.LastIndexOf('/') + 1)..];
            // Moving a job to the other scheduler keeps it; a job the posture dropped means fewer backups.
            var kept = stray == ScheduleFiles.CronFile ? jobs.Count > 0 : jobs.Contains(Path.GetFileNameWithoutExtension(name));
            changes.Add(new PlannedChange(BackupsKind.Name, $"schedule/{name}", ChangeAction.Quarantine, "a backup schedule file the posture no longer asks for",
                "installed", "quarantined", kept ? PostureEffect.Neutral : PostureEffect.Loosens, new ScheduleRemove(stray)));
        }
    }

    internal static PlannedChange Change(string resource, ChangeAction action, string reason, string before, string after, ChangePayload payload) =>
        new(BackupsKind.Name, resource, action, reason, before, after, PostureEffect.Tightens, payload);
}
