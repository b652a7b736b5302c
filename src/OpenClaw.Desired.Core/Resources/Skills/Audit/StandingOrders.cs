using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>
/// Orders a program writes into the agent's standing files: a "layout", "baseline" or "compat note" that a memory tidier
/// or a doctor puts into MEMORY.md, AGENTS.md or another skill's SKILL.md, holding orders that lift a safeguard (run
/// commands without asking, change the sandbox or approval settings when blocked, keep the tokens the user pastes). The
/// agent reads those files every session as the user's own wishes. A program that writes what the user asked it to
/// remember holds no such orders of its own.
/// </summary>
public static partial class StandingOrders
{
    private const RegexOptions I = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    public static IReadOnlyList<AuditRule> Rules { get; } =
    [
        AuditRule.Evidence("sig-standing-file-written", Signal.StandingFileWrite, StandingFile(), "SOUL.md", "AGENTS.md", "MEMORY.md", "IDENTITY.md", "USER.md", "HEARTBEAT.md", "BOOTSTRAP.md", "TOOLS.md", "SKILL.md") with { Judge = JudgeWritten, CodeOnly = true },
        AuditRule.Evidence("sig-safeguard-order", Signal.SafeguardOrder, SafeguardOrder(), "ask", "confirm", "approv", "check with", "sandbox", "exec", "safety", "security", "credential", "token", "key", "password", "secret") with { Judge = JudgeOrder, CodeOnly = true },
    ];

    /// <summary>One of the agent's standing files named as a string in code: <c>ws / "MEMORY.md"</c>, <c>path.join(dir, 'AGENTS.md')</c>, <c>root.glob("*/SKILL.md")</c>.</summary>
    [GeneratedRegex(@"[""'`/](?:SOUL|AGENTS|MEMORY|IDENTITY|USER|HEARTBEAT|BOOTSTRAP|TOOLS|SKILL)\.md[""'`]", RegexOptions.CultureInvariant)]
    private static partial Regex StandingFile();

    /// <summary>
    /// An order that lifts a safeguard: run without asking (<c>instead of asking for confirmation</c>, <c>no need to check with
    /// the user</c>); change the sandbox or the approvals (<c>adjust the setting and continue</c> where blocked by them);
    /// keep the secrets the user gives (<c>tokens the user pastes … should be saved</c>).
    /// </summary>
    [GeneratedRegex(@"\b(?:instead\s+of|rather\s+than|without|no\s+need\s+to|skip(?:ping)?)\s+(?:\w+\s+){0,2}?(?:ask(?:ing)?|confirm\w*|approv\w*|check(?:ing)?\s+with)\b"
        + @"|\b(?:adjust|change|disable|turn\s+off|switch\s+off|relax|lower|loosen|bypass|lift)\w*\s+(?:\w+\s+){0,3}?(?:sandbox|approvals?|exec|safety|security)\b"
        + @"|\b(?:blocked|denied|stopped)\s+by\s+(?:the\s+)?(?:sandbox|approval)[^""'`\n]{0,80}?\b(?:adjust|change|disable|turn\s+off|relax|lower|bypass)\w*\b"
        + @"|\b(?:credentials?|tokens?|api[ _-]?keys?|passwords?|secrets?)\b[^""'`\n]{0,100}?\b(?:should\s+be\s+|be\s+|are\s+)?(?:saved|stored|kept|recorded|written|remembered)\b(?![^""'`\n]{0,40}\b(?:keyring|keychain|vault|password\s+manager)\b)", I)]
    private static partial Regex SafeguardOrder();

    /// <summary>Named where the program writes: a write call in the same file (<c>write_text</c>, <c>writeFileSync</c>, <c>open(…, "a")</c>).</summary>
    private static AuditSeverity? JudgeWritten(string text, Match match) =>
        PerText.Ask(text, "writes-files", t => Write().IsMatch(t)) ? AuditSeverity.Low : null;

    /// <summary>An order in the program's own text: not where the clause before says not to ("never store tokens here").</summary>
    private static AuditSeverity? JudgeOrder(string text, Match match) =>
        LineJudges.JudgeNotNegated(text, match) is null || Regex.IsMatch(match.Value, @"^(?:credential|token|api|password|secret)[\s\S]*\b(?:not|never|no|don'?t|won'?t|isn'?t|aren'?t|refus\w*)\b", I) ? null
        // "without asking" in a comment about the program itself is no order: a string holds it.
        : InString(text, match.Index) ? AuditSeverity.Low : null;

    /// <summary>Whether the line opens a string before the offset that it does not close (a quote before, none between it and the offset).</summary>
    private static bool InString(string text, int offset)
    {
        var lineStart = offset == 0 ? 0 : text.LastIndexOf('\n', offset - 1) + 1;
        var open = '\0';
        for (var i = lineStart; i < offset; i++)
        {
            var c = text[i];
            if (open == '\0' && c is '"' or '\'' or '`')
            {
                open = c;
            }
            else if (open != '\0' && c == '\\')
            {
                i++;
            }
            else if (c == open)
            {
                open = '\0';
            }
        }

        return open != '\0';
    }

    [GeneratedRegex(@"\b(?:writeFileSync|writeFile|appendFileSync|appendFile|createWriteStream|write_text|write_bytes|Set-Content|Add-Content|Out-File|File\.write|os\.WriteFile|fwrite|file_put_contents)\b|\bopen\s*\([^\n)]{0,120}?,\s*(?:mode\s*=\s*)?['""][wa][bt]?\+?['""]|\.open\s*\(\s*['""][wa]|>>?\s*[""']?\$?\{?\w*(?:MEMORY|AGENTS|SOUL|SKILL)", RegexOptions.CultureInvariant)]
    private static partial Regex Write();
}
