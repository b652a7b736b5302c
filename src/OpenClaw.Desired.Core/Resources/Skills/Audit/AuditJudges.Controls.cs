using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>Judgements on a control turned off: a step that does it, a warning against it, a report of it, a sudoers line for named commands.</summary>
public static partial class LineJudges
{
    /// <summary>
    /// chmod 777 on one program is careless, not disabling a control (a system tree or npm's global prefix opened to every
    /// user is: any of them then replaces what root runs); the rest of the rule is, unless its clause warns
    /// against it ("do not suggest <c>setenforce 0</c>") or its sentence puts it in an attacker's mouth ("installers from
    /// untrusted sources tell users to run …"): that is low ("don't forget to run it" is no warning).
    /// </summary>
    public static AuditSeverity? JudgeSecurityDisable(string text, Match match) =>
        Compares().IsMatch(match.Value) || States().IsMatch(match.Value) && !Orders().IsMatch(LineOf(text, match.Index)) || ReadsWithDefault(text, match) || ListsChoices(text, match) ? null
        : Explained(text, match) || WarnedAgainst(text, match) || ReportsIt(text, match) || CalledNoFix(text, match) || AttackersSay(text, match.Index) || LookedFor(text, match) || ReportedWhenFound(text, match) ? AuditSeverity.Low
        : NamedCommandsOnly(LineOf(text, match.Index)) ? AuditSeverity.Medium
        : match.Value.StartsWith("chmod", StringComparison.OrdinalIgnoreCase) && !Regex.IsMatch(match.Value, @"777\s+(?:/|~)\s*$") && !AuditRules.SystemTreeOpened().IsMatch(match.Value) ? AuditSeverity.Medium : AuditSeverity.High;

    /// <summary>
    /// A setting explained in prose: the line starts with it, quoted inline, and it is the subject of a verb that says what
    /// it does ("`tools.elevated.enabled: true` lets sandboxed sessions request host execution"), with no order in the
    /// rest of the sentence.
    /// </summary>
    private static bool Explained(string text, Match match)
    {
        var lineStart = match.Index == 0 ? 0 : text.LastIndexOf('\n', match.Index - 1) + 1;
        if (match.Value.Contains("chmod", StringComparison.OrdinalIgnoreCase) || match.Index - lineStart > 6 || !LeadIn().IsMatch(text.AsSpan(lineStart, match.Index - lineStart)))
        {
            return false;
        }

        var after = match.Index + match.Length;
        var close = text.IndexOf('`', after, Math.Min(80, text.Length - after));
        if (close < 0)
        {
            return false;
        }

        // The verb right after the setting; no order in the rest of its paragraph or list item.
        var stop = text.IndexOf("\n\n", close + 1, StringComparison.Ordinal);
        var item = ItemStart().Match(text, close + 1, Math.Min(400, text.Length - close - 1));
        var end = Math.Min(text.Length, close + 401);
        end = stop >= 0 ? Math.Min(end, stop) : end;
        end = item.Success ? Math.Min(end, item.Index) : end;
        var rest = text.AsSpan(close + 1, end - close - 1);
        return ExplainingVerb().IsMatch(rest) && !Orders().IsMatch(rest) && !Instructs().IsMatch(rest);
    }

    /// <summary>The next list item: a line that starts with a bullet or a number.</summary>
    [GeneratedRegex(@"\n[ \t]*(?:[-*+]|\d+[.)])[ \t]", RegexOptions.CultureInvariant)]
    private static partial Regex ItemStart();

    /// <summary>An order in prose: paste, add, run, copy, put, write, turn, edit.</summary>
    [GeneratedRegex(@"\b(?:paste|add|run|copy|put|write|turn|edit|enable|disable|append|insert|replace)\b[^.\n]{0,60}\b(?:it|this|that|them|to|into|in)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Instructs();

    /// <summary>What may start a line before an inline-quoted setting: a list bullet, a quote mark, the backquote.</summary>
    [GeneratedRegex(@"^[ \t]*(?:[-*+>][ \t]+)?`?$", RegexOptions.CultureInvariant)]
    private static partial Regex LeadIn();

    /// <summary>A verb that says what a setting does, right after it: "lets", "allows", "means", "gives", "makes", "turns off".</summary>
    [GeneratedRegex(@"^\s*(?:\([^)\n]{0,60}\)\s*)?(?:lets|allows|permits|means|gives|makes|turns|removes|skips|disables|enables|opens|runs|puts|hands|grants|drops)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExplainingVerb();

    /// <summary>
    /// The value is the first of a list of the key's choices (<c>"agents.defaults.sandbox.mode": ["off", "non-main", "all"]</c>,
    /// a checker's table ranking them): no value is set.
    /// </summary>
    private static bool ListsChoices(string text, Match match)
    {
        var after = match.Index + match.Length;
        return match.Value.Contains('[') && Choices().IsMatch(text.AsSpan(after, Math.Min(80, text.Length - after)));
    }

    [GeneratedRegex(@"^[""'`]?\s*,\s*[""'`][\w-]+[""'`]\s*,", RegexOptions.CultureInvariant)]
    private static partial Regex Choices();

    /// <summary>
    /// What to look for, in prose: "review <c>openclaw.json</c> for changed <c>baseUrl</c>s, <c>sandbox.mode: off</c>, …". The clause
    /// before the key (quoted inline) checks something for it, and gives no order after its "for" ("check … for speed: set …").
    /// </summary>
    private static bool LookedFor(string text, Match match) =>
        match.Index > 0 && text[match.Index - 1] == '`' && LooksFor().IsMatch(SentenceBefore(text, match.Index));

    [GeneratedRegex(@"\b(?:review|check|look|search|grep|scan|audit|inspect|watch)\w*\b[^;:]{0,120}\bfor\b(?![^:]*\b(?:set|change|switch|turn|make|use|put|enable|disable|apply|edit|update|replace|write|configure|flip|toggle|modify|adjust)\b)(?![^:]*\bto\s*`?$)[^:;]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LooksFor();

    /// <summary>
    /// A report written where the line first tests that the key already has the value (<c>if g("tools", "exec", "ask") == "off":
    /// flags.append("tools.exec.ask=off")</c>, <c>if g("tools", "elevated", "enabled"): …</c>): the checker notes what it found.
    /// A test that it does not (<c>!= "off"</c>, <c>if not …</c>) sets it.
    /// </summary>
    private static bool ReportedWhenFound(string text, Match match)
    {
        var lineStart = match.Index == 0 ? 0 : text.LastIndexOf('\n', match.Index - 1) + 1;
        if (match.Index - lineStart > 400)
        {
            return false;
        }

        var test = FoundFirst().Match(text, lineStart, match.Index - lineStart) is { Success: true } found && match.Value.Contains(found.Groups["value"].Value, StringComparison.OrdinalIgnoreCase)
            ? found : EnabledFirst().Match(text, lineStart, match.Index - lineStart) is { Success: true } enabled && match.Value.Contains("enabled", StringComparison.OrdinalIgnoreCase) ? enabled : null;

        // What the line does then is note it (flags.append, print, log), not run or write a command.
        var then = test is null ? ReadOnlySpan<char>.Empty : text.AsSpan(test.Index + test.Length, match.Index - test.Index - test.Length);
        return test is not null && Notes().IsMatch(then) && !Acts().IsMatch(then);
    }

    [GeneratedRegex(@"\b(?:append|push|add|print|println|puts|log|warn|warning|report|emit|yield|echo)\w*\s*\(?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Notes();

    [GeneratedRegex(@"\b(?:run|system|exec\w*|spawn\w*|call|check_call|Popen|set\w*|write\w*|dump\w*|save\w*|patch|config)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Acts();

    /// <summary>A test that a setting is on, at the start of the line's statement (<c>if g("tools", "elevated", "enabled"):</c>), not that it is off.</summary>
    [GeneratedRegex(@"\bif\s+(?!not\b)[^\n!=]*?[""'`]enabled[""'`]\s*\)*\s*(?::|\{|then\b|&&)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EnabledFirst();

    [GeneratedRegex(@"\bif\b[^\n]*?(?:===?|\bis\b|\beq\b)\s*[""'`](?<value>off|full|true|never)[""'`]\s*\)?\s*(?::|\{|then\b|&&)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FoundFirst();

    /// <summary>A key compared with its value, or said to have it, by a checker (<c>dig(cfg, "agents.defaults.sandbox.mode") == "off"</c>, <c>sandbox.mode is "off"</c>): read, not set.</summary>
    [GeneratedRegex(@"(?:[=!]=|\bequals\b)\s*[""'`\\]*(?:off|full|true|never)\b[""'`\\]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Compares();

    /// <summary>
    /// A key read with the value as what to assume where it is unset (<c>get(cfg, "agents.defaults.sandbox.mode", "off")</c>,
    /// <c>_.get(cfg, 'tools.exec.ask', 'off')</c>): a checker reading the config, not a step setting it.
    /// </summary>
    private static bool ReadsWithDefault(string text, Match match)
    {
        var lineStart = match.Index == 0 ? 0 : text.LastIndexOf('\n', match.Index - 1) + 1;
        var end = match.Index + match.Length;
        return end - lineStart <= 400 && ReadDefault().IsMatch(text.AsSpan(lineStart, end - lineStart));
    }

    [GeneratedRegex(@"(?<![\w.])(?:_\.)?(?:get|dig|lookup|read_key|get_key|getpath|get_path|path_get|deep_get|getIn)\s*\(\s*[\w.\[\]""']+\s*,\s*[""'][\w.-]+[""']\s*,\s*[""'`\\]*(?:off|full|true|never|false)\b[""'`\\]*$|\.get\s*\(\s*[""'][\w.-]+[""']\s*,\s*[""']?(?:off|full|true|never|false)\b[""']?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReadDefault();

    /// <summary>A key said to have its value ("sandbox.mode is "off""): a report, unless its line orders it ("make sure … is off").</summary>
    [GeneratedRegex(@"\b(?:is|was)\s*[""'`\\]*(?:off|full|true|never)\b[""'`\\]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex States();

    [GeneratedRegex(@"\b(?:ensure|make\s+sure|confirm\s+that|set|change|switch|so\s+that|must|should|only\s+works|requires?|needs?|use|apply)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Orders();

    /// <summary>
    /// The sentence before an offset puts the step in an attacker's mouth: malware, a scam, a fake or untrusted installer
    /// tells users to run it ("… tell users to run `…`"), or commonly runs it itself ("Stealers commonly run `…`"). The
    /// sentence must end on that verb, and the command must be quoted inline in prose (<c>`…`</c>): an attacker named
    /// earlier in a step's sentence, or a comment above a command in a code block or a script, does not excuse the step.
    /// </summary>
    internal static bool AttackersSay(string text, int offset) => offset > 0 && text[offset - 1] == '`' && AttackerSays().IsMatch(SentenceBefore(text, offset));

    /// <summary>The sentence before an offset: back to the last sentence end or blank line, across wrapped lines, at most <see cref="ClauseReach"/> characters.</summary>
    internal static ReadOnlySpan<char> SentenceBefore(string text, int offset)
    {
        var reach = Math.Min(ClauseReach, offset);
        var before = text.AsSpan(offset - reach, reach);
        var start = 0;
        for (var i = before.Length - 2; i >= 0; i--)
        {
            if (before[i] is '.' or '!' or '?' && char.IsWhiteSpace(before[i + 1]) || before[i] == '\n' && before[(i + 1)..].TrimStart(" \t\r").StartsWith("\n"))
            {
                start = i + 1;
                break;
            }
        }

        return before[start..];
    }

    [GeneratedRegex(@"\b(?:malware|attackers?|scam(?:mers?|s)?|lures?|phish\w*|fake\s+\w+|malicious\s+\w+|untrusted\s+(?:sources?|sites?|installers?|skills?|pages?)|(?:shady|sketchy|bogus|fraudulent|rogue)\s+\w+|threat\s+actors?|(?:info)?stealers?|trojans?|ransomware|criminals|bad\s+actors?)\b[^.!?]{0,120}?"
        + @"\b(?:(?:tells?|told|telling|asks?|asked|asking|instructs?|instructed|urges?|urged|tricks?|tricked|gets?|convinces?|convinced)\s+(?:you|users?|people|victims?|them|the\s+(?:user|reader|victim)s?)\s+(?:in)?to\s+(?:\w+\s+(?:and|then)\s+)?|(?:often|commonly|typically|usually|routinely)\s+)"
        + @"(?:run|execute|type|paste|enter|use)s?\s*[`'""*_]*\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AttackerSays();

    /// <summary>
    /// The rest of the sentence says it is no fix: "`setenforce 0` is not the solution", "… to nie jest rozwiązanie",
    /// "… no es la solución" (a troubleshooting guide turning the reader away from it). "It is not dangerous" is no such thing.
    /// </summary>
    private static bool CalledNoFix(string text, Match match)
    {
        var after = match.Index + match.Length;
        var rest = text.AsSpan(after, Math.Min(240, text.Length - after));
        var stop = rest.IndexOfAny(".!?;。");
        return NotTheFix().IsMatch(stop < 0 ? rest : rest[..stop]);
    }

    [GeneratedRegex(@"\b(?:is|are)\s+(?:not|never|no)\s+(?:a\s+|the\s+)?(?:fix|solution|answer|option|remedy)\b|\b(?:isn'?t|aren'?t)\s+(?:a\s+|the\s+)?(?:fix|solution|answer|option|remedy)\b|\bnie\s+(?:jest\s+)?rozwiązani\w*|\bno\s+(?:es|son)\s+(?:la\s+|una\s+)?soluci[oó]n|\bn'est\s+pas\s+(?:la\s+|une\s+)?solution|\b(?:ist|sind)\s+keine\s+lösung|\bnão\s+é\s+(?:a\s+|uma\s+)?solução|\bnon\s+è\s+(?:la\s+|una\s+)?soluzione|\bне\s+(?:является\s+)?решени\w*|\bbukan\s+solusi|\bçözüm\s+değil|不是解决|解決策ではない|해결책이\s*아니", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotTheFix();

    /// <summary>
    /// A checker's report of the setting, not a step that sets it: a warning sign right before the key
    /// (<c>⚠ tools.exec.ask = "off"</c>, as a doctor prints it) or an arrow to a verdict after it
    /// (<c>(`sandbox.mode: "off"`) → **warn**</c>). A sign further back ("⚠ Important: set …") gives a step.
    /// </summary>
    private static bool ReportsIt(string text, Match match)
    {
        var lineStart = match.Index == 0 ? 0 : text.LastIndexOf('\n', match.Index - 1) + 1;
        var end = text.IndexOf('\n', match.Index + match.Length);
        var after = text.AsSpan(match.Index + match.Length, (end < 0 ? text.Length : end) - match.Index - match.Length);
        return WarningSign().IsMatch(text.AsSpan(lineStart, match.Index - lineStart)) || Verdict().IsMatch(after)
            || match.Index - lineStart <= 400 && (InMessage().IsMatch(text.AsSpan(lineStart, match.Index - lineStart)) || GradedCall().IsMatch(text.AsSpan(lineStart, match.Index - lineStart))) && !IntoAFile().IsMatch(LineOf(text, match.Index));
    }

    /// <summary>A reporting call that files a finding by its grade first: <c>add("HIGH", "exec", "tools.exec.security=full …")</c>, <c>finding('warn', …)</c>, <c>report.issue("medium", …)</c>.</summary>
    [GeneratedRegex(@"^[ \t]*(?:[\w.]+[ \t]*=[ \t]*)?(?:\w+\.)*(?:add|add_?finding|finding|report|issue|warn\w*|flag|record|emit|note|problem|result|check|audit)\w*[ \t]*\([ \t]*[""'](?:crit(?:ical)?|high|med(?:ium)?|low|warn(?:ing)?|info|fail|error|severe)[""'][ \t]*,[^\n]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GradedCall();

    /// <summary>
    /// Inside the text of a message a program reports, in prose around the key (<c>r.append("sandbox disabled for all agents
    /// (agents.defaults.sandbox.mode=off)")</c>, <c>print(f"exec runs without approval (…)")</c>, <c>logger.warning("…")</c>): a
    /// checker's finding, not a step. A message that opens with the key or a command (<c>cmds.push("openclaw config set …")</c>,
    /// <c>settings.append("sandbox.mode=off")</c>) is a list of steps.
    /// </summary>
    [GeneratedRegex(@"^[ \t]*(?:[\w.]+\.(?:append|add|push|extend|warn\w*|error|info|critical)|print|console\.\w+|log(?:ger|ging)?\.\w+|raise[ \t]+\w+|warn\w*|puts)[ \t]*\([ \t]*[frb]?[""'`](?!(?:openclaw|clawdbot|sudo|set|config)\b)[A-Za-z][a-z]+(?:[ \t]+[\w'-]+){2,}[^""'`\n]*\([^)""'`\n]*$", RegexOptions.CultureInvariant)]
    private static partial Regex InMessage();

    /// <summary>A line that writes what it prints into a file: <c>print(…, file=cfg)</c>, <c>&gt;&gt; x</c>, <c>.write(</c>.</summary>
    [GeneratedRegex(@"\bfile\s*=|>>|\.write\s*\(|\bconfig\s+set\b", RegexOptions.CultureInvariant)]
    private static partial Regex IntoAFile();

    [GeneratedRegex(@"(?:⚠|❌|✖|✗|⛔|🚩|\[(?:warn|warning|fail|high|medium|critical|高|中|严重|警告|危険|危险|危險|风险|注意|위험|높음|주의|경고|중간)\])\uFE0F?[ \t]*[`'""]?(?:[\w-]+\.){0,6}[\w-]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WarningSign();

    [GeneratedRegex(@"^[^\n]{0,20}?(?:→|->|=>)\s*[*_`]*(?:(?:warn\w*|flag\w*|fail\w*|error|critical|high|alert\w*|recommend\w*|suggest\w*|change\s+to)\b|建议|推荐|改为|推奨|권장|empfohlen|recomend\w*|recommand\w*|рекоменд\w*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Verdict();

    /// <summary>
    /// A sudoers line that lets one user run named commands without a password (<c>deploy ALL=(root) NOPASSWD: /bin/systemctl restart app</c>),
    /// or prose about such an entry "for that single command": a deploy's narrow grant, not sudo turned off. Not narrow: another tag
    /// (<c>NOPASSWD:SETENV:</c>), <c>ALL</c> anywhere in the list, or a command that gives a shell or writes any file (an interpreter,
    /// an editor, a pager, a package manager, docker, find, tee, cp…).
    /// </summary>
    private static bool NamedCommandsOnly(string line)
    {
        var tag = line.IndexOf("NOPASSWD", StringComparison.OrdinalIgnoreCase);
        var colon = tag < 0 ? -1 : line.IndexOf(':', tag);
        if (colon < 0 || line[(tag + "NOPASSWD".Length)..colon].Trim().Length > 0)
        {
            // Prose about an entry, with no entry written on the line.
            return tag >= 0 && colon < 0 && OneCommand().IsMatch(line);
        }

        // The entry ends where its quotes, a comment or the shell's pipe do (echo '… NOPASSWD: /bin/x' | sudo tee …).
        var list = line[(colon + 1)..];
        var end = list.IndexOfAny(['#', '\'', '"', '`', '|']);
        list = (end < 0 ? list : list[..end]).Trim();
        if (list.Length == 0 || SudoTag().IsMatch(list))
        {
            return false;
        }

        foreach (var command in list.Split(','))
        {
            var program = command.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "ALL";
            var name = program[(program.LastIndexOf('/') + 1)..];
            if (!program.StartsWith('/') || program.Equals("ALL", StringComparison.OrdinalIgnoreCase) || Escapes.Contains(name) || name.StartsWith("python", StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Programs that hand out a shell or write any file when run as root.</summary>
    private static readonly HashSet<string> Escapes = new(StringComparer.Ordinal)
    {
        "sh", "bash", "zsh", "dash", "ksh", "fish", "env", "perl", "ruby", "node", "php", "lua", "su", "sudo", "tee", "cp", "mv", "dd", "ln", "install", "chmod", "chown",
        "docker", "podman", "vim", "vi", "nano", "emacs", "less", "more", "man", "find", "awk", "gawk", "sed", "apt", "apt-get", "yum", "dnf", "pip", "pip3", "npm", "tar", "zip",
        "unzip", "git", "rsync", "systemd-run", "nsenter", "kubectl", "crontab", "ssh", "scp", "nmap", "xargs", "time", "timeout", "nice", "strace", "gdb", "script", "busybox",
    };

    [GeneratedRegex(@"^\s*[A-Z_]+\s*:", RegexOptions.CultureInvariant)]
    private static partial Regex SudoTag();

    [GeneratedRegex(@"\bNOPASSWD\b[^\n]{0,60}\b(?:single|one|that|this|specific|named)\s+command\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OneCommand();

    /// <summary>A step its clause warns against ("never <c>chmod u+s</c> a downloaded file") is low; given, it is what the rule says.</summary>
    public static AuditSeverity? JudgeWarnedAgainst(string text, Match match) => WarnedAgainst(text, match) ? AuditSeverity.Low : AuditSeverity.High;

    /// <summary>Whether the match's clause (read back to its line's start, at most <see cref="ClauseReach"/> characters) warns against it.</summary>
    private static bool WarnedAgainst(string text, Match match)
    {
        var clause = ClauseBefore(text, match.Index, ".!?;");
        return Warning().IsMatch(clause) || NegationRightBefore().IsMatch(clause) || AuditSignals.ProhibitsLocally(clause) || Refuses().IsMatch(clause);
    }

    /// <summary>A guard that turns the step away: "`propose` refuses text that tells the agent to skip confirmations, disable the sandbox…".</summary>
    [GeneratedRegex(@"\b(?:refuses?|rejects?|blocks?|denies|deny|prevents?|forbids?)\b[^.;:]{0,60}?\b(?:text|instructions?|requests?|attempts?|anything|content|prompts?|proposals?|edits?|changes?|messages?)\s+(?:that|which)\s+(?:tells?|asks?|tries|try|would|attempts?|wants?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Refuses();

    /// <summary>A "don't" right before a match that starts with its own verb ("Never disable exec approvals").</summary>
    [GeneratedRegex(@"\b(?:never|don'?t|do\s+[*_]*not|must\s+[*_]*not|should\s+[*_]*not|shall\s+not|cannot|can'?t)[*_]*\s*[*_]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NegationRightBefore();

    /// <summary>
    /// A negation that governs the step ("never run", "do **not** suggest"), not one that gives its purpose ("so you don't
    /// type your password, run…"); "to avoid prompts" and "instead of a policy" endorse what follows them.
    /// </summary>
    [GeneratedRegex(@"(?<!\bso\s+(?:that\s+)?(?:you\s+|it\s+|we\s+|they\s+|the\s+\w+\s+)?)\b(?:never|do\s+[*_]*not|don'?t|should\s+[*_]*not|must\s+[*_]*not)[*_]*\s+[*_]*(?:suggest|recommend|advise|run|use|set|type|paste|execute|disable|turn\s+off)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Warning();
}
