using OpenClaw.Desired.Host;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Secrets;

namespace OpenClaw.Desired.Resources.Secrets;

/// <summary>The secrets section as this kind uses it: scan scope, declared secrets, rotation periods.</summary>
public sealed record SecretsDesired(
    bool SessionLogs,
    IReadOnlyList<string> ExtraPaths,
    IReadOnlyList<string> Exclude,
    IReadOnlyList<DeclaredSecret> Declared,
    EffectiveSecrets Periods,
    bool GatewayTokenGoverned)
{
    public static SecretsDesired From(EffectivePosture posture, HostContext host, OpenClawPaths paths)
    {
        var spec = posture.Document.Secrets;
        return new SecretsDesired(
            spec?.Scan?.SessionLogs ?? false,
            (spec?.Scan?.Paths ?? []).Select(p => host.Homes.Expand(p, paths.User)).ToList(),
            spec?.Scan?.Exclude ?? [],
            spec?.Declared ?? [],
            posture.Secrets,
            posture.Agent.GatewayToken is not null)
        {
            RulesFile = spec?.Scan?.Rules is { } rules ? host.Homes.Expand(rules, paths.User) : null,
        };
    }

    /// <summary>The host path of the user's extra scan rules (gitleaks TOML), when the posture names one.</summary>
    public string? RulesFile { get; init; }

    /// <summary>What the pure diff needs: rotation periods (no host paths).</summary>
    public static SecretsDesired ForDiff(EffectivePosture posture) =>
        new(false, [], [], posture.Document.Secrets?.Declared ?? [], posture.Secrets, posture.Agent.GatewayToken is not null);

    /// <summary>How often a secret of this type is rotated; zero means only when suspected.</summary>
    public TimeSpan Period(SecretType type) => type switch
    {
        SecretType.OAuth => Periods.OAuthRotation,
        SecretType.BotToken => Periods.BotTokenRotation,
        SecretType.Password => Periods.PasswordRotation,
        _ => Periods.ApiKeyRotation,
    };
}
