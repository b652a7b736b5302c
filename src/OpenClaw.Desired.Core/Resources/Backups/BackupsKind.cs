using OpenClaw.Desired.Host;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Reconciliation;

namespace OpenClaw.Desired.Resources.Backups;

/// <summary>
/// Backups, 3-2-1: the workspace in Git with two remotes, restic archives with retention, a schedule that runs
/// <c>backup run|verify</c>, and verification by restic check and a real restore. Applies after the secrets
/// scrub and the skill quarantine, so no plaintext credential or quarantined skill is ever carried offsite; the
/// run's own file backups (runs/*/files) are the safety net before every change.
/// </summary>
public sealed class BackupsKind : ResourceKind<BackupsObservation>
{
    public const string Name = "backups";

    public override string Kind => Name;

    public override int ApplyOrder => 48;

    public override bool AppliesTo(EffectivePosture posture) =>
        posture.Document.Backups is { } spec && (spec.Git is not null || spec.Archives is { Count: > 0 });

    public override async Task<BackupsObservation> ProbeAsync(EffectivePosture posture, HostContext host, CancellationToken cancellationToken)
    {
        var desired = BackupsDesired.From(posture, host);
        var paths = host.PathsFor(posture);
        var stateDir = StateDirOf(host);
        var records = new RecordStore(stateDir);
        var archives = Task.WhenAll(desired.Archives.Select(a => ArchiveProbe.ProbeAsync(a, posture, host, paths, records, cancellationToken)));
        var git = desired.Git is { } g ? ProbeGit(g, host, records) : null;
        var context = new ScheduleContext(ScheduleProbe.Scheduler(desired, host), host.PosturePath ?? "posture.yaml", host.Root.Root, stateDir);
        var schedule = ScheduleProbe.Probe(desired, context, host);
        return new BackupsObservation(desired, host.Clock.GetUtcNow(), git, (await archives).ToValueList(), schedule);
    }

    public override KindPlan Diff(EffectivePosture posture, BackupsObservation observed) => BackupsDiff.Diff(observed);

    public override async Task<ChangeOutcome> ApplyAsync(PlannedChange change, ApplyContext context, CancellationToken cancellationToken)
    {
        var host = context.Host;
        var desired = BackupsDesired.From(context.Posture, host);
        var paths = host.PathsFor(context.Posture);
        var stateDir = StateDirOf(host);
        var records = new RecordStore(stateDir);
        switch (change.Payload)
        {
            case ScheduleWrite write:
                return await ScheduleApplier.WriteAsync(change, write, context, cancellationToken);
            case ScheduleRemove remove:
                return await ScheduleApplier.RemoveAsync(change, remove, context, cancellationToken);
            case GitSync when desired.Git is { } git:
                var pushed = await new GitJob(context.Posture, host, paths, records).RunAsync(git, context.Files, change.Id, cancellationToken);
                return pushed.Ok ? ChangeOutcome.Applied(change, pushed.Message) : ChangeOutcome.Failed(change, pushed.Message);
            case ArchiveInit or ArchiveBackup or ArchiveRetention or ArchiveVerify:
                return await ArchiveChangeAsync(change, desired, context.Posture, host, paths, new ArchiveJobs(host, records, stateDir), cancellationToken);
            default:
                return ChangeOutcome.Skipped(change, "manual action: not applied by the reconciler");
        }
    }

    private static async Task<ChangeOutcome> ArchiveChangeAsync(
        PlannedChange change, BackupsDesired desired, EffectivePosture posture, HostContext host, OpenClawPaths paths, ArchiveJobs jobs, CancellationToken cancellationToken)
    {
        var name = change.Payload switch
        {
            ArchiveInit i => i.Archive,
            ArchiveBackup b => b.Archive,
            ArchiveRetention r => r.Archive,
            ArchiveVerify v => v.Archive,
            _ => throw new InvalidOperationException("not an archive change"),
        };
        if (desired.Archive(name) is not { } archive)
        {
            return ChangeOutcome.Skipped(change, $"archive {name} is no longer in the posture");
        }

        var (target, unknown) = await ResticConnector.ConnectAsync(archive, posture, host, paths, cancellationToken);
        if (target is null)
        {
            return ChangeOutcome.Stalled(change, unknown!);
        }

        var record = change.Payload switch
        {
            ArchiveInit => await jobs.InitAsync(archive, target, cancellationToken),
            ArchiveBackup => await jobs.BackupAsync(archive, target, cancellationToken),
            ArchiveRetention => await jobs.ForgetAsync(archive, target, cancellationToken),
            _ => await VerifyAsync(jobs, archive, target, desired.Verify.Sample, checkOnly: false, cancellationToken),
        };
        return record.Ok ? ChangeOutcome.Applied(change, record.Message) : ChangeOutcome.Failed(change, record.Message);
    }

    /// <summary>restic check, then (unless only the check is asked for) the restore test; one record for both.</summary>
    public static async Task<BackupRecord> VerifyAsync(ArchiveJobs jobs, ArchiveDesired archive, ResticTarget target, int? sample, bool checkOnly, CancellationToken cancellationToken)
    {
        var check = await jobs.CheckAsync(archive, target, cancellationToken);
        if (checkOnly)
        {
            return check;
        }

        var restore = await jobs.RestoreTestAsync(archive, target, sample, cancellationToken);
        return check.Ok ? restore : restore with { Ok = false, Message = $"{check.Message}; {restore.Message}" };
    }

    /// <summary>The state dir the run uses; the default location when the host context does not say.</summary>
    public static string StateDirOf(HostContext host) =>
        host.StateDir ?? new RunOptions { PosturePath = string.Empty, Root = host.Root.Root }.ResolveStateDir(host.Root);

    private static GitObservation ProbeGit(GitDesired git, HostContext host, RecordStore records)
    {
        try
        {
            return GitProbe.Probe(git, host, records);
        }
        catch (Exception e) when (e is LibGit2Sharp.LibGit2SharpException or IOException or UnauthorizedAccessException)
        {
            return new GitObservation(host.Redactor.Redact($"cannot read {git.RepoPath}: {e.Message}"), false, null, null, 0, null, ValueList<RemoteObservation>.Empty, null);
        }
    }
}
