namespace OpenClaw.Desired.Host.Fs;

/// <summary>An open file descriptor, closed once on dispose.</summary>
internal sealed class Fd : IDisposable
{
    private int _value;

    public Fd(int value)
    {
        _value = value;
    }

    public int Value => _value >= 0 ? _value : throw new ObjectDisposedException(nameof(Fd));

    /// <summary>
    /// For a folder reached from the root: whether only root can rename or replace what is in it, here and in
    /// every folder above it (each owned by root, and not writable by others unless sticky). Only links in such a
    /// folder can be trusted: the agent user can move a link root made in its own home to any name there.
    /// </summary>
    public bool OnlyRootWrites { get; set; }

    /// <summary>Reached in one call (openat2): <see cref="OnlyRootWrites"/> was not worked out and must be asked of a walk.</summary>
    public bool OnlyRootWritesUnknown { get; set; }

    public static Fd OpenAt(Fd? dir, string path, int flags, string hostPath, int mode = 0)
    {
        int fd;
        do
        {
            fd = Posix.OpenAt(dir?.Value ?? Posix.AtFdCwd, path, flags | Posix.OCloExec, mode);
        }
        while (fd < 0 && Posix.Errno == Posix.EIntr);

        return fd >= 0 ? new Fd(fd) : throw Posix.Error("cannot open", hostPath);
    }

    public static Fd? TryOpenAt(Fd? dir, string path, int flags, out int errno, int mode = 0)
    {
        int fd;
        do
        {
            fd = Posix.OpenAt(dir?.Value ?? Posix.AtFdCwd, path, flags | Posix.OCloExec, mode);
            errno = fd < 0 ? Posix.Errno : 0;
        }
        while (fd < 0 && errno == Posix.EIntr);

        return fd >= 0 ? new Fd(fd) : null;
    }

    public StatxResult Stat(string hostPath) =>
        Posix.TryStat(Value, string.Empty, Posix.AtEmptyPath, out var stat) ? stat : throw Posix.Error("cannot stat", hostPath);

    public void Dispose()
    {
        var fd = Interlocked.Exchange(ref _value, -1);
        if (fd >= 0)
        {
            _ = Posix.Close(fd);
        }
    }
}
