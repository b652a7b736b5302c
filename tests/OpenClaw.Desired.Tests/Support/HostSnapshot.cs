using OpenClaw.Desired.Safety;

namespace OpenClaw.Desired.Tests.Support;

/// <summary>Every file and folder under a root: bytes, mode and owner, to compare before and after.</summary>
public sealed record HostSnapshot(IReadOnlyDictionary<string, (string Sha, UnixFileMode Mode, (int, int)? Owner)> Entries)
{
    public static HostSnapshot Of(string root)
    {
        var entries = new SortedDictionary<string, (string, UnixFileMode, (int, int)?)>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, path);
            var sha = File.Exists(path) ? Hashing.Sha256Hex(File.ReadAllBytes(path)) : "dir";
            entries[relative] = (sha, File.GetUnixFileMode(path), Native.Owner(path));
        }

        return new HostSnapshot(entries);
    }

    /// <summary>What differs, one line per path, for assertion messages.</summary>
    public IReadOnlyList<string> Differences(HostSnapshot other) =>
        Entries.Keys.Union(other.Entries.Keys).Order(StringComparer.Ordinal)
            .Where(k => !Entries.TryGetValue(k, out var a) || !other.Entries.TryGetValue(k, out var b) || a != b)
            .Select(k => $"{k}: {(Entries.TryGetValue(k, out var a) ? a.ToString() : "absent")} vs {(other.Entries.TryGetValue(k, out var b) ? b.ToString() : "absent")}")
            .ToList();
}
