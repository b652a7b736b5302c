namespace OpenClaw.Desired.Resources.Sandboxes;

/// <summary>
/// Effective Linux capabilities of a container. Engines report a dropped "ALL" back as the explicit list of
/// their default capabilities, so settings are compared as effective sets, never as the strings written.
/// </summary>
public static class CapabilitySet
{
    /// <summary>
    /// What Docker and Podman grant when nothing is dropped: Docker's 14 defaults, which hold Podman's 11.
    /// Anything beyond them only appears when added.
    /// </summary>
    public static readonly IReadOnlySet<string> EngineDefaults = new HashSet<string>(StringComparer.Ordinal)
    {
        "CHOWN", "DAC_OVERRIDE", "FSETID", "FOWNER", "MKNOD", "NET_RAW", "SETGID", "SETUID", "SETFCAP", "SETPCAP",
        "NET_BIND_SERVICE", "SYS_CHROOT", "KILL", "AUDIT_WRITE",
    };

    /// <summary>"cap_net_raw", "CAP_NET_RAW" and "NET_RAW" are the same capability.</summary>
    public static string Normalize(string capability)
    {
        var upper = capability.Trim().ToUpperInvariant();
        return upper.StartsWith("CAP_", StringComparison.Ordinal) ? upper[4..] : upper;
    }

    /// <summary>The capabilities a process in the container holds, from what was added and dropped.</summary>
    public static SortedSet<string> Effective(IEnumerable<string>? added, IEnumerable<string>? dropped)
    {
        var drop = (dropped ?? []).Select(Normalize).ToHashSet(StringComparer.Ordinal);
        var result = new SortedSet<string>(drop.Contains("ALL") ? [] : EngineDefaults.Except(drop), StringComparer.Ordinal);
        foreach (var cap in (added ?? []).Select(Normalize))
        {
            if (cap == "ALL")
            {
                result.UnionWith(EngineDefaults);
                result.Add("ALL");
            }
            else
            {
                result.Add(cap);
            }
        }

        return result;
    }
}
