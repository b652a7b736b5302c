using System.Text;

namespace OpenClaw.Desired.Safety;

/// <summary>
/// Keeps two applying runs apart with an exclusive, kernel-held lock on <c>&lt;state&gt;/lock</c>. The kernel
/// drops the lock when its holder dies, so a stale file from a killed run is noticed and taken over,
/// never obeyed forever.
/// </summary>
public sealed class RunLock : IDisposable
{
    public const string FileName = "lock";
    private readonly FileStream _stream;

    private RunLock(FileStream stream, string? staleHolder)
    {
        _stream = stream;
        StaleHolder = staleHolder;
    }

    /// <summary>What the lock file said when a dead run had left it behind; null when it was free.</summary>
    public string? StaleHolder { get; }

    public static async Task<RunLock> AcquireAsync(string stateDirectory, string runId, TimeSpan wait, TimeProvider clock, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(stateDirectory);
        var path = Path.Combine(stateDirectory, FileName);
        var deadline = clock.GetUtcNow() + wait;
        while (true)
        {
            var previous = ReadHolder(path);
            try
            {
                var stream = new FileStream(path, new FileStreamOptions
                {
                    Mode = FileMode.OpenOrCreate,
                    Access = FileAccess.ReadWrite,
                    Share = FileShare.None,
                    UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
                });
                stream.SetLength(0);
                var holder = $"pid={Environment.ProcessId} run={runId} since={clock.GetUtcNow():O}";
                stream.Write(Encoding.UTF8.GetBytes(holder + "\n"));
                stream.Flush(flushToDisk: true);
                return new RunLock(stream, string.IsNullOrWhiteSpace(previous) ? null : previous);
            }
            catch (IOException)
            {
                if (clock.GetUtcNow() >= deadline)
                {
                    throw new LockHeldException(path, ReadHolder(path) ?? "unknown holder", wait);
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100), clock, cancellationToken);
            }
        }
    }

    private static string? ReadHolder(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd().Trim();
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
        // Empty the file first: a lock file that is present but empty means "free".
        _stream.SetLength(0);
        _stream.Flush(flushToDisk: true);
        _stream.Dispose();
    }
}

public sealed class LockHeldException(string path, string holder, TimeSpan waited)
    : Exception($"another run holds the lock {path} ({holder}); waited {waited.TotalSeconds:0}s, giving up")
{
    public string Holder { get; } = holder;
}
