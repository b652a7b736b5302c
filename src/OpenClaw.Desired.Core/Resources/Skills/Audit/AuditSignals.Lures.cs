using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>The parts of a lure: a download of an archive or program, a fetch, an instruction to run or paste, an untrusted origin, an archive's password, a helper named like the platform, a prerequisite, a lifted protection, a file made executable.</summary>
public static partial class AuditSignals
{
    /// <summary>Hosts whose content anyone can change or whose owner is unknown: paste and snippet sites, file drops, shorteners, tunnels, dynamic DNS.</summary>
    internal const string UntrustedHosts =
        @"glot\.io|pastebin\.com|paste\.ee|rentry\.(?:co|org)|hastebin\.|ghostbin\.|dpaste\.|controlc\.com|privatebin\.|termbin\.com|0x0\.st|transfer\.sh|"
        + @"file\.io|catbox\.moe|anonfiles\.|bashupload\.|temp\.sh|paste\.rs|ix\.io|sprunge\.us|pastie\.|justpaste\.it|telegra\.ph|gist\.githubusercontent\.com|"
        + @"gist\.github\.com|pastes\.dev|paste\.gg|bpa\.st|ideone\.com|bit\.ly|tinyurl\.com|is\.gd|cutt\.ly|rb\.gy|shorturl\.at|t\.ly|"
        + @"ngrok(?:-free)?\.(?:io|app|dev)|trycloudflare\.com|serveo\.net|localtunnel\.me|loca\.lt|bore\.pub|duckdns\.org|no-ip\.|ddns\.net|" + FileDrops;

    [GeneratedRegex(@"https?://[^\s""'<>)\]]+\.(?:zip|7z|rar|tar\.gz|tgz|tar\.xz|dmg|pkg|exe|msi|appimage|deb|rpm|jar|apk|scr|bat|cmd|ps1|vbs)(?!\w|\.\w)|github\.com/[\w.-]+/[\w.-]+/releases/(?:download|latest)\b|\b(?:download|get|grab|obtain)\b(?!\s+(?:urls?|links?|pages?|counts?|speeds?|sizes?|stats|reputation)\b)(?:[^\n!?.]|\.(?!\s))*?(?:\(zip\)|\bzip\b|\.zip\b|\barchive\b|\binstaller\b|\bexecutable\b|\.exe\b|\.dmg\b|\.pkg\b|\.msi\b)|下载[^\n]*(?:压缩包|安装包|安装程序|zip|exe|dmg)"
        + @"|\bdropbox\.com/(?:s|scl/fi)/[^\s""'<>)]*[?&]dl=1|\bdrive\.google\.com/(?:uc\?[^\s""'<>)]*export=download|file/d/)|\b(?:" + FileDrops + @")"
        + @"|(?:скача\w*|загруз\w*|descarg\w*|baix\w*|herunterlad\w*|laden\s+sie|télécharg\w*|ダウンロード)[^\n]*?(?:\.(?:zip|7z|rar|exe|dmg|pkg|msi|apk)\b|архив\w*|установщик\w*|archivo|instalador|arquivo|archiv\w*|installationsprogramm|installateur|インストーラ|アーカイブ|" + FileDrops + @")", I)]
    private static partial Regex ArchiveDownload();

    /// <summary>"Compare it against the SHA-256 the vendor gives for the download (`.dmg`)": the download named as a thing, after an article or a possessive, is no step to fetch one.</summary>
    public static AuditSeverity? JudgeArchiveDownload(string text, Match match) =>
        match.Value.StartsWith("download", StringComparison.OrdinalIgnoreCase) && DownloadAsNoun().IsMatch(text.AsSpan(Math.Max(0, match.Index - 24), Math.Min(24, match.Index)))
            ? null : AuditSeverity.Low;

    [GeneratedRegex(@"\b(?:the|a|an|your|this|that|its|their|each|every|original|official)\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DownloadAsNoun();

    /// <summary>Anonymous file-sharing links: a program handed out there has no publisher to vouch for it.</summary>
    private const string FileDrops =
        @"mega\.(?:nz|co\.nz)/(?:file|folder)|mediafire\.com/(?:file|download)|we\.tl/|wetransfer\.com/downloads|gofile\.io/d/|pixeldrain\.com/u/|pan\.baidu\.com/s/|"
        + @"sendspace\.com/file|dropmefiles\.|files\.fm/u/|krakenfiles\.com|workupload\.com";

    [GeneratedRegex(@"\b(?:curl|wget)\b[^\n|;]*?(?:https?://|\b\d{1,3}(?:\.\d{1,3}){3}\b)|\b(?:iwr|irm|Invoke-WebRequest|Invoke-RestMethod|DownloadString|DownloadFile)\b|\bdownload\b[^\n]*\bfrom\b|下载|\bgit\s+clone\b[^\n]*?\bhttps?://", I)]
    private static partial Regex Fetch();

    [GeneratedRegex(@"(?<!--[\w-]{1,30}[\s=])\b(?:run|execute|launch|start|open|double[- ]?click|install)\b[^\n.]*?\b(?:the\s+)?(?:executable|installer|binary|setup|program|\.exe|\.app|\.pkg|\.dmg|\.msi)\b|\b(?:run|execute)\s+(?:it|this|the\s+(?:following|command|script|file))\b|\bbefore\s+(?:using|running)\s+(?:any\s+)?(?:commands?|this\s+skill)\b|\b(?:follow|obey|apply|carry\s+out)\s+(?:it|them|its\s+instructions|the\s+instructions)\b|\b(?:run|execute|enter|type|paste)\b[^\n]*\b(?:in|into|inside)\s+(?:the\s+|your\s+|a\s+)?(?:terminal|shell|console|powershell|command\s+prompt)\b"
        + @"|\b(?:run|execute|launch)\s+(?:its|the\s+page's|the\s+snippet's)\s+(?:contents?|commands?|code|script)\b|\b(?:run(?:ning)?|execut(?:e|ing))\s+(?:it|them|this|that|its\s+contents?|the\s+(?:command|commands|output|contents?|snippet|one-liner|line))\s+(?:with|through|in|using|via)\s+(?:a\s+|the\s+|your\s+)?(?:(?:ba|z|da)?sh|shell|terminal|powershell)\b|\bpipe\s+(?:it|them|this|that|its\s+contents?|the\s+\w+)\s+(?:into|to|through)\s+(?:ba|z|da)?sh\b"
        + @"|\b(?:run|execute|do|follow)\s+(?:exactly\s+)?(?:what|whatever|everything)\s+(?:it|the\s+page|the\s+snippet|the\s+guide|they|you\s+see|is\s+(?:there|on\s+it|in\s+it))\b"
        + @"|\b(?:run|execute|follow)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:steps|commands?|instructions)\s+(?:there|on\s+(?:that|the|this)\s+page|(?:it|the\s+page)\s+(?:shows|gives|lists)|in\s+its\s+(?:own\s+)?(?:SKILL\.md|README(?:\.md)?|docs?|page|file|setup))\b|\b(?:commands?|steps?)\s+it\s+(?:asks|tells)\s+you\s+to\s+run\b"
        + @"|\b(?:run|execute)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:lines?|commands?|code|script|snippet)\s+(?:(?:that\s+)?it\s+(?:contains|holds|has|shows|gives)|inside\s+it|in\s+it|(?:in|inside|from)\s+(?:that|the)\s+(?:file|page|paste))\b"
        + @"|运行|执行|双击|启动|打开[^\n]*?\.(?:exe|app|dmg|pkg)"
        , I)]
    private static partial Regex RunInstruction();

    [GeneratedRegex(@"\b(?:copy|paste)\b[^\n]*?\b(?:terminal|shell|console|command[- ]line|powershell|cmd(?:\.exe)?|run\s+dialog)\b|\b(?:open|launch)\s+(?:the\s+|a\s+|your\s+)?(?:terminal|powershell)\b[^\n]*\b(?:paste|run|execute|enter|type)\b|粘贴|复制[^\n]{0,40}?终端|(?:встав\w*|скопир\w*|копир\w*)[^\n]{0,60}?(?:терминал\w*|консол\w*)|(?:терминал\w*|консол\w*)[^\n]{0,60}?встав\w*|(?:貼り付け|コピー|ペースト)[^\n]{0,40}?ターミナル|ターミナル[^\n]{0,40}?(?:貼り付け|ペースト)|\b(?:pega\w*|copi[ae]\w*|collez|cole)\b[^\n]*\b(?:terminal|consola|powershell)\b|(?:कॉपी|पेस्ट)[^\n]{0,60}?टर्मिनल|टर्मिनल[^\n]{0,60}?पेस्ट|(?:انسخ|الصق)[^\n]{0,60}?(?:الطرفية|التيرمينال|terminal)|\b(?:dán|sao\s+chép)\b[^\n]{0,60}?\bterminal\b", I)]
    private static partial Regex PasteInTerminal();

    [GeneratedRegex(@"\b(?:" + UntrustedHosts + @")|//paste\.[a-z0-9-]+\.|\bhttps?://(?:\d{1,3}\.){3}\d{1,3}\b", I)]
    private static partial Regex UntrustedOrigin();

    /// <summary>A bare address (no scheme, no path) in a code span or quotes, or named as a server, host or address, also in Chinese, Japanese, Russian, Spanish, Portuguese, French and German.</summary>
    private const string BareAddress =
        @"(?:[`'""]|\b(?:server|host|address|ip|addr)\b[^\n`]{0,20}?[\s:：=]|(?:地址|服务器|主机|サーバー?|アドレス|адрес\w*|сервер\w*|хост\w*|servidor|dirección|endereço|serveur|adresse)[^\n`]{0,20}?)(?:\d{1,3}\.){3}\d{1,3}(?![\w.-])";

    /// <summary>The path of a script or program on its own (not the end of a URL): <c>`/fsync/install.sh`</c>.</summary>
    private const string ProgramPath = @"(?<![\w.:/~}$-])/[\w.-]+(?:/[\w.-]+)*\.(?:sh|bash|py|ps1|pl|rb|exe|zip|dmg|pkg|msi|bin|jar|apk)\b";

    /// <summary>
    /// An address given in parts for the reader to join: a bare address (no scheme) and, within a few lines, the path of a
    /// script or program on it ("the server is `185.225.73.114`, port 80, the script is at `/fsync/install.sh`"), or the
    /// path first. Judged as an address (<see cref="AuditRules.JudgeIpEvidence"/>): a private one is no origin.
    /// </summary>
    [GeneratedRegex(@"" + BareAddress + @"[^\n]{0,200}?(?:\n[^\n]{0,200}?){0,3}?" + ProgramPath + @"|" + ProgramPath + @"[^\n]{0,200}?(?:\n[^\n]{0,200}?){0,3}?" + BareAddress, I)]
    private static partial Regex AddressInParts();

    [GeneratedRegex(@"\b(?:extract|unzip|unpack|unrar|decompress|open)\w*\b[^\n]*?\b(?:password|passcode|passphrase|pass|pwd|pw)\b|\b(?:password|passcode|passphrase|pass|pwd|pw)\b[^\n]*?\b(?:zip|archive|extract\w*|unzip|7z|rar)\b|\b(?:zip|archive|rar|7z)\b[^\n]*?\b(?:password|passcode|pass|pwd|pw)\s*[:=]|解压密码|密码[:：]\s*[`*""']*[\x21-\x7E]{3,40}"
        + @"|\.(?:zip|7z|rar)\b[^\n]{0,80}?\b(?:pass|pwd|pw)\b\s*[:=]?\s*[`*""']*\w*\d"
        + @"|\b(?:unzip|unpack|unrar|decompress)\w*\b[^\n]{0,60}?\b(?:code|key|passcode|password)\b|\b(?:code|key)\b[^\n]{0,30}?\bto\s+(?:unzip|unpack|extract)\b|\bunlock\s+(?:it|them|the\s+(?:archive|zip|file|package|download))\s+(?:with|using)\s+(?:the\s+)?(?:code|key|password|passcode|pin)\b"
        + @"|\b(?:archive|zip|package|download|installer)\b[^\n]{0,20}?\bis\s+(?:locked|encrypted|password[- ]protected)\b|\b(?:encrypted|locked|password[- ]protected)\s+(?:archive|zip|rar|7z|package)\b"
        + @"|(?:" + LocalPassword + @")[^\n]{0,60}?(?:" + ArchiveWords + @"|" + LocalUnpack + @")|(?:" + ArchiveWords + @"|" + LocalUnpack + @")[^\n]{0,60}?(?:" + LocalPassword + @"|\b(?:password|passcode|passphrase)\b)|解压码|提取码|解压密码"
        + @"|(?m:^[ \t>*_-]*(?:\d+[.)]\s*)?(?:password|passphrase|pass|pwd|" + LocalPassword + @"|密码)\s*[:=：]\s*[`*""'«]*[\x21-\x7E-[`*""']]{3,40}[`*""'»]*[ \t]*\r?$)", I)]
    private static partial Regex ArchivePassword();

    /// <summary>
    /// A platform-named helper its clause says does not exist or is fake ("There is no separate "openclaw-cli" download",
    /// "fake clawhub helpers") is a warning, not a lure; unless an instruction to get or run something follows the denial
    /// in that clause ("no account is needed, install openclaw-helper" is read clause by clause, so the comma ends it).
    /// </summary>
    public static AuditSeverity? JudgePlatformTool(string text, Match match)
    {
        // An environment variable's name read or set (process.env.OPENCLAW_AGENT, $OPENCLAW_AGENT, OPENCLAW_AGENT=…) names a setting, not a program.
        if (match.Value.Contains('_', StringComparison.Ordinal) && match.Value == match.Value.ToUpperInvariant()
            && (EnvRead().IsMatch(text.AsSpan(Math.Max(0, match.Index - 24), Math.Min(24, match.Index)))
                || Regex.IsMatch(text.AsSpan(match.Index + match.Length, Math.Min(4, text.Length - match.Index - match.Length)), @"^[ \t]*[=:]")))
        {
            return null;
        }

        var clause = LineJudges.ClauseBefore(text, match.Index, ".!?:;,").ToString();
        var denial = DeniedTool().Matches(clause).LastOrDefault();
        return denial is not null && !InstallVerb().IsMatch(clause.AsSpan(denial.Index + denial.Length)) ? null : AuditSeverity.Low;
    }

    [GeneratedRegex(@"\b(?:there\s+(?:is|are)\s+no|there'?s\s+no|no\s+(?:separate|such|official|extra|additional|other)|(?:is|are)n'?t\s+(?:any|a|an)|(?:is|are)\s+not\s+(?:any|a|an)|fake|unofficial|bogus|counterfeit|impost[eo]rs?|look-?alikes?)\b", I)]
    private static partial Regex DeniedTool();

    [GeneratedRegex(@"\b(?:install|download|run|get|use|grab|fetch|execute|launch|open|start|add)\b", I)]
    private static partial Regex InstallVerb();

    /// <summary>What reads an environment variable, right before its name: <c>process.env.</c>, <c>$</c>, <c>${</c>, <c>os.environ["</c>, <c>getenv("</c>, <c>ENV["</c>, <c>$env:</c>.</summary>
    [GeneratedRegex(@"(?:process\.env\.|\$\{?|\benviron(?:\.get)?\s*[\[(]\s*[""']|[gG]etenv\s*\(\s*[""']|\bENV\s*\[\s*[""']|\$env:|%)$", RegexOptions.CultureInvariant)]
    private static partial Regex EnvRead();

    [GeneratedRegex(@"\b(?:open[-_]?claw|claw[-_]?hub|clawd(?:bot)?|molt(?:bot)?)[-_]?(?:cli|core|agent|helper|driver|provider|updater?|installer|setup|runtime|service|daemon|bridge|connector|toolkit|auth\w*|launcher|manager|wizard|win\w*|mac\w*)\b|\b(?:open\s?claw|claw\s?hub|clawdbot|moltbot)\s+(?:helper|updater|driver|installer|authenticator|launcher)\b", I)]
    private static partial Regex PlatformTool();

    [GeneratedRegex(@"\b(?:prerequisites?|requirements?|before\s+(?:you\s+)?(?:start|begin|proceed|use|using)|must\s+(?:first\s+)?(?:be\s+)?(?:installed|running|run)|will\s+not\s+work\s+without|won't\s+work\s+without|is\s+required|mandatory)\b|先决条件|前置条件|必须", I)]
    private static partial Regex Prerequisite();

    /// <summary>
    /// Root for something handed over: "run it with sudo", <c>sudo ./setup</c>, <c>sudo bash /tmp/x.sh</c>,
    /// <c>sudo installer -pkg</c>. Vendors' guides end with "sudo usermod -aG docker $USER" or "sudo tailscale up" to
    /// finish setup: root for a named, installed tool, which lifts no protection.
    /// </summary>
    private const string SudoOnIt = @"\b(?:run|execute|start|launch|open)\s+(?:it|them|this|the\s+(?:installer|file|program|binary|app|setup|helper|download))\s+(?:with|as|using|via)\s+(?:sudo|root|admin\w*)\b|\bsudo\s+(?:-\w+\s+)*(?:\./|/tmp/|~/|\$HOME/|(?:ba|z)?sh\s+\S+|installer\s+-pkg\b|\S+\.(?:sh|run|bin|pkg|appimage|exe)\b)";

    /// <summary>Where "run anyway" is the answer to the OS's own warning about an unknown program.</summary>
    private const string OsWarning = @"smartscreen|gatekeeper|protected\s+your\s+pc|unidentified|unknown\s+publisher|privacy\s*(?:&|and)\s*security|security\s*(?:&|and)\s*privacy|defender|more\s+info|antivirus";

    [GeneratedRegex(@"\bxattr\s+(?:-[a-z]+\s+)*(?:-[a-z]*c[a-z]*\b|-[a-z]*d[a-z]*\s+(?:-[a-z]+\s+)*[""'`]?(?:com\.apple\.quarantine|<[^>\n]{1,40}>|\$\{?\w+\}?))|\bspctl\s+--(?:master-disable|add|global-disable)|\b(?:disable|turn\s+off|bypass|deactivate)\b[^\n]*\b(?:gatekeeper|defender|antivirus|anti-virus|real-?time\s+protection|smartscreen|xprotect|sip)\b|\ballow\s+apps?\s+(?:downloaded\s+)?from\s+anywhere\b|\bopen\s+anyway\b|\b(?:run|allow|install)\s+anyway\b(?=[^\n]*(?:" + OsWarning + @"))|(?:" + OsWarning + @")[^\n]*\b(?:run|allow|install)\s+anyway\b|\bSet-MpPreference\b[^\n]*-Disable|\bAdd-MpPreference\b[^\n]*-Exclusion|\badd\s+(?:an?\s+)?exclusion\b|\bcsrutil\s+disable\b|(?:" + SudoOnIt + @")[^\n]*\b(?:finish|complete|finalize)\w*\b|\b(?:finish|complete|finalize)\w*\s+(?:the\s+)?(?:setup|installation)\b[^\n]*(?:" + SudoOnIt + @")|关闭(?:杀毒|防病毒|安全)"
        + @"|\b(?:desactiv\w*|deshabilit\w*|desativ\w*|deaktivier\w*|désactiv\w*|apag\w*)\b[^\n]{0,40}(?:antivirus|antivírus|defender|virenschutz|gatekeeper|protección|proteção|protection)|(?:отключ\w*|выключ\w*)[^\n]{0,40}(?:антивирус|защитник|defender|gatekeeper|защит\w*)", I)]
    private static partial Regex ProtectionLift();

    [GeneratedRegex(@"\bchmod\s+(?:-R\s+)?(?:\+x|[ua]\+x|[0-7]?[0-7][157][0-7])\s", I)]
    private static partial Regex MakeExecutable();

    /// <summary>A file made executable by code: <c>fs.chmodSync(bin, 0o755)</c>, <c>os.chmod(p, 0o755)</c>, <c>os.Chmod(p, 0755)</c>, <c>st.st_mode | stat.S_IEXEC</c>, a write stream opened with <c>mode: 0o755</c>.</summary>
    [GeneratedRegex(@"\b(?:chmodSync|chmod|Chmod|set_permissions)\s*\([^\n)]{0,200}?(?:0o?[0-7]?[157][0-7][0-7]\b|S_IX(?:USR|GRP|OTH)|S_IEXEC|from_mode\s*\(\s*0o[0-7]?[157])|(?<!\bmkdir\w*\s*\([^\n]{0,200})\bmode\s*:\s*0o?[157][0-7][0-7]\b", I)]
    private static partial Regex ExecutableMode();

    /// <summary>A download written to a file by code: a request (<c>https.get</c>, <c>fetch</c>, <c>requests.get</c>, <c>urlopen</c>, <c>http.Get</c>) and, within the next lines, a file written with what came back; or <c>urlretrieve</c>.</summary>
    [GeneratedRegex(@"\b(?:https?\.get|fetch|axios\.get|got|requests\.get|urlopen|httpx\.get|http\.Get|reqwest::(?:blocking::)?get)\s*\((?:[^\n]{0,300}\n){0,12}?[^\n]{0,300}?(?:\b(?:createWriteStream|writeFileSync|writeFile|write_bytes|io\.Copy|copy_to|copyTo)\s*\(|\bopen\s*\([^\n)]{0,200}?[""']wb[""'])|\burlretrieve\s*\(", I)]
    private static partial Regex DownloadToFile();
}
