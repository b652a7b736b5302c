using Docker.DotNet.Models;
using OpenClaw.Desired.Planning;

namespace OpenClaw.Desired.Resources.Sandboxes;

/// <summary>Reads a container's effective sandbox settings from what the engine reports on inspect.</summary>
public static class ContainerInspector
{
    public static ContainerSettings Settings(ContainerInspectResponse container)
    {
        var host = container.HostConfig ?? new HostConfig();
        var nanoCpus = host.NanoCPUs;
        if (nanoCpus == 0 && host.CPUQuota > 0 && host.CPUPeriod > 0)
        {
            nanoCpus = host.CPUQuota * 1_000_000_000L / host.CPUPeriod;
        }

        return new ContainerSettings(
            container.Config?.Image ?? string.Empty,
            container.Image,
            host.ReadonlyRootfs,
            string.IsNullOrEmpty(host.NetworkMode) ? "default" : host.NetworkMode,
            container.Config?.User ?? string.Empty,
            host.Tmpfs?.TryGetValue("/tmp", out var tmp) == true ? Tmpfs(tmp) : null,
            CapabilitySet.Effective(host.CapAdd, host.CapDrop).ToValueList(),
            (host.SecurityOpt ?? []).Any(IsNoNewPrivileges),
            host.Memory,
            host.PidsLimit ?? 0,
            nanoCpus,
            host.Privileged,
            (host.Binds ?? []).Select(BindSpec.Parse).OfType<BindSpec>().OrderBy(b => b.Target, StringComparer.Ordinal).ToValueList(),
            container.Config?.Cmd?.ToValueList(),
            container.State?.Running == true);
    }

    /// <summary>"rw,noexec,nosuid,size=64m,..." as the engine echoes a tmpfs mount's options.</summary>
    public static TmpfsMount Tmpfs(string options)
    {
        var parts = options.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var size = parts.FirstOrDefault(p => p.StartsWith("size=", StringComparison.Ordinal)) is { } s ? ContainerSettings.ParseBytes(s[5..]) : 0;
        return new TmpfsMount(parts.Contains("noexec"), parts.Contains("nosuid"), size);
    }

    private static bool IsNoNewPrivileges(string option) =>
        option is "no-new-privileges" or "no-new-privileges:true" or "no-new-privileges=true";
}
