using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Secrets;
using OpenClaw.Desired.Secrets.Scanning;

namespace OpenClaw.Desired.Resources.Secrets;

/// <summary>
/// Move one secret's plaintext out of one file: store the value under <see cref="Name"/>, then put a reference
/// or a note where it was. Apply finds the value again by <see cref="Fingerprint"/>; the payload holds none.
/// </summary>
internal sealed record MoveSecret(string Name, string Fingerprint, SecretType Type, string HostPath, FileRole Role, string Where) : ChangePayload;

/// <summary>Put a value into the store: a declared one (from the posture), or one found in <see cref="FoundIn"/>.</summary>
internal sealed record StoreSecret(string Name, string Fingerprint, SecretType Type, string? FoundIn, bool Declared, string? SuspectedWhere) : ChangePayload;

/// <summary>Point an existing environment reference at the store the secret moved to.</summary>
internal sealed record RewriteReference(string HostPath, FileRole Role, SecretLocation Location, string Name) : ChangePayload;

/// <summary>Tighten mode and owner of a path that holds secrets.</summary>
internal sealed record FixPermissions(string HostPath, UnixFileMode Mode, (int Uid, int Gid)? Owner) : ChangePayload;

/// <summary>Start a secret's rotation clock, or record a rotation seen as a changed value.</summary>
internal sealed record TrackRotation(string Name, SecretType Type, string Fingerprint, bool Observed) : ChangePayload;
