namespace OpenClaw.Desired.Resources.Firewall;

/// <summary>The guide's network isolation levels, weakest first.</summary>
public enum FirewallLevel
{
    /// <summary>The reconciler keeps no table (and removes its own if one is left).</summary>
    Off,

    /// <summary>Level 1: only the listed egress leaves the host.</summary>
    Filter,

    /// <summary>Level 2: only the proxy's user reaches out; everyone else reaches the proxy on loopback.</summary>
    Proxy,

    /// <summary>Level 3: loopback only, plus the reconciler's own Git remote when allowed.</summary>
    Airgap,
}

public static class FirewallLevels
{
    public static FirewallLevel Parse(string? level) => level switch
    {
        "filter" => FirewallLevel.Filter,
        "proxy" => FirewallLevel.Proxy,
        "airgap" => FirewallLevel.Airgap,
        _ => FirewallLevel.Off,
    };

    public static string Name(FirewallLevel level) => level.ToString().ToLowerInvariant();
}
