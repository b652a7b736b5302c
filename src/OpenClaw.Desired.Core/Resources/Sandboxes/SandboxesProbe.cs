using Docker.DotNet.Models;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.OpenClaw;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Safety;

namespace OpenClaw.Desired.Resources.Sandboxes;

/// <summary>
/// Get for the sandboxes kind: one list call per label, inspects (in parallel, or from the
/// <see cref="InspectCache"/> for containers already verified), the images the posture names, and openclaw.json.
/// </summary>
internal static class SandboxesProbe
{
    public const string OpenClawSandboxLabel = "openclaw.sandbox";
    private const int Parallelism = 8;

    public static async Task<SandboxesObservation> ProbeAsync(EffectivePosture posture, HostContext host, CancellationToken cancellationToken)
    {
        var desired = SandboxesDesired.For(posture, host);
        var config = desired.OpenClaw.Enabled ? await ConfigObservation.ProbeAsync(host, host.PathsFor(posture), cancellationToken) : null;
        var contextHashes = desired.Containers.Select(c => c.Build).OfType<ImageBuild>().DistinctBy(b => b.Image)
            .ToDictionary(b => b.Image, b => TreeHash.OfFolder(b.ContextPath), StringComparer.Ordinal);
        var (endpoint, tried) = ContainerEngine.Locate(desired.EngineSocket);
        var empty = new Dictionary<string, ObservedImage?>(StringComparer.Ordinal);
        if (endpoint is null)
        {
            return new SandboxesObservation(desired, new EngineState(null, tried.ToValueList(), null), ValueList<ManagedContainer>.Empty, ValueList<OpenClawContainer>.Empty, empty, contextHashes, config);
        }

        using var engine = ContainerEngine.Open(endpoint);
        if (await engine.PingAsync(cancellationToken) is { } unreachable)
        {
            return new SandboxesObservation(desired, new EngineState(endpoint, tried.ToValueList(), unreachable), ValueList<ManagedContainer>.Empty, ValueList<OpenClawContainer>.Empty, empty, contextHashes, config);
        }

        var cache = InspectCache.Load(host.StateDir, endpoint);
        var now = host.Clock.GetUtcNow();
        var managedTask = InspectLabelledAsync(engine, DesiredContainer.SkillLabel, cache, now, cancellationToken);
        var openclawTask = InspectLabelledAsync(engine, OpenClawSandboxLabel + "=1", cache, now, cancellationToken);
        var images = ImagesAsync(engine, desired, cancellationToken);
        var (managed, openclaw) = (await managedTask, await openclawTask);
        if (!host.DryRun)
        {
            cache.Save(endpoint, managed.Concat(openclaw).Select(c => c.Id));
        }

        return new SandboxesObservation(
            desired,
            new EngineState(endpoint, tried.ToValueList(), null),
            managed.Select(c => new ManagedContainer(c.Id, c.Name, c.Labels[DesiredContainer.SkillLabel], c.Settings)).ToValueList(),
            openclaw.Select(c => new OpenClawContainer(c.Name, c.Settings)).ToValueList(),
            await images,
            contextHashes,
            config);
    }

    /// <summary>
    /// Every container (running or not) carrying the label: inspected, or taken from the cache with its live
    /// running state and image from the list.
    /// </summary>
    public static async Task<IReadOnlyList<ObservedContainer>> InspectLabelledAsync(ContainerEngine engine, string label, InspectCache cache, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var listed = await engine.Client.Containers.ListContainersAsync(
            new ContainersListParameters
            {
                All = true,
                Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [label] = true } },
            },
            cancellationToken);
        var inspectNow = cache.ToInspect(listed.Select(c => c.ID).ToList());
        using var gate = new SemaphoreSlim(Parallelism);
        var observed = await Task.WhenAll(listed.Select(async c =>
        {
            if (!inspectNow.Contains(c.ID) && cache.Get(c.ID) is { } cached)
            {
                var imageId = string.IsNullOrEmpty(c.ImageID) ? cached.Settings.ImageId : c.ImageID;
                return cached with { Settings = cached.Settings with { Running = c.State == "running", ImageId = imageId } };
            }

            await gate.WaitAsync(cancellationToken);
            try
            {
                var fresh = await engine.Client.Containers.InspectContainerAsync(c.ID, cancellationToken);
                var container = new ObservedContainer(fresh.ID, fresh.Name.TrimStart('/'), fresh.Config?.Labels is { } labels ? new Dictionary<string, string>(labels) : [], ContainerInspector.Settings(fresh));
                cache.Put(container, now);
                return container;
            }
            catch (Docker.DotNet.DockerContainerNotFoundException)
            {
                // Removed between list and inspect: it is gone, which is what the next plan will see too.
                return null;
            }
            finally
            {
                gate.Release();
            }
        }));
        var key = label.Split('=')[0];
        return observed.OfType<ObservedContainer>().Where(c => c.Labels.ContainsKey(key)).OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
    }

    private static async Task<IReadOnlyDictionary<string, ObservedImage?>> ImagesAsync(ContainerEngine engine, SandboxesDesired desired, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, ObservedImage?>(StringComparer.Ordinal);
        var wanted = desired.Containers.Select(c => c.Image).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            return result;
        }

        var images = await engine.Client.Images.ListImagesAsync(new ImagesListParameters { All = false }, cancellationToken);
        foreach (var reference in wanted)
        {
            var image = images.FirstOrDefault(i => (i.RepoTags ?? []).Any(tag => ImageReference.Matches(tag, reference)));
            result[reference] = image is null ? null : new ObservedImage(image.ID, (image.Labels is { } labels && labels.TryGetValue(ImageBuilder.ContextLabel, out var context) ? context : null));
        }

        return result;
    }
}
