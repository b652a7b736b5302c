using OpenClaw.Desired.Host;
using OpenClaw.Desired.Host.Fs;
using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Reconciliation;
using OpenClaw.Desired.Safety;

namespace OpenClaw.Desired.Resources.Sandboxes;

/// <summary>Set for the engine's side of the sandboxes kind: builds, recreates, starts and removes containers.</summary>
internal static class ContainerApplier
{
    private const UnixFileMode OutputMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public static async Task<ChangeOutcome> ApplyAsync(PlannedChange change, ApplyContext context, CancellationToken cancellationToken)
    {
        var endpoint = change.Payload switch
        {
            BuildImage b => b.Endpoint,
            RecreateContainer r => r.Endpoint,
            StartContainer s => s.Endpoint,
            RemoveContainers r => r.Endpoint,
            _ => null,
        };
        if (endpoint is null)
        {
            return ChangeOutcome.Skipped(change, "nothing to apply");
        }

        using var engine = ContainerEngine.Open(endpoint);
        try
        {
            return change.Payload switch
            {
                BuildImage build => await BuildAsync(change, engine, build, cancellationToken),
                RecreateContainer recreate => await RecreateAsync(change, engine, recreate.Desired, cancellationToken),
                StartContainer start => await StartAsync(change, engine, start.Id, cancellationToken),
                RemoveContainers remove => await RemoveAsync(change, engine, remove.Skill, cancellationToken),
                _ => ChangeOutcome.Skipped(change, "nothing to apply"),
            };
        }
        catch (DockerApiException e)
        {
            return ChangeOutcome.Failed(change, context.Host.Redactor.Redact($"the engine refused: {(int)e.StatusCode} {FirstLine(e.ResponseBody)}"));
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TimeoutException)
        {
            return ChangeOutcome.Failed(change, $"the engine at {endpoint} did not answer ({Reporting.UserMessage.Of(e)})");
        }
    }

    private static async Task<ChangeOutcome> BuildAsync(PlannedChange change, ContainerEngine engine, BuildImage build, CancellationToken cancellationToken)
    {
        var error = await ImageBuilder.BuildAsync(engine, build.Build, build.ContextHash, cancellationToken);
        return error is null ? ChangeOutcome.Applied(change, $"built {build.Build.Image}") : ChangeOutcome.Failed(change, $"build failed: {error}");
    }

    private static async Task<ChangeOutcome> RecreateAsync(PlannedChange change, ContainerEngine engine, DesiredContainer desired, CancellationToken cancellationToken)
    {
        var removed = await RemoveLabelledAsync(engine, desired.Skill, cancellationToken);
        if (await NameTakenAsync(engine, desired.ContainerName, cancellationToken))
        {
            return ChangeOutcome.Stalled(change, $"a container named {desired.ContainerName} exists without the reconciler's label; it is not touched: rename or remove it by hand");
        }

        var output = desired.Binds.First(b => b.Target == "/output").Source;
        PrepareOutput(output, desired.User);
        var created = await engine.Client.Containers.CreateContainerAsync(ContainerFactory.Parameters(desired), cancellationToken);
        await engine.Client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), cancellationToken);
        var verb = removed > 0 ? "recreated" : "created";
        return ChangeOutcome.Applied(change, $"{verb} {desired.ContainerName} ({created.ID[..12]})");
    }

    private static async Task<ChangeOutcome> StartAsync(PlannedChange change, ContainerEngine engine, string id, CancellationToken cancellationToken)
    {
        await engine.Client.Containers.StartContainerAsync(id, new ContainerStartParameters(), cancellationToken);
        return ChangeOutcome.Applied(change, $"started {id[..12]}");
    }

    private static async Task<ChangeOutcome> RemoveAsync(PlannedChange change, ContainerEngine engine, string skill, CancellationToken cancellationToken)
    {
        var removed = await RemoveLabelledAsync(engine, skill, cancellationToken);
        return removed == 0 ? ChangeOutcome.Skipped(change, "already gone") : ChangeOutcome.Applied(change, $"removed {removed} container(s)");
    }

    /// <summary>Removes only containers that carry this skill's label; nothing else is ever touched.</summary>
    private static async Task<int> RemoveLabelledAsync(ContainerEngine engine, string skill, CancellationToken cancellationToken)
    {
        var listed = await engine.Client.Containers.ListContainersAsync(
            new ContainersListParameters
            {
                All = true,
                Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{DesiredContainer.SkillLabel}={skill}"] = true } },
            },
            cancellationToken);
        var count = 0;
        foreach (var container in listed.Where(c => c.Labels is { } labels && labels.TryGetValue(DesiredContainer.SkillLabel, out var value) && value == skill))
        {
            try
            {
                await engine.Client.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true }, cancellationToken);
                count++;
            }
            catch (DockerContainerNotFoundException)
            {
                // Gone already: the goal of removing it is met.
            }
        }

        return count;
    }

    private static async Task<bool> NameTakenAsync(ContainerEngine engine, string name, CancellationToken cancellationToken)
    {
        try
        {
            await engine.Client.Containers.InspectContainerAsync(name, cancellationToken);
            return true;
        }
        catch (DockerContainerNotFoundException)
        {
            return false;
        }
    }

    /// <summary>The output folder exists and belongs to the container's user, so a non-root skill can write its results.</summary>
    /// <remarks>On descriptors: an output path the agent user turned into a link is refused, never chowned through.</remarks>
    private static void PrepareOutput(string path, string user)
    {
        var fs = new HostFs(new HostRoot("/"));
        if (!fs.Stat(path).Exists)
        {
            fs.CreateDirectory(path, OutputMode);
        }

        var ids = user.Split(':');
        if (Native.IsRoot && int.TryParse(ids[0], NumberStyles.None, CultureInfo.InvariantCulture, out var uid))
        {
            var gid = ids.Length > 1 && int.TryParse(ids[1], NumberStyles.None, CultureInfo.InvariantCulture, out var g) ? g : uid;
            if (fs.StatFollow(path) is { } now && (now.Uid, now.Gid) != (uid, gid))
            {
                fs.SetOwner(path, uid, gid);
            }
        }
    }

    private static string FirstLine(string? text) => (text ?? string.Empty).Split('\n')[0].Trim();
}
