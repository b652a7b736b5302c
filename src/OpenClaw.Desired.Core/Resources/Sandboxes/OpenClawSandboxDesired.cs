using Newtonsoft.Json.Linq;
using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Resources.Sandboxes;

/// <summary>
/// What OpenClaw's own sandbox (<c>agents.defaults.sandbox.docker</c>) should hold, from the posture's
/// sandbox defaults: read-only root, no network, every capability dropped, and the user and limits when written.
/// </summary>
public sealed record OpenClawSandboxDesired(bool Enabled, bool ReadOnlyRoot, string Network, string? User, long? MemoryBytes, string? Memory, int? Pids, double? Cpus)
{
    public static OpenClawSandboxDesired For(EffectivePosture posture)
    {
        var defaults = posture.Document.Sandboxes?.Defaults;
        return new OpenClawSandboxDesired(
            posture.Agent.SandboxMode != "off",
            defaults?.ReadOnlyRoot ?? true,
            defaults?.Network ?? "none",
            defaults?.User,
            defaults?.Memory is { } m ? ContainerSettings.ParseBytes(m) : null,
            defaults?.Memory,
            defaults?.Pids,
            defaults?.Cpus);
    }

    /// <summary>The openclaw.json keys of OpenClaw's sandbox that the posture governs.</summary>
    public IEnumerable<ConfigControl> Controls()
    {
        if (!Enabled)
        {
            yield break;
        }

        const string docker = "/agents/defaults/sandbox/docker/";
        yield return new ConfigControl(docker + "readOnlyRoot", ReadOnlyRoot, "OpenClaw's sandbox containers have a read-only root", Effects.Flag(safe: true, unsetMeans: true), Default: true);
        yield return new ConfigControl(docker + "network", Network, "OpenClaw's sandbox containers have no network (or only the egress proxy's)",
            (current, desired) => NetworkEffect(current?.Type == JTokenType.String ? (string)current! : "none", (string)desired!), Default: "none");
        yield return new ConfigControl(docker + "capDrop", new JArray("ALL"), "OpenClaw's sandbox containers drop every capability", Effects.Tightens, Default: new JArray("ALL"));
        if (User is not null)
        {
            yield return new ConfigControl(docker + "user", User, "OpenClaw's sandbox containers run as a non-root user", Effects.Tightens);
        }

        if (Memory is not null)
        {
            yield return new ConfigControl(docker + "memory", Memory, "memory limit of OpenClaw's sandbox containers", Effects.Neutral);
        }

        if (Pids is { } pids)
        {
            yield return new ConfigControl(docker + "pidsLimit", pids, "process limit of OpenClaw's sandbox containers", Effects.Neutral);
        }

        if (Cpus is { } cpus)
        {
            yield return new ConfigControl(docker + "cpus", cpus, "CPU limit of OpenClaw's sandbox containers", Effects.Neutral);
        }
    }

    private static Planning.PostureEffect NetworkEffect(string from, string to) =>
        from == to ? Planning.PostureEffect.Neutral : to == "none" ? Planning.PostureEffect.Tightens : from == "none" ? Planning.PostureEffect.Loosens : Planning.PostureEffect.Neutral;
}
