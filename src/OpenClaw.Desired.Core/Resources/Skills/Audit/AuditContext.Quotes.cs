using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>
/// Quotes and patterns: whether a match sits in a quoted regular expression, a quoted term or phrase, a checker's
/// report line, or a line that quotes an attack against an illustrative host; what a security tool's code and
/// documents hold as what they look for rather than as what they do.
/// </summary>
public static partial class AuditContext
{
    /// <summary>A line that is one quoted string and nothing else (an item of a list of patterns), bar a comma and a comment.</summary>
    public static bool IsPatternLiteral(string line) => PatternLiteral().IsMatch(line);

    [GeneratedRegex(@"^\s*[rbuf]?(?:'[^'\n]*'|""[^""\n]*"")\s*,?\s*(?:#[^\n]*)?\r?$", RegexOptions.CultureInvariant)]
    private static partial Regex PatternLiteral();

    /// <summary>
    /// The column falls inside a quoted string that is a regular expression: it holds two kinds of regex syntax
    /// (<c>\.</c>, <c>\s</c>, <c>.*</c>, <c>[^…]</c>, <c>(?:</c>, a class or group with a quantifier). A row of a scanner's
    /// rule table (<c>hit HIGH gatekeeper 'spctl +--master-disable'</c>) names what it looks for.
    /// </summary>
    public static bool InQuotedPattern(string line, int column)
    {
        foreach (Match quoted in QuotedString().Matches(line))
        {
            if (column >= quoted.Index && column < quoted.Index + quoted.Length)
            {
                // A string a shell runs (bash -c "…; …") is a command, whatever pattern it also holds.
                // Escapes inside an alternation group ("(\.zip|\.exe)") count as a kind of their own.
                return !ShellControl().IsMatch(quoted.Value) && !(quoted.Value[0] == '"' && quoted.Value.Contains('`', StringComparison.Ordinal))
                    && RegexSyntax().Matches(quoted.Value).Concat(RegexEscape().Matches(quoted.Value)).Select(m => m.Value[..Math.Min(2, m.Length)]).Distinct().Count() >= 2;
            }
        }

        return false;
    }

    [GeneratedRegex(@"'[^'\n]{3,}'|""[^""\n]{3,}""", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedString();

    /// <summary>The text at <paramref name="offset"/> opens a double-quoted term that closes on its line within 60 characters.</summary>
    public static bool OpensQuotedTerm(string text, int offset) => QuotedTermEnd(text, offset) > 0;

    /// <summary>
    /// The text at <paramref name="offset"/> opens a quoted phrase that the words after it name as a kind of wording
    /// ("paste this in Terminal" instructions, "run this to finish setup" prompts): a phrase mentioned, not said.
    /// </summary>
    public static bool NamesAPhrase(string text, int offset)
    {
        var end = QuotedTermEnd(text, offset);
        return end > 0 && KindOfWording().IsMatch(text.AsSpan(end + 1, Math.Min(40, text.Length - end - 1)));
    }

    /// <summary>A line that calls something malware, a scam or a red flag.</summary>
    public static bool WarnsOfMalware(string line) => MalwareWords().IsMatch(line);

    [GeneratedRegex(@"\b(?:malware|malicious|scams?|phish\w*|red\s+flags?|stealers?|suspicious|likely\s+fake)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MalwareWords();

    /// <summary>
    /// A sentence that names what it quotes as strings a tool holds, not steps, in both ways: "its rules contain strings
    /// such as <c>base64 -d | bash</c> …: these are detection signatures, not commands to run".
    /// </summary>
    public static bool NamesStringsItHolds(string sentence) => StringsItHolds().IsMatch(sentence) && NotToRun().IsMatch(sentence);

    [GeneratedRegex(@"\b(?:strings?|patterns?|signatures?)\s+(?:such\s+as|like|e\.\s?g\.|including)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StringsItHolds();

    [GeneratedRegex(@"\bnot\s+(?:a\s+)?commands?\s+to\s+(?:run|execute)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotToRun();

    private static int QuotedTermEnd(string text, int offset)
    {
        if (offset == 0 || text[offset - 1] is not ('"' or '\u201C' or '\u201E' or '\u00AB'))
        {
            return -1;
        }

        var rest = text.AsSpan(offset, Math.Min(60, text.Length - offset));
        var end = rest.IndexOfAny('\n', '"', '\u201D');
        return end > 0 && rest[end] != '\n' ? offset + end : -1;
    }

    [GeneratedRegex(@"^[ \t]*(?:instructions?|steps?|prompts?|messages?|lures?|advice|tricks?|scams?|wording|phrases?|requests?|pop-?ups?|dialogs?|sections?|notes?|claims?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KindOfWording();

    [GeneratedRegex(@";|&&|\|\||>&|\$\(|\|\s*(?:sudo\s+)?(?:ba|z|da)?sh\b", RegexOptions.CultureInvariant)]
    private static partial Regex ShellControl();

    [GeneratedRegex(@"\\[.sSdDwWbB|()\[\]{}+*?$^/-]|\.[*+]|\[\^|\(\?[:=!<]|[\])][*+?]|\[[^\]\n]{1,40}\][*+?{]|\([^()\n|]{1,40}\|[^()\n]{1,40}\)", RegexOptions.CultureInvariant)]
    private static partial Regex RegexSyntax();

    [GeneratedRegex(@"\\[.sSdDwWbB|()\[\]{}+*?$^/-]", RegexOptions.CultureInvariant)]
    private static partial Regex RegexEscape();

    /// <summary>Hosts documentation uses to illustrate an attack (example.com, attacker.com, evil.com): no real lure sends anything there.</summary>
    public static bool QuotesAnExample(string line) => IllustrativeHost().IsMatch(line) || RegexSource().IsMatch(line.Contains("[^", StringComparison.Ordinal) ? FootnoteMark().Replace(line, string.Empty) : line);

    /// <summary>
    /// A line of a checker's report in a security tool's documents: a severity tag, then the file and line it found
    /// something at, a rule id between them or after (<c>[HIGH] SKILL.md:23  encoded-shell  echo '…' | base64 -d | bash</c>), or the file and line, then a
    /// rule id and the severity (<c>skills/x/SKILL.md:14  EX02 critical  echo '…' | base64 -D | bash</c>), or a bare severity, the
    /// rule id and the place (<c>HIGH  exec.base64_pipe  SKILL.md:22  "base64 -d | bash"</c>), the skill's name first
    /// (<c>skills/yt  HIGH  SKILL.md:23  download-execute: "…"</c>), or a line number, a rule id and the quote
    /// (<c>line 212  secrecy  "do not mention this to the user"</c>). It quotes what the tool found.
    /// </summary>
    public static bool IsReportLine(string line) => ReportLine().IsMatch(line);

    [GeneratedRegex(@"^\s*\[(?:crit(?:ical)?|high|med(?:ium)?|low|warn(?:ing)?|fail|error|info)\s*\][ \t]+(?:[\w-]+[ \t]+)?[\w./-]+:\d+\b|^\s*[\w./-]+\.\w+:\d+(?::\d+)?[ \t]+(?:[\w-]+[ \t]+){0,2}\[?(?:crit(?:ical)?|high|med(?:ium)?|low|warn(?:ing)?|fail|error|info)\]?(?=[ \t:])|^\s*(?:[\w./-]+[ \t]+)?(?:crit(?:ical)?|high|med(?:ium)?|low|warn(?:ing)?|fail|error|info)[ \t]+(?:[\w.-]+[ \t]+)?[\w./-]+\.\w+:\d+\b|^\s*line[ \t]+\d+[ \t]+[\w-]+[ \t]+[""“]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReportLine();

    /// <summary>A Markdown blockquote's line: text the document quotes (an e-mail that carries an injection, a lure's wording); not a callout nor a line with a command in backticks.</summary>
    public static bool IsBlockquote(string line)
    {
        var text = line.AsSpan().TrimStart();
        // Not a callout ("> [!IMPORTANT]"), a redirection (">> file") or a quoted line that gives a command in backticks.
        return text.StartsWith(">") && !text.StartsWith(">>") && !text[1..].TrimStart().StartsWith("[!") && !text.Contains('`');
    }

    /// <summary>A Markdown footnote mark or definition label (<c>[^fix]</c>), which reads like a regex's negated class.</summary>
    [GeneratedRegex(@"\[\^[\w-]{1,40}\]", RegexOptions.CultureInvariant)]
    private static partial Regex FootnoteMark();

    /// <summary>Whether the match sits inside quotes on its line ("Ignore previous instructions", quoted as an example of injection).</summary>
    public static bool IsQuoted(string line, int start, int end)
    {
        var before = line[..Math.Min(start, line.Length)];
        var after = end <= line.Length ? line[end..] : string.Empty;
        foreach (var (open, close) in new[] { ('"', '"'), ('\u201C', '\u201D'), ('\'', '\''), ('`', '`') })
        {
            if (before.Contains(open) && after.Contains(close))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"\b(?:[a-z0-9-]+\.)*(?:example\.(?:com|org|net)|attacker\.(?:com|example)|evil\.(?:com|example)|malicious\.(?:com|example)|hacker\.com|badguy\.com|c2\.example)\b|(?<![a-z0-9])(?:evil|attacker|malicious|badguy|bad-actor)(?:-[a-z0-9-]+)?\.(?:[a-z0-9-]+\.)*[a-z]{2,}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IllustrativeHost();

    /// <summary>A regular expression's source (\s+, (?:, escaped dots): a scanner's pattern, not a command; not an approvals entry's <c>pattern: "*"</c>, which matches every command.</summary>
    [GeneratedRegex(@"\\\\?s[+*]|\(\?[:i!=]|\[\^|\\\\?\.\w+\\\\?\.|\bregex\s*[:=]|\bpattern\s*[:=](?!\s*[""']\*[""'])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RegexSource();
}
