using OpenClaw.Desired.Planning;

namespace OpenClaw.Desired.Resources.Sandboxes;

/// <summary>Test for the sandboxes kind: pure, from the observation to the changes.</summary>
internal static class SandboxesDiff
{
    public static KindPlan Diff(string kind, SandboxesObservation observed)
    {
        var desired = observed.Desired;
        var changes = new List<PlannedChange>();
        var unknowns = new List<UnknownState>();
        if (observed.Config is { } config)
        {
            if (config.Unknown is { } why)
            {
                unknowns.Add(new UnknownState(kind, "openclaw.json", why));
            }
            else
            {
                changes.AddRange(desired.OpenClaw.Controls().Select(c => c.Diff(kind, config)).OfType<PlannedChange>().Select(WithAuditChecks));
            }
        }

        var engine = observed.Engine;
        if (engine.Missing)
        {
            if (desired.NeedsEngine)
            {
                var needs = desired.Containers.Count > 0 ? $"{desired.Containers.Count} skill container(s)" : "OpenClaw's sandbox";
                changes.Add(new PlannedChange(kind, "engine", ChangeAction.Manual,
                    $"{needs} need a container engine; none answers at {string.Join(", ", engine.Tried)}: install Podman or Docker, or set sandboxes.engine.socket",
                    "no engine", "engine reachable", PostureEffect.Tightens));
            }

            return KindPlan.Of(kind, changes, unknowns);
        }

        if (engine.Unreachable is { } unreachable)
        {
            // Without the engine nothing about the containers is known; never read that as in sync.
            if (desired.NeedsEngine)
            {
                unknowns.Add(new UnknownState(kind, "engine", unreachable));
            }

            return KindPlan.Of(kind, changes, unknowns);
        }

        var endpoint = engine.Endpoint!;
        var rebuilt = Images(kind, observed, endpoint, changes);
        Containers(kind, observed, endpoint, rebuilt, changes);
        foreach (var container in observed.OpenClawContainers)
        {
            if (OpenClawContainerCheck.Weaker(container.Settings, desired.OpenClaw) is { Count: > 0 } weaker)
            {
                changes.Add(new PlannedChange(kind, $"openclaw-container/{container.Name}", ChangeAction.Manual,
                    "OpenClaw's sandbox container is weaker than the posture; remove it so OpenClaw recreates it from the converged config: `openclaw sandbox recreate --all`",
                    string.Join("; ", weaker.Select(w => $"{w.Name} {w.Observed}")),
                    string.Join("; ", weaker.Select(w => $"{w.Name} {w.Desired}")),
                    PostureEffect.Tightens));
            }
        }

        return KindPlan.Of(kind, changes, unknowns);
    }

    /// <summary>A host or container:* network is what OpenClaw's audit calls a dangerous network mode.</summary>
    private static PlannedChange WithAuditChecks(PlannedChange change) =>
        change.Resource.EndsWith(".docker.network", StringComparison.Ordinal) && (change.Before == "host" || change.Before?.StartsWith("container:", StringComparison.Ordinal) == true)
            ? change with { Checks = new(["sandbox.dangerous_network_mode"]) }
            : change;

    /// <summary>Builds and missing images; returns the images a build in this plan will replace.</summary>
    private static HashSet<string> Images(string kind, SandboxesObservation observed, string endpoint, List<PlannedChange> changes)
    {
        var rebuilt = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in observed.Desired.Containers.GroupBy(c => c.Image, StringComparer.Ordinal))
        {
            var image = observed.Images.GetValueOrDefault(group.Key);
            var skills = string.Join(", ", group.Select(c => c.Skill));
            if (group.Select(c => c.Build).OfType<ImageBuild>().FirstOrDefault() is { } build)
            {
                var hash = observed.ContextHashes[build.Image];
                if (image?.ContextHash != hash)
                {
                    rebuilt.Add(group.Key);
                    changes.Add(new PlannedChange(kind, $"build/{group.Key}", image is null ? ChangeAction.Create : ChangeAction.Update,
                        $"image for {skills}, built from its context through the engine",
                        image is null ? "absent" : $"built from {Short(image.ContextHash)}", $"built from {Short(hash)}", PostureEffect.Neutral,
                        new BuildImage(endpoint, build, hash)));
                }
            }
            else if (image is null)
            {
                changes.Add(new PlannedChange(kind, $"image/{group.Key}", ChangeAction.Manual,
                    $"the image is not on the engine and the posture names no build context: load or pull it (`podman load`, `docker pull`); waiting for it: {skills}",
                    "absent", "present", PostureEffect.Tightens));
            }
        }

        return rebuilt;
    }

    private static void Containers(string kind, SandboxesObservation observed, string endpoint, HashSet<string> rebuilt, List<PlannedChange> changes)
    {
        var bySkill = observed.Managed.GroupBy(m => m.Skill, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var desired in observed.Desired.Containers)
        {
            var image = observed.Images.GetValueOrDefault(desired.Image);
            if (image is null && desired.Build is null)
            {
                continue;
            }

            var resource = $"container/{desired.Skill}";
            var want = desired.Settings(rebuilt.Contains(desired.Image) ? null : image?.Id);
            var existing = bySkill.GetValueOrDefault(desired.Skill) ?? [];
            if (existing.Count == 0)
            {
                changes.Add(new PlannedChange(kind, resource, ChangeAction.Create, "the skill runs in its own sandbox container",
                    "absent", Summary(want), PostureEffect.Tightens, new RecreateContainer(endpoint, desired)));
                continue;
            }

            var differences = ContainerSettings.Differences(existing[0].Settings, want);
            if (rebuilt.Contains(desired.Image))
            {
                differences = [.. differences.Where(d => d.Name != "image"), ("image", "previous build", "rebuilt image")];
            }

            if (existing.Count > 1)
            {
                differences = [.. differences, ("containers", existing.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), "1")];
            }

            if (differences.Count == 0)
            {
                continue;
            }

            var onlyStopped = differences.All(d => d.Name == "running");
            changes.Add(new PlannedChange(kind, resource, ChangeAction.Update,
                onlyStopped ? "the skill's sandbox container is stopped" : "the skill's sandbox container differs from the posture; it is recreated",
                string.Join("; ", differences.Select(d => $"{d.Name} {d.Observed}")),
                string.Join("; ", differences.Select(d => $"{d.Name} {d.Desired}")),
                SettingEffects.Of(differences),
                onlyStopped ? new StartContainer(endpoint, existing[0].Id) : new RecreateContainer(endpoint, desired)));
        }

        var listed = observed.Desired.Containers.Select(c => c.Skill).ToHashSet(StringComparer.Ordinal);
        foreach (var (skill, containers) in bySkill.Where(kv => !listed.Contains(kv.Key)))
        {
            changes.Add(new PlannedChange(kind, $"container/{skill}", ChangeAction.Remove, "the skill is no longer listed in the posture; its sandbox container goes",
                string.Join(", ", containers.Select(c => c.Name)), "absent", PostureEffect.Neutral, new RemoveContainers(endpoint, skill)));
        }
    }

    private static string Summary(ContainerSettings settings) =>
        string.Join("; ", settings.Describe().Where(d => d.Name is not "command").Select(d => $"{d.Name} {d.Value}"));

    private static string Short(string? hash) => hash is null ? "unknown context" : hash.Length > 19 ? hash[..19] : hash;
}
