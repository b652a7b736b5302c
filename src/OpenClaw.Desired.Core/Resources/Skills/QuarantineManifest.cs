using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OpenClaw.Desired.Safety;
using OpenClaw.Desired.Serialization;

namespace OpenClaw.Desired.Resources.Skills;

/// <summary>
/// Written beside a quarantined skill (<c>&lt;folder&gt;.manifest.json</c> in the state dir's quarantine):
/// where it came from, its content hash, why and when, and what <c>skills.entries.&lt;name&gt;.enabled</c> was.
/// Sealed with a key only root reads (the state dir's fingerprint key) over its fields and its place: a skill
/// carries whatever files the agent user put in it into the quarantine, a manifest-shaped one included, and a
/// restore must never take a folder where such a file says.
/// </summary>
public sealed record QuarantineManifest(
    string Name,
    string Origin,
    string Sha256,
    string Reason,
    DateTimeOffset QuarantinedAt,
    string ConfigPath,
    string? EnabledBefore,
    DateTimeOffset? RestoredAt = null,
    string? Seal = null)
{
    public const string Suffix = ".manifest.json";

    /// <summary>The quarantined folder this manifest describes.</summary>
    public static string FolderOf(string manifestPath) => manifestPath[..^Suffix.Length];

    public void Write(StateDirectory state, string quarantinedFolder)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(quarantinedFolder)!, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var sealedManifest = this with { Seal = SealOf(FingerprintKey.Load(state, create: true), state, quarantinedFolder + Suffix) };
        AtomicFile.Write(quarantinedFolder + Suffix, JsonSerializer.SerializeToUtf8Bytes(sealedManifest, StateJsonContext.Default.QuarantineManifest), UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    /// <summary>HMAC-SHA256 of the manifest's fields (without the seal) and its path in the quarantine.</summary>
    private string SealOf(byte[] key, StateDirectory state, string manifestPath)
    {
        var fields = JsonSerializer.SerializeToUtf8Bytes(this with { Seal = null }, StateJsonContext.Default.QuarantineManifest);
        var place = Encoding.UTF8.GetBytes("\0" + Path.GetRelativePath(state.QuarantinePath, manifestPath));
        using var mac = new HMACSHA256(HMACSHA256.HashData(key, "openclaw-desired/quarantine-manifest/v1"u8));
        return Convert.ToHexStringLower(mac.ComputeHash([.. fields, .. place]));
    }

    /// <summary>Every manifest in the quarantine, newest first.</summary>
    public static IReadOnlyList<(string Path, QuarantineManifest Manifest)> All(StateDirectory state)
    {
        if (!Directory.Exists(state.QuarantinePath))
        {
            return [];
        }

        // Without the key no seal can be checked: then no manifest is believed.
        if (!File.Exists(Path.Combine(state.Path, FingerprintKey.FileName)))
        {
            return [];
        }

        var key = FingerprintKey.Load(state, create: false);
        var result = new List<(string, QuarantineManifest)>();
        foreach (var path in Directory.EnumerateFiles(state.QuarantinePath, "*" + Suffix, SearchOption.AllDirectories))
        {
            if (!Host.Fs.Posix.IsRegularFile(path))
            {
                continue; // a FIFO a skill carried in would block the read
            }

            try
            {
                if (JsonSerializer.Deserialize(File.ReadAllBytes(path), StateJsonContext.Default.QuarantineManifest) is { } manifest
                    && manifest.Seal is { } seal
                    && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(seal), Encoding.ASCII.GetBytes(manifest.SealOf(key, state, path))))
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
