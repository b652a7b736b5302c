using System.Security.Cryptography;
using System.Text;
using LibGit2Sharp;
using OpenClaw.Desired.Host.Fs;

namespace OpenClaw.Desired.Resources.Backups;

/// <summary>One file or link of the workspace as the backup would commit it: path, Git mode, blob id, content.</summary>
internal sealed record WorkspaceFile(string Path, Mode Mode, string BlobId, DateTimeOffset Modified, byte[] Content);

/// <summary>
/// The workspace as the Git backup sees it, read on descriptors through <see cref="HostFs"/> instead of by
/// libgit2's path-based walk: links are committed as links and never followed, FIFOs and devices are never opened
/// (they are named instead), and the bytes that are hashed are the bytes that are scanned and committed, so a file
/// swapped between a check and the commit cannot slip through. <c>.gitignore</c> rules are Git's own.
/// </summary>
internal static class WorkspaceFiles
{
    /// <summary>Larger files are not committed (and are named): a backup of notes is not a place for disk images.</summary>
    public const long MaxFileBytes = 100L * 1024 * 1024;

    public static (IReadOnlyList<WorkspaceFile> Files, IReadOnlyList<string> Skipped) Read(HostFs fs, string workspace, Repository? repo)
    {
        var files = new List<WorkspaceFile>();
        var skipped = new List<string>();
        var limits = new WalkLimits
        {
            MaxEntries = 500_000,
            Enter = relative => System.IO.Path.GetFileName(relative) != ".git" && !Ignored(repo, relative + "/"),
        };
        foreach (var entry in fs.Walk(workspace, limits))
        {
            if (entry.Problem is { } problem)
            {
                skipped.Add($"{entry.Relative}: {problem}");
                continue;
            }

            if (entry.Stat.IsDirectory || Ignored(repo, entry.Relative))
            {
                continue;
            }

            if (entry.Stat.IsSymlink)
            {
                var target = Encoding.UTF8.GetBytes(entry.LinkTarget ?? string.Empty);
                files.Add(new WorkspaceFile(entry.Relative, Mode.SymbolicLink, BlobId(target), entry.Stat.Modified, target));
            }
            else if (entry.Stat.IsFile)
            {
                try
                {
                    var content = entry.ReadAllBytes(MaxFileBytes);
                    var mode = ((int)entry.Stat.Mode & 0b001_000_000) != 0 ? Mode.ExecutableFile : Mode.NonExecutableFile;
                    files.Add(new WorkspaceFile(entry.Relative, mode, BlobId(content), entry.Stat.Modified, content));
                }
                catch (IOException e)
                {
                    skipped.Add($"{entry.Relative}: {(e is UnsafePathException u ? u.Detail : e.Message)}");
                }
            }
            else
            {
                skipped.Add($"{entry.Relative}: is {HostStat.Describe(entry.Stat.Type)}; not backed up");
            }
        }

        return (files, skipped);
    }

    /// <summary>Git's object id of a blob: SHA-1 of "blob LENGTH\0" and the content.</summary>
    public static string BlobId(byte[] content)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        sha.AppendData(Encoding.ASCII.GetBytes($"blob {content.Length}\0"));
        sha.AppendData(content);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>
    /// Every blob of a commit's tree by path, down to <see cref="MaxTreeDepth"/> folders and without recursion: the
    /// repository is the agent's, and a tree nested without end costs a few bytes to commit. What lies deeper is
    /// left out (a backup commit holds only what the workspace walk reads, and the push gate refuses such history).
    /// </summary>
    public static Dictionary<string, (string Id, Mode Mode)> TreeOf(Commit? commit)
    {
        var result = new Dictionary<string, (string, Mode)>(StringComparer.Ordinal);
        if (commit is null)
        {
            return result;
        }

        var pending = new Stack<(Tree Tree, string Prefix, int Depth)>();
        pending.Push((commit.Tree, string.Empty, 0));
        while (pending.TryPop(out var next))
        {
            foreach (var entry in next.Tree)
            {
                if (entry.TargetType == TreeEntryTargetType.Tree && next.Depth < MaxTreeDepth)
                {
                    pending.Push(((Tree)entry.Target, next.Prefix + entry.Name + "/", next.Depth + 1));
                }
                else if (entry.TargetType == TreeEntryTargetType.Blob)
                {
                    result[next.Prefix + entry.Name] = (entry.Target.Sha, entry.Mode);
                }
            }
        }

        return result;
    }

    /// <summary>How deep a committed tree is read (deeper than the workspace walk goes, 48 folders).</summary>
    public const int MaxTreeDepth = 64;

    private static bool Ignored(Repository? repo, string relative) => repo is not null && repo.Ignore.IsPathIgnored(relative);
}
