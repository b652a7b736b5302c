using OpenClaw.Desired.Planning;

namespace OpenClaw.Desired.Resources.Firewall;

/// <summary>
/// Get result of the firewall kind: the owned table as nft shows it (null when absent), the host facts the desired
/// table depends on, a change still awaiting confirmation, and the proxy environment files.
/// </summary>
public sealed record FirewallObservation(
    FirewallSettings Settings,
    string? Unavailable,
    NftTable? Table,
    FirewallFacts Facts,
    ValueList<UnknownState> Unknowns,
    PendingChange? Pending,
    ValueList<ProxyFileObservation> ProxyFiles)
{
    /// <summary>With a scratch root and no namespace, the kernel's firewall is not part of the host under test.</summary>
    public bool OutOfScope { get; init; }

    /// <summary>When the probe ran, to tell a pending change whose helper missed its deadline.</summary>
    public DateTimeOffset ProbedAt { get; init; }

    /// <summary>What the owned table counted of refused outbound connections, when it holds the rules.</summary>
    public Reporting.ConnectionsReport? Refused { get; init; }

    /// <summary>nft is not installed at all, so no table can exist either.</summary>
    public bool NftMissing { get; init; }

    public static FirewallObservation NotInScope(FirewallSettings settings) =>
        new(settings, null, null, FirewallFacts.None, ValueList<UnknownState>.Empty, null, ValueList<ProxyFileObservation>.Empty) { OutOfScope = true };
}
