using Newtonsoft.Json.Linq;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Secrets;
using OpenClaw.Desired.Secrets.Rotation;
using OpenClaw.Desired.Secrets.Scanning;

namespace OpenClaw.Desired.Resources.Secrets;

/// <summary>A secret in the store as the diff sees it: fingerprint, version time, and whether it looks like a credential.</summary>
public sealed record StoreEntry(string Name, string Fingerprint, DateTimeOffset? VersionTime, bool SecretLike, SecretType? Type);

/// <summary>The store as the diff needs it: what it holds and how OpenClaw refers to its names.</summary>
public sealed record StoreView(
    string Kind,
    string Description,
    IReadOnlyDictionary<string, StoreEntry> Entries,
    Func<string, JToken> ConfigReference,
    Func<string, JObject> SecretRef,
    (string Alias, JObject Block)? Provider,
    IReadOnlyList<string> HostFiles);

/// <summary>A declared secret: where its value comes from, the fingerprint of that value, or why it cannot be read.</summary>
public sealed record DeclaredState(string Name, SecretType Type, string Source, string? Fingerprint, string? Problem);

/// <summary>A reference to an environment variable in openclaw.json or auth-profiles.json.</summary>
public sealed record EnvReference(string HostPath, FileRole Role, SecretLocation Location, string Variable);

/// <summary>Mode and owner of a path that holds secrets, and what they should be.</summary>
public sealed record PermissionState(string HostPath, bool IsDirectory, UnixFileMode Mode, (int Uid, int Gid)? Owner, UnixFileMode Desired, (int Uid, int Gid)? DesiredOwner);

/// <summary>Get result of the secrets kind.</summary>
public sealed record SecretsObservation(
    DateTimeOffset Now,
    OpenClawPaths Paths,
    StoreView? Store,
    IReadOnlyList<FoundSecret> Findings,
    IReadOnlyList<DeclaredState> Declared,
    IReadOnlyList<EnvReference> EnvReferences,
    JToken? ConfiguredProvider,
    bool ConfigExists,
    IReadOnlyList<PermissionState> Permissions,
    IReadOnlyDictionary<string, RotationRecord> Records,
    IReadOnlyList<UnknownState> Unknowns);
