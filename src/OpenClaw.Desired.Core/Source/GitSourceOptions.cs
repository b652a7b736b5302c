namespace OpenClaw.Desired.Source;

/// <summary>
/// Where the posture comes from when it lives in Git: the repository, the ref to follow, the posture file
/// in it, the host's overlays, and the host's own trust settings (never read from the repository itself).
/// </summary>
public sealed record GitSourceOptions
{
    /// <summary>A local path, file://, https:// or ssh URL. Credentials never go here (see <see cref="GitCredentials"/>).</summary>
    public required string Repo { get; init; }

    /// <summary>Branch, tag, full ref name, commit SHA, or HEAD (the remote's default branch).</summary>
    public string Ref { get; init; } = "HEAD";

    /// <summary>The posture file, relative to the repository root.</summary>
    public string Path { get; init; } = "posture.yaml";

    /// <summary>Selects <c>hosts/&lt;HostName&gt;.yaml</c> beside the posture file.</summary>
    public required string HostName { get; init; }

    /// <summary>Select <c>groups/&lt;group&gt;.yaml</c> beside the posture file, applied in this order before the host overlay.</summary>
    public IReadOnlyList<string> HostGroups { get; init; } = [];

    public VerifyPolicy Verify { get; init; } = VerifyPolicy.None;

    /// <summary>Apply a commit that is an ancestor of the last applied one.</summary>
    public bool AllowRollback { get; init; }

    /// <summary>Dry run only: also diff the posture at this ref against the head.</summary>
    public string? BaseRef { get; init; }

    /// <summary>The lowest tier the repository's posture may have (the bootstrap file's tier); null means any.</summary>
    public Posture.Tier? TierFloor { get; init; }

    /// <summary>
    /// True for a dry run: an unsigned or untrusted commit is still read (within the reader's size and depth limits)
    /// so a review can see its plan, flagged. An applying run never parses a commit that failed verification.
    /// </summary>
    public bool ReadUnverified { get; init; }

    /// <summary>GNUPGHOME for checking signatures against <see cref="VerifyPolicy.Keys"/> without a keyring; null inherits.</summary>
    public string? GnupgHome { get; init; }
}

/// <summary>
/// Which commits may be applied: signed by one of <see cref="Keys"/> (fingerprints or long key ids), and/or by
/// any key of the <see cref="Keyring"/> file. Both empty: signatures are not required.
/// </summary>
public sealed record VerifyPolicy(IReadOnlyList<string> Keys, string? Keyring)
{
    public static readonly VerifyPolicy None = new([], null);

    public bool Required => Keys.Count > 0 || Keyring is not null;

    public string Describe() =>
        Keys.Count > 0
            ? $"one of {string.Join(", ", Keys)}{(Keyring is null ? string.Empty : $" (public keys from {Keyring})")}"
            : $"a key of {Keyring}";
}
