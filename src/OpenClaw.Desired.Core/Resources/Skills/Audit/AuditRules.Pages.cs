using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.Skills.Audit;

public static partial class AuditRules
{
    /// <summary>
    /// Sites whose pages give the commands people copy every day: operating-system and language vendors' documentation.
    /// A page there that shows an install line is the vendor's; anywhere else, the page decides what runs.
    /// </summary>
    internal static readonly string[] DocumentationHosts =
    [
        "docs.github.com", "learn.microsoft.com", "microsoft.com", "developer.apple.com", "support.apple.com", "apple.com", "python.org", "pypi.org",
        "nodejs.org", "npmjs.com", "rust-lang.org", "go.dev", "docs.docker.com", "docker.com", "kubernetes.io", "cloud.google.com", "docs.aws.amazon.com",
        "ubuntu.com", "debian.org", "archlinux.org", "fedoraproject.org", "formulae.brew.sh", "docs.openclaw.ai", "clawhub.ai", "developer.mozilla.org",
    ];

    /// <summary>
    /// "Open the page, copy the command it shows and paste it into Terminal": the command is not in the skill, so no review
    /// of the skill sees it, and whoever runs the page changes it at will. Judged by <see cref="JudgePageCommand"/>: only
    /// where the paragraph links to a page no vendor vouches for.
    /// </summary>
    [GeneratedRegex(@"\b(?:copy|paste|run|execute|enter|type)\b[^\n.!?]{0,40}?\b(?:command|commands|one-liner|snippet|line|script|code)\b[^\n.!?]{0,30}?\b(?:shown|displayed|listed|given|provided|printed|posted|there|on\s+(?:that|the|this|their)\s+(?:page|site|screen|website)|from\s+(?:that|the|this|their)\s+(?:page|site|website))\b"
        + @"|\b(?:extract|take|grab|copy|read|get|pull)\s+(?:the\s+)?(?:command|commands|one-liner|snippet|script|code)\s+(?:from|in|out\s+of)\s+(?:the\s+)?(?:first\s+|grey\s+|gray\s+|code\s+)?(?:page|site|<pre>|`<pre>`|pre|box|block|code\s+block)\b"
        + @"|\b(?:page|site|website)\s+(?:shows|displays|lists|gives|provides)\s+(?:you\s+)?(?:a|the|one|an)\s+(?:[\w-]+\s+)?(?:command|one-liner|snippet|line|installer|script)\b", I)]
    private static partial Regex PageCommand();

    [GeneratedRegex(@"https?://(?<host>[\w-]+(?:\.[\w-]+)+)|(?<![\w./@-])(?<host>(?:[\w-]+\.)+(?:com|io|dev|app|net|org|xyz|sh|ai|co|me|site|online|pro|tech|cloud|run|link|page|top|info|cc|to|ly|gg))(?=/|\b)(?![\w.-]*\.(?:json|md|ya?ml|toml|txt|js|py|sh)\b)", I)]
    private static partial Regex PageHost();

    /// <summary>
    /// A command taken from a page: high where the paragraph (up to four lines before, two after, within blank lines)
    /// links to a host that is neither a vendor's installer nor a documentation site; no finding where it links to none
    /// or only to those, nor where the clause says not to.
    /// </summary>
    public static AuditSeverity? JudgePageCommand(string text, Match match)
    {
        if (LineJudges.JudgeNotNegated(text, match) is null)
        {
            return null;
        }

        var (start, end) = Paragraph(text, match.Index, before: 5, after: 2, blankLines: 1);
        foreach (Match link in PageHost().Matches(text, start))
        {
            if (link.Index >= end)
            {
                break;
            }

            var host = link.Groups["host"].Value.TrimEnd('.');
            if (!Vouched(host) && !AuditContext.QuotesAnExample(host))
            {
                return AuditSeverity.High;
            }
        }

        return null;
    }

    private static bool Vouched(string host) =>
        Origins.VendorInstallers.Concat(DocumentationHosts).Any(v => v.Split('/')[0] is var h && (host.Equals(h, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + h, StringComparison.OrdinalIgnoreCase)));

    /// <summary>The lines around an offset that belong to its paragraph: stops at a heading, at a blank line (above, past the first <paramref name="blankLines"/>), and at the given counts.</summary>
    internal static (int Start, int End) Paragraph(string text, int offset, int before, int after, int blankLines = 0)
    {
        var blanks = 0;
        var start = offset == 0 ? 0 : text.LastIndexOf('\n', offset - 1) + 1;
        for (var i = 0; i < before && start > 0; i++)
        {
            var previous = text.LastIndexOf('\n', start - 2) + 1;
            var line = text.AsSpan(previous, start - 1 - previous).Trim();
            if (line.IsEmpty && ++blanks <= blankLines)
            {
                start = previous;
                continue;
            }

            if (line.IsEmpty || line[0] == '#')
            {
                break;
            }

            start = previous;
        }

        var end = text.IndexOf('\n', offset);
        end = end < 0 ? text.Length : end;
        for (var i = 0; i < after && end < text.Length; i++)
        {
            var next = text.IndexOf('\n', end + 1);
            next = next < 0 ? text.Length : next;
            var line = text.AsSpan(end + 1, next - end - 1).Trim();
            if (line.IsEmpty || line[0] == '#')
            {
                break;
            }

            end = next;
        }

        return (start, end);
    }
}
