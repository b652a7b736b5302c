namespace OpenClaw.Desired.Secrets.Scanning;

/// <summary>How a value was written next to its name: what it may be judged on.</summary>
internal enum ValueForm
{
    /// <summary>A quoted literal, or the rest of an env, YAML or INI line: the author typed exactly this.</summary>
    Literal,

    /// <summary>Unquoted inside code (<c>password = getpass()</c>): often an expression, not a value.</summary>
    Expression,

    /// <summary>Compared with a name (<c>password == "team10"</c>) or said in prose (<c>the password is 'x'</c>): a credential check or a told secret.</summary>
    Told,
}

/// <summary>
/// Whether a value assigned to a secret-looking name is a credential. Keys and tokens are judged by shape and
/// entropy. Passwords are judged by what they are not: people choose weak ones, so a literal password is a
/// finding unless it is a placeholder, a reference, a word that configures rather than authenticates
/// (<c>required</c>, <c>bcrypt</c>, <c>prompt</c>), or code.
/// </summary>
internal static class AssignedValues
{
    private static readonly HashSet<string> ConfigWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "required", "optional", "hidden", "masked", "prompt", "empty", "blank", "default", "string", "text", "secret", "secrets",
        "bcrypt", "argon2", "argon2id", "scrypt", "pbkdf2", "sha256", "sha512", "md5", "plain", "plaintext", "cleartext", "hash", "hashed",
        "encrypted", "enabled", "disabled", "keychain", "keyring", "environment", "vault", "stdin", "interactive", "manual", "automatic",
        "random", "generate", "generated", "basic", "digest", "oauth", "oauth2", "bearer", "ldap", "kerberos", "local", "remote", "unset",
        "undefined", "example", "sample", "dummy", "testing", "foobar", "redacted", "sensitive", "confidential", "credential", "credentials",
        "username", "userpass", "authentication", "authorization", "internal", "external", "system", "provider", "static", "dynamic",
        "integer", "boolean", "number", "object", "array", "input", "output", "current", "confirm", "forgot", "change", "reset", "update",

        // Example passwords everyone has seen (IRC's hunter2, xkcd's correct horse).
        "hunter", "hunter2", "correcthorsebatterystaple", "Tr0ub4dor&3",
    };

    public static bool LooksLikeSecret(ReadOnlySpan<char> value, NameVerdict verdict, ValueForm form = ValueForm.Literal, ReadOnlySpan<char> name = default)
    {
        if (name.Contains("aws", StringComparison.OrdinalIgnoreCase) && name.Contains("secret", StringComparison.OrdinalIgnoreCase))
        {
            // An AWS secret access key is 40 base64 characters, exactly (and may well start with '/').
            return value.Length == 40 && !value.ContainsAnyExcept(Chars.Base64) && ValueHeuristics.CharClasses(value) >= 2 && ValueHeuristics.Entropy(value) >= 3.5
                && !ValueHeuristics.IsPlaceholder(value) && !ValueHeuristics.IsKnownExample(value);
        }

        if (verdict == NameVerdict.Password && form != ValueForm.Expression && value.ContainsAny(' ', '\t'))
        {
            return IsPassphrase(value);
        }

        var min = verdict == NameVerdict.Password ? (form == ValueForm.Told ? 4 : 6) : 8;
        if (value.Length < min || value.Length > 1024 || ValueHeuristics.IsReference(value) || ValueHeuristics.IsPlaceholder(value)
            || ValueHeuristics.IsKnownExample(value) || value.Contains("://", StringComparison.Ordinal) || value.ContainsAny(' ', '\t')
            || IsCode(value) || value.StartsWith("arn:", StringComparison.Ordinal) || Formats.ClaimedFormats.IsBroken(value))
        {
            return false;
        }

        if (verdict == NameVerdict.Password)
        {
            return LooksLikePassword(value, form);
        }

        if (!value.ContainsAny(Chars.Digits) && IsWordsOnly(value) || !value.ContainsAnyExcept(Chars.Digits))
        {
            return false;
        }

        var entropy = ValueHeuristics.Entropy(value);
        var classes = ValueHeuristics.CharClasses(value);
        if (ValueHeuristics.IsIdentifierPath(value) || (ValueHeuristics.IsUuid(value) && verdict != NameVerdict.StrongSecret))
        {
            return false;
        }

        var hex = !value.ContainsAnyExcept("0123456789abcdef") || !value.ContainsAnyExcept("0123456789ABCDEF");
        var minHex = verdict == NameVerdict.StrongSecret ? 16 : 20;
        return hex ? value.Length >= minHex && entropy >= 3.0 : value.Length >= 16 && classes >= 2 && entropy >= 3.4;
    }

    private static bool LooksLikePassword(ReadOnlySpan<char> value, ValueForm form)
    {
        // A value that repeats the name's own word is a label or a route, not a password (passwordLabel: "Password:", "#add-password").
        if (value.Contains("passw", StringComparison.OrdinalIgnoreCase) || value.Contains("your", StringComparison.OrdinalIgnoreCase)
            || ConfigWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(value))
        {
            return false;
        }

        if (IsWordsOnly(value) && !value.ContainsAny(Chars.Digits))
        {
            // A bare word in code is a variable; one typed as a literal (or told) is a password, however weak.
            return form != ValueForm.Expression && ValueHeuristics.DistinctChars(value) >= 4;
        }

        return form != ValueForm.Expression || !value.ContainsAny("()[].");
    }

    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "in", "on", "at", "see", "use", "same", "as", "ask", "not", "no", "is", "are", "from", "to", "my", "your", "our",
        "with", "for", "and", "or", "of", "it", "this", "that", "set", "none", "later", "above", "below", "vault", "store", "env", "file",
        "here", "there", "value", "enter", "type", "put", "get", "stored", "saved", "kept", "required", "needed", "empty", "blank", "todo",
    };

    /// <summary>
    /// Words chosen as a password ("correct horse battery staple", "open sesame"): two or more plain words, none of the
    /// little words a sentence needs ("see the vault", "not set") and none a placeholder ("changeme npm start").
    /// </summary>
    private static bool IsPassphrase(ReadOnlySpan<char> value)
    {
        var words = 0;
        foreach (var range in value.Split(' '))
        {
            var word = value[range];
            if (word.IsEmpty)
            {
                continue;
            }

            if (word.Length is < 3 or > 12 || word.ContainsAnyExceptInRange('a', 'z') || StopWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word)
                || ConfigWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word) || word.Contains("passw", StringComparison.Ordinal)
                || ValueHeuristics.IsPlaceholder(word))
            {
                return false;
            }

            words++;
        }

        return words is >= 2 and <= 8;
    }

    /// <summary>Interpolations and calls: the value is computed elsewhere.</summary>
    private static bool IsCode(ReadOnlySpan<char> value) =>
        value.Contains("#{", StringComparison.Ordinal) || value.Contains("<%", StringComparison.Ordinal) || value.Contains("{{", StringComparison.Ordinal)
        || value.Contains("${", StringComparison.Ordinal) || value.Contains("$(", StringComparison.Ordinal) || value.EndsWith("()", StringComparison.Ordinal)
        || value[0] is '@' or ',' or ';' or ')' or '}' or ']' or '&' or '|' || value.StartsWith("->", StringComparison.Ordinal)
        || value.StartsWith("::", StringComparison.Ordinal);

    /// <summary>
    /// A name rather than a value: words joined by <c>_ . -</c> or in camelCase, each at most followed by a short
    /// number (<c>token_hash_sha256</c>, <c>onTokenRefreshV2</c>, <c>auth.apikey.v1.invalid</c>, <c>Passwort</c>).
    /// A random key has letters after digits within a word (<c>Zk4qT9vX</c>); hex starts words with digits.
    /// </summary>
    public static bool IsIdentifierShaped(ReadOnlySpan<char> value)
    {
        var letters = 0;
        var digits = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is '_' or '.' or '-')
            {
                (letters, digits) = (0, 0);
                continue;
            }

            if (char.IsDigit(c))
            {
                if (++digits > 4)
                {
                    return false;
                }

                continue;
            }

            if (!char.IsLetter(c))
            {
                return false;
            }

            var wordStart = char.IsUpper(c) && i > 0 && char.IsLower(value[i - 1]);
            if (wordStart)
            {
                (letters, digits) = (0, 0);
            }

            // A letter after digits inside a word (v2 aside) is what random keys look like.
            if (digits > 0 && !(letters == 1 && value[i - digits - 1] is 'v' or 'V'))
            {
                return false;
            }

            letters++;
        }

        return true;
    }

    public static bool IsWordsOnly(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiLetter(c) && c is not '_' and not '-' and not '.')
            {
                return false;
            }
        }

        return true;
    }
}
