using System.Text;
using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.Skills.Audit;

public static partial class ShellVariables
{
    /// <summary>
    /// A text with the shell's word-splitting tricks undone, line for line: <c>c''url${IFS}-fsSL${IFS}https://…|b''ash</c>
    /// is <c>curl -fsSL https://…|bash</c> to the shell. Empty quotes inside a word go, a few letters quoted inside a word
    /// (<c>c"ur"l</c>, <c>'cu'rl</c>) lose their quotes, and <c>$IFS</c> (<c>${IFS}</c>, <c>${IFS%??}</c>, <c>$IFS$9</c>) reads as a
    /// space. With each line of the view, the offset where its line starts in the text; null when no line changes.
    /// </summary>
    public static (string View, int[] LineStarts)? QuotingView(string text)
    {
        if (text.Length > 512 * 1024 || !SplitWord().IsMatch(text))
        {
            return null;
        }

        return LineView(text, Unsplit, _ => { });
    }

    /// <summary>
    /// The text with each command continued over lines (a backslash, or PowerShell's backtick, at a line's end) read as
    /// one line, as the shell reads it: <c>curl -s https://… \</c> then <c>-d "{\"mnemonic\": …}"</c> is one request.
    /// Each view line maps to the start of the first line it joins; a line that continues nothing and is not continued is
    /// left empty (the text itself is read already, its prose unwrapped). Null when nothing is continued.
    /// </summary>
    public static (string View, int[] LineStarts)? ContinuationView(string text)
    {
        if (text.Length > 512 * 1024 || !Continued().IsMatch(text))
        {
            return null;
        }

        var view = new StringBuilder(text.Length);
        var command = new StringBuilder();
        var starts = new List<int>();
        var offset = 0;
        var joining = false;
        var parts = 0;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (!joining)
            {
                starts.Add(offset);
                command.Clear();
                parts = 0;
            }

            joining = line.Length > 1 && line[^1] is '\\' or '`' && line[^2] is ' ' or '\t';
            command.Append(joining ? line.AsSpan(0, line.Length - 1) : line);
            parts++;
            if (!joining)
            {
                view.Append(parts > 1 ? command : string.Empty).Append('\n');
            }

            offset += raw.Length + 1;
        }

        return (view.ToString(), starts.ToArray());
    }

    [GeneratedRegex(@"[ \t][\\`]\r?\n", RegexOptions.CultureInvariant)]
    private static partial Regex Continued();

    /// <summary>
    /// A document's command dictated in pieces, one list item each, "typed on one line": <c>1. `curl -sL`</c>,
    /// <c>2. `host/fix`</c>, <c>3. `| zsh`</c>. Each run of two or more items that hold only a code span is one line of
    /// the view, its pieces joined by spaces, at the first item's place; or null where the document has no such run.
    /// </summary>
    public static (string View, int[] LineStarts)? PiecesView(string text)
    {
        if (text.Length > 512 * 1024 || !text.Contains('`', StringComparison.Ordinal))
        {
            return null;
        }

        var view = new StringBuilder();
        var starts = new List<int>();
        var run = new List<string>();
        var runStart = 0;
        var runs = 0;
        var offset = 0;
        void Flush()
        {
            if (run.Count >= 2)
            {
                starts.Add(runStart);
                view.Append(string.Join(' ', run)).Append('\n');
                runs++;
            }

            run.Clear();
        }

        foreach (var raw in text.Split('\n'))
        {
            if (Piece().Match(raw) is { Success: true } piece && piece.Groups["code"].Length <= 200)
            {
                runStart = run.Count == 0 ? offset : runStart;
                run.Add(piece.Groups["code"].Value);
            }
            else
            {
                Flush();
            }

            offset += raw.Length + 1;
        }

        Flush();
        return runs == 0 ? null : (view.ToString(), starts.ToArray());
    }

    [GeneratedRegex(@"^[ \t>]*(?:\d+[.)]|[-*+])[ \t]+`(?<code>[^`\n]+)`[ \t.,;]*\r?$", RegexOptions.CultureInvariant)]
    private static partial Regex Piece();

    private static string Unsplit(string line)
    {
        if (!SplitWord().IsMatch(line))
        {
            return line;
        }

        line = AnsiC().Replace(line, m => Decoded(m.Groups["body"].Value) ?? m.Value);
        line = EscapedLetters().Replace(line, m => m.Value.Replace("\\", string.Empty, StringComparison.Ordinal));
        line = ProgramPath().Replace(line, string.Empty);
        line = Ifs().Replace(line, " ");
        line = EmptyQuotes().Replace(line, string.Empty);
        return QuotedLetters().Replace(line, m => m.Groups["letters"].Value);
    }

    /// <summary>
    /// <c>$'\x63\x75\x72\x6c'</c>'s characters: <c>\xHH</c>, <c>\NNN</c> (octal) and <c>\uHHHH</c> escapes and plain letters, or null
    /// where one decodes to a control character (the string is then not a word).
    /// </summary>
    private static string? Decoded(string body)
    {
        var word = new StringBuilder(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] != '\\')
            {
                word.Append(body[i]);
                continue;
            }

            var (digits, radix, skip) = body[i + 1] switch
            {
                'x' => (body.Substring(i + 2, 2), 16, 3),
                'u' => (body.Substring(i + 2, 4), 16, 5),
                _ => (body.Substring(i + 1, 3), 8, 3),
            };
            var code = Convert.ToInt32(digits, radix);
            if (code is < 0x20 or > 0x7e)
            {
                return null;
            }

            word.Append((char)code);
            i += skip;
        }

        return word.ToString();
    }

    /// <summary>A quoted ANSI-C word of escapes: <c>$'\x63\x75rl'</c>, at most 64 of them.</summary>
    [GeneratedRegex(@"\$'(?<body>(?:\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|[0-7]{3})|[A-Za-z0-9./-]){2,64})'", RegexOptions.CultureInvariant)]
    private static partial Regex AnsiC();

    /// <summary>A command word with backslashes between its letters (<c>c\url</c>, <c>ba\sh</c>): the shell drops them.</summary>
    [GeneratedRegex(@"(?<=^|[\s|;&(`])(?:[a-z0-9]{1,8}\\){1,8}[a-z0-9]{1,8}(?=[\s|;&)`]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex EscapedLetters();

    /// <summary>A fetcher called by its full path (<c>$(/usr/bin/curl …</c>, <c>/bin/nc</c>): the path goes, the name stays.</summary>
    [GeneratedRegex(@"(?<=^|[\s|;&(`""'])/(?:usr/)?(?:local/)?s?bin/(?=(?:curl|wget|nc|ncat|socat)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex ProgramPath();

    /// <summary>What gives a line away: <c>$IFS</c>, quotes inside a word, an ANSI-C word of escapes, backslashes between a command's letters, a fetcher by its full path.</summary>
    [GeneratedRegex(@"\$'\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|[0-7]{3})|(?:^|[\s|;&(`])[a-z0-9]{1,8}\\[a-z]|(?:^|[\s|;&(`""'])/(?:usr/)?(?:local/)?s?bin/(?:curl|wget|nc|ncat|socat)\b|\$\{?IFS\b|[A-Za-z](?:''|"""")[A-Za-z]|[A-Za-z](['""])[A-Za-z]{1,12}\1[A-Za-z]|(?:^|[\s|;&(])(['""])[A-Za-z]{1,12}\2[A-Za-z]", RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex SplitWord();

    [GeneratedRegex(@"\$\{IFS(?:[%#:][^}\n]{0,8})?\}(?:\$\d)?|\$IFS(?:\$\d)?\b", RegexOptions.CultureInvariant)]
    private static partial Regex Ifs();

    [GeneratedRegex(@"(?<=[A-Za-z0-9_./-])(?:''|"""")|(?:''|"""")(?=[A-Za-z0-9_./-])", RegexOptions.CultureInvariant)]
    private static partial Regex EmptyQuotes();

    [GeneratedRegex(@"(?<=[A-Za-z])(?<q>['""])(?<letters>[A-Za-z]{1,12})\k<q>(?=[A-Za-z\s|;&]|$)|(?<=^|[\s|;&(])(?<q2>['""])(?<letters>[A-Za-z]{1,12})\k<q2>(?=[A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedLetters();
}
