using Newtonsoft.Json.Linq;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Secrets;
using OpenClaw.Desired.Secrets.Stores;

namespace OpenClaw.Desired.Resources.AgentControls;

/// <summary>
/// Turns the gateway token the posture names into what openclaw.json should hold: for <c>{env: VAR}</c> the
/// <c>${VAR}</c> reference OpenClaw substitutes itself; for <c>{store: NAME}</c> the secrets store's own
/// reference (<c>${NAME}</c> or a SecretRef object), once the store holds the name; for a literal or a file,
/// the value itself (registered with the redactor, shown only as a fingerprint).
/// </summary>
internal static class GatewayToken
{
    public static async Task<(JToken? Value, string? Unknown)> ResolveAsync(SecretRef? reference, EffectivePosture posture, HostContext host, CancellationToken cancellationToken)
    {
        switch (reference)
        {
            case null:
                return (null, null);
            case { Env: { } env }:
                return (new JValue("${" + env + "}"), null);
            case { Store: { } name }:
                var paths = host.PathsFor(posture);
                var held = await SecretResolver.ResolveAsync(reference, posture, host, paths, cancellationToken);
                if (held.Unknown is { } missing)
                {
                    return (null, missing);
                }

                var (store, problem) = SecretStores.Open(posture, host, paths);
                return store is null ? (null, problem) : (store.ConfigReference(name), null);
            default:
                var resolved = await SecretResolver.ResolveAsync(reference, posture, host, host.PathsFor(posture), cancellationToken);
                return resolved.Value is null ? (null, resolved.Unknown) : (new JValue(resolved.Value), null);
        }
    }
}
