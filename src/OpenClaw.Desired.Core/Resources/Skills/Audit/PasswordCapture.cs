using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>
/// A password typed where nothing echoes it, then sent away: <c>read -rs p</c> followed by <c>curl … -d "p=$p"</c>,
/// <c>pw = getpass.getpass()</c> then <c>requests.post(…, data={"pw": pw})</c>, macOS's <c>osascript -e 'display dialog
/// … with hidden answer'</c> (the stealers' fake system prompt), PowerShell's <c>Read-Host -AsSecureString</c>. A script
/// that asks for a password to unlock a vault or to hand to <c>sudo -S</c> keeps it on the host: no finding. The
/// prompt inside a function that takes the place of <c>sudo</c>, <c>su</c> or <c>doas</c> in a shell's startup is a
/// trap for every later password, sent or not. A fake dialog whose answer is tried with <c>dscl . -authonly</c> is a
/// stealer checking what it caught.
/// </summary>
public static partial class PasswordCapture
{
    /// <summary>How many lines below the prompt its variable is followed.</summary>
    private const int FlowLines = 40;

    /// <summary>How many characters below the prompt are read at most.</summary>
    private const int FlowChars = 8192;

    public static AuditSeverity? Judge(string text, Match match)
    {
        var before = text[Math.Max(0, match.Index - 400)..match.Index];
        var shadowed = ShadowedCommand().IsMatch(before);
        var name = match.Groups["name"].Success ? match.Groups["name"].Value : AssignedName(text, match.Index);
        if (name is { Length: > 0 } && SentLater(text, match.Index, name))
        {
            // The prompt names the account's own password ("[sudo] password for", "macOS needs your password"), or it
            // takes the place of sudo: a stealer's. Any other typed secret posted away is still one handed over.
            var asked = text[Math.Max(0, match.Index - 200)..Math.Min(text.Length, match.Index + match.Length + 200)];
            return shadowed || AccountPassword().IsMatch(asked) ? AuditSeverity.Critical : AuditSeverity.High;
        }

        if (shadowed)
        {
            return AuditSeverity.High;
        }

        return match.Value.Contains("hidden answer", StringComparison.OrdinalIgnoreCase) && AuthOnly().IsMatch(LineJudges.Around(text, match.Index)) ? AuditSeverity.Critical : null;
    }

    /// <summary>The variable a prompt's answer goes to, on the prompt's own line: <c>pw=$(osascript …)</c>, <c>$p = Read-Host …</c>, <c>pw = getpass.getpass(</c>.</summary>
    private static string? AssignedName(string text, int offset)
    {
        var start = offset == 0 ? 0 : text.LastIndexOf('\n', offset - 1) + 1;
        var assigned = Assignment().Match(text[Math.Max(start, offset - 300)..offset]);
        return assigned.Success ? assigned.Groups["name"].Value.TrimStart('$') : null;
    }

    /// <summary>Whether a line below the prompt (a continued command read as one) uses the name and sends it over the network.</summary>
    private static bool SentLater(string text, int offset, string name)
    {
        var use = new Regex(@"(?<![\w])\$?\{?" + Regex.Escape(name) + @"(?!\w)", RegexOptions.CultureInvariant);
        var lineStart = offset == 0 ? 0 : text.LastIndexOf('\n', offset - 1) + 1;
        // Forty lines, read from at most 8 KiB: a file of many prompts costs no more than its length per prompt.
        var window = text.AsSpan(lineStart, Math.Min(text.Length - lineStart, FlowChars)).ToString();
        var lines = window.Replace("\\\r\n", " ", StringComparison.Ordinal).Replace("\\\n", " ", StringComparison.Ordinal).Split('\n');
        // The prompt's own line holds the name too (read -s p): only its text after the prompt counts.
        var first = lines[0];
        var at = offset - lineStart;
        lines[0] = at < first.Length ? first[Math.Min(first.Length, at + 1)..] : string.Empty;
        foreach (var line in lines.Take(FlowLines))
        {
            // Used to log in (an Authorization header, curl -u, auth=(…)), the password does what it was asked for.
            if (use.IsMatch(line) && Send().IsMatch(line) && !AuthUse().IsMatch(line))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A prompt that does not echo: the shell's <c>read -s</c> (its last word is the variable), Python's <c>getpass</c>,
    /// PowerShell's secure <c>Read-Host</c> and <c>Get-Credential</c>, an AppleScript dialog with a hidden answer, zenity's
    /// and kdialog's password boxes.
    /// </summary>
    [GeneratedRegex(@"\bread\b(?:[ \t]+(?:-[a-zA-Z]+|""[^""\n]{0,80}""|'[^'\n]{0,80}'|\d+))*?[ \t]+-[a-zA-Z]*s[a-zA-Z]*(?:[ \t]+(?:-[a-zA-Z]+|""[^""\n]{0,80}""|'[^'\n]{0,80}'|\d+))*[ \t]+(?<name>[A-Za-z_]\w{0,40})(?![\w-])|\bgetpass\.getpass\s*\(|(?<![\w.])getpass\s*\(|\bRead-Host\b[^\n]{0,120}?-AsSecureString\b|\bGet-Credential\b|\bwith\s+hidden\s+answer\b|\bzenity\s+[^\n]{0,80}?--password\b|\bkdialog\s+[^\n]{0,80}?--password\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex Prompt();

    [GeneratedRegex(@"(?<name>\$?[A-Za-z_]\w{0,40})\s*:?=\s*[""']?(?:\$\(|`|\(|[^\n=]{0,200}?)$", RegexOptions.CultureInvariant)]
    private static partial Regex Assignment();

    /// <summary>A password given to log in with: an Authorization header, curl's <c>-u user:pass</c>, <c>auth=(user, pw)</c>, a <c>--password</c> option, a credential object.</summary>
    [GeneratedRegex(@"\bAuthorization\b|\s(?:-u|--user)[\s=]|\bauth\s*=\s*\(|--password[\s=]|\bPSCredential\b|-Credential\b|\bHTTPBasicAuth\b|\.login\s*\(", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AuthUse();

    /// <summary>A prompt for the account's own password: sudo's wording, the system's, the Mac's, the keychain's.</summary>
    [GeneratedRegex(@"\[sudo\]|\bpassword\s+for\b|\b(?:sudo|system|admin(?:istrator)?|login|account|user|mac(?:OS)?|computer|keychain|root)\s+password\b|\bSystem\s+Preferences\b|\bSystem\s+Settings\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AccountPassword();

    /// <summary>A function, in a shell's syntax, that takes the name of a command that asks for passwords.</summary>
    [GeneratedRegex(@"(?:^|[\s;])(?:function[ \t]+)?(?:sudo|su|doas|passwd|ssh|pkexec)[ \t]*\(\)[ \t]*\{|\bfunction[ \t]+(?:sudo|su|doas|pkexec)\b|\balias[ \t]+(?:sudo|su|doas)=(?>['""]?)(?!sudo\b|su\b|doas\b)", RegexOptions.CultureInvariant)]
    private static partial Regex ShadowedCommand();

    /// <summary>macOS's check of a password against an account, which a fake prompt uses to know it caught the right one.</summary>
    [GeneratedRegex(@"\bdscl\s+(?:\.|/Local/Default)\s+-authonly\b", RegexOptions.CultureInvariant)]
    private static partial Regex AuthOnly();

    /// <summary>A line that sends something over the network: a request with data, a socket, mail, a chat bot's API.</summary>
    [GeneratedRegex(@"\b(?:curl|wget)\b|\|\s*(?:nc|ncat|socat)\b|\b(?:nc|ncat)\s+\S+\s+\d+|/dev/tcp/|\b(?:requests|httpx|session|axios|urllib\.request)\.\w+\s*\(|\burlopen\s*\(|\bfetch\s*\(|\bInvoke-(?:RestMethod|WebRequest)\b|\b(?:irm|iwr)\b|\bsmtplib\b|\bsendmail\b|\bsendall\s*\(|\bsocket\b|\bXMLHttpRequest\b|\bhttp\.(?:Post|NewRequest)\b|\bNet::HTTP\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Send();
}
