using System.Text;

namespace OpenClaw.Desired.Safety;

/// <summary>
/// Keeps two applying runs apart with an exclusive, kernel-held lock (flock) on <c>&lt;state&gt;/lock</c>. The kernel
/// drops the lock when its holder dies, so what a killed run leaves behind (its <c>lock.owner</c>) is noticed
/// and taken over, never obeyed forever.
/// </summary>
public sealed class RunLock : IDisposable
{
    public const string FileName = "lock";

    /// <summary>Who holds the lock, kept beside it: .NET's own locking keeps others from reading the lock file itself.</summary>
    public const string OwnerFileName = "lock.owner";
    private readonly FileStream _stream;
    private readonly string _ownerPath;
    private readonly TimeProvider _clock;

    private RunLock(FileStream stream, string ownerPath, TimeProvider clock, string? staleHolder)
    {
        _stream = stream;
        _ownerPath = ownerPath;
        _clock = clock;
        StaleHolder = staleHolder;
    }

    /// <summary>Names the run that holds the lock, once it has its id.</summary>
    public void SetOwner(string runId) =>
        AtomicFile.Write(_ownerPath, Encoding.UTF8.GetBytes($"pid={Environment.ProcessId} run={runId} since={_clock.GetUtcNow():O}\n"), UnixFileMode.UserRead | UnixFileMode.UserWrite);

    /// <summary>What the lock file said when a dead run had left it behind; null when it was free.</summary>
    public string? StaleHolder { get; }

    public static async Task<RunLock> AcquireAsync(string stateDirectory, string runId, TimeSpan wait, TimeProvider clock, CancellationToken cancellationToken)
    {
        try
        {
            Directory.CreateDirectory(stateDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StateDirectoryException(StateSpace.Describe(stateDirectory, e));
        }

        var path = Path.Combine(stateDirectory, FileName);
        var ownerPath = Path.Combine(stateDirectory, OwnerFileName);
        var deadline = clock.GetUtcNow() + wait;
        while (true)
        {
            var previous = ReadHolder(ownerPath);
            FileStream stream;
            try
            {
                stream = new FileStream(path, new FileStreamOptions
                {
                    Mode = FileMode.OpenOrCreate,
                    Access = FileAccess.ReadWrite,
                    Share = FileShare.None,
                    UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
                });
            }
            catch (IOException e) when (IsHeld(e))
            {
                if (clock.GetUtcNow() >= deadline)
                {
                    throw new LockHeldException(path, ReadHolder(ownerPath) ?? "unknown holder", wait);
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100), clock, cancellationToken);
                continue;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Read-only, full, or not ours: no other run is to blame, and waiting will not help.
                throw new StateDirectoryException(StateSpace.Describe(stateDirectory, e));
            }

            try
            {
                var holder = $"pid={Environment.ProcessId} run={runId} since={clock.GetUtcNow():O}";
                AtomicFile.Write(ownerPath, Encoding.UTF8.GetBytes(holder + "\n"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
                return new RunLock(stream, ownerPath, clock, string.IsNullOrWhiteSpace(previous) ? null : previous);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stream.Dispose();
                throw new StateDirectoryException(StateSpace.Describe(stateDirectory, e));
            }
        }
    }

    /// <summary>The lock file is open with an exclusive lock elsewhere (.NET reports flock's EWOULDBLOCK as a sharing violation).</summary>
    private static bool IsHeld(IOException e) => (e.HResult & 0xFFFF) == 32 || e.HResult == 11;

    private static string? ReadHolder(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        // The owner file goes first: an owner file without a held lock is what a killed run leaves behind.
        File.Delete(_ownerPath);
        _stream.Dispose();
    }
}

/// <summary>Why a run could not take the lock: it refuses to start, and nothing changed.</summary>
public class LockHeldException(string message) : Exception(message)
{
    public LockHeldException(string path, string holder, TimeSpan waited)
        : this($"another run holds the lock {path} ({holder}); waited {waited.TotalSeconds:0}s, giving up")
    {
    }
}

/// <summary>The state dir cannot hold a lock, a journal or backups (read-only, full, not writable).</summary>
public sealed class StateDirectoryException(string message) : LockHeldException(message);
