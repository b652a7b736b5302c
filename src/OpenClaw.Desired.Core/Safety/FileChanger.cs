using OpenClaw.Desired.Host;
using OpenClaw.Desired.Host.Fs;

namespace OpenClaw.Desired.Safety;

/// <summary>
/// The only way an applying run changes a host path: the previous bytes go to the run's backup first, each step
/// is journalled before it happens (so a crash leaves nothing the next run cannot name and clean up), and every
/// change is made through <see cref="HostFs"/>, on descriptors, never through a link the agent user planted.
/// Removal is a move into quarantine, never a delete.
/// </summary>
public sealed class FileChanger(HostRoot root, StateDirectory state, string runId, RunJournal journal, HostFs? fs = null)
{
    private readonly HashSet<string> _backedUp = new(StringComparer.Ordinal);
    private readonly string _runDirectory = state.RunPath(runId);
    private readonly HostFs _fs = fs ?? new HostFs(root);
    private int _backupCount;
    private int _tempCount;

    public IReadOnlyCollection<string> TouchedPaths => _backedUp;

    /// <summary>The run this changer belongs to (for audit trails that name the run).</summary>
    public string RunId => runId;

    /// <summary>The reconciler state dir of the run.</summary>
    public StateDirectory State => state;

    /// <summary>The host filesystem the changes go through.</summary>
    public HostFs Fs => _fs;

    /// <summary>When set, backups are sealed (encrypted) before they are written into the run folder.</summary>
    public IBackupSealer? Sealer { get; init; }

    /// <summary>Journals a step that changes no file (a signal sent to a process), so the run's record is whole.</summary>
    public void Record(string eventName, string changeId, string detail) =>
        journal.Append(new JournalEntry { Event = eventName, ChangeId = changeId, Detail = detail });

    public void Write(string hostPath, ReadOnlySpan<byte> content, string changeId, UnixFileMode? mode = null, (int Uid, int Gid)? owner = null)
    {
        // A link root made is written through (it stays a link, and the journal names the file really changed).
        var path = _fs.ResolveLinks(hostPath) ?? throw _fs.Refuse(HostFs.Planted(hostPath));
        Guard(path);
        BackUp(path);
        var temp = HostFs.TempName(HostFs.NameOf(path), $"{runId}-{++_tempCount}");
        journal.Append(new JournalEntry
        {
            Event = JournalEvents.WriteBegin,
            Path = path,
            ChangeId = changeId,
            Sha256After = Hashing.Sha256Hex(content),
            Temp = HostFs.ParentOf(path).TrimEnd('/') + "/" + temp,
        });
        _fs.WriteAtomic(path, content, mode, owner, temp, () => journal.Checkpoint("temp-written"));
        journal.Append(new JournalEntry { Event = JournalEvents.WriteDone, Path = path, ChangeId = changeId, Sha256After = Hashing.Sha256Hex(content) });
    }

    /// <summary>
    /// Changes the mode (and, as root, the owner) of a file or folder, on its descriptor. The previous mode and
    /// owner are journalled first, so a rollback puts them back.
    /// </summary>
    public void SetPermissions(string hostPath, UnixFileMode mode, (int Uid, int Gid)? owner, string changeId)
    {
        var path = _fs.ResolveLinks(hostPath) ?? throw _fs.Refuse(HostFs.Planted(hostPath));
        Guard(path);
        var before = _fs.Stat(path);
        if (!before.Exists)
        {
            throw new FileNotFoundException($"{path}: no such file or directory");
        }

        journal.Append(new JournalEntry
        {
            Event = JournalEvents.ModeChange,
            Path = path,
            ChangeId = changeId,
            Mode = before.PermissionBits,
            Uid = before.Uid,
            Gid = before.Gid,
            Detail = owner is { } o ? $"{Convert.ToString((int)mode, 8)} {o.Uid}:{o.Gid}" : Convert.ToString((int)mode, 8),
        });
        _fs.SetMode(path, mode);
        if (owner is { } target)
        {
            _fs.SetOwner(path, target.Uid, target.Gid);
        }
    }

    /// <summary>
    /// Moves a file or folder out of the way, into this run's quarantine, keeping its host path (also across
    /// filesystems). The intent is journalled before the move and the copy before the source goes, so a run
    /// killed in between leaves a journal the next run finishes or undoes (<see cref="InterruptedMoves"/>).
    /// </summary>
    public string Quarantine(string hostPath, string changeId, string? target = null)
    {
        var path = HostRoot.Normalize(hostPath);
        Guard(path);
        target ??= QuarantineTarget(path);
        journal.Append(new JournalEntry { Event = JournalEvents.QuarantineBegin, Path = path, Backup = target, ChangeId = changeId });
        _fs.MoveOut(path, target, () => journal.Append(new JournalEntry { Event = JournalEvents.QuarantineCopied, Path = path, Backup = target, ChangeId = changeId }));
        journal.Checkpoint("quarantine-moved");
        journal.Append(new JournalEntry { Event = JournalEvents.Quarantine, Path = path, Backup = target, ChangeId = changeId });
        return target;
    }

    /// <summary>Where <see cref="Quarantine"/> puts a host path by default: under this run's folder of the quarantine.</summary>
    public string QuarantineTarget(string hostPath) =>
        System.IO.Path.Combine(state.QuarantinePath, runId, HostRoot.Normalize(hostPath).TrimStart('/'));

    /// <summary>Returns a quarantined file or folder to its host path; journalled, so a rollback moves it back.</summary>
    public void Unquarantine(string quarantined, string hostPath, string changeId)
    {
        var path = HostRoot.Normalize(hostPath);
        Guard(path);
        journal.Append(new JournalEntry { Event = JournalEvents.UnquarantineBegin, Path = path, Backup = quarantined, ChangeId = changeId });
        _fs.MoveIn(quarantined, path);
        journal.Append(new JournalEntry { Event = JournalEvents.Unquarantine, Path = path, Backup = quarantined, ChangeId = changeId });
    }

    /// <summary>Records that the run created a folder (or a link, or a repository) that did not exist, so a rollback can take it away again.</summary>
    public void Created(string hostPath, string changeId, string what) =>
        journal.Append(new JournalEntry { Event = JournalEvents.Created, Path = HostRoot.Normalize(hostPath), ChangeId = changeId, Detail = what });

    /// <summary>Creates a folder and the missing ones above it, each journalled as created.</summary>
    public void CreateDirectory(string hostPath, UnixFileMode mode, (int Uid, int Gid)? owner, string changeId)
    {
        Guard(hostPath);
        _fs.CreateDirectory(hostPath, mode, owner, created => Created(created, changeId, "folder"));
    }

    /// <summary>Creates or replaces a symbolic link; the previous link or file is backed up first.</summary>
    public void Link(string hostPath, string target, string changeId, (int Uid, int Gid)? owner = null)
    {
        var path = HostRoot.Normalize(hostPath);
        Guard(path);
        BackUp(path);
        _fs.CreateSymlink(path, target, owner);
        journal.Append(new JournalEntry { Event = JournalEvents.WriteDone, Path = path, ChangeId = changeId, LinkTarget = target });
    }

    private void Guard(string hostPath)
    {
        if (ProtectedPaths.IsProtected(hostPath))
        {
            throw _fs.Refuse(new UnsafePathException(HostRoot.Normalize(hostPath), UnsafePathProblem.Protected, "is a system folder; the reconciler never changes it as a whole"));
        }
    }

    private void BackUp(string hostPath)
    {
        // Marked only once the backup exists: a failed backup (say, gpg refusing) must stop every later write too.
        if (_backedUp.Contains(hostPath))
        {
            return;
        }

        var stat = _fs.Stat(hostPath);
        string? backup = null;
        string? sha = null;
        string? link = null;
        if (stat.IsSymlink)
        {
            link = _fs.ReadLink(hostPath);
        }
        else if (stat.Exists)
        {
            var bytes = _fs.ReadAllBytes(hostPath);
            sha = Hashing.Sha256Hex(bytes);
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
            Existed = stat.Exists,
            Sha256Before = sha,
            LinkTarget = link,
            Mode = stat.Exists && !stat.IsSymlink ? stat.PermissionBits : null,
            Uid = stat.Exists ? stat.Uid : null,
            Gid = stat.Exists ? stat.Gid : null,
        });
        _backedUp.Add(hostPath);
    }
}
