namespace OpenClaw.Desired.Source;

/// <summary>
/// Source settings from the command line. With <see cref="Repo"/> they describe the source whole; without it
/// they override the <c>source:</c> section of a local bootstrap posture file.
/// </summary>
public sealed record SourceRequest
{
    public string? Repo { get; init; }
    public string? Ref { get; init; }
    public string? Path { get; init; }
    public string? HostName { get; init; }
    public IReadOnlyList<string> HostGroups { get; init; } = [];
    public IReadOnlyList<string> VerifyKeys { get; init; } = [];
    public string? VerifyKeyring { get; init; }
    public bool AllowRollback { get; init; }

    /// <summary>Read the posture file as written, even when it names a repository under <c>source:</c>.</summary>
    public bool LocalOnly { get; init; }
    public string? BaseRef { get; init; }
    public string? GnupgHome { get; init; }

    public bool IsEmpty => Repo is null && Ref is null && Path is null && HostName is null && HostGroups.Count == 0
        && VerifyKeys.Count == 0 && VerifyKeyring is null && !AllowRollback && BaseRef is null;
}
