namespace OpenClaw.Desired.Resources.Sandboxes;

/// <summary>
/// Judges one of OpenClaw's own sandbox containers against the posture. These containers are OpenClaw's:
/// the reconciler reports them, it never changes them.
/// </summary>
internal static class OpenClawContainerCheck
{
    public static IReadOnlyList<(string Name, string Observed, string Desired)> Weaker(ContainerSettings observed, OpenClawSandboxDesired desired)
    {
        var weaker = new List<(string, string, string)>();
        if (desired.ReadOnlyRoot && !observed.ReadOnlyRoot)
        {
            weaker.Add(("readOnlyRoot", "false", "true"));
        }

        if (desired.Network == "none" && observed.Network != "none")
        {
            weaker.Add(("network", observed.Network, "none"));
        }

        if (observed.Capabilities.Count > 0)
        {
            weaker.Add(("capabilities", string.Join(",", observed.Capabilities), "none"));
        }

        if (observed.Privileged)
        {
            weaker.Add(("privileged", "true", "false"));
        }

        if (!observed.NoNewPrivileges)
        {
            weaker.Add(("no-new-privileges", "false", "true"));
        }

        if (desired.User is not null && (observed.User.Length == 0 || observed.User.Split(':')[0] is "0" or "root"))
        {
            weaker.Add(("user", observed.User.Length == 0 ? "image default" : observed.User, desired.User));
        }

        if (desired.MemoryBytes is { } memory && (observed.MemoryBytes <= 0 || observed.MemoryBytes > memory))
        {
            weaker.Add(("memory", ContainerSettings.Bytes(observed.MemoryBytes), ContainerSettings.Bytes(memory)));
        }

        if (desired.Pids is { } pids && (observed.Pids <= 0 || observed.Pids > pids))
        {
            weaker.Add(("pids", observed.Pids <= 0 ? "unlimited" : observed.Pids.ToString(System.Globalization.CultureInfo.InvariantCulture), pids.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return weaker;
    }
}
