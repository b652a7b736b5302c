using System.Runtime.InteropServices;

namespace OpenClaw.Desired.Safety;

/// <summary>
/// Whether the state dir can take a run's journal and backups before anything on the host changes: not read-only,
/// not full. A run that could not back up a file must not change it.
/// </summary>
public static partial class StateSpace
{
    /// <summary>Below this much free space a run does not start: backups of OpenClaw's files need room.</summary>
    public const long MinimumFreeBytes = 32L * 1024 * 1024;

    [LibraryImport("libc", EntryPoint = "statvfs", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static unsafe partial int StatVfs(string path, byte* buffer);

    /// <summary>Throws an <see cref="IOException"/> naming the problem when the state dir is read-only or nearly full.</summary>
    public static void Check(string stateDir)
    {
        if (FreeBytes(stateDir) is { } free && free < MinimumFreeBytes)
        {
            throw new IOException($"the state dir {stateDir} is full ({free / 1024} KiB free; a run needs at least {MinimumFreeBytes / 1024 / 1024} MiB for its journal and backups); nothing was changed", 28);
        }

        var probe = Path.Combine(stateDir, $".write-test-{Guid.NewGuid():N}");
        try
        {
            using (var stream = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
                stream.Write(new byte[4096]);
                stream.Flush(flushToDisk: true);
            }
        }
        catch (IOException e) when ((e.HResult & 0xFFFF) is 28 or 122)
        {
            throw new IOException($"the state dir {stateDir} is full; nothing was changed", 28);
        }
    }

    /// <summary>A one-line reason a state dir cannot be used, for the run's report.</summary>
    public static string Describe(string stateDir, Exception e) => e switch
    {
        UnauthorizedAccessException => $"the state dir {stateDir} is not writable (read-only or permission denied); nothing was changed",
        IOException { HResult: var h } when (h & 0xFFFF) == 30 => $"the state dir {stateDir} is on a read-only filesystem; nothing was changed",
        IOException io when io.Message.Contains("Read-only", StringComparison.OrdinalIgnoreCase) => $"the state dir {stateDir} is on a read-only filesystem; nothing was changed",
        _ => e.Message.Contains(stateDir, StringComparison.Ordinal) ? e.Message : $"the state dir {stateDir} cannot be used: {e.Message}; nothing was changed",
    };

    /// <summary>Free bytes for an unprivileged writer (statvfs f_bavail × f_frsize), or null when unknown.</summary>
    public static unsafe long? FreeBytes(string path)
    {
        // struct statvfs on 64-bit Linux: f_bsize, f_frsize, f_blocks, f_bfree, f_bavail … each 8 bytes.
        var buffer = stackalloc byte[256];
        if (!OperatingSystem.IsLinux() || StatVfs(path, buffer) != 0)
        {
            return null;
        }

        var frsize = *(ulong*)(buffer + 8);
        var available = *(ulong*)(buffer + 32);
        return (long)Math.Min(available * frsize, long.MaxValue);
    }
}
