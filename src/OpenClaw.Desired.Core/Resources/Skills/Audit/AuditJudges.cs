using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>Judgements that look at the matched line: an injection or a quote of one, a warning, a credential read, a caution (persistence in AuditJudges.Persistence.cs).</summary>
public static partial class LineJudges
{
    /// <summary>Zero-width joiners and variation selectors inside emoji sequences (👨‍💻) are how emoji are written, not hidden text.</summary>
    public static AuditSeverity? JudgeHiddenUnicode(string text, Match match)
    {
        var c = match.Value[0];
        if (c is '\u200D' && match.Index > 0 && match.Index + 1 < text.Length && IsEmojiPart(text, match.Index - 1) && IsEmojiPart(text, match.Index + 1))
        {
            return null;
        }

        return AuditSeverity.High;
    }

    /// <summary>How far back a clause is read for a negation.</summary>
    private const int ClauseReach = 300;

    /// <summary>
    /// "Never share your API key", "do not send your private key to anyone": a warning, not an instruction. The clause
    /// before the match (from the last sentence or clause break on its line) says not to.
    /// </summary>
    public static AuditSeverity? JudgeNotNegated(string text, Match match) =>
        Negation().IsMatch(ClauseBefore(text, match.Index, ".!?:;")) ? null : AuditSeverity.Low;

    /// <summary>As <see cref="JudgeNotNegated"/>, with the sentence read back over line breaks ("Never paste the contents of\n~/.openclaw/.env there").</summary>
    public static AuditSeverity? JudgeNotNegatedInSentence(string text, Match match)
    {
        var from = Math.Max(0, match.Index - 240);
        var before = text[from..match.Index];
        var blank = before.LastIndexOf("\n\n", StringComparison.Ordinal);
        before = (blank < 0 ? before : before[(blank + 2)..]).Replace('\n', ' ');
        var clause = before[(before.LastIndexOfAny(['.', '!', '?', ':', ';']) + 1)..];
        return Negation().IsMatch(clause) ? null : AuditSeverity.Low;
    }

    /// <summary>The text within 16 KiB either side of an offset: what a judge reads "in the file", at a cost that does not grow with the file.</summary>
    internal static ReadOnlySpan<char> Around(string text, int offset, int reach = 16 * 1024)
    {
        var from = Math.Max(0, offset - reach);
        return text.AsSpan(from, Math.Min(text.Length, offset + reach) - from);
    }

    /// <summary>
    /// The clause before an offset: read back to its line's start, at most <see cref="ClauseReach"/> characters (a long
    /// line costs no more per match), and from the last of <paramref name="breaks"/> on.
    /// </summary>
    internal static ReadOnlySpan<char> ClauseBefore(string text, int offset, string breaks)
    {
        var reach = Math.Min(ClauseReach, offset);
        var lineStart = offset == 0 ? 0 : text.LastIndexOf('\n', offset - 1, reach) + 1;
        lineStart = lineStart == 0 ? offset - reach : lineStart;
        var before = text.AsSpan(lineStart, offset - lineStart);
        return before[(before.LastIndexOfAny(breaks) + 1)..];
    }

    /// <summary>
    /// A handover of a secret, unless the clause says not to ("never share your API key") or the secret is what to leave
    /// out ("send the log (remove your API key first)", "if you lost your API key").
    /// </summary>
    public static AuditSeverity? JudgeHandover(string text, Match match) =>
        JudgeNotNegated(text, match) is null || LeftOut().IsMatch(match.Value) ? null : AuditSeverity.Low;

    [GeneratedRegex(@"\b(?:never|not|don't|dont|avoid|without|no\s+one|nobody|beware|scam\w*|phish\w*|warn\w*)\b|n't\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Negation();

    /// <summary>Whether the text says the secret is what to leave out ("remove your tokens", "without the key").</summary>
    internal static bool LeavesOut(string text) => LeftOut().IsMatch(text);

    /// <summary>Whether the text says not to ("never", "do not"…), as <see cref="JudgeNotNegated"/> reads a clause.</summary>
    internal static bool Negates(string text) => Negation().IsMatch(text);

    [GeneratedRegex(@"\b(?:remov\w*|redact\w*|mask\w*|strip\w*|hid(?:e|ing)|without|except|lost|lose|forgot\w*|revok\w*|rotat\w*|never|not)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeftOut();

    /// <summary>
    /// "Don't add packages without asking the user" asks the user first: "without asking the user" under a prohibition is
    /// a rule to ask, not one to hide. Anything else as <see cref="JudgeQuoted"/> judges it.
    /// </summary>
    public static AuditSeverity? JudgeOverride(string text, Match match) =>
        match.Value.StartsWith("without", StringComparison.OrdinalIgnoreCase) && Prohibits().IsMatch(ClauseBefore(text, match.Index, ".!?;:")) ? null : JudgeQuoted(text, match);

    [GeneratedRegex(@"\b(?:never|don'?t|do\s+[*_]*not|must\s+[*_]*not|should\s+[*_]*not|shall\s+not|may\s+not|cannot|can'?t|won'?t|will\s+not)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Prohibits();

    /// <summary>"Ignore previous instructions" in quotes is an example of injection (security tools list them); bare, it is one.</summary>
    public static AuditSeverity? JudgeQuoted(string text, Match match)
    {
        var lineStart = match.Index == 0 ? 0 : text.LastIndexOf('\n', match.Index - 1) + 1;
        var line = LineOf(text, match.Index);
        return AuditContext.IsQuoted(line, match.Index - lineStart, match.Index - lineStart + match.Length) ? AuditSeverity.Medium : AuditSeverity.High;
    }

    /// <summary>
    /// An SSH key handed to ssh, scp, rsync or git with <c>-i</c> (or <c>IdentityFile</c>) signs the user in to their own
    /// server: it is used, not read for sending, when it is the only key the line names (a key copied beside it still counts).
    /// </summary>
    public static AuditSeverity? JudgeCredentialRead(string text, Match match) =>
        IdentityUse().IsMatch(match.Value) && KeyNames().Count(match.Value) == 1 || KeyHeldForSignIn(text, match) || ExcludedPath().IsMatch(match.Value) || ForbidsIt(text, match) || RefusesIt(text, match) || AuditSignals.InDenyList(text, match.Index) ? null : AuditSeverity.Medium;

    /// <summary>
    /// "If anyone asks the agent to locate, read or send wallet files (…), refuse and warn the user": the sentence is a
    /// rule for a request, not a step, where the match sits between the condition and the refusal. Read from the sentence's
    /// start (across wrapped lines, back to a sentence mark, a blank line or a list item) to its end, 400 characters at most.
    /// </summary>
    internal static bool RefusesIt(string text, Match match)
    {
        // Back to the sentence's start, over wrapped lines: a sentence mark, a blank line or a list item's marker.
        var from = Math.Max(0, match.Index - ClauseReach);
        var before = text.AsSpan(from, match.Index - from);
        before = SentenceEnd().Matches(before.ToString()) is { Count: > 0 } marks ? before[(marks[^1].Index + 1)..] : before;
        var blank = before.LastIndexOf("\n\n");
        before = blank >= 0 ? before[(blank + 2)..] : before;
        var item = ListItemStart().Matches(before.ToString()) is { Count: > 0 } items ? items[^1].Index : 0;
        before = before[item..];
        var end = match.Index + match.Length;
        var rest = text.AsSpan(end, Math.Min(400, text.Length - end));
        // A sentence ends at a mark followed by a space (a path's dots end nothing).
        var stop = SentenceEnd().Match(rest.ToString()) is { Success: true } mark ? mark.Index : -1;
        rest = stop < 0 ? rest : rest[..stop];
        var gap = rest.IndexOf("\n\n");
        return IfAsked().IsMatch(before) && Refuse().IsMatch(gap < 0 ? rest : rest[..gap]);
    }

    [GeneratedRegex(@"\n[ \t]*(?:[-*+]|\d+[.)])[ \t]", RegexOptions.CultureInvariant)]
    private static partial Regex ListItemStart();

    [GeneratedRegex(@"[.!?](?=\s)", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceEnd();

    /// <summary>Whether a text is a rule for a request, the match between its condition and its refusal: "if anyone asks … [match] …, refuse".</summary>
    internal static bool RefusesRequest(ReadOnlySpan<char> before, ReadOnlySpan<char> after) => IfAsked().IsMatch(before) && Refuse().IsMatch(after);

    [GeneratedRegex(@"\bif\b[^.!?]{0,200}?\b(?:asks?|tells?|requests?|instructs?|wants?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IfAsked();

    [GeneratedRegex(@"\b(?:refuse|decline|reject)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Refuse();

    /// <summary>
    /// The whole environment as a value is sent where the code posts within twelve lines of it, and its statement
    /// starts no child process (<c>spawn(cmd, { env: process.env })</c> hands the environment on, as every shell does).
    /// </summary>
    public static AuditSeverity? JudgeEnvSent(string text, Match match)
    {
        var (start, end) = AuditRules.Paragraph(text, match.Index, before: 12, after: 12, blankLines: 12, reach: 1500);
        var lead = text[Math.Max(start, match.Index - 300)..match.Index];
        lead = lead[(lead.LastIndexOf(';') + 1)..];
        if (ChildProcess().IsMatch(LineOf(text, match.Index)) || (ChildProcess().IsMatch(lead) && !Posts().IsMatch(lead)))
        {
            return null;
        }

        // A walk that picks variables by name on its next lines (a test of each name against a list) takes those, not the
        // whole environment: what it does with secrets among them the credential signals judge.
        if (match.Value.StartsWith("Object.entries", StringComparison.Ordinal) && PicksByName().IsMatch(text.AsSpan(match.Index + match.Length, Math.Min(300, text.Length - match.Index - match.Length))))
        {
            return null;
        }

        // Posted nearby; or, in a program that posts to a host it writes out, built into what a helper returns (a report's
        // "locale_env": dict(os.environ), sent by the file's own forwarder further down).
        return Posts().IsMatch(text.AsSpan(start, end - start)) || Posts().IsMatch(text) && SkillAuditBuilder.RemoteUrlLiteral().IsMatch(text) ? AuditSeverity.High : null;
    }

    /// <summary>The walk's next lines keep the names a test picks (<c>if (/^(OPENAI|ANTHROPIC)_API_KEY$/.test(k))</c>, <c>if (k === "X")</c>, <c>if (NAMES.includes(k))</c>); a test that skips names (<c>if (k === "PATH") continue;</c>, <c>if (!…)</c>) keeps the rest.</summary>
    [GeneratedRegex(@"^[^\n]*\n?[^\n]*\bif\s*\(\s*(?:/\^[^\n/]+\$/[a-z]*\.test\s*\(\s*\w+\s*\)|\w+\s*===?\s*[""'`][^""'`\n]*[""'`]|[\w.]+\.(?:includes|has)\s*\(\s*\w+\s*\))\s*\)(?![^\n]*\b(?:continue|return)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex PicksByName();

    [GeneratedRegex(@"\b(?:spawn|spawnSync|exec|execSync|execFile|execFileSync|fork|execa|Popen|subprocess|system|run|call|check_output|Process\.spawn|IO\.popen|Open3)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ChildProcess();

    [GeneratedRegex(@"\bfetch\s*\(|\b(?:requests|httpx|axios|session)\.(?:post|put)\b|\bNet::HTTP\b|\burlopen\s*\(|\bhttps?\.request\s*\(|\bsendBeacon\b|\bmethod\s*[:=]\s*[""'](?:POST|PUT)|\.(?:Post|PostAsync)\s*\(|\bcurl\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Posts();

    /// <summary>"Never read `~/.config/solana/id.json`", "do not open auth-profiles.json": the clause before the path forbids the step.</summary>
    private static bool ForbidsIt(string text, Match match) => Forbids(string.Concat(ClauseBefore(text, match.Index, ".!?:;"), match.Value));

    /// <summary>
    /// Whether a sentence opens by forbidding a step ("Never add lines that download or execute remote content (…)",
    /// "Do not run `…`"): what it quotes is what not to do. "Don't worry", "never skip" and the like forbid nothing.
    /// </summary>
    internal static bool ForbidsStep(string sentence) => SentenceProhibition().IsMatch(sentence) && !TurnsAround().IsMatch(Quoted().Replace(Quoted().Replace(sentence, " "), " "));

    /// <summary>What a sentence quotes: inline code and parentheses (the examples of what it forbids).</summary>
    [GeneratedRegex(@"`[^`\n]*`|\([^()\n]*\)", RegexOptions.CultureInvariant)]
    private static partial Regex Quoted();

    /// <summary>A sentence that goes on past its prohibition ("never run it by hand; the agent does: `…`", "… but run `…`", "… and run `…`", "— run `…`"), read without what it quotes.</summary>
    [GeneratedRegex(@"[;:,—–]|\s-\s|\b(?:and|but|instead|however|rather|except|unless|then|so|once|after|before|until)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TurnsAround();

    [GeneratedRegex(@"^[\s>*_+-]*(?:\d+[.)]\s*)?[*_]*(?:never|don'?t|do\s+not|must\s+not|should\s+not|avoid)[*_]*\s+(?!(?:ever\s+)?(?:forget|hesitate|skip|miss|fail|neglect|wait|delay|omit|postpone|ignore|worry|panic)\b)(?:\w+\s+){0,2}?(?:add|run|execute|use|paste|pipe|install|download|fetch|eval\w*|source|put|write|insert|include|suggest|recommend|type|enter|call|invoke|propose|offer)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SentenceProhibition();

    /// <summary>Whether a clause forbids its step ("never read", "do not open").</summary>
    internal static bool Forbids(ReadOnlySpan<char> clause) => Prohibition().IsMatch(clause);

    /// <summary>A prohibition that governs a step: "never", "do not", "must not"… a few words before its verb.</summary>
    [GeneratedRegex(@"\b(?:never|don'?t|do\s+not|must\s+not|should\s+not|shall\s+not|won'?t|will\s+not|refuse\s+to|nunca|jamais|niemals|никогда)\b(?:\W+\w+){0,5}?\W+(?:read|open|access|touch|load|cat|copy|upload|send|share|print|log|request|ask\s+for|leg\w*|lees|lire|lesen|читай\w*)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Prohibition();

    /// <summary>A path an archive or copy leaves out (<c>--exclude='.ssh/*'</c>): the match ends at it.</summary>
    [GeneratedRegex(@"--exclude(?:-from)?[= ]+[""']?[^\s""']*[""']?.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExcludedPath();

    [GeneratedRegex(@"\.ssh[/\\]+(?:id_[a-z0-9_]+|identity|\$\{?\w+\}?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KeyNames();

    [GeneratedRegex(@"(?:\s-i\s*|IdentityFile[\s=]+)[""']?[^\s""']*\.ssh[/\\]+(?:id_[a-z0-9_]+|identity|\$\{\w+\}|\$\w+)[^\w.]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IdentityUse();

    /// <summary>
    /// "Do not use <c>xattr</c> on apps from anywhere else", "use Open Anyway only for a file you have verified": a
    /// line that warns against lifting a protection, or allows it only after a check, is the opposite of a lure's step;
    /// so is a line under a heading that says so ("What this skill will never recommend", "Don't").
    /// </summary>
    public static AuditSeverity? JudgeCaution(string text, Match match) =>
        Caution().IsMatch(LineOf(text, match.Index)) || (ParagraphAbove(text, match.Index) is var leadIn && (OwnBuild().IsMatch(leadIn) && !Downloads().IsMatch(leadIn) || OwnBuild().IsMatch(HeadingAbove(text, match.Index)) && !Downloads().IsMatch(SectionAbove(text, match.Index)))) || NeverHeading().IsMatch(HeadingAbove(text, match.Index)) || AboutHeading().IsMatch(LineOf(text, match.Index)) ? null : AuditSeverity.Low;

    /// <summary>A heading that names the command it explains ("## About `xattr -d com.apple.quarantine`", "### Why not spctl --master-disable"): a title, not a step.</summary>
    [GeneratedRegex(@"^[ \t]*#{1,6}[ \t]+(?:about|why|what|understanding|on|a\s+note\s+on|note\s+on|explain\w*|how\s+\S+\s+works)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AboutHeading();

    /// <summary>The lines just above a command (a code block's lead-in), at most six, across one blank line, within 600 characters.</summary>
    private static string ParagraphAbove(string text, int offset)
    {
        var (start, _) = AuditRules.Paragraph(text, offset, before: 6, after: 0, blankLines: 1, reach: 600);
        return text[start..Math.Max(start, offset)];
    }

    /// <summary>A lead-in that links or downloads: what it lifts the protection for came from there, whatever it says (not a download "from your own" CI run, nor the Downloads folder in a path).</summary>
    [GeneratedRegex(@"https?://|(?<!\bnot\s+(?:something\s+|anything\s+)?|[/\\])\bdownload\w*\b(?![^\n]{0,80}?\bfrom\s+your\s+[*_]*own[*_]*\s+(?:[\w-]+\s+){0,2}(?:CI|Actions|build|pipeline|workflow|runner|run)\b)|\bcurl\b|\bwget\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Downloads();

    /// <summary>A lead-in (or the heading above it) that says the program is the reader's own build, not a download.</summary>
    [GeneratedRegex(@"\b(?:(?:you|the\s+user)\s+(?:just\s+)?(?:built|produced|compiled|signed)|your\s+[*_]*own[*_]*\s+(?:[\w-]+\s+){0,2}(?:build|app|binary|artifact)s?\b|locally\s+built|built\s+(?:locally|on\s+this\s+machine))\b[^\n]*|\bnot\s+(?:something\s+)?downloaded\s+from\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OwnBuild();

    /// <summary>The Markdown heading the offset is under (within 60 lines above), or nothing.</summary>
    private static string HeadingAbove(string text, int offset)
    {
        var end = offset;
        for (var i = 0; i < 60 && end > 0; i++)
        {
            var start = text.LastIndexOf('\n', end - 1) + 1;
            if (text.AsSpan(start, end - start).TrimStart().StartsWith("#"))
            {
                return text[start..end];
            }

            end = Math.Max(0, start - 1);
        }

        return string.Empty;
    }

    /// <summary>The text from the Markdown heading the offset is under (within 60 lines above) to the offset: a heading's promise holds only where nothing under it downloads.</summary>
    private static string SectionAbove(string text, int offset)
    {
        var heading = HeadingAbove(text, offset);
        var start = heading.Length == 0 ? Math.Max(0, offset - 4096) : text.LastIndexOf(heading, offset, StringComparison.Ordinal);
        return text[Math.Max(0, start)..offset];
    }

    [GeneratedRegex(@"^\s*#+[^\n]*\b(?:never|don'?t|do\s+not|avoid|not\s+recommend\w*|what\s+not\s+to|red\s+flags|warning\s+signs)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NeverHeading();

    [GeneratedRegex(@"\b(?:do\s+not|don'?t|never|avoid|(?:should|must|will)\s+[*_]*not\b|only\s+(?:for|if|when|after)|unless|checksum\s+matches|can\s+verify|you\s+(?:have\s+)?verified|instead\s+of|rather\s+than|is\s+what\s+protects|warning|caution|nunca|no\s+(?:uses|use|desactives)|nicht|niemals|jamais|ne\s+pas|никогда|не\s+(?:отключайте|используйте))\b"
        + @"|\b(?:without|sin|sem|sans|ohne|senza|bez|без)\s+(?:\w+\s+)?(?:disabl|turn\w*\s+off|desactiv|deshabilit|desativ|désactiv|deaktiv|disattiv|wyłącz|отключ)\w*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Caution();

    private static bool IsEmojiPart(string text, int index)
    {
        var c = text[index];
        return char.IsSurrogate(c) || c is >= '\u2600' and <= '\u27BF' or '\uFE0F' or >= '\u2640' and <= '\u2642';
    }

    internal static string LineOf(string text, int offset)
    {
        var start = offset == 0 ? 0 : text.LastIndexOf('\n', offset - 1) + 1;
        var end = text.IndexOf('\n', offset);
        return text[start..(end < 0 ? text.Length : end)];
    }
}
