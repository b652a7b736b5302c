namespace OpenClaw.Desired.Secrets;

/// <summary>What a secret is, which decides how often it is rotated (secrets.rotation).</summary>
public enum SecretType
{
    ApiKey,
    OAuth,
    BotToken,
    Password,
}

public static class SecretTypes
{
    /// <summary>The posture's spelling: apiKey, oauth, botToken, password.</summary>
    public static string Name(SecretType type) => type switch
    {
        SecretType.OAuth => "oauth",
        SecretType.BotToken => "botToken",
        SecretType.Password => "password",
        _ => "apiKey",
    };

    public static SecretType Parse(string? name) => name switch
    {
        "oauth" => SecretType.OAuth,
        "botToken" => SecretType.BotToken,
        "password" => SecretType.Password,
        _ => SecretType.ApiKey,
    };

    /// <summary>A guess from a store name, for secrets nobody declared: BOT_TOKEN, PASSWORD, OAUTH…</summary>
    public static SecretType FromName(string name)
    {
        var upper = name.ToUpperInvariant();
        return upper.Contains("BOT_TOKEN", StringComparison.Ordinal) || upper.Contains("APP_TOKEN", StringComparison.Ordinal) ? SecretType.BotToken
            : upper.Contains("PASSWORD", StringComparison.Ordinal) || upper.Contains("PASSWD", StringComparison.Ordinal) || upper.EndsWith("_PASS", StringComparison.Ordinal)
              || upper.Contains("GATEWAY_TOKEN", StringComparison.Ordinal) || upper.Contains("PRIVATE_KEY", StringComparison.Ordinal) ? SecretType.Password
            : upper.Contains("OAUTH", StringComparison.Ordinal) || upper.Contains("ACCESS_TOKEN", StringComparison.Ordinal) || upper.Contains("REFRESH_TOKEN", StringComparison.Ordinal) ? SecretType.OAuth
            : SecretType.ApiKey;
    }
}
