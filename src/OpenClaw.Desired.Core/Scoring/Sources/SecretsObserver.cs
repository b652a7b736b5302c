using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Resources.Secrets;
using OpenClaw.Desired.Secrets.Scanning;

namespace OpenClaw.Desired.Scoring.Sources;

/// <summary>The store, each plaintext credential found, the mode of each file that holds secrets, and each secret's rotation state.</summary>
internal static class SecretsObserver
{
    public const string Source = SecretsKind.Name;

    public static IEnumerable<Observation> Observe(SecretsObservation observed, KindPlan plan)
    {
        var automatic = plan.Changes.Where(c => c.Action != ChangeAction.Manual).ToList();
        yield return observed.Store is { } store
            ? new Observation("secrets:store", "readable", Source, $"{store.Description} is readable")
            : Observation.Unknown("secrets:store", Source, string.Join("; ", observed.Unknowns.Where(u => u.Resource == "store").Select(u => u.Reason).DefaultIfEmpty("the store could not be opened")));

        foreach (var group in observed.Findings.GroupBy(f => (f.Path, f.Fingerprint)))
        {
            var first = group.First();
            var move = automatic.Where(c => c.Payload is MoveSecret m && m.HostPath == group.Key.Path && m.Fingerprint == group.Key.Fingerprint).Select(c => c.Id);
            yield return new Observation($"secrets:plaintext:{first.Where}", "plaintext", Source, $"{SecretKinds.Get(first.Kind).Description} at {first.Where}")
                .Converging(move, Observation.Absent, "moved to the store");
        }

        foreach (var state in observed.Permissions)
        {
            var open = (state.Mode & ~state.Desired) != 0;
            var wrongOwner = state.DesiredOwner is { } wanted && state.Owner is { } actual && wanted != actual;
            var relative = SecretsDisplay.Relative(observed.Paths, state.HostPath);
            var fix = automatic.Where(c => c.Payload is FixPermissions f && f.HostPath == state.HostPath).Select(c => c.Id);
            yield return (open || wrongOwner
                    ? new Observation($"secrets:permission:{relative}", "open", Source, $"{state.HostPath} is {SecretsDisplay.Mode(state.Mode)} {SecretsDisplay.Owner(state.Owner)}")
                    : new Observation($"secrets:permission:{relative}", "ok", Source, $"{state.HostPath} is {SecretsDisplay.Mode(state.Mode)}"))
                .Converging(fix, "ok", $"{state.HostPath} made private");
        }

        foreach (var rotation in Rotations(observed, plan))
        {
            yield return rotation;
        }

        yield return new Observation(ObservationSet.Marker(Source), "true", Source, "probed");
    }

    /// <summary>Every secret with a clock: suspected, due, untracked (until apply starts its clock) or ok, as the plan's rotation items say.</summary>
    private static IEnumerable<Observation> Rotations(SecretsObservation observed, KindPlan plan)
    {
        var items = plan.Changes.Where(c => c.Resource.StartsWith("rotation:", StringComparison.Ordinal)).ToDictionary(c => c.Resource["rotation:".Length..], StringComparer.Ordinal);
        var names = items.Keys.Concat(observed.Records.Keys).Concat(observed.Store?.Entries.Values.Where(e => e.SecretLike).Select(e => e.Name) ?? [])
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var key = $"secrets:rotation:{name}";
            if (!items.TryGetValue(name, out var change))
            {
                yield return new Observation(key, "ok", Source, $"{name} is within its rotation period");
                continue;
            }

            yield return change switch
            {
                { Action: ChangeAction.Manual } when change.Before?.StartsWith("suspected", StringComparison.Ordinal) == true =>
                    new Observation(key, "suspected", Source, $"{name} {change.Before}"),
                { Action: ChangeAction.Manual } => new Observation(key, "due", Source, $"{name} {change.After}"),
                { Action: ChangeAction.Create } => new Observation(key, "untracked", Source, $"{name} has no rotation record").Converging([change.Id], "ok", $"{name} tracked"),
                _ => new Observation(key, "ok", Source, $"{name} was rotated (recorded by the next apply)"),
            };
        }
    }
}
