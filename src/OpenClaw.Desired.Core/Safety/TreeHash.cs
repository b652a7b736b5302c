using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OpenClaw.Desired.Host.Fs;

namespace OpenClaw.Desired.Safety;

/// <summary>
/// The content hash of a folder (a skill, a build context), as pinned in the posture ("sha256:" + hex).
/// Entries are the folder's files and symlinks at any depth, hidden ones included, sorted by their relative
/// path ('/'-separated, ordinal byte order). Each contributes a type byte ('f' file, 'l' symlink), the path,
/// NUL, the content length in decimal, NUL, and the content (a symlink's content is its target; links are never
/// followed). The length makes the encoding unambiguous: no two different folders hash the same input.
/// Empty folders, file modes, FIFOs, sockets and devices do not count.
/// </summary>
public static class TreeHash
{
    public static string OfFolder(string folder) =>
        Hash(Entries(folder).Select(e => new HashEntry(e.Relative, e.IsLink ? new FileInfo(e.Full).LinkTarget ?? string.Empty : null, () => new FileStream(e.Full, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan))));

    /// <summary>A folder's hash as <see cref="OfFolder"/>, or for a single file or link the hash of it alone (an empty relative path).</summary>
    public static string OfFolderOrFile(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is { } target)
        {
            return Hash([new HashEntry(string.Empty, target, () => Stream.Null)]);
        }

        return Directory.Exists(path) ? OfFolder(path) : Hash([new HashEntry(string.Empty, null, () => File.OpenRead(path))]);
    }

    /// <summary>The same hash of a host path, read on descriptors (links never followed, FIFOs and devices never opened).</summary>
    public static string OfHost(HostFs fs, string hostPath)
    {
        var stat = fs.Stat(hostPath);
        if (stat.IsSymlink)
        {
            return Hash([new HashEntry(string.Empty, fs.ReadLink(hostPath) ?? string.Empty, () => Stream.Null)]);
        }

        if (stat.IsFile)
        {
            return Hash([new HashEntry(string.Empty, null, () => fs.OpenRead(hostPath))]);
        }

        // The walk yields entries in the order of their relative paths, so content streams straight into the hash.
        return Hash(fs.Walk(hostPath)
            .Where(e => e.Problem is null && (e.Stat.IsSymlink || e.Stat.IsFile))
            .Select(e => new HashEntry(e.Relative, e.Stat.IsSymlink ? e.LinkTarget ?? string.Empty : null, e.OpenRead)));
    }

    private sealed record HashEntry(string Relative, string? LinkTarget, Func<Stream> Open);

    private static string Hash(IEnumerable<HashEntry> entries)
    {
        using var builder = new Builder();
        var buffer = new byte[64 * 1024];
        foreach (var entry in entries)
        {
            if (entry.LinkTarget is { } link)
            {
                builder.AddLink(entry.Relative, link);
                continue;
            }

            using var stream = entry.Open();
            builder.StartFile(entry.Relative, stream.Length);
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                builder.Append(buffer.AsSpan(0, read));
            }
        }

        return builder.Finish();
    }

    /// <summary>The hash fed entry by entry, in the order of their relative paths (for a walk that also reads the files for something else).</summary>
    public sealed class Builder : IDisposable
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public void AddLink(string relative, string target)
        {
            var bytes = Encoding.UTF8.GetBytes(target);
            Header(_hash, 'l', relative, bytes.Length);
            _hash.AppendData(bytes);
        }

        /// <summary>Starts a file of <paramref name="length"/> bytes; its content follows through <see cref="Append"/>.</summary>
        public void StartFile(string relative, long length) => Header(_hash, 'f', relative, length);

        public void Append(ReadOnlySpan<byte> content) => _hash.AppendData(content);

        public string Finish() => "sha256:" + Convert.ToHexStringLower(_hash.GetHashAndReset());

        public void Dispose() => _hash.Dispose();
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
            else if (Posix.IsRegularFile(entry.FullName))
            {
                // FIFOs, sockets and devices carry no content (and .NET calls them Normal files): never opened.
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
