using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Secrets;

namespace OpenClaw.Desired.Resources.Secrets;

/// <summary>
/// Rotation: every secret the reconciler knows has a clock. A value found in plaintext is suspected and due
/// now; otherwise it is due one period (by type) after its last rotation, taken from the store's version
/// time (Vault) or the reconciler's record. Due rotations are manual actions; starting a clock, or noticing a
/// changed value, are recorded by apply.
/// </summary>
internal static class RotationDiff
{
    public static IEnumerable<PlannedChange> Changes(string kind, SecretsDesired desired, SecretsObservation observed, StoreView store, IReadOnlyDictionary<string, SecretIdentity> ids)
    {
        var now = observed.Now;
        var foundAt = observed.Findings.GroupBy(f => ids[f.Fingerprint].Name).ToDictionary(g => g.Key, g => g.First().Where, StringComparer.Ordinal);
        var types = new Dictionary<string, SecretType>(StringComparer.Ordinal);
        foreach (var id in ids.Values.Where(i => !i.InStore || store.Entries[i.Name].SecretLike || foundAt.ContainsKey(i.Name)))
        {
            types.TryAdd(id.Name, id.Type);
        }

        foreach (var entry in store.Entries.Values.Where(e => e.SecretLike))
        {
            types.TryAdd(entry.Name, entry.Type ?? SecretTypes.FromName(entry.Name));
        }

        foreach (var declared in observed.Declared)
        {
            types[declared.Name] = declared.Type;
        }

        foreach (var (name, type) in types.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var record = observed.Records.GetValueOrDefault(name);
            var entry = store.Entries.GetValueOrDefault(name);
            var effectiveType = observed.Declared.Any(d => d.Name == name) ? type : record is null ? type : SecretTypes.Parse(record.Type);
            var resource = $"rotation:{name}";
            var every = desired.Period(effectiveType);
            var schedule = every > TimeSpan.Zero ? $"{SecretTypes.Name(effectiveType)}, every {Duration.Format(every)}" : $"{SecretTypes.Name(effectiveType)}, rotated when suspected";
            var where = foundAt.GetValueOrDefault(name);
            if (record?.Fingerprint is { } known && entry is not null && entry.Fingerprint != known && where is null)
            {
                yield return new PlannedChange(kind, resource, ChangeAction.Update,
                    $"{name} has a new value in the store: the rotation is recorded ({schedule})",
                    known, entry.Fingerprint, PostureEffect.Tightens, new TrackRotation(name, effectiveType, entry.Fingerprint, Observed: true));
            }
            else if (where is not null || record?.Suspected == true)
            {
                var since = record?.Suspected == true ? record.SuspectedAt!.Value : now;
                yield return new PlannedChange(kind, resource, ChangeAction.Manual,
                    $"{name} was found in plaintext at {where ?? record!.SuspectedWhere ?? "a file"}: treat it as leaked. Rotate it at its issuer, put the new value in {store.Description}, then run `openclaw-desired secrets rotated {name}` ({schedule})",
                    $"suspected since {since:yyyy-MM-dd HH:mm}Z", $"due now ({since:yyyy-MM-dd})", PostureEffect.Tightens);
            }
            else if (record is null)
            {
                if (entry is not null)
                {
                    yield return new PlannedChange(kind, resource, ChangeAction.Create,
                        $"{name} has no rotation record yet: its clock starts now ({schedule})",
                        "untracked", every > TimeSpan.Zero ? $"due {(now + every):yyyy-MM-dd}" : "tracked", PostureEffect.Tightens,
                        new TrackRotation(name, effectiveType, entry.Fingerprint, Observed: false));
                }
            }
            else if (every > TimeSpan.Zero)
            {
                var last = entry?.VersionTime ?? record.LastRotation;
                var due = last + every;
                if (due <= now)
                {
                    yield return new PlannedChange(kind, resource, ChangeAction.Manual,
                        $"{name} is due for rotation ({schedule}): rotate it at its issuer, put the new value in {store.Description}, then run `openclaw-desired secrets rotated {name}`",
                        $"last rotated {last:yyyy-MM-dd}", $"due {due:yyyy-MM-dd} ({(now - due).TotalDays:0} days overdue)", PostureEffect.Tightens);
                }
            }
        }
    }
}
