namespace OpenClaw.Desired.Secrets.Scanning;

/// <summary>
/// A credential in a text: where it starts (in characters), how long it is, its kind, and the name it was
/// assigned to when the text said (<c>GITHUB_TOKEN=…</c>, <c>"apiKey": …</c>). Holds no copy of the value.
/// </summary>
public readonly record struct SecretMatch(int Start, int Length, string Kind, string? NameHint = null)
{
    public int End => Start + Length;

    /// <summary>For formats with check digits (GitHub's and npm's CRC32 tail): whether they hold. Null when the format has none.</summary>
    public bool? ChecksumValid { get; init; }

    public bool Overlaps(SecretMatch other) => Start < other.End && other.Start < End;
}
