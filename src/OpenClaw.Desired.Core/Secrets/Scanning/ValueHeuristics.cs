namespace OpenClaw.Desired.Secrets.Scanning;

/// <summary>Tells real-looking credential values from placeholders, references and ordinary words.</summary>
internal static class ValueHeuristics
{
    private static readonly string[] PlaceholderWords =
    [
        "example", "xxxx", "placeholder", "your", "redacted", "changeme", "change_me", "insert", "replace", "sample",
        "****", "....", "<", ">", "todo", "fixme", "secret moved", "dummy",

        // Well-known documentation examples (Telegram's Bot API docs, Stripe's test key).
        "ABC-DEF1234ghIkl", "4eC39HqLyjWDarjtT1zdp7dc",
    ];

    private static readonly HashSet<string> PlaceholderValues = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "passwd", "pass", "secret", "token", "apikey", "api_key", "api-key", "key", "none", "null", "nil", "true",
        "false", "undefined", "empty", "pwd", "ollama-local", "ollama", "lm-studio", "lmstudio", "sk-no-key-required", "not-needed",
        "unused", "local", "string",
    };

    /// <summary>Shannon entropy in bits per character (ASCII; other characters share one bucket).</summary>
    public static double Entropy(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return 0;
        }

        Span<int> counts = stackalloc int[129];
        foreach (var c in value)
        {
            counts[c < 128 ? c : 128]++;
        }

        double entropy = 0;
        foreach (var count in counts)
        {
            if (count > 0)
            {
                var p = (double)count / value.Length;
                entropy -= p * Math.Log2(p);
            }
        }

        return entropy;
    }

    public static int DistinctChars(ReadOnlySpan<char> value)
    {
        Span<bool> seen = stackalloc bool[129];
        var distinct = 0;
        foreach (var c in value)
        {
            var i = c < 128 ? c : 128;
            if (!seen[i])
            {
                seen[i] = true;
                distinct++;
            }
        }

        return distinct;
    }

    /// <summary>How many of lower case, upper case, digits and other characters the value uses.</summary>
    public static int CharClasses(ReadOnlySpan<char> value)
    {
        bool lower = false, upper = false, digit = false, other = false;
        foreach (var c in value)
        {
            if (char.IsAsciiLetterLower(c))
            {
                lower = true;
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                upper = true;
            }
            else if (char.IsAsciiDigit(c))
            {
                digit = true;
            }
            else
            {
                other = true;
            }
        }

        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }

    public static bool IsPlaceholder(ReadOnlySpan<char> value)
    {
        if (PlaceholderValues.GetAlternateLookup<ReadOnlySpan<char>>().Contains(value))
        {
            return true;
        }

        foreach (var word in PlaceholderWords)
        {
            if (value.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return LongestRun(value) >= Math.Max(6, value.Length / 2 + 1) && DistinctChars(value) < 8;
    }

    /// <summary>
    /// Lower-case words and numbers joined by punctuation (user:1234:profile, task-manager-2026): a name or
    /// a path, not a random secret, which mixes cases and digits inside its parts.
    /// </summary>
    public static bool IsIdentifierPath(ReadOnlySpan<char> value)
    {
        var parts = 0;
        foreach (var range in value.SplitAny(":/._-"))
        {
            var part = value[range];
            if (part.IsEmpty)
            {
                continue;
            }

            parts++;
            var letters = !part.ContainsAnyExceptInRange('a', 'z');
            var digits = !part.ContainsAnyExceptInRange('0', '9');
            if (!letters && !digits)
            {
                return false;
            }
        }

        return parts >= 3;
    }

    /// <summary>8-4-4-4-12 hexadecimal: an identifier far more often than a credential.</summary>
    public static bool IsUuid(ReadOnlySpan<char> value) =>
        value.Length == 36 && value[8] == '-' && value[13] == '-' && value[18] == '-' && value[23] == '-'
        && !value.ContainsAnyExcept("0123456789abcdefABCDEF-");

    /// <summary>A value that points somewhere else instead of being a secret: ${VAR}, $VAR, {{x}}, %VAR%, env:X, a path.</summary>
    public static bool IsReference(ReadOnlySpan<char> value) =>
        value.StartsWith("${") || value.StartsWith("$(") || value.StartsWith("{{") || value.StartsWith("%")
        || (value.Length > 1 && value[0] == '$' && (char.IsAsciiLetter(value[1]) || value[1] == '_'))
        || value.StartsWith("env:") || value.StartsWith("file:") || value.StartsWith("vault:") || value.StartsWith("op://")
        || value.StartsWith("/") || value.StartsWith("~/") || value.StartsWith("./") || value.StartsWith("../")
        || value.StartsWith("[") || value.StartsWith("<");

    private static int LongestRun(ReadOnlySpan<char> value)
    {
        int best = 0, run = 0;
        for (var i = 0; i < value.Length; i++)
        {
            run = i > 0 && value[i] == value[i - 1] ? run + 1 : 1;
            best = Math.Max(best, run);
        }

        return best;
    }
}
