using OpenClaw.Desired.Host;
using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Resources.AgentControls;

/// <summary>
/// Resolves the gateway token the posture names into what openclaw.json should hold: a literal, an
/// <c>${VAR}</c> reference (OpenClaw substitutes it from its environment), or a file's content.
/// </summary>
internal static class GatewayToken
{
    public static async Task<(string? Value, string? Unknown)> ResolveAsync(SecretRef? reference, HostContext host, CancellationToken cancellationToken)
    {
        switch (reference)
        {
            case null:
                return (null, null);
            case { Literal: { } literal }:
                host.Redactor.Add(literal);
                return (literal, null);
            case { Env: { } env }:
                return ("${" + env + "}", null);
            case { File: { } file }:
                var real = host.Root.Resolve(host.Homes.Expand(file, "root"));
                if (!File.Exists(real))
                {
                    return (null, $"the token file {file} does not exist");
                }

                var value = (await File.ReadAllTextAsync(real, cancellationToken)).Trim();
                host.Redactor.Add(value);
                return (value, null);
            default:
                return (null, $"secret store reference '{reference}' needs a secrets store (secrets.store)");
        }
    }
}
