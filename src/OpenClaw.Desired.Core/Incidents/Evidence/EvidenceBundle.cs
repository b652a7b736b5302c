using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Safety;
using OpenClaw.Desired.Serialization;

namespace OpenClaw.Desired.Incidents.Evidence;

/// <summary>A sealed bundle: where it is, its manifest, and the SHA-256 of the manifest (quoted in reports and the handoff).</summary>
public sealed record SealedBundle(string Folder, EvidenceManifest Manifest, string ManifestSha256)
{
    public int Copied => Manifest.Entries.Count(e => e.Sha256 is not null);
}

/// <summary>
/// Seals evidence in <c>&lt;state&gt;/evidence/&lt;id&gt;/</c>: the archive (a tar; gpg-encrypted to
/// secrets.backupRecipient when one is set, the plaintext tar then overwritten and removed), <c>manifest.json</c> and
/// <c>SHA256SUMS</c> (<c>sha256sum -c</c> reads it), every file 0400 and the folder 0500. Secrets collected stay inside
/// the archive: nothing of its content is printed anywhere.
/// </summary>
public static class EvidenceBundle
{
    public static string Root(StateDirectory state) => Path.Combine(state.Path, "evidence");

    public static async Task<SealedBundle> SealAsync(HostContext host, EvidenceScope scope, string id, string reason, string? recipient, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Root(scope.State), id);
        if (Existing(folder, host.Clock) is { } sealedBefore)
        {
            return sealedBefore;
        }

        Directory.CreateDirectory(Root(scope.State), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var tarPath = Path.Combine(folder, EvidenceManifest.PlainArchive);
        IReadOnlyList<EvidenceEntry> entries;
        await using (var stream = new FileStream(tarPath, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite }))
        {
            entries = await new EvidenceCollector(host, scope).WriteAsync(stream, cancellationToken);
            await stream.FlushAsync(cancellationToken);
            stream.Flush(flushToDisk: true);
        }

        var archive = EvidenceManifest.PlainArchive;
        if (recipient is not null)
        {
            var sealedPath = Path.Combine(folder, EvidenceManifest.SealedArchive);
            var gpg = await host.Commands.RunAsync("gpg", ["--batch", "--yes", "--quiet", "--trust-model", "always", "--encrypt", "--recipient", recipient, "--output", sealedPath, "--", tarPath], TimeSpan.FromMinutes(5), cancellationToken: cancellationToken);
            if (!gpg.Succeeded)
            {
                HistoryPruner.Shred(folder);
                throw new IOException($"gpg could not encrypt the evidence for {recipient}: {gpg.StandardError.Split('\n').FirstOrDefault()?.Trim()}; nothing was sealed");
            }

            Overwrite(tarPath);
            archive = EvidenceManifest.SealedArchive;
        }

        var manifest = new EvidenceManifest(1, id, host.Clock.GetUtcNow(), reason, Environment.MachineName, host.Root.Root, archive, recipient, entries);
        var manifestBytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(manifest, EvidenceJsonContext.Default.EvidenceManifest) + "\n");
        AtomicFile.Write(Path.Combine(folder, EvidenceManifest.FileName), manifestBytes, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var sums = new StringBuilder();
        foreach (var name in new[] { archive, EvidenceManifest.FileName })
        {
            sums.Append(Sha256Of(Path.Combine(folder, name))).Append("  ").Append(name).Append('\n');
        }

        AtomicFile.Write(Path.Combine(folder, EvidenceManifest.SumsName), Encoding.UTF8.GetBytes(sums.ToString()), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        foreach (var file in Directory.GetFiles(folder))
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead);
        }

        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        return new SealedBundle(folder, manifest, Convert.ToHexStringLower(SHA256.HashData(manifestBytes)));
    }

    /// <summary>
    /// A bundle a killed lockdown left: sealed (its SHA256SUMS written last) is kept and used as it is; unfinished is set
    /// aside beside it (never deleted: it may be all there is) and sealed again.
    /// </summary>
    private static SealedBundle? Existing(string folder, TimeProvider clock)
    {
        if (!Directory.Exists(folder))
        {
            return null;
        }

        var manifestPath = Path.Combine(folder, EvidenceManifest.FileName);
        if (File.Exists(Path.Combine(folder, EvidenceManifest.SumsName)) && JsonSerializer.Deserialize(File.ReadAllBytes(manifestPath), EvidenceJsonContext.Default.EvidenceManifest) is { } manifest)
        {
            return new SealedBundle(folder, manifest, Sha256Of(manifestPath));
        }

        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Directory.Move(folder, $"{folder}.unfinished-{clock.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}");
        return null;
    }

    public static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>The plaintext archive held secrets: overwritten with zeros and flushed before it goes.</summary>
    private static void Overwrite(string path)
    {
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.None))
        {
            var zeros = new byte[64 * 1024];
            for (var left = stream.Length; left > 0; left -= zeros.Length)
            {
                stream.Write(zeros, 0, (int)Math.Min(left, zeros.Length));
            }

            stream.Flush(flushToDisk: true);
        }

        File.Delete(path);
    }
}
