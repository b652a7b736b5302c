using OpenClaw.Desired.Planning;

namespace OpenClaw.Desired.Resources.OpenClawAudit;

/// <summary>Set the permission bits of a file or folder (never through a link; a file with other names is left alone).</summary>
public sealed record SetMode(string HostPath, UnixFileMode Mode, bool Directory) : ChangePayload;

/// <summary>Move a path (a link itself, never what it points to) into the run's quarantine.</summary>
public sealed record QuarantinePath(string HostPath) : ChangePayload;
