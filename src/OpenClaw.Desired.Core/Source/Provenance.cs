namespace OpenClaw.Desired.Source;

public enum ProvenanceStatus
{
    /// <summary>The host does not ask for signed commits.</summary>
    NotRequired,
    Verified,
    Unsigned,
    BadSignature,
    /// <summary>A good signature, but by a key the host does not trust (or cannot see).</summary>
    Untrusted,
    /// <summary>The check itself could not run (gpg missing, keyring unreadable).</summary>
    Error,
}

/// <summary>Whether a commit may be applied as far as its signature goes, and why.</summary>
public sealed record Provenance(ProvenanceStatus Status, string? Fingerprint, string Message)
{
    public bool AllowsApply => Status is ProvenanceStatus.NotRequired or ProvenanceStatus.Verified;

    /// <summary>The report's word for the status: verified, unsigned, bad-signature, untrusted, error, not-required.</summary>
    public string Word => Status switch
    {
        ProvenanceStatus.NotRequired => "not-required",
        ProvenanceStatus.BadSignature => "bad-signature",
        _ => Status.ToString().ToLowerInvariant(),
    };
}
