using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>
/// The evidence rules: phrases and commands that describe a lure's parts in any wording (English and the
/// Chinese of lures seen in the wild). None is a finding alone; <see cref="AuditCombinations"/> judges them
/// together. Patterns are bounded and case-insensitive.
/// </summary>
public static partial class AuditSignals
{
    private const RegexOptions I = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>Literals of which every untrusted-origin match holds one (the scheme, for bare addresses).</summary>
    private static readonly string[] HostAnchors =
    [
        "://", "glot.io", "paste", "rentry", "hastebin", "ghostbin", "controlc", "privatebin", "termbin", "0x0.st", "transfer.sh", "file.io", "catbox",
        "anonfiles", "bashupload", "temp.sh", "ix.io", "sprunge", "pastie", "justpaste", "telegra.ph", "gist.", "ideone", "bit.ly", "tinyurl", "is.gd",
        "cutt.ly", "rb.gy", "shorturl", "t.ly", "ngrok", "trycloudflare", "serveo", "localtunnel", "loca.lt", "bore.pub", "duckdns", "no-ip", "ddns",
        "mega.", "mediafire", "we.tl", "wetransfer", "gofile", "pixeldrain", "pan.baidu", "sendspace", "dropmefiles", "files.fm", "krakenfiles", "workupload",
    ];

    /// <summary>Literals of which every match of <see cref="SecretHandover"/> holds one: the credential it names.</summary>
    private static readonly string[] SecretAnchors =
    [
        ".openclaw", ".clawdbot", ".moltbot", ".clawd", "openclaw.json", "auth-profile", "auth profile", ".env", "seed", "recovery", "mnemonic", "secret", "private key", "wallet", "keystore",
        ".ssh", "ssh key", "id_rsa", "id_ed25519", "id_ecdsa", "credential", "env file", "environment file", "dotenv", "api key", "api-key", "api_key", "apikey", "token", "password", "cookie", "2fa", "otp", "one-time", "verification code",
    ];

    public static IReadOnlyList<AuditRule> All { get; } =
    [
        AuditRule.Evidence("sig-archive-download", Signal.ArchiveDownload, ArchiveDownload(), "http", "download", "get", "grab", "obtain", "releases", "下载", "скача", "загруз", "descarg", "baix", "herunterlad", "laden", "télécharg", "ダウンロード", "dropbox", "drive.google", "mega.", "mediafire", "we.tl", "wetransfer", "gofile",
            "pixeldrain", "pan.baidu", "sendspace", "dropmefiles", "files.fm", "krakenfiles", "workupload"),
        AuditRule.Evidence("sig-fetch", Signal.Fetch, Fetch(), "curl", "wget", "iwr", "invoke-webrequest", "download", "fetch", "http", "下载"),
        AuditRule.Evidence("sig-run", Signal.RunInstruction, RunInstruction(), "run", "execute", "executing", "launch", "start", "open", "click", "install", "before", "follow", "obey", "apply", "carry", "enter", "type", "paste", "do what", "do exactly", "do everything", "do whatever", "pipe", "运行", "执行", "双击", "启动", "打开") with { Judge = RunsItsOwnCommand },
        AuditRule.Evidence("sig-run-local", Signal.RunInstruction, LocalRunInstruction(), "ejecut", "execut", "exécut", "lanc", "inici", "выполн", "запуст", "ausführ", "führen", "実行", "abr", "откр", "çalıştır", "esegu", "avvia", "uruchom", "jalankan", "실행", "chạy", "चला", "रन", "شغ", "نف", "uitvoer") with { Judge = RunsItsOwnCommand, WordAnchors = ["aus", "starte", "starten", "voer"] },
        AuditRule.Evidence("sig-paste", Signal.PasteInTerminal, PasteInTerminal(), "copy", "paste", "terminal", "powershell", "终端", "粘贴", "терминал", "консол", "consola", "ターミナル", "встав", "копир", "貼り付け", "ペースト", "कॉपी", "पेस्ट", "انسخ", "الصق", "dán", "sao chép") with { Judge = RunsItsOwnCommand },
        AuditRule.Evidence("sig-untrusted-origin", Signal.UntrustedOrigin, UntrustedOrigin(), HostAnchors) with { Judge = AuditRules.JudgeIpEvidence },
        AuditRule.Evidence("sig-archive-password", Signal.ArchivePassword, ArchivePassword(), "pass", "pwd", "pw", "密码", "解压码", "提取码", "unzip", "unpack", "unrar", "decompress", "extract", "unlock", "locked", "encrypted", "protected", "contraseña", "clave", "senha", "пароль", "passwort", "kennwort", "パスワード", "비밀번호", "암호", "şifre", "parola", "hasł", "wachtwoord", "sandi", "पासवर्ड", "mật khẩu", "كلمة", "รหัสผ่าน") with { Judge = LineJudges.JudgeArchivePasswordEvidence },
        AuditRule.Evidence("sig-platform-tool", Signal.PlatformTool, PlatformTool(), "claw", "molt") with { Judge = JudgePlatformTool },
        AuditRule.Evidence("sig-prerequisite", Signal.Prerequisite, Prerequisite(), "prereq", "requirement", "before", "must", "without", "required", "mandatory", "先决", "前置", "必须"),
        AuditRule.Evidence("sig-protection-lift", Signal.ProtectionLift, ProtectionLift(), "xattr", "spctl", "gatekeeper", "defender", "antivirus", "anti-virus", "protection", "smartscreen", "xprotect", "sip", "anywhere", "mppreference", "exclusion", "csrutil", "sudo", "anyway", "关闭", "desactiv", "deshabilit", "desativ", "apag", "отключ", "выключ", "deaktivier", "désactiv") with { Judge = LineJudges.JudgeCaution },
        AuditRule.Evidence("sig-chmod", Signal.MakeExecutable, MakeExecutable(), "chmod"),
        AuditRule.Evidence("sig-agent-credentials", Signal.AgentCredentialRead, AgentCredentials(), "openclaw", "clawdbot", "moltbot", "clawd", "auth-profiles", "memory", "soul.md", "user.md") with { Judge = JudgeAgentFile },
        AuditRule.Evidence("sig-env-harvest", Signal.CredentialRead, EnvHarvest(), "walk", "glob", "readdir", "get-childitem", "find") with { CodeOnly = true },
        AuditRule.Evidence("sig-credential-path", Signal.CredentialRead, HeldCredentialPath(), [.. AuditRules.CredentialPathAnchors, ".clawdbot", ".moltbot"]) with { Judge = JudgeHeldPath, CodeOnly = true },
        AuditRule.Evidence("sig-token-print", Signal.CredentialRead, TokenPrint(), "auth", "get-access-token", "configure", "op://", "--reveal", "openclaw") with { Judge = TokenSources.Judge },
        AuditRule.Evidence("sig-wallet", Signal.WalletRead, Wallet(), ["wallet", "exodus", "electrum", "metamask", "phantom", "solana", "keystore", "seed", "mnemonic", "recovery", "private key", "secret phrase", "secret recovery", "12 word", "12-word", "24 word", "24-word", "twelve", "twenty-four", "semilla", "recuperaci", "clave privada", "фраз", "ключ", .. AuditRules.WalletExtensions]) with { Judge = JudgeWallet },
        AuditRule.Evidence("sig-dns-labels", Signal.Send, LabelSlices()) with { Judge = JudgeLabelSlices, CodeOnly = true, Prefilter = MayLookUpNames, LinearForLargeText = false },
        AuditRule.Evidence("sig-concealment", Signal.Concealment, Concealment(), ConcealmentAnchors) with { Judge = JudgeConcealment },
        AuditRule.Evidence("sig-send-prose", Signal.Send, SendProse(), "send", "upload", "post", "forward", "exfil", "transmit", "report", "sync", "submit", "mail") with { Judge = LineJudges.JudgeNotNegated },
        AuditRule.Evidence("sig-secret-handover", Signal.SecretHandover, SecretHandover(), SecretAnchors) with { Judge = LineJudges.JudgeHandover, LinearForLargeText = false },
        AuditRule.Evidence("sig-listed-credential", Signal.CredentialRead, ListedCredential(), [.. AuditRules.CredentialPathAnchors]) with { Judge = JudgeListedCredential },
        AuditRule.Evidence("sig-handover-on", Signal.SecretHandover, HandoverOn(), "send", "share", "forward", "upload", "paste", "put", "mail", "submit", "post", "dm", "message", "transmit", "transfer", "attach", "drop", "include") with { Judge = JudgeHandoverOn },
        AuditRule.Evidence("sig-secret-handover-local", Signal.SecretHandover, LocalSecretHandover()) with { Judge = JudgeLocalHandover, LinearForLargeText = false, WordAnchors = LocalHandOverAnchors },
        AuditRule.Evidence("sig-recipient-local", Signal.Recipient, LocalRecipient(), "@", "://") with { Judge = JudgeLocalRecipient, LinearForLargeText = false, Prefilter = MayHandOverLocally },
        AuditRule.Evidence("sig-recipient", Signal.Recipient, Recipient(), "@", "http", "telegram", "discord", "whatsapp", "signal", "support bot", "webhook") with { Judge = Origins.JudgeRecipient, LinearForLargeText = false },
        AuditRule.Evidence("sig-exfil-sink", Signal.ExfilSink, ExfilSink(), [.. HostAnchors, "webhook", "requestbin", "pipedream", "beeceptor", "hookbin", "requestcatcher", "interact.sh", "burpcollaborator", "oast.", "canarytokens", "discord", "telegram", ":aa"]) with { Judge = JudgeSink },
    ];

    /// <summary>
    /// "Open a terminal and run <c>npm install</c>": an instruction whose line gives the command itself, a package
    /// manager's or a well-known tool's, and names no untrusted origin, runs that command, not something fetched from a page.
    /// </summary>
    public static AuditSeverity? RunsItsOwnCommand(string text, Match match)
    {
        var start = match.Index == 0 ? 0 : text.LastIndexOf('\n', match.Index - 1) + 1;
        var end = text.IndexOf('\n', match.Index);
        var line = text[start..(end < 0 ? text.Length : end)];
        if (!KnownToolCommand().IsMatch(line))
        {
            return AuditSeverity.Low;
        }

        foreach (Match origin in UntrustedOrigin().Matches(line))
        {
            if (AuditRules.JudgeIpEvidence(line, origin) is not null)
            {
                return AuditSeverity.Low;
            }
        }

        return null;
    }

    /// <summary>A collection endpoint, unless it is a host alone in quotes (<see cref="Origins.IsQuotedHost"/>); addresses as <see cref="AuditRules.JudgeIpEvidence"/> judges them.</summary>
    public static AuditSeverity? JudgeSink(string text, Match match) =>
        Origins.IsQuotedHost(text, match) || UsersOwnBot(text, match) ? null
        : AuthorsBot(text, match) ? AuditSeverity.Low
        : AuditRules.JudgeIpEvidence(text, match);

    /// <summary>
    /// A Telegram bot whose id is written into the skill (<c>api.telegram.org/bot7412298811:AA…/sendMessage</c>) is its
    /// author's whatever the rest of the link holds: a message to fill in (<c>text=&lt;…&gt;</c>) or a token left half
    /// blank does not make the chat the reader's. Documentation's sample ids (<c>123456789</c>, <c>000000000</c>) are none.
    /// </summary>
    private static bool AuthorsBot(string text, Match match)
    {
        if (!match.Value.EndsWith("/bot", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var id = BotId().Match(text, match.Index + match.Length);
        return id.Success && id.Index == match.Index + match.Length && !SampleDigits(id.Groups["id"].Value);

        static bool SampleDigits(string digits) =>
            digits.Distinct().Count() <= 2 || "12345678901234567890".Contains(digits, StringComparison.Ordinal) || "98765432109876543210".Contains(digits, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\G(?<id>\d{8,10}):[\w-]{20,}", RegexOptions.CultureInvariant)]
    private static partial Regex BotId();

    /// <summary>
    /// A Telegram bot or a Discord webhook whose token comes from a variable (<c>api.telegram.org/bot{token}</c>,
    /// <c>webhooks/$DISCORD_WEBHOOK_ID</c>) is the user's own, set up for the skill; one written into the skill (digits,
    /// or a bot token anywhere in the file, a sink of its own in <see cref="ExfilSink"/>) is its author's.
    /// </summary>
    private static bool UsersOwnBot(string text, Match match)
    {
        var end = match.Index + match.Length;
        return (match.Value.EndsWith("/bot", StringComparison.OrdinalIgnoreCase) || match.Value.EndsWith("/webhooks/", StringComparison.OrdinalIgnoreCase))
            && (end >= text.Length || !char.IsAsciiDigit(text[end]));
    }

    /// <summary>
    /// A credential path held alone is configuration when it names something a tool is pointed at (an SSH key, a cloud
    /// CLI's or Docker's config, GnuPG's or pass's folder, Solana's CLI keypair, OpenClaw's own config and credentials):
    /// a skill keeps its kubeconfig or its deploy key in a variable. Held with another credential path within two lines it is a list of
    /// targets. A browser's, chat app's or wallet's store, a keychain or /etc/shadow counts alone. The agent's config by
    /// its file name alone (<c>'openclaw.json'</c>) counts in a file that names a collection endpoint (a bot token, a webhook).
    /// </summary>
    public static AuditSeverity? JudgeHeldPath(string text, Match match)
    {
        // A key handed to ssh, scp or rsync with -i (or IdentityFile) signs the user in to their own server.
        var reach = Math.Min(match.Index, 400);
        var lineStart = match.Index == 0 ? 0 : text.LastIndexOf('\n', match.Index - 1, reach) + 1;
        lineStart = lineStart == 0 ? match.Index - reach : lineStart;
        if (IdentityFlag().IsMatch(text.AsSpan(lineStart, match.Index + match.Length - lineStart)))
        {
            return null;
        }

        // The agent's config by its file name alone is a target where the file names a collection endpoint too, or where
        // it names the agent's folder and, beside this name, another of its stores (joined to it: path.join(dir, ".env")).
        var near = Math.Max(0, match.Index - 2048);
        var joinsAgentFolder = AgentFolderSegment().IsMatch(text.AsSpan(near, Math.Min(text.Length, match.Index + match.Length + 2048) - near));
        if (BareAgentConfig().IsMatch(match.Value))
        {
            if (ExfilSink().IsMatch(text))
            {
                return AuditSeverity.Low;
            }

            if (!joinsAgentFolder)
            {
                return null;
            }
        }
        else if (!PointedAt().IsMatch(match.Value))
        {
            return AuditSeverity.Low;
        }

        var start = match.Index;
        for (var i = 0; i < 3 && start > 0; i++)
        {
            start = text.LastIndexOf('\n', start - 1);
        }

        var end = match.Index + match.Length;
        for (var i = 0; i < 3 && end >= 0 && end < text.Length; i++)
        {
            end = text.IndexOf('\n', end + 1);
        }

        start = Math.Max(Math.Max(0, start), match.Index - 2048);
        end = Math.Min(end < 0 ? text.Length : end, match.Index + match.Length + 2048);
        // Two paths make a list of targets; a file name alone ("clawdbot.json" in a second config location) is no second path,
        // nor is the same path again (<c>[ -f ~/.openclaw/.env ] &amp;&amp; . ~/.openclaw/.env</c>: a skill loading its own settings).
        var paths = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var held in HeldCredentialPath().EnumerateMatches(text.AsSpan(start, end - start)))
        {
            var path = text.AsSpan(start + held.Index, held.Length);
            if (joinsAgentFolder)
            {
                // Paths joined from segments are told apart by the file they end in (".openclaw", ".env" is the .env).
                paths.Add(LastSegment(path));
            }
            else if (!BareAgentConfig().IsMatch(path))
            {
                paths.Add(path.Trim("\"'`/").ToString().Replace("$HOME/", "~/", StringComparison.Ordinal).Replace("${HOME}/", "~/", StringComparison.Ordinal));
            }
        }

        if (joinsAgentFolder)
        {
            foreach (var store in AgentStoreName().EnumerateMatches(text.AsSpan(start, end - start)))
            {
                paths.Add(LastSegment(text.AsSpan(start + store.Index, store.Length)));
            }
        }

        return paths.Count >= 2 ? AuditSeverity.Low : null;
    }

    /// <summary>
    /// Every <c>.env</c> under a folder, gathered: a walk (<c>os.walk</c>, <c>rglob</c>, <c>glob("**…")</c>, <c>readdirSync</c>,
    /// <c>Get-ChildItem -Recurse</c>) and, within twelve lines, a test for files named <c>.env</c>; or <c>find … -name .env</c>.
    /// A skill reads its own <c>.env</c> by name; one that searches for all of them collects other projects' keys.
    /// </summary>
    [GeneratedRegex(@"(?:\bos\.walk\b|\brglob\(|\bglob\([^)\n]*\*\*|\breaddirSync\b|\bGet-ChildItem\b[^\n]*-Recurse)(?:[^\n]*\n){0,12}?[^\n]*?(?:==\s*[""']\.env[""']|startswith\(\s*\(?[""']\.env|/\^\\\.env|[""']\*\*/\.env|[""']\.env\*?[""']\s*\)|-(?:Filter|Include)\s+[""']?\.env)|\bfind\s+[^\n|;]*-i?name\s+[""']?\.env\b", I | RegexOptions.Multiline)]
    private static partial Regex EnvHarvest();

    /// <summary>Between a command's words: spaces, or quotes and commas where code passes them as a list (<c>["gh", "auth", "token"]</c>).</summary>
    private const string Arg = @"[\s""',]+";

    /// <summary>
    /// A command that prints a credential, where its output is taken (command substitution, a pipe, a call that captures
    /// it): <c>gh auth token</c>, gcloud's <c>print-access-token</c>, <c>az account get-access-token</c>, the AWS CLI's
    /// secret key or exported credentials, 1Password's <c>op read</c> and <c>op item get --reveal</c>, OpenClaw's own tokens.
    /// Where it goes is judged by <see cref="TokenSources.Judge"/>.
    /// </summary>
    [GeneratedRegex(@"\bgh" + Arg + @"auth" + Arg + @"token\b|\bgcloud" + Arg + @"auth" + Arg + @"(?:application-default" + Arg + @")?print-(?:access|identity)-token\b|\baz" + Arg + @"account" + Arg + @"get-access-token\b"
        + @"|\baws" + Arg + @"configure" + Arg + @"(?:get" + Arg + @"(?:aws_secret_access_key|aws_session_token)\b|export-credentials\b)|\bop" + Arg + @"(?:read" + Arg + @"op://|item" + Arg + @"get\b[^\n]*--reveal\b)"
        + @"|\bopenclaw" + Arg + @"config" + Arg + @"get" + Arg + @"[\w.-]*(?:token|key|secret|password)", I)]
    private static partial Regex TokenPrint();

    /// <summary>OpenClaw's stores beside its config (<c>.clawdbot</c> and <c>.moltbot</c> are its former names): as a target, not as a skill's own subfolder.</summary>
    private const string AgentStores = @"\.(?:openclaw|clawdbot|moltbot)" + AuditRules.PathSep + @"(?:(?:openclaw|clawdbot|moltbot)\.json|credentials|agents|\.env|secrets\.json)|auth-profiles\.json";

    /// <summary>
    /// A credential path held as a quoted string, the whole string, or as a shell word (<c>for f in ~/.ssh/id_rsa ~/.openclaw/.env</c>,
    /// <c>for d in .openclaw .ssh</c>) (a skill's own file under a credential folder is
    /// not one): <c>"~/.aws/credentials"</c>, <c>'.openclaw/openclaw.json'</c>, <c>"~/.ssh"</c>, <c>'.ssh', 'id_rsa'</c>, and the agent's
    /// config by its file name alone (<c>['.env', 'openclaw.json']</c>, joined to the folder elsewhere).
    /// </summary>
    [GeneratedRegex(@"[""'`](?:[^""'`\n]*?[/\\])?(?:" + AuditRules.CredentialStores + "|" + AgentStores + "|" + AuditRules.SshKeyName + @"|\.ssh|\.aws|\.kube|(?:openclaw|clawdbot|moltbot|auth-profiles)\.json)[/\\]?[""'`]"
        + @"|(?<=\bfor\s+\w+\s+in\s[^\n;]{0,400}?)(?<=\s)(?:(?:~|\$HOME|\$\{HOME\})/(?:[^\s""'`;|&)]*?/)?)?(?:" + AuditRules.CredentialStores + "|" + AgentStores + "|" + AuditRules.SshKeyName + @"|\.ssh|\.aws|\.kube|\.gnupg|\.(?:openclaw|clawdbot|moltbot))/?(?=[\s;|&)]|$)", I | RegexOptions.Multiline)]
    private static partial Regex HeldCredentialPath();

    [GeneratedRegex(@"\.ssh|\.aws|\.kube|\.docker|gcloud|\.(?:openclaw|clawdbot|moltbot)|auth-profiles|\.gnupg|\.password-store|\.netrc|\.git-credentials|solana", I)]
    private static partial Regex PointedAt();

    /// <summary>A line of ssh, scp, rsync or git that ends in a key path given to sign in with: <c>-i ~/.ssh/id_x</c>, <c>IdentityFile=…</c>.</summary>
    [GeneratedRegex(@"\b(?:ssh|scp|sftp|rsync|git)\b[^\n]*(?:\s-i\s*|IdentityFile[\s=]+)[""']?[^\s""']*\.ssh[/\\][^\s""'`]*[""'`]?$", I)]
    private static partial Regex IdentityFlag();

    [GeneratedRegex(@"`\s*(?:sudo\s+)?(?:npm|npx|pnpm|yarn|bun|pip3?|pipx|uv|uvx|poetry|brew|apt(?:-get)?|dnf|yum|pacman|cargo|go|gem|git|docker|gh|openclaw|clawhub|conda|winget|choco|scoop|make|python3?\s+-m\s+pip)\s+[^`\n]+`", I)]
    private static partial Regex KnownToolCommand();

    /// <summary>Hosts whose content anyone can change or whose owner is unknown: paste and snippet sites, file drops, shorteners, tunnels, dynamic DNS.</summary>
    private const string UntrustedHosts =
        @"glot\.io|pastebin\.com|paste\.ee|rentry\.(?:co|org)|hastebin\.|ghostbin\.|dpaste\.|controlc\.com|privatebin\.|termbin\.com|0x0\.st|transfer\.sh|"
        + @"file\.io|catbox\.moe|anonfiles\.|bashupload\.|temp\.sh|paste\.rs|ix\.io|sprunge\.us|pastie\.|justpaste\.it|telegra\.ph|gist\.githubusercontent\.com|"
        + @"gist\.github\.com|pastes\.dev|paste\.gg|bpa\.st|ideone\.com|bit\.ly|tinyurl\.com|is\.gd|cutt\.ly|rb\.gy|shorturl\.at|t\.ly|"
        + @"ngrok(?:-free)?\.(?:io|app|dev)|trycloudflare\.com|serveo\.net|localtunnel\.me|loca\.lt|bore\.pub|duckdns\.org|no-ip\.|ddns\.net|" + FileDrops;

    [GeneratedRegex(@"https?://[^\s""'<>)\]]+\.(?:zip|7z|rar|tar\.gz|tgz|tar\.xz|dmg|pkg|exe|msi|appimage|deb|rpm|jar|apk|scr|bat|cmd|ps1|vbs)(?!\w|\.\w)|github\.com/[\w.-]+/[\w.-]+/releases/(?:download|latest)\b|\b(?:download|get|grab|obtain)\b(?!\s+(?:urls?|links?|pages?|counts?|speeds?|sizes?|stats|reputation)\b)(?:[^\n!?.]|\.(?!\s))*?(?:\(zip\)|\bzip\b|\.zip\b|\barchive\b|\binstaller\b|\bexecutable\b|\.exe\b|\.dmg\b|\.pkg\b|\.msi\b)|下载[^\n]*(?:压缩包|安装包|安装程序|zip|exe|dmg)"
        + @"|\bdropbox\.com/(?:s|scl/fi)/[^\s""'<>)]*[?&]dl=1|\bdrive\.google\.com/(?:uc\?[^\s""'<>)]*export=download|file/d/)|\b(?:" + FileDrops + @")"
        + @"|(?:скача\w*|загруз\w*|descarg\w*|baix\w*|herunterlad\w*|laden\s+sie|télécharg\w*|ダウンロード)[^\n]*?(?:\.(?:zip|7z|rar|exe|dmg|pkg|msi|apk)\b|архив\w*|установщик\w*|archivo|instalador|arquivo|archiv\w*|installationsprogramm|installateur|インストーラ|アーカイブ|" + FileDrops + @")", I)]
    private static partial Regex ArchiveDownload();

    /// <summary>Anonymous file-sharing links: a program handed out there has no publisher to vouch for it.</summary>
    private const string FileDrops =
        @"mega\.(?:nz|co\.nz)/(?:file|folder)|mediafire\.com/(?:file|download)|we\.tl/|wetransfer\.com/downloads|gofile\.io/d/|pixeldrain\.com/u/|pan\.baidu\.com/s/|"
        + @"sendspace\.com/file|dropmefiles\.|files\.fm/u/|krakenfiles\.com|workupload\.com";

    [GeneratedRegex(@"\b(?:curl|wget)\b[^\n|;]*?(?:https?://|\b\d{1,3}(?:\.\d{1,3}){3}\b)|\b(?:iwr|irm|Invoke-WebRequest|Invoke-RestMethod|DownloadString|DownloadFile)\b|\bdownload\b[^\n]*\bfrom\b|下载", I)]
    private static partial Regex Fetch();

    [GeneratedRegex(@"\b(?:run|execute|launch|start|open|double[- ]?click|install)\b[^\n.]*?\b(?:the\s+)?(?:executable|installer|binary|setup|program|\.exe|\.app|\.pkg|\.dmg|\.msi)\b|\b(?:run|execute)\s+(?:it|this|the\s+(?:following|command|script|file))\b|\bbefore\s+(?:using|running)\s+(?:any\s+)?(?:commands?|this\s+skill)\b|\b(?:follow|obey|apply|carry\s+out)\s+(?:it|them|its\s+instructions|the\s+instructions)\b|\b(?:run|execute|enter|type|paste)\b[^\n]*\b(?:in|into|inside)\s+(?:the\s+|your\s+|a\s+)?(?:terminal|shell|console|powershell|command\s+prompt)\b"
        + @"|\b(?:run|execute|launch)\s+(?:its|the\s+page's|the\s+snippet's)\s+(?:contents?|commands?|code|script)\b|\b(?:run(?:ning)?|execut(?:e|ing))\s+(?:it|them|this|that|its\s+contents?|the\s+(?:command|commands|output|contents?|snippet|one-liner|line))\s+(?:with|through|in|using|via)\s+(?:a\s+|the\s+|your\s+)?(?:(?:ba|z|da)?sh|shell|terminal|powershell)\b|\bpipe\s+(?:it|them|this|that|its\s+contents?|the\s+\w+)\s+(?:into|to|through)\s+(?:ba|z|da)?sh\b"
        + @"|\b(?:run|execute|do|follow)\s+(?:exactly\s+)?(?:what|whatever|everything)\s+(?:it|the\s+page|the\s+snippet|the\s+guide|they|you\s+see|is\s+(?:there|on\s+it|in\s+it))\b"
        + @"|\b(?:run|execute|follow)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:steps|commands?|instructions)\s+(?:there|on\s+(?:that|the|this)\s+page|(?:it|the\s+page)\s+(?:shows|gives|lists))\b"
        + @"|\b(?:run|execute)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:lines?|commands?|code|script|snippet)\s+(?:(?:that\s+)?it\s+(?:contains|holds|has|shows|gives)|inside\s+it|in\s+it|(?:in|inside|from)\s+(?:that|the)\s+(?:file|page|paste))\b"
        + @"|运行|执行|双击|启动|打开[^\n]*?\.(?:exe|app|dmg|pkg)"
        , I)]
    private static partial Regex RunInstruction();

    [GeneratedRegex(@"\b(?:copy|paste)\b[^\n]*?\b(?:terminal|shell|console|command[- ]line|powershell|cmd(?:\.exe)?|run\s+dialog)\b|\b(?:open|launch)\s+(?:the\s+|a\s+|your\s+)?(?:terminal|powershell)\b[^\n]*\b(?:paste|run|execute|enter|type)\b|粘贴|复制[^\n]{0,40}?终端|(?:встав\w*|скопир\w*|копир\w*)[^\n]{0,60}?(?:терминал\w*|консол\w*)|(?:терминал\w*|консол\w*)[^\n]{0,60}?встав\w*|(?:貼り付け|コピー|ペースト)[^\n]{0,40}?ターミナル|ターミナル[^\n]{0,40}?(?:貼り付け|ペースト)|\b(?:pega\w*|copi[ae]\w*|collez|cole)\b[^\n]*\b(?:terminal|consola|powershell)\b|(?:कॉपी|पेस्ट)[^\n]{0,60}?टर्मिनल|टर्मिनल[^\n]{0,60}?पेस्ट|(?:انسخ|الصق)[^\n]{0,60}?(?:الطرفية|التيرمينال|terminal)|\b(?:dán|sao\s+chép)\b[^\n]{0,60}?\bterminal\b", I)]
    private static partial Regex PasteInTerminal();

    [GeneratedRegex(@"\b(?:" + UntrustedHosts + @")|//paste\.[a-z0-9-]+\.|\bhttps?://(?:\d{1,3}\.){3}\d{1,3}\b", I)]
    private static partial Regex UntrustedOrigin();

    [GeneratedRegex(@"\b(?:extract|unzip|unpack|unrar|decompress|open)\w*\b[^\n]*?\b(?:password|passcode|passphrase|pass|pwd|pw)\b|\b(?:password|passcode|passphrase|pass|pwd|pw)\b[^\n]*?\b(?:zip|archive|extract\w*|unzip|7z|rar)\b|\b(?:zip|archive|rar|7z)\b[^\n]*?\b(?:password|passcode|pass|pwd|pw)\s*[:=]|解压密码|密码[:：]\s*[`*""']*[\x21-\x7E]{3,40}"
        + @"|\.(?:zip|7z|rar)\b[^\n]{0,80}?\b(?:pass|pwd|pw)\b\s*[:=]?\s*[`*""']*\w*\d"
        + @"|\b(?:unzip|unpack|unrar|decompress)\w*\b[^\n]{0,60}?\b(?:code|key|passcode|password)\b|\b(?:code|key)\b[^\n]{0,30}?\bto\s+(?:unzip|unpack|extract)\b|\bunlock\s+(?:it|them|the\s+(?:archive|zip|file|package|download))\s+(?:with|using)\s+(?:the\s+)?(?:code|key|password|passcode|pin)\b"
        + @"|\b(?:archive|zip|package|download|installer)\b[^\n]{0,20}?\bis\s+(?:locked|encrypted|password[- ]protected)\b|\b(?:encrypted|locked|password[- ]protected)\s+(?:archive|zip|rar|7z|package)\b"
        + @"|(?:" + LocalPassword + @")[^\n]{0,60}?(?:" + ArchiveWords + @"|" + LocalUnpack + @")|(?:" + ArchiveWords + @"|" + LocalUnpack + @")[^\n]{0,60}?(?:" + LocalPassword + @"|\b(?:password|passcode|passphrase)\b)|解压码|提取码|解压密码"
        + @"|(?m:^[ \t>*_-]*(?:\d+[.)]\s*)?(?:password|passphrase|pass|pwd|" + LocalPassword + @"|密码)\s*[:=：]\s*[`*""'«]*[\x21-\x7E-[`*""']]{3,40}[`*""'»]*[ \t]*\r?$)", I)]
    private static partial Regex ArchivePassword();

    /// <summary>
    /// A platform-named helper its sentence says does not exist or is fake ("There is no separate "openclaw-cli" download",
    /// "beware of fake clawhub helpers") is a warning, not a lure. The sentence is read back over a wrapped line.
    /// </summary>
    public static AuditSeverity? JudgePlatformTool(string text, Match match)
    {
        var from = Math.Max(0, match.Index - 300);
        var before = text.AsSpan(from, match.Index - from);
        var paragraph = before.LastIndexOf("\n\n");
        before = paragraph >= 0 ? before[(paragraph + 2)..] : before;
        before = before[(before.LastIndexOfAny(".!?") + 1)..];
        return DeniedTool().IsMatch(before) ? null : AuditSeverity.Low;
    }

    [GeneratedRegex(@"\b(?:there\s+(?:is|are)\s+no|there'?s\s+no|no\s+(?:separate|such|official|extra|additional|other)|(?:is|are)n'?t\s+(?:any|a|an)|(?:is|are)\s+not\s+(?:any|a|an)|(?:does|do)(?:\s+not|n'?t)\s+(?:need|require|ship|have|use|publish|offer)|never\s+(?:needs?|requires?|asks?|ships?)|fake|unofficial|bogus|counterfeit|beware|scam\w*|phish\w*|malicious|impost[eo]rs?|look-?alikes?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DeniedTool();

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

    [GeneratedRegex(@"(?:\b(?:read|cat|open|load|send|upload|collect|gather|copy|include|attach|grab|dump|print|output|zip|tar|base64|post|exfiltrate|readFileSync|readFile|read_text|Get-Content|source|expanduser|lee|leer|envía|enviar|sube|subir|lesen|senden|lire|envoyez|прочитай\w*|прочти\w*|отправь\w*|скопируй\w*)\b|读取|发送|上传)[^\n]*(?:\.(?:openclaw|clawdbot|moltbot|clawd)\b[^\s""'`]*|auth-profiles\.json|\b(?:MEMORY|SOUL|USER)\.md\b|\bmemory/[\w.-]+\.md\b)|(?:\.(?:openclaw|clawdbot|moltbot|clawd)/[^\s""'`]*|auth-profiles\.json|\b(?:MEMORY|SOUL)\.md\b)[^\n]*(?:\b(?:contents?|send|upload|post|include|attach|share|contenido|envía|enviar|inhalt|contenu|содержимое|отправь\w*)\b|内容|发送)|~/\.(?:openclaw|clawdbot|moltbot)/?[`'""]?\s+(?:folder|directory|dir)\b|\bauth[ -]profiles(?:[^.\w-]|$)", I)]
    private static partial Regex AgentCredentials();

    [GeneratedRegex(@"\b(?:read|cat|open|copy|send|upload|collect|export|grab|dump|find|search|scan|locate|steal|look\s+for|harvest|gather)\b[^\n]*\b(?:wallet\.dat|\S*wallet\S*\.json|exodus|electrum|metamask|" + AuditRules.WalletExtensionIds + @"|phantom|solana/id\.json|keystore|seed\s+phrases?|mnemonics?|recovery\s+phrases?|private\s+keys?)\b"
        + @"|" + Solicit + @"[^\n]*\b(?:seed\s+phrases?|recovery\s+phrases?|mnemonic(?:\s+phrases?)?|secret\s+(?:recovery\s+)?phrases?|private\s+keys?|(?:12|24|twelve|twenty-four)[\s-]words?)\b"
        + @"|(?:pega\w*|introduc\w*|escrib\w*|env[ií]a\w*|comparte\w*|pide\w*|вставь\w*|введи\w*|введите|отправь\w*|пришли\w*|попроси\w*)[^\n]*(?:frase\s+(?:semilla|de\s+recuperaci[oó]n)|clave\s+privada|сид[-\s]?фраз\w*|(?:мнемоническ|секретн)\w*\s+фраз\w*|приватн\w*\s+ключ\w*)", I)]
    private static partial Regex Wallet();

    /// <summary>Asking for a secret: "ask the user for", "paste", "enter", "provide", "share", "reply with".</summary>
    private const string Solicit = @"\b(?:ask|paste|enter|type|provide|share|submit|input|give|reply\s+with)\b";

    /// <summary>
    /// A wallet secret read or asked for, unless the clause says not to ("never share your seed phrase"); asked for, not
    /// where the line says it is configuration kept by the user (an environment variable, .env, a config file, a keychain).
    /// </summary>
    public static AuditSeverity? JudgeWallet(string text, Match match)
    {
        if (LineJudges.JudgeNotNegated(text, match) is null)
        {
            return null;
        }

        // "Enter your PIN, but never share your seed phrase": the ask and the warning in one match.
        if (SolicitStart().IsMatch(match.Value) && LineJudges.Negates(match.Value))
        {
            return null;
        }

        if (!SolicitStart().IsMatch(match.Value))
        {
            return AuditSeverity.Low;
        }

        var start = match.Index == 0 ? 0 : text.LastIndexOf('\n', match.Index - 1) + 1;
        var end = text.IndexOf('\n', match.Index);
        return KeptByTheUser().IsMatch(text.AsSpan(start, (end < 0 ? text.Length : end) - start)) ? null : AuditSeverity.Low;
    }

    [GeneratedRegex(@"^(?:" + Solicit + @")", I)]
    private static partial Regex SolicitStart();

    [GeneratedRegex(@"(?i:\benv(?:ironment)?\b|\.env\b|\bvariable\b|\bconfig(?:uration)?\s+file\b|\bconfig\.(?:json|ya?ml|toml)\b|\bkeychain\b|\bsecret\s+manager\b)|\b[A-Z][A-Z0-9]*_(?:KEY|MNEMONIC|SEED|PHRASE)\b", RegexOptions.CultureInvariant)]
    private static partial Regex KeptByTheUser();

    [GeneratedRegex(@"\b(?:send|upload|post|forward|exfiltrate|transmit|report|sync|submit|e-?mail|mail)\w*\b[^\n]*\b(?:to|at|into)\b(?:[^\n]*|[ \t]*\r?\n[ \t>*-]*)(?:https?://|`https?://|\bwebhook\b|\bendpoint\b|\bserver\b|\b(?:diagnos\w+|analysis|analy[sz]er|telemetry|escrow|relay|verification|reputation)\s+(?:api|service|server)\b|[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b)|(?<!-X\s|--request\s|-X)(?-i:\bPOST)\s+[`'""]?https?://", I)]
    private static partial Regex SendProse();

    /// <summary>Credentials and secrets by name: OpenClaw's config and auth profiles, .env, keys, tokens, passwords, seed phrases, wallets, SSH keys.</summary>
    private const string SecretWords =
        @"(?:(?:openclaw|agent|gateway|bot|discord|telegram|slack|github|openai|anthropic|aws|cloud|browser|session)\s+)?(?:api[\s_-]?keys?|access\s+keys?|(?:env|environment|dotenv)\s+files?|secret\s+keys?|private\s+keys?|ssh\s+(?:private\s+)?keys?|keys?\s+files?|tokens?|passwords?|passphrases?|secrets?|credentials?(?:\s+files?)?|cookies?|auth\s+profiles?|config(?:uration)?\s+files?|"
        + @"(?:secret\s+)?(?:seed|recovery|mnemonic|backup)\s+(?:phrases?|words)|mnemonics?|wallet\s+(?:files?|keys?|backups?|recovery\s+phrases?)|keystores?(?:\s+files?)?|2fa\s+codes?|otp\s+codes?|one-time\s+codes?|verification\s+codes?)\b";

    /// <summary>Credentials by where they are kept: OpenClaw's folder, auth profiles, a .env file, SSH keys, a wallet file.</summary>
    private const string SecretFiles =
        @"(?:(?:~/|\$HOME/|/)?\.(?:openclaw|clawdbot|moltbot|clawd)\b[^\s,;)""'`]*|\b(?:openclaw\.json|auth-profiles\.json|wallet\.dat|id_(?:rsa|ed25519|ecdsa))\b|(?:~/)?\.ssh/[\w.-]+|\B\.env\b(?:\s+files?)?)";

    /// <summary>Whose the secret is, or all of it: "your API key", "the contents of ~/.openclaw/openclaw.json", "every token".</summary>
    private const string Possessed = @"(?:your|my|our|their|the\s+user'?s|all(?:\s+of)?(?:\s+(?:your|the))?|every|each|the\s+contents?\s+of|contents?\s+of|a\s+copy\s+of|the\s+full|the)";

    /// <summary>Verbs that hand something to someone else.</summary>
    private const string HandOver = @"(?:send|share|forward|upload|paste|e-?mail|submit|post|dm|message|transmit|transfer|provide|give|enter|type|attach|drop|reply\s+with)";

    /// <summary>
    /// An instruction to hand over a credential or secret: a verb that gives something to someone (send, share, forward,
    /// upload, paste, e-mail, submit, DM) with, a few words on, a secret that is the reader's ("your API keys", "the
    /// contents of ~/.openclaw/openclaw.json", "your seed phrase"); or the secret first and the verb after ("reveal your
    /// recovery phrase and paste it"); or gathered ("copy every API key from ~/.openclaw/.env") for a recipient on the
    /// next line. Where it goes is another signal (<see cref="Recipient"/>); "never share your API key" is judged out.
    /// </summary>
    [GeneratedRegex(@"\b" + HandOver + @"\b[ \t]+(?:[\w'-]+[ \t]+){0,5}?(?:(?:" + Possessed + @")[ \t]+(?:[\w-]+[ \t]+){0,3}?" + SecretWords + @"|" + SecretFiles + @")"
        + @"|(?:(?:your|the\s+user'?s|all|every)[ \t]+(?:[\w-]+[ \t]+){0,3}?" + SecretWords + @"|" + SecretFiles + @")[^\n.!?]{0,60}?\b" + HandOver + @"[ \t]+(?:it|them|this|these|that|those|everything|the\s+(?:file|files|contents?|keys?|phrase|words|values?))\b"
        + @"|\b(?:copy|collect|gather|export|grab|dump)\b[ \t]+(?:(?:" + Possessed + @")[ \t]+)?(?:[\w-]+[ \t]+){0,3}?" + SecretWords + @"[^\n.!?]{0,40}?\bfrom[ \t]+" + SecretFiles, I)]
    private static partial Regex SecretHandover();

    /// <summary>
    /// Where something is handed: "to", "into", "via", "at"… an e-mail address, a chat handle (<c>@name</c>), a Telegram,
    /// Discord or WhatsApp bot, channel or DM, a support bot, a webhook, or a web page. Judged by
    /// <see cref="Origins.JudgeRecipient"/>: the provider's own pages and the official bots are no recipient.
    /// </summary>
    [GeneratedRegex(@"\b(?:to|into|via|through|on|in|at|with)[ \t]+(?:[\w-]{1,40}:?[ \t]+){0,4}[*_`]{0,2}(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b|@[a-z]\w{3,31}\b|https?://[^\s""'<>)\]`]+|(?:telegram|discord|whatsapp|signal)[ \t]+(?:bot|channel|group|dm|chat|account)\b|support[ \t]+bot\b|webhook\b)", I)]
    private static partial Regex Recipient();

    [GeneratedRegex(@"\b(?:webhook\.site|requestbin\.|pipedream\.net|beeceptor\.com|hookbin\.com|requestcatcher\.com|interact\.sh|burpcollaborator\.net|oast\.(?:fun|live|me|pro|site|online)|canarytokens\.|webhook\.cool|discord(?:app)?\.com/api/webhooks/|api\.telegram\.org/bot|(?:bot|\b)\d{8,10}:AA[\w-]{28,}|" + UntrustedHosts + @")|\bhttps?://(?:\d{1,3}\.){3}\d{1,3}\b", I)]
    private static partial Regex ExfilSink();

    /// <summary>
    /// The agent's logs (<c>~/.openclaw/logs/</c>, a <c>.log</c> file) are what support asks for, not its credentials; and
    /// "never paste the contents of ~/.openclaw/openclaw.json" is a warning.
    /// </summary>
    public static AuditSeverity? JudgeAgentFile(string text, Match match) =>
        AgentLog().IsMatch(match.Value) && !AgentSecretFile().IsMatch(match.Value) || PutsIntoIt(match.Value) || LineJudges.JudgeNotNegated(text, match) is null ? null : AuditSeverity.Low;

    [GeneratedRegex(@"\.(?:openclaw|clawdbot|moltbot|clawd)/(?:logs?/|[^\s""'`]*\.log\b)", I)]
    private static partial Regex AgentLog();

    [GeneratedRegex(@"openclaw\.json|auth-profiles|credentials|\.env\b|secrets|agents/", I)]
    private static partial Regex AgentSecretFile();

    private static string LastSegment(ReadOnlySpan<char> path)
    {
        var trimmed = path.TrimEnd("\"'`/\\ ");
        return trimmed[(trimmed.LastIndexOfAny("/\\\"'`, ") + 1)..].ToString().ToLowerInvariant();
    }

    /// <summary>The agent's folder as a path segment of its own in code (<c>path.join(home, ".openclaw")</c>, <c>Path.home() / ".clawdbot"</c>).</summary>
    [GeneratedRegex(@"[""'`]\.(?:openclaw|clawdbot|moltbot)[""'`]", I)]
    private static partial Regex AgentFolderSegment();

    /// <summary>A store of the agent's by its name alone, as a string: its config, its .env, its auth profiles, its secrets.</summary>
    [GeneratedRegex(@"[""'`](?:(?:openclaw|clawdbot|moltbot|auth-profiles|secrets)\.json|\.env|credentials)[""'`]", I)]
    private static partial Regex AgentStoreName();

    [GeneratedRegex(@"^[""'`](?:openclaw|clawdbot|moltbot|auth-profiles)\.json[""'`]$", I)]
    private static partial Regex BareAgentConfig();
}
