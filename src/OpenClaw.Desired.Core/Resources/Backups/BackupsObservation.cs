using OpenClaw.Desired.Planning;

namespace OpenClaw.Desired.Resources.Backups;

/// <summary>
/// Get result of the backups kind: the desired state as resolved on this host, what the probes saw, and the
/// probe's clock reading, so diff stays a pure function of this record.
/// </summary>
public sealed record BackupsObservation(
    BackupsDesired Desired,
    DateTimeOffset Now,
    GitObservation? Git,
    ValueList<ArchiveObservation> Archives,
    ScheduleObservation Schedule);

/// <summary>Apply payload: create the restic repository of an archive.</summary>
public sealed record ArchiveInit(string Archive) : ChangePayload;

/// <summary>Apply payload: make a snapshot (and apply retention after it).</summary>
public sealed record ArchiveBackup(string Archive) : ChangePayload;

/// <summary>Apply payload: restic forget --prune with the archive's keep policy.</summary>
public sealed record ArchiveRetention(string Archive) : ChangePayload;

/// <summary>Apply payload: restic check and a restore test.</summary>
public sealed record ArchiveVerify(string Archive) : ChangePayload;

/// <summary>Apply payload: the Git backup (repository, remotes, commit, push); every Git change runs it whole.</summary>
public sealed record GitSync : ChangePayload;
