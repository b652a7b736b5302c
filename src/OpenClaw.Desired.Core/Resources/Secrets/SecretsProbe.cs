using Newtonsoft.Json.Linq;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.OpenClaw;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Safety;
using OpenClaw.Desired.Secrets;
using OpenClaw.Desired.Secrets.Rotation;
using OpenClaw.Desired.Secrets.Scanning;
using OpenClaw.Desired.Secrets.Scanning.Rules;
using OpenClaw.Desired.Secrets.Stores;
using OpenClaw.Desired.Secrets.Vault;

namespace OpenClaw.Desired.Resources.Secrets;

/// <summary>
/// Get for the secrets kind: the store's contents (fingerprints), a scan of the host, declared secrets,
/// environment references, the provider block, permissions and rotation records. Every value seen is
/// registered with the redactor before anything is rendered.
/// </summary>
internal static class SecretsProbe
{
    /// <summary>The posture's extra scan rules; a file that cannot be used makes the scan unknown (it still runs with the built-in formats).</summary>
    private static UserRules? LoadRules(string kind, HostContext host, SecretsDesired desired, List<UnknownState> unknowns)
    {
        if (desired.RulesFile is not { } file)
        {
            return null;
        }

        try
        {
            // Read on descriptors: a rules file decides what is not reported, so a link to it is refused, never followed.
            return GitleaksConfig.Parse(host.Fs.ReadAllText(file, GitleaksConfig.MaxBytes), file);
        }
        catch (UserRulesException e)
        {
            unknowns.Add(new UnknownState(kind, "scan rules", $"{file}: cannot be used: {e.Problems[0]}"));
            return null;
        }
        catch (IOException e)
        {
            unknowns.Add(new UnknownState(kind, "scan rules", $"{file}: cannot be read: {(e is Host.Fs.UnsafePathException u ? u.Detail : e.Message)}"));
            return null;
        }
    }

    public static async Task<SecretsObservation> ProbeAsync(string kind, EffectivePosture posture, HostContext host, CancellationToken cancellationToken)
    {
        var paths = host.PathsFor(posture);
        var desired = SecretsDesired.From(posture, host, paths);
        var unknowns = new List<UnknownState>();
        var (store, problem) = SecretStores.Open(posture, host, paths);
        var view = store is null ? null : await ReadStoreAsync(kind, store, host, unknowns, cancellationToken);
        if (problem is not null)
        {
            unknowns.Add(new UnknownState(kind, "store", problem));
        }

        var storeFiles = store?.HostFiles ?? [];
        var scope = new HostScanScope(paths, desired.SessionLogs, desired.ExtraPaths, desired.Exclude, storeFiles) { Rules = LoadRules(kind, host, desired, unknowns) };
        var scan = HostScan.Run(host.Fs, scope, host.Redactor.Fingerprint);
        var findings = new List<FoundSecret>();
        foreach (var found in scan.Findings)
        {
            host.Redactor.Add(found.Value);
            // The agent kind owns gateway.auth.token when the posture names one; the two kinds must not fight.
            // The agent kind owns hooks.token the same way when the posture names agent.hooks.token.
            var hooksTokenGoverned = posture.Document.Agent?.Hooks?.Token is not null && found.Path == paths.ConfigPath && found.Location is JsonLocation { Pointer: "/hooks/token" };
            if (!(desired.GatewayTokenGoverned && found.Path == paths.ConfigPath && found.Location is JsonLocation { Pointer: "/gateway/auth/token" }) && !hooksTokenGoverned)
            {
                findings.Add(found);
            }
        }

        var config = ReadConfig(host.Fs, paths.ConfigPath);
        var provider = store?.Provider is { } p ? config?.Get(JsonPointer.Of("secrets", "providers", p.Alias)) : null;
        return new SecretsObservation(
            host.Clock.GetUtcNow(),
            paths,
            view,
            findings,
            await DeclaredAsync(posture, host, paths, view, cancellationToken),
            store is null || store.Kind == "env" ? [] : EnvReferences.Find(host.Fs, paths),
            provider?.DeepClone(),
            config is not null,
            PermissionsProbe.Probe(host.Fs, paths, storeFiles, AgentUser.Lookup(host.Root, paths.User)),
            RotationRecords.Load(host.StateDir is { } stateDir ? new StateDirectory(stateDir) : null).All,
            unknowns);
    }

    private static async Task<StoreView?> ReadStoreAsync(string kind, ISecretStore store, HostContext host, List<UnknownState> unknowns, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, StoredSecret> contents;
        try
        {
            contents = await store.ReadAsync(cancellationToken);
        }
        catch (Exception e) when (e is VaultException or IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            unknowns.Add(new UnknownState(kind, "store", host.Redactor.Redact($"{store.Description} cannot be read: {e.Message}")));
            return null;
        }

        var entries = new Dictionary<string, StoreEntry>(StringComparer.Ordinal);
        foreach (var secret in contents.Values)
        {
            var matches = SecretScanner.Scan(secret.Value);
            var secretLike = store.Kind != "env" || matches.Count > 0 || SecretNames.Classify(secret.Name) != NameVerdict.NotSecret || SecretKeys.IsSecretKey(secret.Name);
            if (secretLike)
            {
                host.Redactor.Add(secret.Value);
            }

            SecretType? type = matches.Count == 1 && matches[0].Length == secret.Value.Length ? SecretKinds.Get(matches[0].Kind).Type : null;
            entries[secret.Name] = new StoreEntry(secret.Name, host.Redactor.Fingerprint(secret.Value), secret.VersionTime, secretLike, type);
        }

        return new StoreView(store.Kind, store.Description, entries, store.ConfigReference, store.SecretRef, store.Provider, store.HostFiles);
    }

    private static async Task<IReadOnlyList<DeclaredState>> DeclaredAsync(EffectivePosture posture, HostContext host, OpenClawPaths paths, StoreView? store, CancellationToken cancellationToken)
    {
        var result = new List<DeclaredState>();
        foreach (var declared in posture.Document.Secrets?.Declared ?? [])
        {
            var type = SecretTypes.Parse(declared.Type);
            var (value, source, problem) = await DeclaredValue.ResolveAsync(declared, host, paths, cancellationToken);
            // Without a value of its own, a declared secret is in sync when the store holds it.
            var fingerprint = value is not null ? host.Redactor.Fingerprint(value) : store?.Entries.GetValueOrDefault(declared.Name)?.Fingerprint;
            result.Add(new DeclaredState(declared.Name, type, source, fingerprint, fingerprint is null ? problem : null));
        }

        return result;
    }

    private static OpenClawConfig? ReadConfig(Host.Fs.HostFs fs, string hostPath)
    {
        try
        {
            return fs.TryReadAllText(hostPath, ConfigObservation.MaxConfigBytes) is { } text ? OpenClawConfig.Parse(text) : null;
        }
        catch (Exception e) when (e is OpenClawConfigException or IOException)
        {
            return null;
        }
    }
}
