using OpenClaw.Desired.Host;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Resources.Sandboxes;

/// <summary>
/// The sandboxes section after defaults: which engine, which skill containers with which settings, and what
/// OpenClaw's own sandbox should look like. A skill gets a container when it is named under
/// <c>sandboxes.skills</c> or, once <c>sandboxes.defaults</c> is written, on the skill allowlist.
/// </summary>
public sealed record SandboxesDesired(string? EngineSocket, ValueList<DesiredContainer> Containers, OpenClawSandboxDesired OpenClaw)
{
    public const string DefaultUser = "1000:1000";
    public const string DefaultTmpfs = "64m";
    public const string DefaultMemory = "512m";
    public const int DefaultPids = 128;
    public const double DefaultCpus = 1.0;

    /// <summary>Whether the kind needs to reach the engine at all.</summary>
    public bool NeedsEngine => Containers.Count > 0 || OpenClaw.Enabled;

    public static SandboxesDesired For(EffectivePosture posture, HostContext host)
    {
        var section = posture.Document.Sandboxes;
        var defaults = section?.Defaults;
        var paths = host.PathsFor(posture);
        var names = new SortedSet<string>(section?.Skills?.Keys ?? [], StringComparer.Ordinal);
        if (defaults is not null)
        {
            names.UnionWith(posture.Agent.SkillsAllow ?? ValueList<string>.Empty);
        }

        var containers = names
            .Select(name => Merge(name, defaults, section?.Skills?.GetValueOrDefault(name), posture, host, paths))
            .OfType<DesiredContainer>()
            .ToValueList();
        return new SandboxesDesired(section?.Engine?.Socket, containers, OpenClawSandboxDesired.For(posture));
    }

    /// <summary>
    /// The real path a bind mounts: trusted links resolved, so the engine is handed no link at all; a link the
    /// agent user made (the workspace turned into a link to /etc, say) is refused and reported, never mounted.
    /// </summary>
    private static string Source(HostContext host, string hostPath) =>
        host.Root.Resolve(host.Fs.ResolveLinks(hostPath) ?? throw host.Fs.Refuse(Host.Fs.HostFs.Planted(hostPath)));

    private static DesiredContainer? Merge(string name, ContainerSpec? defaults, ContainerSpec? own, EffectivePosture posture, HostContext host, OpenClawPaths paths)
    {
        var image = own?.Image ?? defaults?.Image;
        if (image is null)
        {
            return null;
        }

        var build = (own?.Build ?? defaults?.Build) is { } b
            ? new ImageBuild(image, ResolveContext(b.Context, posture), b.Dockerfile ?? "Dockerfile")
            : null;
        var binds = new List<BindSpec>();
        if ((own?.Workspace ?? defaults?.Workspace ?? "ro") == "ro")
        {
            binds.Add(new BindSpec(Source(host, paths.Workspace), "/workspace", ReadOnly: true));
        }

        var output = Expand(own?.Output ?? defaults?.Output ?? $"{paths.StateDir}/skill-output/{name}", host, paths);
        binds.Add(new BindSpec(Source(host, output), "/output", ReadOnly: false));
        foreach (var bind in (own?.Binds ?? defaults?.Binds ?? []).Select(BindSpec.Parse).OfType<BindSpec>())
        {
            binds.Add(bind with { Source = Source(host, Expand(bind.Source, host, paths)) });
        }

        var cpus = own?.Cpus ?? defaults?.Cpus ?? DefaultCpus;
        return new DesiredContainer(
            name,
            image,
            build,
            own?.ReadOnlyRoot ?? defaults?.ReadOnlyRoot ?? true,
            own?.Network ?? defaults?.Network ?? "none",
            own?.User ?? defaults?.User ?? DefaultUser,
            ContainerSettings.ParseBytes(own?.TmpfsSize ?? defaults?.TmpfsSize ?? DefaultTmpfs),
            ContainerSettings.ParseBytes(own?.Memory ?? defaults?.Memory ?? DefaultMemory),
            own?.Pids ?? defaults?.Pids ?? DefaultPids,
            (long)Math.Round(cpus * 1e9),
            (own?.CapAdd ?? defaults?.CapAdd ?? []).Select(CapabilitySet.Normalize).Distinct().Order(StringComparer.Ordinal).ToValueList(),
            binds.ToValueList(),
            (own?.Command ?? defaults?.Command)?.ToValueList(),
            output);
    }

    private static string Expand(string path, HostContext host, OpenClawPaths paths) => host.Homes.Expand(path, paths.User);

    /// <summary>A relative build context is relative to the posture file's folder (the posture repository).</summary>
    private static string ResolveContext(string context, EffectivePosture posture)
    {
        // The context lives in the posture repository, not on the governed host: no root prefix.
        return Path.GetFullPath(Path.Combine(posture.SourceDirectory ?? Environment.CurrentDirectory, context));
    }

}
