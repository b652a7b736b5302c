using OpenClaw.Desired.Host;
using OpenClaw.Desired.OpenClaw;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Safety;
using OpenClaw.Desired.Secrets;
using OpenClaw.Desired.Secrets.Audit;
using OpenClaw.Desired.Secrets.Rotation;
using OpenClaw.Desired.Secrets.Scanning;
using OpenClaw.Desired.Secrets.Stores;

namespace OpenClaw.Desired.Incidents;

/// <summary>
/// Marks every stored secret as suspected: its rotation record gets the lockdown as the place it was suspected at, so
/// rotation is due now in every plan and report until <c>secrets rotated NAME</c> records a new value.
/// </summary>
public static class LockdownSecrets
{
    /// <summary>The secrets in the store (names and fingerprints), or why the store cannot be read.</summary>
    public static async Task<(IReadOnlyList<(string Name, string Fingerprint)> Secrets, string? Problem)> StoredAsync(EffectivePosture posture, HostContext host, CancellationToken cancellationToken)
    {
        var (store, problem) = SecretStores.Open(posture, host, host.PathsFor(posture));
        if (store is null)
        {
            return ([], problem);
        }

        try
        {
            var contents = await store.ReadAsync(cancellationToken);
            var secrets = new List<(string, string)>();
            foreach (var secret in contents.Values.OrderBy(s => s.Name, StringComparer.Ordinal))
            {
                var secretLike = store.Kind != "env" || SecretScanner.Scan(secret.Value).Count > 0 || SecretNames.Classify(secret.Name) != NameVerdict.NotSecret || SecretKeys.IsSecretKey(secret.Name);
                if (secretLike)
                {
                    host.Redactor.Add(secret.Value);
                    secrets.Add((secret.Name, host.Redactor.Fingerprint(secret.Value)));
                }
            }

            return (secrets, null);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException or Secrets.Vault.VaultException)
        {
            return ([], host.Redactor.Redact($"{store.Description} cannot be read: {e.Message}"));
        }
    }

    /// <summary>
    /// Credentials lying in plaintext outside the store (openclaw.json, auth profiles, the workspace): they have no name
    /// in the store to mark, so the handoff lists them by kind and place (never by value) to rotate as well.
    /// </summary>
    public static IReadOnlyList<string> Plaintext(EffectivePosture posture, HostContext host)
    {
        var paths = host.PathsFor(posture);
        var (store, _) = SecretStores.Open(posture, host, paths);
        var scan = HostScan.Run(host.Fs, new HostScanScope(paths, false, [], [], store?.HostFiles ?? []), host.Redactor.Fingerprint);
        var found = new List<string>();
        foreach (var secret in scan.Findings)
        {
            host.Redactor.Add(secret.Value);
            found.Add($"{SecretKinds.Get(secret.Kind).Description} at {secret.Where} ({secret.Fingerprint})");
        }

        return found.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The secrets this lockdown has not marked yet (a rotation since the mark counts as unmarked).</summary>
    public static IReadOnlyList<(string Name, string Fingerprint)> Unmarked(IReadOnlyList<(string Name, string Fingerprint)> secrets, StateDirectory state, string lockdownId)
    {
        var records = RotationRecords.Load(state);
        return secrets.Where(s => records.Get(s.Name) is not { Suspected: true } record || record.SuspectedWhere?.StartsWith(Where(lockdownId), StringComparison.Ordinal) != true).ToList();
    }

    /// <summary>Marks them; returns each with its record as it was.</summary>
    public static IReadOnlyList<SuspectedSecret> Mark(IReadOnlyList<(string Name, string Fingerprint)> secrets, StateDirectory state, string lockdownId, string reason, string runId, TimeProvider clock)
    {
        var records = RotationRecords.Load(state);
        var now = clock.GetUtcNow();
        var marked = new List<SuspectedSecret>();
        var trail = AuditTrail.For(state, clock);
        foreach (var (name, fingerprint) in secrets)
        {
            var before = records.Get(name);
            var type = before?.Type ?? SecretTypes.Name(SecretTypes.FromName(name));
            records.Set(name, (before ?? new RotationRecord { Type = type, TrackedSince = now, Fingerprint = fingerprint }) with
            {
                SuspectedAt = now,
                SuspectedWhere = $"{Where(lockdownId)}: {reason}",
                SuspectedFingerprint = fingerprint,
            });
            trail.Append(runId, AuditOps.Detected, name, fingerprint, Where(lockdownId), "suspected: rotation due now");
            marked.Add(new SuspectedSecret(name, before));
        }

        return marked;
    }

    /// <summary>Puts back the records of secrets still marked by this lockdown (release --clear-suspected); returns their names.</summary>
    public static IReadOnlyList<string> Unmark(IReadOnlyList<SuspectedSecret> marked, StateDirectory state, string lockdownId)
    {
        var records = RotationRecords.Load(state);
        var cleared = new List<string>();
        foreach (var secret in marked)
        {
            if (records.Get(secret.Name) is { Suspected: true } now && now.SuspectedWhere?.StartsWith(Where(lockdownId), StringComparison.Ordinal) == true && secret.Before is { } before)
            {
                records.Set(secret.Name, before);
                cleared.Add(secret.Name);
            }
            else if (records.Get(secret.Name) is { Suspected: true } fresh && fresh.SuspectedWhere?.StartsWith(Where(lockdownId), StringComparison.Ordinal) == true)
            {
                records.Set(secret.Name, fresh with { SuspectedAt = null, SuspectedWhere = null, SuspectedFingerprint = null });
                cleared.Add(secret.Name);
            }
        }

        return cleared;
    }

    private static string Where(string lockdownId) => $"lockdown {lockdownId}";
}
