using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OpenClaw.Desired.OpenClaw;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Secrets;
using OpenClaw.Desired.Secrets.Scanning;

namespace OpenClaw.Desired.Resources.Secrets;

/// <summary>
/// Test for the secrets kind, a pure function of the observation: plaintext moves into the store and
/// references take its place; declared secrets are stored; references follow secrets that left .env; the
/// store's provider is declared in openclaw.json; permissions are tightened; rotations are tracked and due
/// ones listed as manual actions.
/// </summary>
internal static class SecretsDiff
{
    public static KindPlan Diff(string kind, SecretsDesired desired, SecretsObservation observed)
    {
        var changes = new List<PlannedChange>();
        var unknowns = observed.Unknowns.ToList();
        changes.AddRange(PermissionChanges(kind, observed));
        if (observed.Store is not { } store)
        {
            return KindPlan.Of(kind, changes, unknowns);
        }

        var ids = StoreNames.Assign(observed.Findings, store, observed.Declared);
        var paths = observed.Paths;
        foreach (var group in observed.Findings.GroupBy(f => (f.Path, f.Fingerprint)))
        {
            changes.Add(Move(kind, paths, store, ids[group.Key.Fingerprint], group.ToList()));
        }

        changes.AddRange(StoreChanges(kind, observed, store, ids));
        changes.AddRange(ReferenceChanges(kind, desired, observed, store, ids));
        if (store.Provider is { } provider && observed.ConfigExists && !JToken.DeepEquals(observed.ConfiguredProvider, provider.Block))
        {
            var pointer = JsonPointer.Of("secrets", "providers", provider.Alias);
            changes.Add(new PlannedChange(kind, $"{SecretsDisplay.Relative(paths, paths.ConfigPath)}:{JsonPointer.Dotted(pointer)}",
                observed.ConfiguredProvider is null ? ChangeAction.Create : ChangeAction.Update,
                $"OpenClaw resolves references to {store.Description} through this secret provider",
                observed.ConfiguredProvider is null ? "unset" : "different", provider.Block.ToString(Formatting.None), PostureEffect.Neutral,
                new JsonEdit(paths.ConfigPath, pointer, provider.Block.ToString(Formatting.None))));
        }

        changes.AddRange(RotationDiff.Changes(kind, desired, observed, store, ids));
        return KindPlan.Of(kind, changes, unknowns);
    }

    private static PlannedChange Move(string kind, Host.OpenClawPaths paths, StoreView store, SecretIdentity id, IReadOnlyList<FoundSecret> group)
    {
        var first = group[0];
        var resource = SecretsDisplay.Resource(paths, first);
        var what = SecretKinds.Get(first.Kind).Description;
        var before = group.Count == 1 ? $"plaintext {first.Fingerprint}" : $"plaintext {first.Fingerprint} ({group.Count} places)";
        var blocker = Blocker(store, group);
        if (blocker is not null)
        {
            return new PlannedChange(kind, resource, ChangeAction.Manual,
                $"{what} in plaintext at {first.Where}; it goes to {store.Description} as {id.Name}, but {blocker}",
                before, $"reference to {id.Name}", PostureEffect.Tightens);
        }

        var after = first.Role switch
        {
            FileRole.Config or FileRole.AuthProfiles => Reference(store, first, id.Name),
            FileRole.DotEnv when first.Location is EnvLineLocation => $"# {SecretsDisplay.Note(store.Kind, id.Name)}",
            _ => SecretsDisplay.Note(store.Kind, id.Name),
        };
        return new PlannedChange(kind, resource, ChangeAction.Update,
            $"{what} in plaintext at {first.Where}: moved to {store.Description} as {id.Name}",
            before, after, PostureEffect.Tightens,
            new MoveSecret(id.Name, first.Fingerprint, id.Type, first.Path, first.Role, first.Where))
        {
            Checks = AuditChecksOf(paths, group),
        };
    }

    /// <summary>OpenClaw's audit flags these two credentials when they are written in openclaw.json.</summary>
    private static ValueList<string> AuditChecksOf(Host.OpenClawPaths paths, IReadOnlyList<FoundSecret> group) =>
        group.Where(f => f.Path == paths.ConfigPath).Select(f => f.Location switch
        {
            JsonLocation { Pointer: "/gateway/auth/password" } => "config.secrets.gateway_password_in_config",
            JsonLocation { Pointer: "/hooks/token" } => "config.secrets.hooks_token_in_config",
            _ => null,
        }).OfType<string>().Distinct(StringComparer.Ordinal).ToValueList();

    private static string Reference(StoreView store, FoundSecret found, string name) => found.Location switch
    {
        AuthProfileLocation profile => $"{(profile.Field == "token" ? "tokenRef" : "keyRef")} {store.SecretRef(name).ToString(Formatting.None)}",
        JsonLocation { WholeValue: false } => "${" + name + "} inside the string",
        JsonLocation json when JsonPointer.Segments(json.Pointer) is ["env", ..] => $"removed (the {store.Kind} store sets {name})",
        _ => store.ConfigReference(name) is JValue v ? (string)v! : store.ConfigReference(name).ToString(Formatting.None),
    };

    /// <summary>Why the reconciler cannot rewrite this place itself, or null when it can.</summary>
    private static string? Blocker(StoreView store, IReadOnlyList<FoundSecret> group)
    {
        foreach (var found in group)
        {
            switch (found.Role)
            {
                case FileRole.OpenClawData:
                    return "OpenClaw writes this file itself: once the config refers to the store, remove the value here by hand (or let `openclaw doctor --fix` rebuild it)";
                case FileRole.Config when found.Location is not JsonLocation:
                    return "it sits in a comment of openclaw.json: remove it by hand";
                case FileRole.Config when found.Location is JsonLocation { WholeValue: false } && store.Kind != "env":
                    return $"it is part of a longer string, which only an env reference (${{NAME}}) can replace, and the store is {store.Kind}";
                case FileRole.Config when found.Location is JsonLocation json && JsonPointer.Segments(json.Pointer) is ["env", ..] && store.Kind != "env":
                    return "it sets an environment variable in openclaw.json (env), which only the env store can take over";
                case FileRole.AuthProfiles when found.Location is not AuthProfileLocation:
                    return "it is not the key or token of an auth profile: remove it by hand";
            }
        }

        return null;
    }

    private static IEnumerable<PlannedChange> StoreChanges(string kind, SecretsObservation observed, StoreView store, IReadOnlyDictionary<string, SecretIdentity> ids)
    {
        var byFingerprint = observed.Findings.GroupBy(f => f.Fingerprint).ToDictionary(g => g.Key, g => g.First());
        foreach (var (fingerprint, id) in ids.Where(i => !i.Value.InStore && byFingerprint.ContainsKey(i.Key) && observed.Declared.All(d => d.Fingerprint != i.Key)))
        {
            var found = byFingerprint[fingerprint];
            var exists = store.Entries.ContainsKey(id.Name);
            yield return new PlannedChange(kind, $"store:{id.Name}", exists ? ChangeAction.Update : ChangeAction.Create,
                $"a plaintext {SecretKinds.Get(found.Kind).Description} (first at {found.Where}) is kept in {store.Description}",
                exists ? store.Entries[id.Name].Fingerprint : "absent", fingerprint, PostureEffect.Tightens,
                new StoreSecret(id.Name, fingerprint, id.Type, found.Path, false, found.Where));
        }

        foreach (var declared in observed.Declared)
        {
            var entry = store.Entries.GetValueOrDefault(declared.Name);
            if (declared.Fingerprint is { } fingerprint)
            {
                if (entry?.Fingerprint == fingerprint)
                {
                    continue;
                }

                var leaked = byFingerprint.GetValueOrDefault(fingerprint);
                yield return new PlannedChange(kind, $"store:{declared.Name}", entry is null ? ChangeAction.Create : ChangeAction.Update,
                    $"declared secret ({SecretTypes.Name(declared.Type)}, from {declared.Source}) is kept in {store.Description}",
                    entry?.Fingerprint ?? "absent", fingerprint, PostureEffect.Tightens,
                    new StoreSecret(declared.Name, fingerprint, declared.Type, leaked?.Path, true, leaked?.Where));
            }
            else if (entry is null)
            {
                yield return new PlannedChange(kind, $"store:{declared.Name}", ChangeAction.Manual,
                    $"declared secret ({SecretTypes.Name(declared.Type)}) is not in {store.Description}{(declared.Problem is null ? string.Empty : $" and {declared.Problem}")}: put it there",
                    "absent", "present", PostureEffect.Tightens);
            }
        }
    }

    private static IEnumerable<PlannedChange> ReferenceChanges(string kind, SecretsDesired desired, SecretsObservation observed, StoreView store, IReadOnlyDictionary<string, SecretIdentity> ids)
    {
        if (store.Kind == "env")
        {
            yield break;
        }

        // Names the store holds, and names this plan moves into it (a .env line moving out takes its name along).
        var stored = store.Entries.Keys.Concat(observed.Findings.Select(f => ids[f.Fingerprint].Name)).ToHashSet(StringComparer.Ordinal);
        // The agent kind writes gateway.auth.token when the posture names one; that reference is its to keep.
        var references = observed.EnvReferences.Where(r => stored.Contains(r.Variable)
            && !(desired.GatewayTokenGoverned && r.Location is JsonLocation { Pointer: "/gateway/auth/token" }));
        foreach (var reference in references)
        {
            var after = reference.Role == FileRole.AuthProfiles
                ? store.SecretRef(reference.Variable).ToString(Formatting.None)
                : store.ConfigReference(reference.Variable).ToString(Formatting.None);
            yield return new PlannedChange(kind, SecretsDisplay.Resource(observed.Paths, reference), ChangeAction.Update,
                $"{reference.Variable} lives in {store.Description}, not in the environment: the reference follows it",
                $"env {reference.Variable}", after, PostureEffect.Neutral,
                new RewriteReference(reference.HostPath, reference.Role, reference.Location, reference.Variable));
        }
    }

    private static IEnumerable<PlannedChange> PermissionChanges(string kind, SecretsObservation observed)
    {
        var user = observed.Paths.User;
        foreach (var state in observed.Permissions)
        {
            var extraBits = (state.Mode & ~state.Desired) != 0;
            var wrongOwner = state.DesiredOwner is { } wanted && state.Owner is { } actual && wanted != actual;
            if (!extraBits && !wrongOwner)
            {
                continue;
            }

            var mode = extraBits ? state.Desired : state.Mode;
            var what = state.IsDirectory ? "folder" : "file";
            yield return new PlannedChange(kind, $"permissions:{SecretsDisplay.Relative(observed.Paths, state.HostPath)}", ChangeAction.Update,
                $"a {what} that holds secrets is {SecretsDisplay.Mode(state.Desired)} and owned by the agent user ({user})",
                $"{SecretsDisplay.Mode(state.Mode)} {SecretsDisplay.Owner(state.Owner)}", $"{SecretsDisplay.Mode(mode)} {SecretsDisplay.Owner(state.DesiredOwner ?? state.Owner, user)}",
                PostureEffect.Tightens, new FixPermissions(state.HostPath, mode, state.DesiredOwner))
            {
                Checks = OpenClawAudit.FileRowChecks.For(observed.Paths, state.HostPath, state.IsDirectory, state.Mode, mode).ToValueList(),
            };
        }
    }
}
