namespace OpenClaw.Desired.Secrets.Scanning;

public enum NameVerdict
{
    NotSecret,

    /// <summary>A key-ish name (key, credential): secrets and identifiers both go by it.</summary>
    Secret,

    /// <summary>token, secret, api key: always a credential.</summary>
    StrongSecret,
    Password,
}

/// <summary>
/// Whether an identifier names a credential: split into words (snake, kebab, dotted, camel case), it holds a
/// word like key, token, secret or password, and does not end in a word that names metadata about one
/// (apiKeyEnv, token_file, secret_id, max_tokens).
/// </summary>
public static class SecretNames
{
    private static readonly HashSet<string> SecretWords = new(StringComparer.Ordinal)
    {
        "key", "apikey", "token", "secret", "credential", "credentials", "privatekey", "accesskey", "secretkey", "clientsecret",
        "authtoken", "accesstoken", "refreshtoken", "bottoken", "apptoken", "signingsecret", "webhooksecret", "pat",
    };

    /// <summary>Words run together without a separator still end in what they name: jwtsecret, apitoken, dbpassword.</summary>
    private static readonly string[] SecretEndings = ["secret", "token"];

    private static readonly string[] PasswordEndings = ["password", "passwd"];

    private static readonly HashSet<string> PasswordWords = new(StringComparer.Ordinal)
    {
        "password", "passwd", "pwd", "pass", "passphrase", "passcode",
    };

    private static readonly HashSet<string> MetadataWords = new(StringComparer.Ordinal)
    {
        "id", "ids", "name", "names", "type", "types", "path", "file", "files", "url", "uri", "length", "len", "count", "size",
        "env", "ref", "refs", "header", "headers", "prefix", "mode", "format", "version", "field", "hash", "policy", "rotation",
        "expiry", "expires", "expiration", "ttl", "kind", "source", "provider", "store", "dir", "index", "max", "min", "limit",
        "usage", "label", "hint", "pattern", "regex", "required", "enabled", "set", "var", "variable", "helper", "command",
        "location", "fingerprint", "status", "time", "date", "at", "public", "pub", "stdin",
    };

    /// <summary>Words that make a token or key something other than a credential: a page cursor, a cache or sort key.</summary>
    private static readonly HashSet<string> NonCredentialQualifiers = new(StringComparer.Ordinal)
    {
        "page", "next", "continuation", "cursor", "sync", "cache", "sort", "partition", "primary", "foreign", "idempotency", "dedup", "lookup",
    };

    public static NameVerdict Classify(ReadOnlySpan<char> name)
    {
        var words = Words(name);
        if (words.Count == 0 || MetadataWords.Contains(words[^1]) || words.Contains("public") || words.Any(NonCredentialQualifiers.Contains))
        {
            return NameVerdict.NotSecret;
        }

        if (words.Any(w => PasswordWords.Contains(w) || PasswordEndings.Any(e => w.EndsWith(e, StringComparison.Ordinal))))
        {
            return NameVerdict.Password;
        }

        if (words.Any(w => w.Length > 6 && SecretEndings.Any(e => w.EndsWith(e, StringComparison.Ordinal))))
        {
            return NameVerdict.StrongSecret;
        }

        // Joined pairs count too: "api_key" → "apikey", "bot_token" → "bottoken".
        var verdict = NameVerdict.NotSecret;
        for (var i = 0; i < words.Count; i++)
        {
            var joined = i + 1 < words.Count ? words[i] + words[i + 1] : null;
            if (SecretWords.Contains(words[i]) || (joined is not null && SecretWords.Contains(joined)))
            {
                var strong = words[i] is not ("key" or "credential" or "credentials") || joined is not null && joined != "keyid" && SecretWords.Contains(joined);
                verdict = strong ? NameVerdict.StrongSecret : NameVerdict.Secret;
                if (strong)
                {
                    return verdict;
                }
            }
        }

        return verdict;
    }

    /// <summary>Lower-case words of an identifier.</summary>
    public static List<string> Words(ReadOnlySpan<char> name)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsAsciiLetterOrDigit(c))
            {
                Flush();
                continue;
            }

            var camelBreak = i > 0 && char.IsAsciiLetterUpper(c) && (char.IsAsciiLetterLower(name[i - 1]) || (i + 1 < name.Length && char.IsAsciiLetterLower(name[i + 1]) && char.IsAsciiLetterUpper(name[i - 1])));
            if (camelBreak)
            {
                Flush();
            }

            current.Append(char.ToLowerInvariant(c));
        }

        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
    }

    /// <summary>An identifier as an environment variable name: apiKey → API_KEY, openai.api-key → OPENAI_API_KEY.</summary>
    public static string ToEnvName(string identifier)
    {
        var words = Words(identifier);
        var name = string.Join('_', words).ToUpperInvariant();
        if (name.Length == 0)
        {
            return "SECRET";
        }

        return char.IsAsciiDigit(name[0]) ? "_" + name : name;
    }
}
