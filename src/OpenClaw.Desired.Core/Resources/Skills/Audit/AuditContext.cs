using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>
/// The context a match lacks on its own, which decides how much it weighs: whether the line quotes an attack
/// as an example (illustrative hosts, a regular expression, a quoted phrase), whether the file runs or only
/// documents, and whether the skill is itself a security tool whose documents describe attacks.
/// </summary>
public static partial class AuditContext
{
    /// <summary>A skill that describes itself (front matter name or description) as a security scanner or auditor: its documents quote attacks.</summary>
    public static bool IsSecurityTool(string? skillMd)
    {
        if (skillMd is null)
        {
            return false;
        }

        if (!skillMd.StartsWith("---", StringComparison.Ordinal))
        {
            // No front matter: the title and the first paragraph say what the skill is.
            return SecurityTopic().IsMatch(skillMd[..Math.Min(skillMd.Length, 400)]);
        }

        var end = skillMd.IndexOf("\n---", 3, StringComparison.Ordinal);
        var front = end < 0 ? skillMd[..Math.Min(skillMd.Length, 2000)] : skillMd[..end];
        return SecurityWords().IsMatch(front);
    }

    /// <summary>
    /// Sections (numbered as the audit numbers them) whose heading says they describe attacks: "Red flags", "What to look
    /// for", "Indicators"; and, into <paramref name="steps"/>, those whose heading starts steps ("## Setup", "## Usage").
    /// </summary>
    public static HashSet<int> DescribingSections(string text, HashSet<int>? steps = null)
    {
        var result = new HashSet<int>();
        var section = 0;
        var fenced = false;
        // The level of the describing heading the current section sits under ("# Red flags" over "## 1. Fake prerequisites"), or 0.
        var describingLevel = 0;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimStart();
            fenced ^= line.StartsWith("```", StringComparison.Ordinal);
            if (!fenced && line.StartsWith('#'))
            {
                section++;
                var level = line.Length - line.TrimStart('#').Length;
                describingLevel = describingLevel > 0 && level > describingLevel ? describingLevel : 0;
                // A step's heading starts steps ("## Usage", "## Install the scanner"); under a describing heading, one that
                // goes on to name a shape ("## 1. Prerequisites that download an archive") is one more description.
                if (StepHeading().Match(line) is { Success: true } step && (describingLevel == 0 || Words().Count(line.AsSpan(step.Length)) <= 2))
                {
                    steps?.Add(section);
                    continue;
                }

                if (describingLevel > 0 || DescribingHeading().IsMatch(line))
                {
                    result.Add(section);
                    describingLevel = describingLevel > 0 ? describingLevel : level;
                }
            }
        }

        return result;
    }

    /// <summary>
    /// A line of a security tool's document that lists or labels what it looks for: a bullet or a table row (a numbered
    /// item is a step the reader is to take), or a line labelled "Red flags:", "Indicators:", "Look for:".
    /// </summary>
    public static bool IsDescribingLine(string line)
    {
        var trimmed = line.TrimStart();
        if (trimmed.StartsWith("- ", StringComparison.Ordinal) || trimmed.StartsWith("* ", StringComparison.Ordinal) || trimmed.StartsWith("+ ", StringComparison.Ordinal) || trimmed.StartsWith('|'))
        {
            return true;
        }

        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        return colon is > 0 and <= 40 && DescribingHeading().IsMatch(trimmed[..colon]);
    }

    /// <summary>
    /// Whether a line is an item (or an item's continued line) of a list whose lead-in says it lists what to look for
    /// ("Read every script it references, and look for:", "Red flags include:"): numbered or not, those items describe.
    /// The list runs up from the line over items of one kind (numbered or bulleted), their indented continuations and
    /// blank lines, at most 60 lines; a fence or a heading ends it. Callers leave out code and step sections.
    /// </summary>
    public static bool FollowsDescribingLeadIn(Func<int, string> textOf, int line)
    {
        bool? kind = null;
        for (var above = line; above >= Math.Max(1, line - 60); above--)
        {
            var text = textOf(above);
            var trimmed = text.TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith('#'))
            {
                return false;
            }

            if (ListItem().Match(trimmed) is { Success: true } item)
            {
                // One list: its items all numbered or all bulleted ("Red flags:" then bullets, then "1. Install: …" is a step).
                // Nested items (indented) may be of the other kind.
                var numbered = char.IsAsciiDigit(item.Value[0]);
                kind ??= text.Length == trimmed.Length ? numbered : null;
                if (text.Length == trimmed.Length && kind != numbered)
                {
                    return false;
                }

                continue;
            }

            if (trimmed.Length == 0 || text.Length - trimmed.Length >= 2 || text.StartsWith('\t'))
            {
                continue;
            }

            return above != line && LeadIn().IsMatch(trimmed.TrimEnd());
        }

        return false;
    }

    [GeneratedRegex(@"^(?:\d{1,2}[.)]|[-*+])\s", RegexOptions.CultureInvariant)]
    private static partial Regex ListItem();

    /// <summary>A lead-in that says a list of attacks follows: "… and look for:", "Red flags include:", "Signs of a malicious skill:".</summary>
    [GeneratedRegex(@"(?:\blook(?:s|ing)?\s+(?:out\s+)?for|\bwatch\s+(?:out\s+)?for|\bred\s+flags?|\bwarning\s+signs?|\bindicators?(?:\s+of\s+compromise)?|\bsigns\s+of|\bit\s+flags|\bflags\s+(?:these|the\s+following)|\b(?:suspicious|malicious|dangerous)\s+(?:patterns?|signs?|lines?|content|instructions?|skills?|code))\b[^:\n]{0,40}:$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadIn();

    /// <summary>A heading that starts a step ("Update the signatures", "Installing the detector"), not a description of attacks.</summary>
    [GeneratedRegex(@"^#+\s*(?:\d+[.)]\s*|step\s+\d+\W*)?(?:update|upgrade|refresh|install|set\s*up|setup|configure|enable|run|download|fetch|load|sync|activate|initiali[sz]e|bootstrap|get\s+started|getting\s+started|prerequisites?|requirements?|before\s+you|quick\s*start|usage|how\s+to\s+use|installation|troubleshoot|fix)\w*\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StepHeading();

    [GeneratedRegex(@"\w+", RegexOptions.CultureInvariant)]
    private static partial Regex Words();

    /// <summary>
    /// Whether a line sits under a label that shows it as a bad example ("❌ Malicious:", "Suspicious:", "Never run:"),
    /// a few lines up within its section: a security tool's document quoting an attack, not telling anyone to run it.
    /// </summary>
    public static bool FollowsBadExampleLabel(Func<int, string> textOf, int line)
    {
        for (var above = line - 1; above >= Math.Max(1, line - 5); above--)
        {
            var text = textOf(above).TrimStart();
            if (text.StartsWith('#'))
            {
                return false;
            }

            if (!text.StartsWith("```", StringComparison.Ordinal) && text.Length <= 120 && (BadExampleLabel().IsMatch(text) || ThirdPartyContent().IsMatch(text)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A lead-in that says what someone else's content holds: "A product page contains, in white-on-white text:", "The
    /// issue's body reads:", "An email says:". What follows is shown, not told to the reader.
    /// </summary>
    [GeneratedRegex(@"^(?:an?|the|one|some)\s+(?:[\w'-]+\s+){0,3}?(?:page|web\s?page|e-?mail|issue|comment|message|readme|website|site|document|post|pdf|ticket|reply|tweet|review|pull\s+request|pr|calendar\s+invite|invite|attachment)(?:'s\s+\w+)?\s+(?:contains|reads|says|includes|hides|embeds|carries|looks\s+like)\b[^\n]{0,80}:\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ThirdPartyContent();

    /// <summary>
    /// A bad example's label: a word that names it anywhere on the line, or a prohibition that opens the line ("Never
    /// run:", "**Don't**"). A symptom that says "never" ("**Bot connects but never reacts.**") labels nothing.
    /// </summary>
    [GeneratedRegex(@"❌|🚫|⛔|\b(?:malicious|suspicious|dangerous|unsafe|bad|risky|attack(?:er)?|exploit|injection|red\s+flags?|blocked|flagged)\b|^[\s>*_`-]*(?:\d+[.)]\s*)?(?:never|avoid|don'?t|do\s+not)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BadExampleLabel();

    [GeneratedRegex(@"red\s*flags?|warning\s+signs?|indicators?|\biocs?\b|\blures?\b|\bevasion\b|\bdo\s+not\s+run\b|\b(?:quoted|shown)\s+for\s+(?:education|illustration|reference|training)\b|patterns?|signatures?|detect\w*|look\s+for|malicious|suspicious|attacks?|threats?|examples?\s+of|techniques?|looks?\s+for|what\s+(?:it|we|this\s+\w+|the\s+\w+)\s+(?:flags?|catch\w*|find\w*|checks?|detects?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DescribingHeading();

    [GeneratedRegex(@"^(?:name|description|tags|keywords)\s*:.*\b(?:security|(?<!(?:document|receipt|photo|barcode|qr|image|book|film|page)\s)scann(?:ers?|ing)\b(?!\s+(?:of\s+)?(?:(?:your|the|a|my)\s+)?(?:documents?|pages?|images?|photos?|receipts?|pdfs?|papers?|qr|barcodes?|invoices?|books?|forms?|files?\s+into))|scans?\b(?!\s+(?:of\s+)?(?:(?:your|the|a|my)\s+)?(?:documents?|pages?|images?|photos?|receipts?|pdfs?|papers?|qr|barcodes?|invoices?|books?|forms?|files?\s+into))|iocs?|indicators?\s+of\s+compromise|audit\w*|detect\w*\s+(?:[\w-]+\s+){0,3}?(?:malware|malicious|secrets?|leak\w*|threats?|intrusions?|(?:prompt[- ])?injections?|attacks?|vulnerab\w*|exposed|credentials?|exfiltration|backdoors?|suspicious|risky|dangerous|unsafe|compromise\w*|anomal\w*|tamper\w*|typosquat\w*)\b|(?:intrusion|threat|secrets?|leak|anomaly|injection|tamper)\s+detect\w*|malware|malicious|vulnerab\w*|threat\w*|inspect\w*|guard\w*|vet(?:s|ting|ter)?|lures?|phish\w*|red[- ]flags?|review\w*\s+(?:a\s+|any\s+)?(?:third-party\s+)?(?:skill|package|plugin)s?|(?:flags?|warns?\s+(?:about|of)|reports?)\s+(?:[\w-]+\s+){0,2}?(?:risky|dangerous|unsafe|insecure)\b|(?:reviews?|checks?|audits?|inspects?)\b[^\n]{0,80}?\bfor\s+(?:risky|dangerous|unsafe|insecure)\s+(?:settings?|config\w*|options?|permissions?|defaults?)\b|auditor\w*|recogni[sz]\w*\s+(?:[\w-]+\s+){0,2}?(?:risky|dangerous|unsafe|insecure|malicious|suspicious)\b|social[- ]engineering|incident[- ]response|forensic\w*|dfir|harden\w*|(?:info)?stealers?|infections?|suspicious\s+(?:strings?|code|scripts?|files?|links?|urls?|commands?|packages?)|deobfuscat\w*|(?:analy[sz]\w*|inspect\w*)\s+(?:[\w-]+\s+){0,3}?(?:payloads?|malware|samples?)|escáner|сканер\w*|аудит\w*)\b|^(?:name|description|tags|keywords)\s*:.*(?:审计|扫描|检测|风险|セキュリティ|監査|スキャン|脆弱|보안|감사|스캔|취약)", RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex SecurityWords();

    [GeneratedRegex(@"\b(?:security|(?<!(?:document|receipt|photo|barcode|qr|image|book|film|page)\s)scann(?:ers?|ing)\b(?!\s+(?:of\s+)?(?:(?:your|the|a|my)\s+)?(?:documents?|pages?|images?|photos?|receipts?|pdfs?|papers?|qr|barcodes?|invoices?|books?|forms?|files?\s+into))|audit\w*|detect\w*\s+(?:[\w-]+\s+){0,3}?(?:malware|malicious|secrets?|leak\w*|threats?|intrusions?|(?:prompt[- ])?injections?|attacks?|vulnerab\w*|exposed|credentials?|exfiltration|backdoors?|suspicious|risky|dangerous|unsafe|compromise\w*|anomal\w*|tamper\w*|typosquat\w*)\b|(?:intrusion|threat|secrets?|leak|anomaly|injection|tamper)\s+detect\w*|malware|malicious|vulnerab\w*|threat\w*)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecurityTopic();

    /// <summary>Code that reads a file's contents: a guard that only lists paths does not.</summary>
    public static bool ReadsFiles(string text) => ReadCall().IsMatch(text);

    [GeneratedRegex(@"\b(?:readFileSync|readFile|ReadFile|createReadStream|read_text|read_bytes|read_to_string|ReadAllText|ReadAllBytes|Get-Content|fopen|file_get_contents|File\.read|File\.open|IO\.read|os\.Open)\b|\bopen\s*\(|\bcat\s+[""'$~/]|\brequire\s*\(\s*path\.|\b(?:fs|std::fs)::read\s*\(|\bFiles\.read(?:String|AllBytes|AllLines)\s*\(|\bFile\(\s*[^)\n]{1,80}\)\.read(?:Text|Bytes)\s*\(", RegexOptions.CultureInvariant)]
    private static partial Regex ReadCall();

    /// <summary>
    /// Markdown prose with each sentence on one line: a line break inside a sentence becomes a space (a CR before it
    /// too), so a sentence wrapped at 75 columns reads as the sentence it is. Code fences, breaks after a sentence's end,
    /// and breaks before a list item, heading, table row, fence or quote, are kept, as is the front matter. The result has
    /// the same length as the text: offsets, and so line numbers, are the text's own.
    /// </summary>
    public static string Unwrap(string text)
    {
        if (text.IndexOf('\n') < 0)
        {
            return text;
        }

        char[]? chars = null;
        var fenced = false;
        // Front matter is YAML, not prose: reading starts after it.
        var body = text.StartsWith("---", StringComparison.Ordinal) ? text.IndexOf("\n---", 3, StringComparison.Ordinal) : -1;
        for (var start = body < 0 ? 0 : body + 1; start < text.Length;)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                break;
            }

            var line = text.AsSpan(start, end - start).TrimEnd('\r').TrimStart();
            if (line.StartsWith("```") || line.StartsWith("~~~"))
            {
                fenced = !fenced;
            }
            else if (!fenced && !line.IsEmpty && line[0] is not ('#' or '|') && !line.SequenceEqual("---") && !EndsASentence(line))
            {
                var nextEnd = text.IndexOf('\n', end + 1);
                var next = text.AsSpan(end + 1, (nextEnd < 0 ? text.Length : nextEnd) - end - 1).TrimEnd('\r').TrimStart();
                if (!next.IsEmpty && Continues(next, quoted: line[0] == '>'))
                {
                    chars ??= text.ToCharArray();
                    chars[end] = ' ';
                    if (end > 0 && chars[end - 1] == '\r')
                    {
                        chars[end - 1] = ' ';
                    }
                }
            }

            start = end + 1;
        }

        return chars is null ? text : new string(chars);
    }

    /// <summary>Whether a line ends its sentence (a full stop, question or exclamation mark, maybe inside closing quotes or emphasis): its break stays.</summary>
    private static bool EndsASentence(ReadOnlySpan<char> line)
    {
        var end = line.TrimEnd("\"')]*_`» ");
        return !end.IsEmpty && end[^1] is '.' or '!' or '?' or '。' or '！' or '？';
    }

    /// <summary>Whether a line goes on with the paragraph above it: not a list item, heading, table row, fence, rule or (outside a quote) quote.</summary>
    private static bool Continues(ReadOnlySpan<char> next, bool quoted) =>
        next[0] is not ('#' or '|' or '-' or '*' or '+') && !next.StartsWith("```") && !next.StartsWith("~~~") && !next.StartsWith("<!--")
        && (next[0] != '>' || quoted) && !ListNumber().IsMatch(next);

    [GeneratedRegex(@"^\d{1,3}[.)](?:\s|$)")]
    private static partial Regex ListNumber();

    /// <summary>A send whose line names its destination (a URL or a host name in code), not one the user configures (<c>$ALERT_URL</c>).</summary>
    public static bool NamesAHost(string line) => NamedHost().IsMatch(line);

    /// <summary>Whether code holds a public IPv4 address as a string of its own (<c>("192.0.2.142", 4433)</c>): a host to connect to.</summary>
    public static bool NamesAnIp(string code) => QuotedPublicIp().IsMatch(code);

    /// <summary>
    /// Whether code holds a mailbox of its own as a string (<c>"collector@gmail.com"</c>): mail sent there goes where the
    /// author reads it. A mail server's host is no destination (the user's alerts go through Gmail too), nor is an
    /// illustrative or placeholder mailbox (<c>you@example.com</c>) or a sender that takes no replies (<c>noreply@…</c>).
    /// </summary>
    public static bool NamesADestination(string code) =>
        QuotedMailbox().Matches(code).Any(m => !IllustrativeHost().IsMatch(m.Value) && !PlaceholderMailbox().IsMatch(m.Value));

    [GeneratedRegex(@"[""']" + AddressPattern + @"[""']", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuotedMailbox();

    [GeneratedRegex(@"^[""'](?:you|your[\w.-]*|user|username|name|me|email|someone|somebody|no-?reply|do-?not-?reply|alerts?)@", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderMailbox();

    [GeneratedRegex(@"[""'](?!127\.|0\.|10\.|192\.168\.|172\.(?:1[6-9]|2\d|3[01])\.|169\.254\.)(?:\d{1,3}\.){3}\d{1,3}[""']", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedPublicIp();

    /// <summary>
    /// Whether code talks only to the API of the provider whose key it holds (<c>OPENAI_API_KEY</c> and
    /// <c>https://api.openai.com/…</c>): true when every host it names carries the name of one of its key variables,
    /// false when some host does not (or is an address), null when it names no host.
    /// </summary>
    public static bool? CallsOnlyItsProvider(string code)
    {
        if (OtherCredentials().IsMatch(code))
        {
            return false;
        }

        // At most 32 key names and 64 hosts are compared: a program naming more is no single provider's client.
        var keys = ProviderKey().Matches(code).Select(m => m.Groups["provider"].Value).Where(p => p.Length >= 3).Distinct(StringComparer.OrdinalIgnoreCase).Take(33).ToList();
        var hosts = UrlHost().Matches(code).Select(m => m.Groups["host"].Value).Distinct(StringComparer.OrdinalIgnoreCase).Take(65).ToList();
        if (keys.Count > 32 || hosts.Count > 64)
        {
            return false;
        }

        var any = hosts.Count > 0;
        foreach (var host in hosts)
        {
            if (host.All(c => char.IsAsciiDigit(c) || c == '.') || !keys.Any(k => host.Contains(k, StringComparison.OrdinalIgnoreCase)))
            {
                return false;
            }
        }

        return any ? true : null;
    }

    /// <summary>Credentials other than the agent's config and .env, where a key of one's own lives: SSH, cloud, browser, wallet, keychain stores.</summary>
    [GeneratedRegex(@"\.ssh\b|\.aws\b|\.kube\b|\.gnupg\b|\.docker[/\\]config|gcloud|Login Data|cookies|wallet|keychain|auth-profiles|\.netrc|\.git-credentials|\.password-store", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OtherCredentials();

    [GeneratedRegex(@"\b(?<provider>[A-Z][A-Z0-9]+)_(?:API_)?(?:KEY|TOKEN)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ProviderKey();

    [GeneratedRegex(@"\b(?:https?|wss?)://(?<host>[\w-]+(?:\.[\w-]+)*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlHost();

    /// <summary>
    /// Whether a wrapped list item tells the reader to do something ("open it and run the command from the page"): a step,
    /// even in a security tool's list, where an item that only names a shape (<c>setenforce 0</c>) describes.
    /// </summary>
    public static bool GivesAStep(string sentence) => Imperative().IsMatch(sentence) || FetchingSpan().IsMatch(sentence);

    /// <summary>A code span that fetches from a host (<c>`curl -fsSL http://… | sh`</c>): a command given, whatever the words around it.</summary>
    [GeneratedRegex(@"`[^`\n]*\b(?:curl|wget|iwr|irm|Invoke-WebRequest|Invoke-RestMethod)\b[^`\n]*(?:https?://|\d{1,3}(?:\.\d{1,3}){3})[^`\n]*`", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FetchingSpan();

    [GeneratedRegex(@"(?:^|[.!?;:→—–]\s*|\b(?:then|and)\s+)[-*+]?\s*(?:\*\*[^*\n]{0,80}\*\*\s*)?(?:open|run|execute|paste|download|install|apply|fetch|send|upload|post|share|forward|copy)\s+(?:it|this|that|them|each|every|all|the|your)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Imperative();

    /// <summary>A line that names an e-mail address.</summary>
    public static bool NamesAnAddress(string line) => Address().IsMatch(line);

    /// <summary>An e-mail address.</summary>
    private const string AddressPattern = @"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}";

    [GeneratedRegex(AddressPattern + @"\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Address();

    [GeneratedRegex(@"\b(?:https?|smtps?|ftps?|wss?)://[a-z0-9]|\b(?:hostname|host)\s*[:=]\s*[""'][a-z0-9-]+\.[a-z0-9.-]+[""']", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NamedHost();
}
