
namespace OpenClaw.Desired.Safety;

/// <summary>
/// Moves a file or folder, also between filesystems (a skill in /home, the quarantine in /var/lib): a rename
/// where it can, else a copy that keeps modes and symlinks, verified by content hash before the source goes.
/// </summary>
public static class TreeMove
{
    private const int CrossDevice = 18;

    public static void Move(string source, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        try
        {
            if (Directory.Exists(source))
            {
                Directory.Move(source, target);
            }
            else
            {
                File.Move(source, target);
            }
        }
        catch (IOException e) when ((e.HResult & 0xFFFF) == CrossDevice || e.Message.Contains("cross-device", StringComparison.OrdinalIgnoreCase))
        {
            CopyThenRemove(source, target);
        }
    }

    private static void CopyThenRemove(string source, string target)
    {
        if (!Directory.Exists(source))
        {
            File.Copy(source, target);
            File.SetUnixFileMode(target, File.GetUnixFileMode(source));
            if (Hashing.Sha256Hex(File.ReadAllBytes(source)) != Hashing.Sha256Hex(File.ReadAllBytes(target)))
            {
                throw new IOException($"copy of {source} did not verify; the source is kept");
            }

            File.Delete(source);
            return;
        }

        Directory.CreateDirectory(target);
        File.SetUnixFileMode(target, File.GetUnixFileMode(source));
        foreach (var directory in Directory.EnumerateDirectories(source, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            var relative = Path.GetRelativePath(source, directory);
            if (new DirectoryInfo(directory).LinkTarget is null)
            {
                Directory.CreateDirectory(Path.Combine(target, relative));
                File.SetUnixFileMode(Path.Combine(target, relative), File.GetUnixFileMode(directory));
            }
        }

        foreach (var (relative, full, isLink) in TreeHash.Entries(source))
        {
            var destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            if (isLink)
            {
                File.CreateSymbolicLink(destination, new FileInfo(full).LinkTarget!);
            }
            else
            {
                File.Copy(full, destination);
                File.SetUnixFileMode(destination, File.GetUnixFileMode(full));
            }
        }

        if (TreeHash.OfFolder(source) != TreeHash.OfFolder(target))
        {
            throw new IOException($"copy of {source} did not verify; the source is kept");
        }

        Directory.Delete(source, recursive: true);
    }
}
