using OpenClaw.Desired.OpenClaw;
using OpenClaw.Desired.Planning;

namespace OpenClaw.Desired.Resources.Sandboxes;

/// <summary>How the engine was found: its endpoint, or the places tried, or why it did not answer.</summary>
public sealed record EngineState(string? Endpoint, ValueList<string> Tried, string? Unreachable)
{
    public bool Missing => Endpoint is null;

    public bool Reachable => Endpoint is not null && Unreachable is null;
}

/// <summary>A container the reconciler made (it carries the skill label).</summary>
public sealed record ManagedContainer(string Id, string Name, string Skill, ContainerSettings Settings);

/// <summary>One of OpenClaw's own sandbox containers (label <c>openclaw.sandbox=1</c>).</summary>
public sealed record OpenClawContainer(string Name, ContainerSettings Settings);

/// <summary>An image the engine has: its id and the build-context hash it was built from, if the reconciler built it.</summary>
public sealed record ObservedImage(string Id, string? ContextHash);

/// <summary>Get result of the sandboxes kind.</summary>
public sealed record SandboxesObservation(
    SandboxesDesired Desired,
    EngineState Engine,
    ValueList<ManagedContainer> Managed,
    ValueList<OpenClawContainer> OpenClawContainers,
    IReadOnlyDictionary<string, ObservedImage?> Images,
    IReadOnlyDictionary<string, string> ContextHashes,
    ConfigObservation? Config);

/// <summary>Build an image from its context through the engine's API.</summary>
public sealed record BuildImage(string Endpoint, ImageBuild Build, string ContextHash) : ChangePayload;

/// <summary>Remove every container of the skill, then create and start it as desired.</summary>
public sealed record RecreateContainer(string Endpoint, DesiredContainer Desired) : ChangePayload;

/// <summary>Start a stopped container whose settings are as desired.</summary>
public sealed record StartContainer(string Endpoint, string Id) : ChangePayload;

/// <summary>Remove the managed containers of a skill that is no longer listed.</summary>
public sealed record RemoveContainers(string Endpoint, string Skill) : ChangePayload;
