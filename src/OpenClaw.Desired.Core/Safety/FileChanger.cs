using OpenClaw.Desired.Host;

namespace OpenClaw.Desired.Safety;

/// <summary>
/// The only way an applying run changes a file: the previous bytes go to the run's backup first, each step
/// is journalled, and the write itself is atomic. Removal is a move into quarantine, never a delete.
/// </summary>
public sealed class FileChanger(HostRoot root, StateDirectory state, string runId, RunJournal journal)
{
    private readonly HashSet<string> _backedUp = new(StringComparer.Ordinal);
    private readonly string _runDirectory = state.RunPath(runId);
    private int _backupCount;

    public IReadOnlyCollection<string> TouchedPaths => _backedUp;

    /// <summary>The run this changer belongs to (for audit trails that name the run).</summary>
    public string RunId => runId;

    /// <summary>The reconciler state dir of the run.</summary>
    public StateDirectory State => state;

    /// <summary>When set, backups are sealed (encrypted) before they are written into the run folder.</summary>
    public IBackupSealer? Sealer { get; init; }

    /// <summary>Journals a step that changes no file (a signal sent to a process), so the run's record is whole.</summary>
    public void Record(string eventName, string changeId, string detail) =>
        journal.Append(new JournalEntry { Event = eventName, ChangeId = changeId, Detail = detail });

    public void Write(string hostPath, ReadOnlySpan<byte> content, string changeId, UnixFileMode? mode = null)
    {
        var real = root.Resolve(hostPath);
        BackUp(hostPath, real);
        journal.Append(new JournalEntry
        {
            Event = JournalEvents.WriteBegin,
            Path = hostPath,
            ChangeId = changeId,
            Sha256After = Hashing.Sha256Hex(content),
        });
        AtomicFile.Write(real, content, mode);
        journal.Append(new JournalEntry { Event = JournalEvents.WriteDone, Path = hostPath, ChangeId = changeId });
    }

    /// <summary>
    /// Changes the mode (and, as root, the owner) of a file or folder. The previous mode and owner are
    /// journalled first, so a rollback puts them back.
    /// </summary>
    public void SetPermissions(string hostPath, UnixFileMode mode, (int Uid, int Gid)? owner, string changeId)
    {
        var real = root.Resolve(hostPath);
        var beforeMode = File.GetUnixFileMode(real);
        var beforeOwner = Native.Owner(real);
        journal.Append(new JournalEntry
        {
            Seq = 0,
            At = default,
            Event = JournalEvents.ModeChange,
            Path = hostPath,
            ChangeId = changeId,
            Mode = (int)beforeMode,
            Uid = beforeOwner?.Uid,
            Gid = beforeOwner?.Gid,
            Detail = owner is { } o ? $"{Convert.ToString((int)mode, 8)} {o.Uid}:{o.Gid}" : Convert.ToString((int)mode, 8),
        });
        File.SetUnixFileMode(real, mode);
        if (owner is { } target)
        {
            Native.Chown(real, target.Uid, target.Gid);
        }
    }

    /// <summary>Moves a file or folder out of the way, into this run's quarantine, keeping its host path (also across filesystems).</summary>
    public string Quarantine(string hostPath, string changeId)
    {
        var real = root.Resolve(hostPath);
        var target = System.IO.Path.Combine(state.QuarantinePath, runId, hostPath.TrimStart('/'));
        TreeMove.Move(real, target);
        journal.Append(new JournalEntry { Event = JournalEvents.Quarantine, Path = hostPath, Backup = target, ChangeId = changeId });
        return target;
    }

    /// <summary>Returns a quarantined file or folder to its host path; journalled, so a rollback moves it back.</summary>
    public void Unquarantine(string quarantined, string hostPath, string changeId)
    {
        var real = root.Resolve(hostPath);
        if (File.Exists(real) || Directory.Exists(real))
        {
            throw new IOException($"{hostPath} exists; nothing is overwritten");
        }

        TreeMove.Move(quarantined, real);
        journal.Append(new JournalEntry { Event = JournalEvents.Unquarantine, Path = hostPath, Backup = quarantined, ChangeId = changeId });
    }

    private void BackUp(string hostPath, string real)
    {
        // Marked only once the backup exists: a failed backup (say, gpg refusing) must stop every later write too.
        if (_backedUp.Contains(hostPath))
        {
            return;
        }

        var existed = File.Exists(real);
        string? backup = null;
        string? sha = null;
        int? mode = null;
        (int Uid, int Gid)? owner = null;
        if (existed)
        {
            var bytes = File.ReadAllBytes(real);
            sha = Hashing.Sha256Hex(bytes);
            mode = (int)File.GetUnixFileMode(real);
            owner = Native.Owner(real);
            backup = System.IO.Path.Combine("files", $"{++_backupCount:D4}{Sealer?.Extension}");
            var backupPath = System.IO.Path.Combine(_runDirectory, backup);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(backupPath)!, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            AtomicFile.Write(backupPath, Sealer is null ? bytes : Sealer.Seal(bytes), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        journal.Append(new JournalEntry
        {
            Event = JournalEvents.Backup,
            Path = hostPath,
            Backup = backup,
            Existed = existed,
            Sha256Before = sha,
            Mode = mode,
            Uid = owner?.Uid,
            Gid = owner?.Gid,
        });
        _backedUp.Add(hostPath);
    }
}
