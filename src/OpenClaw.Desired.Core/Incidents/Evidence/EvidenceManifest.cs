using System.Text.Json;
using OpenClaw.Desired.Serialization;

namespace OpenClaw.Desired.Incidents.Evidence;

/// <summary>
/// One item of an evidence bundle: its name in the archive, where it came from on the host, its SHA-256 and size,
/// mode, owner and modification time; or, for what was not copied (a link, a FIFO, a file over the size cap, a session
/// transcript), why not.
/// </summary>
public sealed record EvidenceEntry(string Name, string? Source, string? Sha256, long Size)
{
    public int? Mode { get; init; }
    public int? Uid { get; init; }
    public int? Gid { get; init; }
    public DateTimeOffset? Modified { get; init; }

    /// <summary>Why the content is not in the archive (then <see cref="Sha256"/> is null), or a remark.</summary>
    public string? Note { get; init; }
}

/// <summary>
/// <c>manifest.json</c> of a bundle: what was collected, when, why, and whether the archive is encrypted. It holds
/// paths and hashes only, never contents: it stays readable when the archive is encrypted.
/// </summary>
public sealed record EvidenceManifest(int Version, string Id, DateTimeOffset CreatedAt, string Reason, string Host, string Root, string Archive, string? Recipient, IReadOnlyList<EvidenceEntry> Entries)
{
    public const string FileName = "manifest.json";
    public const string SumsName = "SHA256SUMS";
    public const string PlainArchive = "evidence.tar";
    public const string SealedArchive = "evidence.tar.gpg";

    /// <summary>Web names, indented, nulls left out (<see cref="EvidenceJsonContext"/>).</summary>
    public static JsonSerializerOptions Options => EvidenceJsonContext.Default.Options;

    public bool Encrypted => Archive == SealedArchive;
}
