namespace OpenClaw.Desired.Secrets.Scanning;

/// <summary>How a file is handled when its secrets move: what OpenClaw reads from it decides what may be written back.</summary>
public enum FileRole
{
    /// <summary>Markdown, text, session logs: a plaintext value is replaced by a note.</summary>
    Text,

    /// <summary>openclaw.json: literal values become references.</summary>
    Config,

    /// <summary>An agent's auth-profiles.json: keys become keyRef/tokenRef objects.</summary>
    AuthProfiles,

    /// <summary>A .env file: the line is commented out with a note.</summary>
    DotEnv,

    /// <summary>Other files OpenClaw writes itself (models.json, auth.json): the reconciler does not rewrite them.</summary>
    OpenClawData,
}

/// <summary>Where a secret sits inside a structured file.</summary>
public abstract record SecretLocation;

/// <summary>A JSON string value, addressed by a JSON pointer; <see cref="WholeValue"/> when the secret is all of it.</summary>
public sealed record JsonLocation(string Pointer, bool WholeValue) : SecretLocation;

/// <summary>The key (api_key) or token (token) of one auth profile.</summary>
public sealed record AuthProfileLocation(string ProfileId, string Provider, string Field) : SecretLocation;

/// <summary>The value of one .env line.</summary>
public sealed record EnvLineLocation(string Name, int LineIndex, bool WholeValue) : SecretLocation;

/// <summary>
/// A credential found in a file: position, kind, length and fingerprint for display; the value itself for
/// apply only. <see cref="ToString"/> never includes the value.
/// </summary>
public sealed record FoundSecret(
    string Path,
    int Line,
    int Column,
    int Offset,
    int Length,
    string Kind,
    string Fingerprint,
    string? NameHint,
    SecretLocation? Location,
    FileRole Role)
{
    /// <summary>The plaintext. Only apply reads it; it is never rendered.</summary>
    public required string Value { get; init; }

    /// <summary>The finding's stable id (<see cref="FindingIds"/>): the same on every run and host, never derived from the value.</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>For formats with check digits: whether they hold (false: a typed or invented value, not an issued one).</summary>
    public bool? ChecksumValid { get; init; }

    public string Where => $"{Path}:{Line}:{Column}";

    public override string ToString() => $"{Where} {Kind} {Fingerprint}";
}

/// <summary>What the scan output shows of a finding: never the value. <see cref="Checksum"/> is "valid" or "invalid" for formats that carry check digits.</summary>
public sealed record SecretFinding(string Path, int Line, int Column, int Length, string Kind, string Fingerprint, string Id, string? Checksum)
{
    public static SecretFinding From(FoundSecret found) =>
        new(found.Path, found.Line, found.Column, found.Length, found.Kind, found.Fingerprint, found.Id, found.ChecksumValid switch { true => "valid", false => "invalid", _ => null });
}
