using System.Security.Cryptography;
using OpenClaw.Desired.Host.Fs;

namespace OpenClaw.Desired.Integrity;

/// <summary>What one watched file is: its content hash (a link's target, a FIFO's type), owner, mode, size and modification time.</summary>
public sealed record FileState(string Content, int Uid, int Gid, int Mode, long Size, DateTimeOffset Modified);

/// <summary>
/// Hashes every watched path on descriptors: files streamed into SHA-256 (past <see cref="MaxHashBytes"/> only size
/// and time count), links by their target text (never followed), FIFOs, sockets and devices by their type (never
/// opened), folders walked whole within the walk's depth and entry limits.
/// </summary>
public static class IntegritySnapshot
{
    public const long MaxHashBytes = 256L * 1024 * 1024;

    /// <param name="hashContent">
    /// False when there is nothing to compare the content with (no baseline yet): the paths are still resolved and
    /// walked (a link planted on the way is refused and reported), files are not read, and their content is empty.
    /// </param>
    public static (SortedDictionary<string, FileState> Files, IReadOnlyList<string> Problems) Take(HostFs fs, IEnumerable<WatchedPath> watched, bool hashContent = true)
    {
        var files = new SortedDictionary<string, FileState>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var path in watched)
        {
            try
            {
                var stat = fs.Stat(path.HostPath);
                if (!stat.Exists)
                {
                    continue;
                }

                if (!stat.IsDirectory)
                {
                    files[path.HostPath] = State(stat, hashContent ? () => fs.OpenRead(path.HostPath) : null, () => fs.ReadLink(path.HostPath));
                    continue;
                }

                foreach (var entry in fs.Walk(path.HostPath))
                {
                    if (entry.Problem is { } problem)
                    {
                        problems.Add($"{entry.HostPath}: {problem}");
                        continue;
                    }

                    var current = entry;
                    files[entry.HostPath] = State(entry.Stat, hashContent ? current.OpenRead : null, () => current.LinkTarget);
                }
            }
            catch (Exception e) when (e is UnsafePathException or IOException or UnauthorizedAccessException)
            {
                problems.Add($"{path.HostPath}: {Reporting.UserMessage.Of(e)}");
            }
        }

        return (files, problems);
    }

    private static FileState State(HostStat stat, Func<Stream>? open, Func<string?> link)
    {
        var content = stat.Type switch
        {
            EntryType.File when open is null => string.Empty,
            EntryType.File when stat.Size <= MaxHashBytes => "sha256:" + Hash(open),
            EntryType.File => $"large:{stat.Size}",
            EntryType.Symlink => "link:" + link(),
            _ => "special:" + HostStat.Describe(stat.Type),
        };
        return new FileState(content, stat.Uid, stat.Gid, stat.PermissionBits, stat.Size, stat.Modified);
    }

    private static string Hash(Func<Stream> open)
    {
        using var stream = open();
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
