namespace OpenClaw.Desired.Secrets.Scanning;

/// <summary>Tells real-looking credential values from placeholders, references and ordinary words.</summary>
internal static class ValueHeuristics
{
    private static readonly string[] PlaceholderWords =
    [
        "example", "xxxx", "placeholder", "your", "redacted", "changeme", "change_me", "insert", "replace", "sample",
        "****", "....", "todo", "fixme", "secret moved", "dummy",

        // Well-known documentation examples (Telegram's Bot API docs, Stripe's test key).
        "ABC-DEF1234ghIkl", "4eC39HqLyjWDarjtT1zdp7dc",
    ];

    private static readonly HashSet<string> PlaceholderValues = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "passwd", "pass", "secret", "token", "apikey", "api_key", "api-key", "key", "none", "null", "nil", "true",
        "false", "undefined", "empty", "pwd", "ollama-local", "ollama", "lm-studio", "lmstudio", "sk-no-key-required", "not-needed",
        "unused", "local", "string",
    };

    /// <summary>
    /// Values vendors publish in their documentation (AWS's and Stripe's example keys, the sample token of
    /// jwt.io, Azurite's development storage key, GitHub's example installation token, RFC 7617's Basic
    /// credentials): they look real, and they are everywhere in tutorials and model output.
    /// </summary>
    private static readonly string[] KnownExamples =
    [
        "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ", "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
        "4eC39HqLyjWDarjtT1zdp7dc", "BQokikJOvBiI2HlWgH4olfQ2",
        "16C7e42F292c69C2E7C10c838347Ae178B4a", "AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe",
        "110201543:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw", "QWxhZGRpbjpvcGVuIHNlc2FtZQ==",

        // Google API keys the Firebase Android SDK publishes in its test and sample projects.
        "AIzaSyAnLA7NfeLquW1tJFpx_eQCxoX-oo6YyIs", "AIzaSyCkEhVjf3pduRDt6d1yKOMitrUEke8agEM", "AIzaSyDMAScliyLx7F0NPDEJi1QmyCgHIAODrlU",
        "AIzaSyD3asb-2pEZVqMkmL6M9N6nHZRR_znhrh0", "AIzayDNSXIbFmlXbIE6mCzDLQAqITYefhixbX4A", "AIzaSyAdOS2zB6NCsk1pCdZ4-P6GBdi_UUPwX7c",
        "AIzaSyASWm6HmTMdYWpgMnjRBjxcQ9CKctWmLd4", "AIzaSyANUvH9H9BsUccjsu2pCmEkOPjjaXeDQgY", "AIzaSyA5_iVawFQ8ABuTZNUdcwERLJv_a_p4wtM",
        "AIzaSyA4UrcGxgwQFTfaI3no3t7Lt1sjmdnP5sQ", "AIzaSyDSb51JiIcB6OJpwwMicseKRhhrOq1cS7g", "AIzaSyBF2RrAIm4a0mO64EShQfqfd2AFnzAvvuU",
        "AIzaSyBcE-OOIbhjyR83gm4r2MFCu4MJmprNXsw", "AIzaSyB8qGxt4ec15vitgn44duC5ucxaOi4FmqE", "AIzaSyA8vmApnrHNFE0bApF4hoZ11srVL_n0nvY",
    ];

    public static bool IsKnownExample(ReadOnlySpan<char> value)
    {
        foreach (var example in KnownExamples)
        {
            if (value.Contains(example, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

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

        // <token>, <YOUR_KEY>, sk-<key>: an angle-bracket group names what goes there.
        var open = value.IndexOf('<');
        if (open >= 0 && value[open..].IndexOf('>') > 1)
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

        return (LongestRun(value) >= Math.Max(6, value.Length / 2 + 1) && DistinctChars(value) < 8)
            || (value.Length >= 16 && LongestSequence(value) >= 6) || IsCounting(value) || IsRepeatedBlock(value);
    }

    /// <summary>The longest run of consecutive letters or digits, up or down (abcdef, 123456, ABCDEFGH): typed by hand.</summary>
    public static int LongestSequence(ReadOnlySpan<char> value)
    {
        int best = 1, up = 1, down = 1;
        for (var i = 1; i < value.Length; i++)
        {
            var same = char.IsAsciiDigit(value[i]) == char.IsAsciiDigit(value[i - 1]) && char.IsAsciiLetterOrDigit(value[i]) && char.IsAsciiLetterOrDigit(value[i - 1]);
            up = same && value[i] == value[i - 1] + 1 ? up + 1 : 1;
            down = same && value[i] == value[i - 1] - 1 ? down + 1 : 1;
            best = Math.Max(best, Math.Max(up, down));
        }

        return value.IsEmpty ? 0 : best;
    }

    /// <summary>Letters and digits counting in step, both up or both down (a1b2c3d4…, d4c3b2a1…): a made-up value.</summary>
    private static bool IsCounting(ReadOnlySpan<char> value)
    {
        int up = 0, down = 0;
        for (var i = 2; i < value.Length; i++)
        {
            var alternating = char.IsAsciiLetterOrDigit(value[i]) && char.IsAsciiLetterOrDigit(value[i - 1]) && char.IsAsciiDigit(value[i]) != char.IsAsciiDigit(value[i - 1]);
            up = alternating && value[i] == value[i - 2] + 1 ? up + 1 : 0;
            down = alternating && value[i] == value[i - 2] - 1 ? down + 1 : 0;
            if (up >= 6 || down >= 6)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A short block of several characters repeated over most of the value (DEADBEEFDEADBEEF, abcabcabc).</summary>
    private static bool IsRepeatedBlock(ReadOnlySpan<char> value)
    {
        for (var period = 2; period <= 8 && period * 2 <= value.Length; period++)
        {
            var stretch = 0;
            for (var i = 0; i + period < value.Length; i++)
            {
                stretch = value[i] == value[i + period] ? stretch + 1 : 0;
                if (stretch + period >= Math.Max(12, value.Length * 3 / 5) && DistinctChars(value.Slice(i + 1 - stretch, period)) >= 2)
                {
                    return true;
                }
            }
        }

        return false;
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

    /// <summary>
    /// A value that is plainly a slot to fill, not something anyone could log in with: empty, a mask (<c>***</c>,
    /// <c>xxxx</c>, <c>####</c>, <c>...</c>), a template or interpolation (<c>&lt;password&gt;</c>, <c>${VAR}</c>,
    /// <c>{{x}}</c>, <c>#{x}</c>, <c>%s</c>, <c>%VAR%</c>, <c>{0}</c>, <c>$VAR</c>, <c>?</c>) or a fill-in
    /// instruction (<c>your_password</c>). Weak or documentation-like wording (<c>secret</c>, <c>myPassword</c>) is not a template.
    /// </summary>
    public static bool IsTemplate(ReadOnlySpan<char> value)
    {
        value = value.Trim();
        if (value.IsEmpty || !value.ContainsAnyExcept("*#.?x_X-") || IsReference(value) && !value.StartsWith("/") && !value.StartsWith("./"))
        {
            return true;
        }

        var open = value.IndexOf('<');
        if (open >= 0 && value[open..].IndexOf('>') > 1)
        {
            return true;
        }

        return value.Contains("${", StringComparison.Ordinal) || value.Contains("{{", StringComparison.Ordinal) || value.Contains("#{", StringComparison.Ordinal)
            || value.Contains("%s", StringComparison.Ordinal) || value.Contains("%(", StringComparison.Ordinal) || value.Contains("$(", StringComparison.Ordinal)
            || (value.Length > 2 && value[0] == '%' && value[^1] == '%') || (value.Length >= 3 && value[0] == '{' && value[^1] == '}' && !value[1..^1].ContainsAnyExcept(Chars.Digits))
            || value.Contains("****", StringComparison.Ordinal) || value.Contains("xxxx", StringComparison.OrdinalIgnoreCase)
            || value.StartsWith("your", StringComparison.OrdinalIgnoreCase) || value.StartsWith("<", StringComparison.Ordinal);
    }

    private static readonly HashSet<string> UserSlots = new(StringComparer.OrdinalIgnoreCase) { "user", "username", "usr", "login", "name", "uid", "userid" };

    private static readonly HashSet<string> PasswordSlots = new(StringComparer.OrdinalIgnoreCase) { "pass", "password", "passwd", "pwd", "pw" };

    /// <summary>
    /// A user and a password that are both the names of their own fields (<c>user:pass</c>, <c>User=user;Password=password</c>):
    /// a form still to fill in, as much a template as <c>&lt;user&gt;:&lt;password&gt;</c>.
    /// </summary>
    public static bool IsSlotPair(ReadOnlySpan<char> user, ReadOnlySpan<char> password) =>
        UserSlots.GetAlternateLookup<ReadOnlySpan<char>>().Contains(user.Trim()) && PasswordSlots.GetAlternateLookup<ReadOnlySpan<char>>().Contains(password.Trim());

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
