using System.Text.Json;
using OpenClaw.Desired.Safety;

namespace OpenClaw.Desired.Resources.Skills;

/// <summary>
/// Written beside a quarantined skill (<c>&lt;folder&gt;.manifest.json</c> in the state dir's quarantine):
/// where it came from, its content hash, why and when, and what <c>skills.entries.&lt;name&gt;.enabled</c> was.
/// </summary>
public sealed record QuarantineManifest(
    string Name,
    string Origin,
    string Sha256,
    string Reason,
    DateTimeOffset QuarantinedAt,
    string ConfigPath,
    string? EnabledBefore,
    DateTimeOffset? RestoredAt = null)
{
    public const string Suffix = ".manifest.json";
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The quarantined folder this manifest describes.</summary>
    public static string FolderOf(string manifestPath) => manifestPath[..^Suffix.Length];

    public void Write(string quarantinedFolder)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(quarantinedFolder)!, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        AtomicFile.Write(quarantinedFolder + Suffix, JsonSerializer.SerializeToUtf8Bytes(this, Options), UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    /// <summary>Every manifest in the quarantine, newest first.</summary>
    public static IReadOnlyList<(string Path, QuarantineManifest Manifest)> All(StateDirectory state)
    {
        if (!Directory.Exists(state.QuarantinePath))
        {
            return [];
        }

        var result = new List<(string, QuarantineManifest)>();
        foreach (var path in Directory.EnumerateFiles(state.QuarantinePath, "*" + Suffix, SearchOption.AllDirectories))
        {
            try
            {
                if (JsonSerializer.Deserialize<QuarantineManifest>(File.ReadAllBytes(path), Options) is { } manifest)
                {
                    result.Add((path, manifest));
                }
            }
            catch (JsonException)
            {
                // A manifest that cannot be read names no skill; the folder beside it stays where it is.
            }
        }

        return result.OrderByDescending(r => r.Item2.QuarantinedAt).ToList();
    }
}
