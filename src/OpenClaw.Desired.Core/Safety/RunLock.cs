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
        Directory.CreateDirectory(stateDirectory);
        var path = Path.Combine(stateDirectory, FileName);
        var ownerPath = Path.Combine(stateDirectory, OwnerFileName);
        var deadline = clock.GetUtcNow() + wait;
        while (true)
        {
            var previous = ReadHolder(ownerPath);
            try
            {
                var stream = new FileStream(path, new FileStreamOptions
                {
                    Mode = FileMode.OpenOrCreate,
                    Access = FileAccess.ReadWrite,
                    Share = FileShare.None,
                    UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
                });
                var holder = $"pid={Environment.ProcessId} run={runId} since={clock.GetUtcNow():O}";
                AtomicFile.Write(ownerPath, Encoding.UTF8.GetBytes(holder + "\n"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
                return new RunLock(stream, ownerPath, clock, string.IsNullOrWhiteSpace(previous) ? null : previous);
            }
            catch (IOException)
            {
                if (clock.GetUtcNow() >= deadline)
                {
                    throw new LockHeldException(path, ReadHolder(ownerPath) ?? "unknown holder", wait);
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100), clock, cancellationToken);
            }
        }
    }

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

public sealed class LockHeldException(string path, string holder, TimeSpan waited)
    : Exception($"another run holds the lock {path} ({holder}); waited {waited.TotalSeconds:0}s, giving up")
{
    public string Holder { get; } = holder;
}
