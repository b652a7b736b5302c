using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text.Json;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Serialization;

namespace OpenClaw.Desired.Incidents.Evidence;

/// <summary>What <c>evidence verify</c> found: intact or not, each problem, and how deep it could look.</summary>
public sealed record EvidenceVerification(string Folder, bool Intact, IReadOnlyList<string> Problems, string? ManifestSha256, int Files, string Depth);

/// <summary>
/// Checks a bundle: every file SHA256SUMS lists is there with that hash and nothing else is; the manifest reads; and
/// every file in the archive has the hash the manifest gives it, no more and no fewer. An encrypted archive is opened
/// when gpg holds the secret key (into a temp folder only root can enter, the file overwritten after); otherwise only its outer hash is checked,
/// and the result says so.
/// </summary>
public static class EvidenceVerifier
{
    public static async Task<EvidenceVerification> VerifyAsync(string folder, ICommandRunner commands, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var sumsPath = Path.Combine(folder, EvidenceManifest.SumsName);
        if (!File.Exists(sumsPath))
        {
            return new EvidenceVerification(folder, false, [$"{EvidenceManifest.SumsName} is missing: this is no sealed bundle"], null, 0, "none");
        }

        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(sumsPath).Where(l => l.Length > 0))
        {
            var parts = line.Split("  ", 2);
            if (parts.Length != 2 || parts[1].Contains('/', StringComparison.Ordinal))
            {
                problems.Add($"{EvidenceManifest.SumsName}: unreadable line '{line}'");
                continue;
            }

            listed.Add(parts[1]);
            var file = Path.Combine(folder, parts[1]);
            if (!File.Exists(file))
            {
                problems.Add($"{parts[1]} is missing");
            }
            else if (EvidenceBundle.Sha256Of(file) != parts[0])
            {
                problems.Add($"{parts[1]} does not have the hash {EvidenceManifest.SumsName} gives it: it changed after sealing");
            }
        }

        foreach (var extra in Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).OfType<string>().Where(n => n != EvidenceManifest.SumsName && !listed.Contains(n)))
        {
            problems.Add($"{extra} is not part of the sealed bundle");
        }

        EvidenceManifest? manifest = null;
        try
        {
            manifest = JsonSerializer.Deserialize(File.ReadAllBytes(Path.Combine(folder, EvidenceManifest.FileName)), EvidenceJsonContext.Default.EvidenceManifest);
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            problems.Add($"{EvidenceManifest.FileName} cannot be read: {e.Message}");
        }

        var manifestSha = File.Exists(Path.Combine(folder, EvidenceManifest.FileName)) ? EvidenceBundle.Sha256Of(Path.Combine(folder, EvidenceManifest.FileName)) : null;
        if (manifest is null || problems.Count > 0)
        {
            return new EvidenceVerification(folder, false, problems, manifestSha, 0, "outer");
        }

        var archive = Path.Combine(folder, manifest.Archive);
        if (!manifest.Encrypted)
        {
            problems.AddRange(CheckArchive(archive, manifest));
            return new EvidenceVerification(folder, problems.Count == 0, problems, manifestSha, manifest.Entries.Count(e => e.Sha256 is not null), "contents");
        }

        // gpg creates its output with the umask's mode: in a folder of its own (0700), no other user (the agent
        // watching /tmp) can open the decrypted archive while it is written.
        var scratch = Directory.CreateTempSubdirectory("ocd-evidence-");
        var temp = Path.Combine(scratch.FullName, EvidenceManifest.PlainArchive);
        try
        {
            var gpg = await commands.RunAsync("gpg", ["--batch", "--yes", "--quiet", "--output", temp, "--decrypt", "--", archive], TimeSpan.FromMinutes(5), cancellationToken: cancellationToken);
            if (!gpg.Succeeded)
            {
                return new EvidenceVerification(folder, true, [], manifestSha, manifest.Entries.Count(e => e.Sha256 is not null), "outer (encrypted; this keyring cannot open it, so the contents were not checked)");
            }

            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            problems.AddRange(CheckArchive(temp, manifest));
            return new EvidenceVerification(folder, problems.Count == 0, problems, manifestSha, manifest.Entries.Count(e => e.Sha256 is not null), "contents (decrypted)");
        }
        finally
        {
            // The decrypted archive holds the secrets the bundle keeps: overwritten before it goes.
            if (File.Exists(temp))
            {
                File.WriteAllBytes(temp, new byte[new FileInfo(temp).Length]);
                File.Delete(temp);
            }

            scratch.Delete(recursive: true);
        }
    }

    private static IEnumerable<string> CheckArchive(string path, EvidenceManifest manifest)
    {
        var expected = manifest.Entries.Where(e => e.Sha256 is not null).ToDictionary(e => e.Name, e => e.Sha256!, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<string>();
        try
        {
            using var stream = File.OpenRead(path);
            using var tar = new TarReader(stream);
            while (tar.GetNextEntry() is { } entry)
            {
                seen.Add(entry.Name);
                if (!expected.TryGetValue(entry.Name, out var hash))
                {
                    problems.Add($"{entry.Name} is in the archive but not in the manifest");
                    continue;
                }

                using var data = entry.DataStream ?? Stream.Null;
                if (Convert.ToHexStringLower(SHA256.HashData(data)) != hash)
                {
                    problems.Add($"{entry.Name} does not have the hash the manifest gives it");
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException)
        {
            problems.Add($"the archive cannot be read: {e.Message}");
        }

        problems.AddRange(expected.Keys.Where(k => !seen.Contains(k)).Select(k => $"{k} is in the manifest but not in the archive"));
        return problems;
    }
}
