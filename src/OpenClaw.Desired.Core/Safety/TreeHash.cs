using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OpenClaw.Desired.Safety;

/// <summary>
/// The content hash of a folder (a skill, a build context), as pinned in the posture ("sha256:" + hex).
/// Entries are the folder's files and symlinks at any depth, hidden ones included, sorted by their relative
/// path ('/'-separated, ordinal byte order). Each contributes a type byte ('f' file, 'l' symlink), the path,
/// NUL, the content length in decimal, NUL, and the content (a symlink's content is its target; links are never
/// followed). The length makes the encoding unambiguous: no two different folders hash the same input.
/// Empty folders and file modes do not count.
/// </summary>
public static class TreeHash
{
    public static string OfFolder(string folder)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[64 * 1024];
        foreach (var (relative, full, isLink) in Entries(folder))
        {
            if (isLink)
            {
                var target = Encoding.UTF8.GetBytes(new FileInfo(full).LinkTarget ?? string.Empty);
                Header(hash, 'l', relative, target.Length);
                hash.AppendData(target);
                continue;
            }

            using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            Header(hash, 'f', relative, stream.Length);
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                hash.AppendData(buffer, 0, read);
            }
        }

        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Files and symlinks under <paramref name="folder"/>, sorted by relative path; symlinked folders are not entered.</summary>
    public static IReadOnlyList<(string Relative, string Full, bool IsLink)> Entries(string folder)
    {
        var result = new List<(string, string, bool)>();
        Walk(folder, string.Empty, result);
        result.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        return result;
    }

    private static void Walk(string folder, string prefix, List<(string, string, bool)> result)
    {
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", new EnumerationOptions { AttributesToSkip = 0, RecurseSubdirectories = false }))
        {
            var relative = prefix + entry.Name;
            if (entry.LinkTarget is not null)
            {
                result.Add((relative, entry.FullName, true));
            }
            else if (entry is DirectoryInfo)
            {
                Walk(entry.FullName, relative + "/", result);
            }
            else if (entry is FileInfo { } file && (file.Attributes & (FileAttributes.Device | FileAttributes.ReparsePoint)) == 0)
            {
                result.Add((relative, entry.FullName, false));
            }
        }
    }

    private static void Header(IncrementalHash hash, char type, string relative, long length)
    {
        hash.AppendData([(byte)type]);
        hash.AppendData(Encoding.UTF8.GetBytes(relative));
        hash.AppendData([0]);
        hash.AppendData(Encoding.ASCII.GetBytes(length.ToString(CultureInfo.InvariantCulture)));
        hash.AppendData([0]);
    }
}
