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
        var shell = match.Groups["name"].Success;
        if (shell && !match.Groups["quiet"].Success && !SilentFlag().IsMatch(match.Groups["opts"].Value))
        {
            return null;
        }

        var name = shell ? match.Groups["name"].Value : AssignedName(text, match.Index);
        if (name is { Length: > 0 } && SentLater(text, match.Index + match.Length, name, shell))
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
    private static bool SentLater(string text, int end, string name, bool shell)
    {
        // What read -s filled is used as $p or ${p}; another prompt's answer as the word or the shell variable. A line
        // that puts it into another variable (body="u=$USER&p=$p", payload = {"p": pw}) hands that name on, once.
        var use = Use(name, shell);
        // Forty lines from the prompt's end (its own words are not a use), read from at most 8 KiB: a file of many prompts
        // costs no more than its length per prompt.
        var window = text.AsSpan(end, Math.Min(text.Length - end, FlowChars)).ToString();
        var lines = window.Replace("\\\r\n", " ", StringComparison.Ordinal).Replace("\\\n", " ", StringComparison.Ordinal).Split('\n');
        var handed = false;
        foreach (var line in lines.Take(FlowLines))
        {
            // Used to log in (an Authorization header, curl -u, auth=(…), a login path), or sent to this machine or the
            // local network, the password does what it was asked for.
            if (!use.IsMatch(line))
            {
                continue;
            }

            if (Send().IsMatch(line) && !AuthUse().IsMatch(line) && !LocalHost().IsMatch(line))
            {
                return true;
            }

            // A hash of it (a breach check's k-anonymity prefix) or a login's token is not the password.
            if (!handed && Carrier().Match(line) is { Success: true } carrier && carrier.Groups["name"].Value.TrimStart('$') != name
                && !Digest().IsMatch(line) && !AuthUse().IsMatch(line) && !line.Contains("login", StringComparison.OrdinalIgnoreCase))
            {
                handed = true;
                use = new Regex(use + "|" + Use(carrier.Groups["name"].Value.TrimStart('$'), shell), RegexOptions.CultureInvariant);
            }
        }

        return false;
    }

    private static Regex Use(string name, bool shell) =>
        new((shell ? @"\$\{?" : @"(?<!\w)\$?\{?") + Regex.Escape(name) + @"(?!\w)", RegexOptions.CultureInvariant);

    [GeneratedRegex(@"\bsha\d*sum\b|\bmd5sum\b|\bhashlib\b|\bsha(?:1|256|512)\b|\bbcrypt\b|\bargon2\b|\bcreateHash\b|\bGet-FileHash\b|\bopenssl\s+dgst\b|\bhash\w*\s*\(", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Digest();

    /// <summary>A line that assigns to a name: <c>body="…"</c>, <c>payload = {…}</c>, <c>$b = @{…}</c>, <c>const data = …</c>.</summary>
    [GeneratedRegex(@"^[ \t]*(?:(?:export|local|const|let|var|my)[ \t]+)?(?<name>\$?[A-Za-z_]\w{0,40})[ \t]*:?=(?!=)", RegexOptions.CultureInvariant)]
    private static partial Regex Carrier();

    /// <summary>
    /// A prompt that does not echo: the shell's <c>read -s</c> (its last word is the variable), Python's <c>getpass</c>,
    /// PowerShell's secure <c>Read-Host</c> and <c>Get-Credential</c>, an AppleScript dialog with a hidden answer, zenity's
    /// and kdialog's password boxes.
    /// </summary>
    [GeneratedRegex(@"\bstty[ \t]+(?:(?:raw|-F[ \t]+\S+|-f[ \t]+\S+)[ \t]+)?-echo\b[^\n]{0,200}?(?:\n[^\n]{0,200}?){0,4}?\bread\b(?>(?:[ \t]+(?:-[a-zA-Z]+|""[^""\n]{0,80}""|'[^'\n]{0,80}'|\d+)){0,20})[ \t]+(?<quiet>(?<name>[A-Za-z_]\w{0,40}))(?![\w-])|\bread\b(?<opts>(?>(?:[ \t]+(?:-[a-zA-Z]+|""[^""\n]{0,80}""|'[^'\n]{0,80}'|\d+)){1,20}))[ \t]+(?<name>[A-Za-z_]\w{0,40})(?![\w-])|\bgetpass\.getpass\s*\(|(?<![\w.])getpass\s*\(|\bRead-Host\b[^\n]{0,120}?-AsSecureString\b|\bRead-Host\b[^\n]{0,120}?-MaskInput\b|\bGet-Credential\b|\bwith\s+hidden\s+answer\b|\bhiddenAnswer\s*:\s*true\b|\bzenity\s+[^\n]{0,80}?--password\b|\bkdialog\s+[^\n]{0,80}?--password\b|\b(?:whiptail|dialog)\s+[^\n]{0,80}?--passwordbox\b|\b(?:prompt|option|Option)\s*\([\s\S]{0,300}?\bhide_input\s*=\s*True\b|\btype\s*:\s*['""]password['""]|\bhideEchoBack\s*:\s*true\b|\bpwinput\s*\(|\b(?:questionary|inquirer|click|typer|Prompt)\.password\s*\(|\bPrompt\.ask\s*\([^\n]{0,200}?\bpassword\s*=\s*True\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex Prompt();

    [GeneratedRegex(@"(?<name>\$?[A-Za-z_]\w{0,40})\s*:?=\s*[""']?(?:\$\(|`|\(|[^\n=]{0,200}?)$", RegexOptions.CultureInvariant)]
    private static partial Regex Assignment();

    /// <summary>A password given to log in with: an Authorization header, curl's <c>-u user:pass</c>, <c>auth=(user, pw)</c>, a <c>--password</c> option, a credential object.</summary>
    [GeneratedRegex(@"\bAuthorization\b|\s(?:-u|--user)[\s=]|\bauth\s*=\s*\(|--password[\s=]|\bPSCredential\b|-Credential\b|\bHTTPBasicAuth\b|\.login\s*\(|/(?:login|logon|signin|sign_in|auth|authenticate|token|ticket|session|sessions|oauth)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AuthUse();

    /// <summary>An address on this machine or the local network: a local service's own login.</summary>
    [GeneratedRegex(@"://(?:localhost|127\.\d+\.\d+\.\d+|\[::1\]|10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|172\.(?:1[6-9]|2\d|3[01])\.\d+\.\d+|[\w-]+\.(?:local|lan|internal|home\.arpa))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LocalHost();

    /// <summary>A <c>read</c> option that turns echo off: <c>-s</c>, <c>-rs</c>, <c>-sp</c>.</summary>
    [GeneratedRegex(@"(?:^|[ \t])-[a-zA-Z]*s", RegexOptions.CultureInvariant)]
    private static partial Regex SilentFlag();

    /// <summary>A prompt for the account's own password: sudo's wording ("[sudo] password for %s"), the system's, the Mac's, the keychain's.</summary>
    [GeneratedRegex(@"\[sudo\]|\bpassword\s+for\s+(?:%s|\$\{?USER\b|\$\(whoami\))|\b(?:sudo|system|mac(?:OS)?|computer|keychain)\s+password\b|\bSystem\s+Preferences\b|\bSystem\s+Settings\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AccountPassword();

    /// <summary>A function, in a shell's syntax, that takes the name of a command that asks for passwords.</summary>
    [GeneratedRegex(@"(?:^|[\s;])(?:function[ \t]+)?(?:sudo|su|doas|passwd|ssh|pkexec)[ \t]*\(\)[ \t]*\{|\bfunction[ \t]+(?:sudo|su|doas|pkexec)\b|\balias[ \t]+(?:sudo|su|doas)=(?>['""]?)(?!sudo\b|su\b|doas\b)", RegexOptions.CultureInvariant)]
    private static partial Regex ShadowedCommand();

    /// <summary>macOS's check of a password against an account, which a fake prompt uses to know it caught the right one.</summary>
    [GeneratedRegex(@"\bdscl\s+(?:\.|/Local/Default)\s+-authonly\b", RegexOptions.CultureInvariant)]
    private static partial Regex AuthOnly();

    /// <summary>A line that sends something over the network: a request with data, a socket, mail, a chat bot's API.</summary>
    [GeneratedRegex(@"\b(?:curl|wget)\b|\|\s*(?:nc|ncat|socat)\b|\b(?:nc|ncat)\s+\S+\s+\d+|/dev/tcp/|\b(?:requests|httpx|session|axios|urllib\.request)\.\w+\s*\(|\burlopen\s*\(|\bfetch\s*\(|\bInvoke-(?:RestMethod|WebRequest)\b|\b(?:irm|iwr)\b|\bsmtplib\b|\bsendmail\b|\bsendall\s*\(|\bsocket\.socket\b|\bXMLHttpRequest\b|\bhttp\.(?:Post|NewRequest)\b|\bNet::HTTP\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Send();
}
