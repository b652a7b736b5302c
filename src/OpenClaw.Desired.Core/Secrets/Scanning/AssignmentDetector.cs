using System.Buffers;

namespace OpenClaw.Desired.Secrets.Scanning;

/// <summary>
/// Values given to secret-looking names, in the shapes agent hosts write them: <c>NAME=value</c> (env),
/// <c>name: value</c> (YAML, Markdown), <c>"name": "value"</c> (JSON, also escaped inside session-log JSON
/// strings), <c>name => 'v'</c>, <c>name := "v"</c>, comparisons (<c>password == "v"</c>), XML
/// (<c>key="…Password" value="v"</c>, <c>&lt;password&gt;v&lt;/password&gt;</c>), command-line flags
/// (<c>--password v</c>), netrc and Gradle (<c>password v</c>), prose (<c>the password is 'v'</c>) and
/// <c>Authorization: Bearer v</c>. Anchored on a few name fragments found in one case-insensitive vectorised pass.
/// </summary>
internal static partial class AssignmentDetector
{
    /// <summary>The name fragments (case ignored) whose places the scanner's one pass gives <see cref="Run"/>.</summary>
    public static readonly string[] Fragments = ["key", "token", "secret", "pass", "pwd", "credential", "bearer"];

    private static readonly SearchValues<char> Identifier =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.");

    private static readonly SearchValues<char> UnquotedEnd = SearchValues.Create(" \t\r\n,;)}]>\"'`\\&");

    /// <param name="starts">Where <see cref="Fragments"/> start in the text, ascending (null: nowhere).</param>
    public static void Run(ReadOnlySpan<char> text, List<int>? starts, List<SecretMatch> sink)
    {
        var offset = 0;
        var cursor = 0;
        while (offset < text.Length)
        {
            var at = Text.Needles.NextStart(starts, ref cursor, offset);
            if (at < 0)
            {
                return;
            }

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

        if (name.Equals("bearer", StringComparison.OrdinalIgnoreCase) || (name.Equals("token", StringComparison.OrdinalIgnoreCase) && IsAuthorizationScheme(text, left)))
        {
            return TryBearer(text, right, sink);
        }

        // The name may be quoted ("apiKey"), or quoted inside a JSON string (\"apiKey\").
        var i = SkipQuote(text, right);
        var quoted = i > right;
        i = SkipBlanks(text, i);
        if (i >= text.Length)
        {
            return -1;
        }

        var (op, width) = Operator(text, i);
        if (op == Op.None)
        {
            return TrySpaced(text, left, right, i, quoted, sink);
        }

        // Only now, with an assignment in sight, is the name worth splitting into words.
        var verdict = SecretNames.Classify(name);
        if (verdict == NameVerdict.NotSecret)
        {
            return -1;
        }

        if (op == Op.Assign && width == 1 && !quoted && i == right && i + 1 < text.Length && text[i + 1] is not (' ' or '\t' or '"' or '\'' or '`'))
        {
            // NAME=value command …: the environment of a command, one shell word each. A word that is no secret
            // leaves the line to the readings below (an INI line's unquoted passphrase reads like a command too).
            var (word, wordLength) = ShellValue(text, left, i + 1);
            if (wordLength > 0 && Add(text, word, wordLength, name, verdict, ValueForm.Literal, sink) is var next && next > 0)
            {
                return next;
            }
        }

        i = SkipBlanks(text, i + width);
        var lineStart = AtLineStart(text, left);
        var (start, length, literal) = ReadValue(text, i, lineStart);
        if (length == 0 || (op == Op.Compare && !literal))
        {
            return -1;
        }

        // Compared with a literal, any credential name is checked like a password: the literal is what unlocks.
        var form = op == Op.Compare ? ValueForm.Told : literal || lineStart ? ValueForm.Literal : ValueForm.Expression;
        return Add(text, start, length, name, op == Op.Compare ? NameVerdict.Password : verdict, form, sink);
    }

    private enum Op
    {
        None,
        Assign,
        Compare,
    }

    /// <summary>=, :, =>, :=, Make's <c>?=</c> and <c>+=</c>, <c>==</c>, <c>!=</c>, <c>===</c> at <paramref name="i"/>, and how many characters it takes.</summary>
    private static (Op Op, int Width) Operator(ReadOnlySpan<char> text, int i)
    {
        var next = i + 1 < text.Length ? text[i + 1] : '\0';
        return text[i] switch
        {
            '=' when next == '=' => (Op.Compare, i + 2 < text.Length && text[i + 2] == '=' ? 3 : 2),
            '!' when next == '=' => (Op.Compare, i + 2 < text.Length && text[i + 2] == '=' ? 3 : 2),
            '=' or ':' when next is '=' or '>' => (Op.Assign, 2),
            '?' or '+' when next == '=' => (Op.Assign, 2),
            '=' or ':' => (Op.Assign, 1),
            _ => (Op.None, 0),
        };
    }

    internal static int Add(ReadOnlySpan<char> text, int start, int length, ReadOnlySpan<char> name, NameVerdict verdict, ValueForm form, List<SecretMatch> sink)
    {
        var value = text.Slice(start, length);
        if (!AssignedValues.LooksLikeSecret(value, verdict, form, name))
        {
            return -1;
        }

        var trimmed = name.TrimStart('-').Trim('.');
        var kind = verdict == NameVerdict.Password ? SecretKinds.Password
            : name.Contains("aws", StringComparison.OrdinalIgnoreCase) && length == 40 ? SecretKinds.AwsSecretKey
            : SecretKinds.Generic;
        sink.Add(new SecretMatch(start, length, kind, trimmed.ToString()));
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
        if (length < 20 || ValueHeuristics.IsPlaceholder(value) || ValueHeuristics.IsReference(value) || ValueHeuristics.IsKnownExample(value) || ValueHeuristics.Entropy(value) < 3.5)
        {
            return -1;
        }

        sink.Add(new SecretMatch(start, length, SecretKinds.Bearer));
        return start + length;
    }

    /// <summary>"Authorization: Token v": the scheme some APIs (Deepgram, Django REST) use in place of Bearer.</summary>
    private static bool IsAuthorizationScheme(ReadOnlySpan<char> text, int left)
    {
        var before = text[Math.Max(0, left - 24)..left].TrimEnd();
        return before.EndsWith("authorization:", StringComparison.OrdinalIgnoreCase) || before.EndsWith("authorization\":", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether only indentation (or "export ", a list dash, a comment mark) precedes the name on its line, as in env, YAML and INI files.</summary>
    private static bool AtLineStart(ReadOnlySpan<char> text, int left)
    {
        var lineStart = text[..left].LastIndexOf('\n') + 1;
        var before = text[lineStart..left].Trim();
        return before.IsEmpty || before.SequenceEqual("export") || before.SequenceEqual("-") || before.SequenceEqual("#") || before.SequenceEqual("//");
    }

    /// <summary>A quoted literal (and true), the rest of an env/YAML line, or an unquoted run in code.</summary>
    private static (int Start, int Length, bool Literal) ReadValue(ReadOnlySpan<char> text, int i, bool wholeLine)
    {
        if (i >= text.Length)
        {
            return (i, 0, false);
        }

        var escaped = text[i] == '\\' && i + 1 < text.Length && text[i + 1] == '"';
        if (escaped || text[i] is '"' or '\'' or '`')
        {
            var start = i + (escaped ? 2 : 1);
            var closing = escaped ? '\\' : text[i];
            var quoted = text[start..Math.Min(text.Length, start + 1024)];
            var end = quoted.IndexOfAny(closing, '\n');
            return end <= 0 || quoted[end] == '\n' ? (start, 0, true) : (start, end, true);
        }

        var window = text[i..Math.Min(text.Length, i + 1024)];
        if (wholeLine)
        {
            // env and YAML: an unquoted value runs to the end of the line, less a " #" comment.
            var end = window.IndexOfAny('\r', '\n');
            var line = end < 0 ? window : window[..end];
            var comment = line.IndexOf(" #", StringComparison.Ordinal);
            return (i, (comment < 0 ? line : line[..comment]).TrimEnd().Length, false);
        }

        var run = window.IndexOfAny(UnquotedEnd);
        return (i, run < 0 ? window.Length : run, false);
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
