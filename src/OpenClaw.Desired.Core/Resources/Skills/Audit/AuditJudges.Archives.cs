using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>Judgements on a password-protected archive: one the skill makes for the user, or one it hands over to be opened.</summary>
public static partial class LineJudges
{
    /// <summary>
    /// A password on an archive the skill makes (<c>zip -e notes.zip</c>, <c>7z a -p</c>) keeps the user's own files
    /// private: low. On one it hands over, to be downloaded or opened, it hides what the archive holds: high.
    /// </summary>
    public static AuditSeverity? JudgeArchivePassword(string text, Match match) =>
        OwnArchive(text, match) || Wary().IsMatch(LineOf(text, match.Index)) || ArchiveCaution().IsMatch(LineOf(text, match.Index)) ? AuditSeverity.Low : AuditSeverity.High;

    /// <summary>A line that names such archives as something to be wary of: treated as suspicious, skipped, quarantined.</summary>
    [GeneratedRegex(@"\b(?:suspicious|suspect|skipped|phishing|malware|quarantined|blocked|rejected)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Wary();

    /// <summary>As evidence of a lure's archive password, a line about an archive of one's own does not count, nor one that warns against such archives.</summary>
    public static AuditSeverity? JudgeArchivePasswordEvidence(string text, Match match) =>
        OwnArchive(text, match) || ArchiveCaution().IsMatch(LineOf(text, match.Index)) ? null : AuditSeverity.Low;

    /// <summary>A sentence that warns the reader off such archives ("the agent should not advise that for … a password-protected zip").</summary>
    [GeneratedRegex(@"\b(?:never|do\s+[*_]*not|don'?t|should\s+[*_]*not|must\s+[*_]*not)[*_]*\s+[*_]*(?:advise|open|run|download|use|install|trust|extract|recommend|suggest|set|disable|turn\s+off|type|paste|execute)\b|\bavoid\b|\bbeware\b|\binstead\s+of\b|\b(?:claims?|insists?|pretends?)\s+(?:that\s+)?you\s+(?:must|need|have)\b|\bdon'?t\s*[.!]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ArchiveCaution();

    /// <summary>
    /// The archive is the skill's own: this line makes it, or it tests or restores one while the document makes its
    /// archives itself and the line neither links, downloads nor gives a password.
    /// </summary>
    private static bool OwnArchive(string text, Match match)
    {
        var line = LineOf(text, match.Index);
        if (MakesArchive().IsMatch(line))
        {
            return !OpensArchive().IsMatch(line);
        }

        return !HandedOver().IsMatch(line) && MakesArchive().IsMatch(text);
    }

    [GeneratedRegex(@"\b(?:download\w*|releases?|https?://|www\.)|\b(?:pass(?:word)?|pwd|pw|key|code)\s*[:=]\s*[`'""]?\w", RegexOptions.IgnoreCase)]
    private static partial Regex HandedOver();

    [GeneratedRegex(@"(?<![\w.$@%-])zip\s+(?:-[A-Za-z]*[eP][A-Za-z]*|--encrypt|--password)\b|\b7z[a-z]?\s+a\b|\bAESZipFile\s*\([^\n]*['""][wa]['""]", RegexOptions.IgnoreCase)]
    private static partial Regex MakesArchive();

    [GeneratedRegex(@"\b(?:unzip|unrar|extract\w*|download\w*|releases?|open\s+(?:it|the\s+archive)|https?://)|\b7z[a-z]?\s+[ex]\b", RegexOptions.IgnoreCase)]
    private static partial Regex OpensArchive();
}
