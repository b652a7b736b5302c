
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

    /// <summary>The cross-filesystem path of <see cref="Move"/>: copy with modes and symlinks, verify, then remove the source.</summary>
    internal static void CopyThenRemove(string source, string target)
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

        CopyFolders(source, target);

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

    /// <summary>Recreates the folder tree with its modes; symlinked folders are links, not entered.</summary>
    private static void CopyFolders(string source, string target)
    {
        Directory.CreateDirectory(target);
        File.SetUnixFileMode(target, File.GetUnixFileMode(source));
        foreach (var directory in new DirectoryInfo(source).EnumerateDirectories("*", new EnumerationOptions { AttributesToSkip = 0 }))
        {
            if (directory.LinkTarget is null)
            {
                CopyFolders(directory.FullName, Path.Combine(target, directory.Name));
            }
        }
    }
}
