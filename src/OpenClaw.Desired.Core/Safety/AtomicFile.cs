namespace OpenClaw.Desired.Safety;

/// <summary>
/// Writes a file so that a reader, or a crash, sees either the old bytes or the new ones: temp file in the
/// same folder, fsync, mode and owner copied, rename, fsync of the folder.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, ReadOnlySpan<byte> content, UnixFileMode? mode = null)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var existed = File.Exists(path);
        var effectiveMode = mode ?? (existed ? File.GetUnixFileMode(path) : UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var owner = existed ? Native.Owner(path) : null;
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.tmp-{Guid.NewGuid():N}");
        try
        {
            using (var stream = new FileStream(temp, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.None,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            }))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            File.SetUnixFileMode(temp, effectiveMode);
            if (owner is { } o)
            {
                Native.Chown(temp, o.Uid, o.Gid);
            }

            File.Move(temp, path, overwrite: true);
            Native.FsyncDirectory(directory);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
