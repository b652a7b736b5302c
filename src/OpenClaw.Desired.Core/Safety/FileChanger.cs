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

    public void Write(string hostPath, ReadOnlySpan<byte> content, string changeId, UnixFileMode? mode = null)
    {
        var real = root.Resolve(hostPath);
        BackUp(hostPath, real);
        journal.Append(new JournalEntry
        {
            Seq = 0, At = default, Event = JournalEvents.WriteBegin, Path = hostPath, ChangeId = changeId,
            Sha256After = Hashing.Sha256Hex(content),
        });
        AtomicFile.Write(real, content, mode);
        journal.Append(new JournalEntry { Seq = 0, At = default, Event = JournalEvents.WriteDone, Path = hostPath, ChangeId = changeId });
    }

    /// <summary>Moves a file or folder out of the way, into this run's quarantine, keeping its host path (also across filesystems).</summary>
    public string Quarantine(string hostPath, string changeId)
    {
        var real = root.Resolve(hostPath);
        var target = System.IO.Path.Combine(state.QuarantinePath, runId, hostPath.TrimStart('/'));
        TreeMove.Move(real, target);
        journal.Append(new JournalEntry { Seq = 0, At = default, Event = JournalEvents.Quarantine, Path = hostPath, Backup = target, ChangeId = changeId });
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
        journal.Append(new JournalEntry { Seq = 0, At = default, Event = JournalEvents.Unquarantine, Path = hostPath, Backup = quarantined, ChangeId = changeId });
    }

    private void BackUp(string hostPath, string real)
    {
        if (!_backedUp.Add(hostPath))
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
            backup = System.IO.Path.Combine("files", $"{++_backupCount:D4}");
            var backupPath = System.IO.Path.Combine(_runDirectory, backup);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(backupPath)!, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            AtomicFile.Write(backupPath, bytes, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        journal.Append(new JournalEntry
        {
            Seq = 0, At = default, Event = JournalEvents.Backup, Path = hostPath, Backup = backup, Existed = existed,
            Sha256Before = sha, Mode = mode, Uid = owner?.Uid, Gid = owner?.Gid,
        });
    }
}
