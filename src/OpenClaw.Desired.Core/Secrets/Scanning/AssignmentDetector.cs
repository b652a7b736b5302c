using System.Buffers;

namespace OpenClaw.Desired.Secrets.Scanning;

/// <summary>
/// High-entropy values assigned to secret-looking names, in the shapes agent hosts write them:
/// <c>NAME=value</c> (env), <c>name: value</c> (YAML, Markdown), <c>"name": "value"</c> (JSON, also escaped
/// inside session-log JSON strings), <c>Authorization: Bearer value</c>. Anchored on a few name fragments found
/// in one case-insensitive vectorised pass.
/// </summary>
internal static class AssignmentDetector
{
    private static readonly SearchValues<string> Fragments =
        SearchValues.Create(["key", "token", "secret", "pass", "pwd", "credential", "bearer"], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<char> Identifier =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.");

    private static readonly SearchValues<char> UnquotedEnd = SearchValues.Create(" \t\r\n,;)}]>\"'`\\");

    public static void Run(ReadOnlySpan<char> text, List<SecretMatch> sink)
    {
        var offset = 0;
        while (offset < text.Length)
        {
            var found = text[offset..].IndexOfAny(Fragments);
            if (found < 0)
            {
                return;
            }

            var at = offset + found;
            var left = at - Chars.RunBack(text, at, Identifier);
            var right = at + Chars.Run(text, at, Identifier);
            while (right > left && text[right - 1] is '.' or '-')
            {
                right--;
            }

            var next = TryAssignment(text, left, right, sink);
            offset = Math.Max(next, right > at ? right : at + 1);
        }
    }

    private static int TryAssignment(ReadOnlySpan<char> text, int left, int right, List<SecretMatch> sink)
    {
        var name = text[left..right];
        if (name.Length is 0 or > 64)
        {
            return -1;
        }

        if (name.Equals("bearer", StringComparison.OrdinalIgnoreCase))
        {
            return TryBearer(text, right, sink);
        }

        // The name may be quoted ("apiKey"), or quoted inside a JSON string (\"apiKey\").
        var i = right;
        i = SkipQuote(text, i);
        i = SkipBlanks(text, i);
        if (i >= text.Length || text[i] is not (':' or '=') || (text[i] == '=' && i + 1 < text.Length && text[i + 1] == '='))
        {
            return -1;
        }

        // Only now, with an assignment in sight, is the name worth splitting into words.
        var verdict = SecretNames.Classify(name);
        if (verdict == NameVerdict.NotSecret)
        {
            return -1;
        }

        i += i + 1 < text.Length && text[i + 1] is '=' or '>' ? 2 : 1;
        i = SkipBlanks(text, i);
        var (start, length) = ReadValue(text, i, AtLineStart(text, left));
        if (length == 0)
        {
            return -1;
        }

        var value = text.Slice(start, length);
        if (!LooksLikeSecret(value, verdict))
        {
            return -1;
        }

        var kind = verdict == NameVerdict.Password ? SecretKinds.Password
            : name.Contains("aws", StringComparison.OrdinalIgnoreCase) && length == 40 ? SecretKinds.AwsSecretKey
            : SecretKinds.Generic;
        sink.Add(new SecretMatch(start, length, kind, name.Trim('.').ToString()));
        return start + length;
    }

    private static int TryBearer(ReadOnlySpan<char> text, int right, List<SecretMatch> sink)
    {
        if (right >= text.Length || text[right] != ' ')
        {
            return -1;
        }

        var start = right + 1;
        var length = Chars.Run(text, start, Chars.Bearer);
        var value = text.Slice(start, length);
        if (length < 20 || ValueHeuristics.IsPlaceholder(value) || ValueHeuristics.IsReference(value) || ValueHeuristics.Entropy(value) < 3.5)
        {
            return -1;
        }

        sink.Add(new SecretMatch(start, length, SecretKinds.Bearer));
        return start + length;
    }

    /// <summary>Whether only indentation (or "export ") precedes the name on its line, as in env and YAML files.</summary>
    private static bool AtLineStart(ReadOnlySpan<char> text, int left)
    {
        var lineStart = text[..left].LastIndexOf('\n') + 1;
        var before = text[lineStart..left].Trim();
        return before.IsEmpty || before.SequenceEqual("export") || before.SequenceEqual("-");
    }

    private static (int Start, int Length) ReadValue(ReadOnlySpan<char> text, int i, bool wholeLine)
    {
        if (i >= text.Length)
        {
            return (i, 0);
        }

        var escaped = text[i] == '\\' && i + 1 < text.Length && text[i + 1] == '"';
        if (escaped || text[i] is '"' or '\'' or '`')
        {
            var start = i + (escaped ? 2 : 1);
            var closing = escaped ? '\\' : text[i];
            var quoted = text[start..Math.Min(text.Length, start + 1024)];
            var end = quoted.IndexOfAny(closing, '\n');
            return end <= 0 || quoted[end] == '\n' ? (start, 0) : (start, end);
        }

        var window = text[i..Math.Min(text.Length, i + 1024)];
        if (wholeLine)
        {
            // env and YAML: an unquoted value runs to the end of the line, less a " #" comment.
            var end = window.IndexOfAny('\r', '\n');
            var line = end < 0 ? window : window[..end];
            var comment = line.IndexOf(" #", StringComparison.Ordinal);
            return (i, (comment < 0 ? line : line[..comment]).TrimEnd().Length);
        }

        var run = window.IndexOfAny(UnquotedEnd);
        return (i, run < 0 ? window.Length : run);
    }

    /// <summary>Entropy and shape checks; passwords may be shorter and less random than keys.</summary>
    internal static bool LooksLikeSecret(ReadOnlySpan<char> value, NameVerdict verdict)
    {
        if (value.Length is < 8 or > 1024 || ValueHeuristics.IsReference(value) || ValueHeuristics.IsPlaceholder(value)
            || value.Contains("://", StringComparison.Ordinal) || value.ContainsAny(' ', '\t'))
        {
            return false;
        }

        if (!value.ContainsAny(Chars.Digits) && IsWordsOnly(value))
        {
            return false;
        }

        if (!value.ContainsAnyExcept(Chars.Digits))
        {
            return false;
        }

        var entropy = ValueHeuristics.Entropy(value);
        var classes = ValueHeuristics.CharClasses(value);
        if (verdict == NameVerdict.Password)
        {
            return classes >= 3 || (classes >= 2 && entropy >= 2.8);
        }

        if (ValueHeuristics.IsIdentifierPath(value) || (ValueHeuristics.IsUuid(value) && verdict != NameVerdict.StrongSecret))
        {
            return false;
        }

        var hex = !value.ContainsAnyExcept("0123456789abcdef") || !value.ContainsAnyExcept("0123456789ABCDEF");
        return hex ? value.Length >= 20 && entropy >= 3.0 : value.Length >= 16 && classes >= 2 && entropy >= 3.4;
    }

    private static bool IsWordsOnly(ReadOnlySpan<char> value)
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

    private static int SkipQuote(ReadOnlySpan<char> text, int i)
    {
        if (i + 1 < text.Length && text[i] == '\\' && text[i + 1] == '"')
        {
            return i + 2;
        }

        return i < text.Length && text[i] is '"' or '\'' ? i + 1 : i;
    }

    private static int SkipBlanks(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }

        return i;
    }
}
