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
    internal static readonly string[] HostAnchors =
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
            "pixeldrain", "pan.baidu", "sendspace", "dropmefiles", "files.fm", "krakenfiles", "workupload") with { Judge = JudgeArchiveDownload },
        AuditRule.Evidence("sig-fetch", Signal.Fetch, Fetch(), "curl", "wget", "iwr", "invoke-webrequest", "download", "fetch", "http", "下载", "clone"),
        AuditRule.Evidence("sig-run", Signal.RunInstruction, RunInstruction(), "run", "execute", "executing", "launch", "start", "open", "click", "install", "before", "follow", "obey", "apply", "carry", "enter", "type", "paste", "do what", "do exactly", "do everything", "do whatever", "pipe", "运行", "执行", "双击", "启动", "打开") with { Judge = RunsItsOwnCommand },
        AuditRule.Evidence("sig-run-local", Signal.RunInstruction, LocalRunInstruction(), "ejecut", "execut", "exécut", "lanc", "inici", "выполн", "запуст", "ausführ", "führen", "実行", "abr", "откр", "çalıştır", "esegu", "avvia", "uruchom", "jalankan", "실행", "chạy", "चला", "रन", "شغ", "نف", "uitvoer") with { Judge = RunsItsOwnCommand, WordAnchors = ["aus", "starte", "starten", "voer"] },
        AuditRule.Evidence("sig-paste", Signal.PasteInTerminal, PasteInTerminal(), "copy", "paste", "terminal", "powershell", "终端", "粘贴", "терминал", "консол", "consola", "ターミナル", "встав", "копир", "貼り付け", "ペースト", "कॉपी", "पेस्ट", "انسخ", "الصق", "dán", "sao chép") with { Judge = RunsItsOwnCommand },
        AuditRule.Evidence("sig-untrusted-origin", Signal.UntrustedOrigin, UntrustedOrigin(), HostAnchors) with { Judge = AuditRules.JudgeIpEvidence },
        AuditRule.Evidence("sig-all-secrets", Signal.CredentialRead, AllWorkflowSecrets(), "secrets"),
        AuditRule.Evidence("sig-homograph-host", Signal.UntrustedOrigin, HomographHost(), "://", "git@"),
        AuditRule.Evidence("sig-address-parts", Signal.UntrustedOrigin, AddressInParts(), ".sh", ".bash", ".py", ".ps1", ".pl", ".rb", ".exe", ".zip", ".dmg", ".pkg", ".msi", ".bin", ".jar", ".apk") with { Judge = JudgeAddressInParts, LinearForLargeText = false },
        AuditRule.Evidence("sig-archive-password", Signal.ArchivePassword, ArchivePassword(), "pass", "pwd", "pw", "密码", "解压码", "提取码", "unzip", "unpack", "unrar", "decompress", "extract", "unlock", "locked", "encrypted", "protected", "contraseña", "clave", "senha", "парол", "passwort", "kennwort", "パスワード", "비밀번호", "암호", "şifre", "parola", "hasł", "wachtwoord", "sandi", "पासवर्ड", "mật khẩu", "كلمة", "รหัสผ่าน") with { Judge = LineJudges.JudgeArchivePasswordEvidence },
        AuditRule.Evidence("sig-platform-tool", Signal.PlatformTool, PlatformTool(), "claw", "molt") with { Judge = JudgePlatformTool },
        AuditRule.Evidence("sig-prerequisite", Signal.Prerequisite, Prerequisite(), "prereq", "requirement", "before", "must", "without", "required", "mandatory", "先决", "前置", "必须"),
        AuditRule.Evidence("sig-protection-lift", Signal.ProtectionLift, ProtectionLift(), "xattr", "spctl", "gatekeeper", "defender", "antivirus", "anti-virus", "protection", "smartscreen", "xprotect", "sip", "anywhere", "mppreference", "exclusion", "csrutil", "sudo", "anyway", "关闭", "desactiv", "deshabilit", "desativ", "apag", "отключ", "выключ", "deaktivier", "désactiv") with { Judge = LineJudges.JudgeCaution },
        AuditRule.Evidence("sig-chmod", Signal.MakeExecutable, MakeExecutable(), "chmod"),
        AuditRule.Evidence("sig-chmod", Signal.MakeExecutable, ExecutableMode(), "chmod", "mode", "0755", "0o755", "s_ixusr", "s_iexec") with { CodeOnly = true },
        AuditRule.Evidence("sig-fetch", Signal.Fetch, DownloadToFile(), "createwritestream", "writefile", "urlretrieve", "io.copy", "copyto", "'wb'", "\"wb\"") with { CodeOnly = true, LinearForLargeText = false },
        AuditRule.Evidence("sig-agent-credentials", Signal.AgentCredentialRead, AgentCredentials(), "openclaw", "clawdbot", "moltbot", "clawd", "auth-profiles", "memory", "soul.md", "user.md") with { Judge = JudgeAgentFile },
        AuditRule.Evidence("sig-env-harvest", Signal.CredentialRead, EnvHarvest(), "walk", "glob", "readdir", "get-childitem", "find") with { CodeOnly = true },
        AuditRule.Evidence("sig-env-secrets", Signal.CredentialRead, EnvSecrets(), "environ", "process.env", "env::vars", "ENV", "printenv", "env:", "GetEnvironmentVariables", "env |") with { CodeOnly = true, Judge = LineJudges.JudgeNotNegated },
        AuditRule.Evidence("sig-credential-path", Signal.CredentialRead, HeldCredentialPath(), [.. AuditRules.CredentialPathAnchors, ".clawdbot", ".moltbot"]) with { Judge = JudgeHeldPath, CodeOnly = true },
        AuditRule.Evidence("sig-kubeconfig-print", Signal.CredentialRead, KubeconfigPrint(), "--raw") with { Judge = JudgeKubeconfigPrint, LinearForLargeText = false },
        AuditRule.Evidence("sig-request-beside-credentials", Signal.Send, RequestCall(), "fetch", "axios", "http", "request", "urllib", "urlopen", "curl_init", "file_get_contents", "uri.open", "reqwest", "invoke-") with { Judge = JudgeRequestBesideCredentials, CodeOnly = true },
        AuditRule.Evidence("sig-token-print", Signal.CredentialRead, TokenPrint(), "auth", "get-access-token", "configure", "op://", "--reveal", "openclaw", "--raw") with { Judge = TokenSources.Judge },
        AuditRule.Evidence("sig-wallet", Signal.WalletRead, Wallet(), ["wallet", "exodus", "electrum", "metamask", "phantom", "solana", "keystore", "private_key", "secret_key", "phrase", "seed", "mnemonic", "recovery", "private key", "secret phrase", "secret recovery", "12 word", "12-word", "24 word", "24-word", "twelve", "twenty-four", "semilla", "recuperaci", "clave privada", "фраз", "ключ", .. AuditRules.WalletExtensions]) with { Judge = JudgeWallet },
        AuditRule.Evidence("sig-session-keys", Signal.CredentialRead, SessionKeys(), "credentials", "secretaccesskey", "retrieve") with { CodeOnly = true, Judge = JudgeSessionKeys },
        AuditRule.Evidence("sig-icmp-pattern", Signal.Send, IcmpPattern(), "ping") with { CodeOnly = true },
        AuditRule.Evidence("sig-socket-send", Signal.Send, SocketSend(), ".send") with { CodeOnly = true, Prefilter = NamesRemoteSocket },
        AuditRule.Evidence("sig-dns-labels", Signal.Send, LabelSlices()) with { Judge = JudgeLabelSlices, CodeOnly = true, Prefilter = MayLookUpNames, LinearForLargeText = false },
        AuditRule.Evidence("sig-concealment", Signal.Concealment, Concealment(), ConcealmentAnchors) with { Judge = JudgeConcealment },
        AuditRule.Evidence("sig-refusal-overridden", Signal.Concealment, RefusalOverridden(), "even if", "even when", "even after", "even though") with { Judge = LineJudges.JudgeNotNegated },
        AuditRule.Evidence("sig-obfuscated-names", Signal.Concealment, ObfuscatedNames(), "_0x", "\\x") with { CodeOnly = true },
        AuditRule.Evidence("sig-concealment-local", Signal.Concealment, LocalConcealment(), "no ", "nunca", "jamás", "sin ", "não", "sem ", "ne ", "sans ", "nicht", "nie", "ohne", "non ", "senza", "не ", "без", "不要", "请勿", "切勿", "无需", "勿告知", "ユーザー", "利用者", "言わないで", "사용자에게") with { Judge = JudgeLocalConcealment },
        AuditRule.Evidence("sig-key-containers", Signal.KeyFiles, KeyContainers(), "*.") with { Judge = JudgeKeyContainers },
        AuditRule.Evidence("sig-memory-write", Signal.MemoryWrite, MemoryWrite(), "SOUL.md", "AGENTS.md", "MEMORY.md", "IDENTITY.md", "USER.md", "HEARTBEAT.md", "BOOTSTRAP.md", "TOOLS.md") with { Judge = LineJudges.JudgeNotNegated },
        AuditRule.Evidence("sig-send-prose", Signal.Send, SendProse(), "send", "upload", "post", "forward", "exfil", "transmit", "report", "sync", "submit", "mail") with { Judge = LineJudges.JudgeNotNegated },
        AuditRule.Evidence("sig-send-prose", Signal.Send, SendProseElsewhere(), "://") with { Judge = LineJudges.JudgeNotNegated },
        AuditRule.Evidence("sig-secret-handover", Signal.SecretHandover, SecretHandover(), SecretAnchors) with { Judge = LineJudges.JudgeHandover, LinearForLargeText = false },
        AuditRule.Evidence("sig-env-contents", Signal.EnvFileRead, EnvContents(), ".env") with { Judge = LineJudges.JudgeNotNegatedInSentence },
        AuditRule.Evidence("sig-listed-credential", Signal.CredentialRead, ListedCredential(), [.. AuditRules.CredentialPathAnchors]) with { Judge = JudgeListedCredential },
        AuditRule.Evidence("sig-listed-credential", Signal.CredentialRead, ListedKeyName(), "id_") with { Judge = JudgeListedKeyName },
        AuditRule.Evidence("sig-handover-on", Signal.SecretHandover, HandoverOn(), "send", "share", "forward", "upload", "paste", "put", "mail", "submit", "post", "dm", "message", "transmit", "transfer", "attach", "drop", "include") with { Judge = JudgeHandoverOn },
        AuditRule.Evidence("sig-secret-handover-local", Signal.SecretHandover, LocalSecretHandover()) with { Judge = JudgeLocalHandover, LinearForLargeText = false, WordAnchors = LocalHandOverAnchors },
        AuditRule.Evidence("sig-recipient-local", Signal.Recipient, LocalRecipient(), "@", "://") with { Judge = JudgeLocalRecipient, LinearForLargeText = false, Prefilter = MayHandOverLocally },
        AuditRule.Evidence("sig-recipient", Signal.Recipient, Recipient(), "@", "http", "telegram", "discord", "whatsapp", "signal", "support bot", "webhook") with { Judge = Origins.JudgeRecipient, LinearForLargeText = false },
        AuditRule.Evidence("sig-authors-account", Signal.ExfilSink, AuthorsAccount(), "authorization", "token", "bcc", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "glpat-", "oauth2:", "akia") with { Judge = JudgeAuthorsAccount },
        AuditRule.Evidence("sig-vault-dump", Signal.CredentialRead, VaultDump(), "bw list", "bw export", "op item", "op export", "lpass", "keepassxc-cli", "dump-keychain") with { Judge = LineJudges.JudgeNotNegated },
        AuditRule.Evidence("sig-bucket-upload", Signal.Send, BucketUpload(), "aws", "gsutil", "rclone", "b2", "az") with { Judge = JudgeBucketUpload, CodeOnly = true },
        AuditRule.Evidence("sig-exfil-sink", Signal.ExfilSink, ExfilSink(), [.. HostAnchors, "webhook", "requestbin", "pipedream", "beeceptor", "hookbin", "requestcatcher", "interact.sh", "burpcollaborator", "oast.", "canarytokens", "discord", "telegram", ":aa"]) with { Judge = JudgeSink },
    ];

    /// <summary>Every secret of a CI workflow at once (<c>${{ toJSON(secrets) }}</c>): a step that needs a secret names it.</summary>
    [GeneratedRegex(@"\$\{\{\s*toJSON\s*\(\s*secrets\s*\)\s*\}\}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AllWorkflowSecrets();

    /// <summary>
    /// A host spelt with a look-alike letter of another script beside Latin ones (<c>gіthub.com</c> with a Cyrillic і,
    /// <c>оpenclaw.ai</c> with a Cyrillic о, <c>git@gіthub.com:</c>), or a label made only of Cyrillic or Greek letters that
    /// look Latin under a Latin top-level domain (<c>аррӏе.com</c>): made to be read as a host it is not. A name wholly in
    /// one script (<c>пример.рф</c>) is not.
    /// </summary>
    [GeneratedRegex(@"(?:\bhttps?://|\bgit@)(?:[^\s/:)\]""'`<>]*?(?:[A-Za-z][\u0370-\u03FF\u0400-\u052F]|[\u0370-\u03FF\u0400-\u052F][A-Za-z])|(?:[^\s/:)\]""'`<>.]+\.)*[аеорсхуіјѕһԁԛԝӏоνοα]+\.[A-Za-z]{2,}\b)", RegexOptions.CultureInvariant)]
    private static partial Regex HomographHost();

    /// <summary>
    /// "Open a terminal and run <c>npm install</c>": an instruction whose line gives the command itself, a package
    /// manager's or a well-known tool's, and names no untrusted origin, runs that command, not something fetched from a page.
    /// </summary>
    public static AuditSeverity? RunsItsOwnCommand(string text, Match match)
    {
        // "Show and explain them; don't execute them unless the user asks": a prohibition, not a step ("don't forget to run" is one).
        if (ProhibitedRun().IsMatch(LineJudges.ClauseBefore(text, match.Index, ".!?:;")) || ProhibitedVerb().IsMatch(match.Value))
        {
            return null;
        }

        var start = match.Index == 0 ? 0 : text.LastIndexOf('\n', match.Index - 1) + 1;
        var end = text.IndexOf('\n', match.Index);
        var line = text[start..(end < 0 ? text.Length : end)];
        // A known tool pointed at a host spelt with look-alike letters (git clone git@gіthub.com:…) is not that tool's own command.
        if (!KnownToolCommand().IsMatch(line) || HomographHost().IsMatch(line))
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

    /// <summary>An address in parts counts where its paragraph fetches (curl, wget, a link to build, a download, in any of the lure languages), and as an address.</summary>
    public static AuditSeverity? JudgeAddressInParts(string text, Match match)
    {
        var (start, end) = AuditRules.Paragraph(text, match.Index, before: 4, after: 4, blankLines: 1, reach: 1200);
        return FetchWord().IsMatch(text.AsSpan(start, end - start)) ? AuditRules.JudgeIpEvidence(text, match) : null;
    }

    [GeneratedRegex(@"\b(?:curl|wget|iwr|Invoke-WebRequest|fetch|download\w*|http\s+link|url)\b|下载|链接|скача\w*|загруз\w*|ссылк\w*|descarg\w*|baix\w*|enlace|herunterlad\w*|télécharg\w*|ダウンロード|リンク", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FetchWord();

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

    [GeneratedRegex(@"`\s*(?:sudo\s+)?(?:npm|npx|pnpm|yarn|bun|pip3?|pipx|uv|uvx|poetry|brew|apt(?:-get)?|dnf|yum|pacman|cargo|go|gem|git|docker|gh|openclaw|clawhub|conda|winget|choco|scoop|make|python3?\s+-m\s+pip)\s+[^`\n]+`", I)]
    private static partial Regex KnownToolCommand();

    /// <summary>
    /// The agent's own files read or handed on: a verb and, on its line, the agent's folder, its auth profiles or its
    /// memory and persona files; such a path and, after it, what is done with its contents; "the contents of" a file in
    /// the agent's folder (also "содержимое", "el contenido de", "o conteúdo de", "le contenu de", "den Inhalt von", with a
    /// few words between: "the contents of all files in"), also where a wrapped sentence puts the path on the next line.
    /// </summary>
    [GeneratedRegex(@"(?:\b(?:read|cat|open|load|send|upload|collect|gather|copy|include|attach|grab|dump|print|output|zip|tar|base64|post|exfiltrate|readFileSync|readFile|read_text|Get-Content|source|expanduser|lee|leer|envía|enviar|sube|subir|lesen|senden|lire|envoyez|прочитай\w*|прочти\w*|отправь\w*|скопируй\w*)\b|读取|发送|上传)[^\n]*(?:\.(?:openclaw|clawdbot|moltbot|clawd)\b[^\s""'`]*|auth-profiles\.json|\b(?:MEMORY|SOUL|USER)\.md\b|\bmemory/[\w.-]+\.md\b)|(?:\.(?:openclaw|clawdbot|moltbot|clawd)/[^\s""'`]*|auth-profiles\.json|\b(?:MEMORY|SOUL)\.md\b)[^\n]*(?:\b(?:contents?|send|upload|post|include|attach|share|contenido|envía|enviar|inhalt|contenu|содержимое|отправь\w*)\b|内容|发送)|~/\.(?:openclaw|clawdbot|moltbot)/?[`'""]?\s+(?:folder|directory|dir)\b|\bauth[ -]profiles(?:[^.\w-]|$)"
        + @"|(?:\bcontents?\s+of|\bсодержимое|\bcontenido\s+de|\bconte[úu]do\s+d[eoa]s?|\bcontenu\s+d[eu]s?|\binhalt\s+(?:von|der|des))\s+(?:[^\s`'""~]+\s+){0,3}?[`'""]?(?:~|\$HOME|\$\{HOME\}|%USERPROFILE%)?[/\\]?\.(?:openclaw|clawdbot|moltbot|clawd)[/\\][^\s""'`]*", I)]
    private static partial Regex AgentCredentials();

    /// <summary>
    /// A wallet's secrets reached for: its files read, a seed phrase or private key asked for (also in Spanish and
    /// Russian), key variables looked for in <c>.env</c> files ("Look for the key: `PRIVATE_KEY`, `MNEMONIC` in `./.env`"),
    /// or a request whose data carries a field named for one (<c>-d '{"phrase":…'</c>).
    /// </summary>
    [GeneratedRegex(@"\b(?:read|cat|open|copy|send|upload|collect|export|grab|dump|find|search|scan|locate|steal|look\s+for|harvest|gather)\b[^\n]*\b(?:wallet\.dat|\S*wallet\S*\.json|exodus|electrum|metamask|" + AuditRules.WalletExtensionIds + @"|phantom|solana/id\.json|keystore|seed\s+phrases?|mnemonics?|recovery\s+phrases?|private\s+keys?)\b"
        + @"|" + Solicit + @"[^\n]*\b(?:seed\s+phrases?|recovery\s+phrases?|mnemonic(?:\s+phrases?)?|secret\s+(?:recovery\s+)?phrases?|private\s+keys?|(?:12|24|twelve|twenty-four)[\s-]words?)\b"
        + @"|(?:pega\w*|introduc\w*|escrib\w*|env[ií]a\w*|comparte\w*|pide\w*|вставь\w*|введи\w*|введите|отправь\w*|пришли\w*|попроси\w*)[^\n]*(?:frase\s+(?:semilla|de\s+recuperaci[oó]n)|clave\s+privada|сид[-\s]?фраз\w*|(?:мнемоническ|секретн)\w*\s+фраз\w*|приватн\w*\s+ключ\w*)"
        + @"|\b(?:look\s+for|search|find|scan|grep|locate|collect|harvest|extract)\b[^\n]*\n?[^\n]*?\b(?:[A-Z]+_)?(?:PRIVATE_KEY|MNEMONIC|SEED_PHRASE)\b[^\n]{0,120}?\.env\b"
        + @"|(?:\s-d|--data(?:-raw|-binary)?|\s-F|--form)\s+[^\n]{0,40}?[""'{&](?:phrase|seed(?:_?phrase)?|mnemonic|recovery_?phrase|private_?key|secret_?key)[""']?\s*[:=]", I)]
    private static partial Regex Wallet();

    /// <summary>Asking for a secret: "ask the user for", "paste", "enter", "provide", "share", "reply with".</summary>
    private const string Solicit = @"\b(?:ask|paste|enter|type|provide|share|submit|input|give|reply\s+with)\b";

    /// <summary>
    /// A wallet secret read or asked for, unless the clause says not to ("never share your seed phrase"); asked for, not
    /// where the line says it is configuration kept by the user (an environment variable, .env, a config file, a keychain).
    /// </summary>
    public static AuditSeverity? JudgeWallet(string text, Match match)
    {
        if (LineJudges.JudgeNotNegated(text, match) is null || LineJudges.RefusesIt(text, match))
        {
            return null;
        }

        // "Enter your PIN, but never share your seed phrase": the ask and the warning in one match.
        if (SolicitStart().IsMatch(match.Value) && LineJudges.Negates(match.Value))
        {
            return null;
        }

        // "Scan the content for secrets (API keys, private keys) and offer to redact them": what a check finds in the
        // text about to go out, not a wallet it looks for.
        if (ScansOutgoingText().IsMatch(match.Value) && !WalletPlace().IsMatch(match.Value))
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

    /// <summary>A prohibition right before the verb: "don't", "do not", "never", "must not", an adverb at most between ("don't wait and run" is an order).</summary>
    [GeneratedRegex(@"\b(?:don'?t|do\s+not|never|must\s+not|should\s+not)\s+(?:(?:ever|just|blindly|automatically)\s+)?$", I)]
    private static partial Regex ProhibitedRun();

    /// <summary>The same, inside a match that names the object first ("shell commands, show them; don't execute").</summary>
    [GeneratedRegex(@"\b(?:don'?t|do\s+not|never|must\s+not|should\s+not)\s+(?:(?:ever|just|blindly|automatically)\s+)?\w+$", I)]
    private static partial Regex ProhibitedVerb();

    [GeneratedRegex(@"^(?:" + Solicit + @")", I)]
    private static partial Regex SolicitStart();

    [GeneratedRegex(@"^(?:scan|search|check|look\s+for)\s+(?:the\s+|this\s+|that\s+|each\s+|every\s+|its\s+|your\s+)?(?:content|text|output|message|paste|snippet|diff|draft|body|upload|payload|commit|log|post)s?\b", I)]
    private static partial Regex ScansOutgoingText();

    /// <summary>A place or an app a wallet lives in: a scan of it is a search for the wallet, whatever it calls its files.</summary>
    [GeneratedRegex(@"[~/\\]|\b(?:exodus|electrum|metamask|phantom|wallets?|keystore|library|appdata|home)\b", I)]
    private static partial Regex WalletPlace();

    [GeneratedRegex(@"(?i:\benv(?:ironment)?\b|\.env\b|\bvariable\b|\bconfig(?:uration)?\s+file\b|\bconfig\.(?:json|ya?ml|toml)\b|\bkeychain\b|\bsecret\s+manager\b)|\b[A-Z][A-Z0-9]*_(?:KEY|MNEMONIC|SEED|PHRASE)\b", RegexOptions.CultureInvariant)]
    private static partial Regex KeptByTheUser();

    /// <summary>
    /// A send in prose: the verb, then in the same sentence where to (a URL, a webhook, an endpoint or server, a mailbox); a
    /// sentence that ends between them ("each probe reports … never sent. The probe requests `https://…`") sends nothing there.
    /// </summary>
    [GeneratedRegex(@"\b(?:send|upload|post|forward|exfiltrate|transmit|report|sync|submit|e-?mail|mail)\w*\b(?:[^\n.!?]|[.!?](?=[\w/~`'""]))*\b(?:to|at|into)\b(?:[^\n]*|[ \t]*\r?\n[ \t>*-]*)(?:https?://|`https?://|\bwebhook\b|\bendpoint\b|\bserver\b|\b(?:diagnos\w+|analysis|analy[sz]er|telemetry|escrow|relay|verification|reputation)\s+(?:api|service|server)\b|[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b)|(?<!-X\s|--request\s|-X)(?-i:\bPOST)\s+[`'""]?https?://", I)]
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

    /// <summary>A .env's contents named in prose: "the contents of any `.env`, `.env.local` …" gathered into a file or a message (not an example's).</summary>
    [GeneratedRegex(@"\bcontents?\s+of\s+(?:(?:any|the|your|all|each|every|its)\s+)?(?:(?:project'?s?|local|workspace'?s?)\s+)?[`'""]?(?:[\w./~-]*/)?\.env\b(?![\w-]|\.(?:example|sample|template|dist)\b)", I)]
    private static partial Regex EnvContents();

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
    /// "never paste the contents of ~/.openclaw/openclaw.json" is a warning, also where the verb the match starts with
    /// is a sentence earlier ("Open an issue with the log. Never paste the contents of ~/.openclaw/.env").
    /// </summary>
    public static AuditSeverity? JudgeAgentFile(string text, Match match) =>
        AgentLog().IsMatch(match.Value) && !AgentSecretFile().IsMatch(match.Value) || PutsIntoIt(match.Value) || LineJudges.JudgeNotNegated(text, match) is null
            || AgentFolder().Match(match.Value) is { Success: true } folder && OpensWithNever().IsMatch(LineJudges.ClauseBefore(text, match.Index + folder.Index, ".!?:;")) ? null : AuditSeverity.Low;

    /// <summary>A clause that opens with its negation ("Never paste the contents of …"), not one with a "never" inside ("the full (never truncated) file").</summary>
    [GeneratedRegex(@"^\s*[*_]*(?:never|do\s+not|don'?t|must\s+not|nunca|no|никогда\s+не|не|niemals|nie|jamais|ne)\b", I)]
    private static partial Regex OpensWithNever();

    [GeneratedRegex(@"\.(?:openclaw|clawdbot|moltbot|clawd)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AgentFolder();

    [GeneratedRegex(@"\.(?:openclaw|clawdbot|moltbot|clawd)/(?:logs?/|[^\s""'`]*\.log\b)", I)]
    private static partial Regex AgentLog();

    /// <summary>
    /// A destination that is the skill author's whatever the request says: a request signed with a token written into the
    /// skill (<c>Authorization: token ghp_…</c> to GitHub's gists, a GitLab, Slack or Dropbox token, also in a URL's query),
    /// or a blind copy of mail to a mailbox written into it (<c>Bcc: archive@…</c>, <c>--bcc …</c>), or a Git or HTTP address
    /// signed in with a token written into it (<c>https://x-access-token:ghp_…@github.com/…</c>, <c>https://u:glpat-…@git.host/…</c>):
    /// a push there lands in the author's account; or a cloud storage account's access key written into it
    /// (<c>export AWS_ACCESS_KEY_ID="AKIA…"</c>): an upload signed with it lands in the author's bucket. What goes there
    /// goes to the author.
    /// </summary>
    [GeneratedRegex(@"(?:\bAuthorization[""']?\s*[:=]\s*[""']?(?:token|Bearer)\s+|[?&](?:access_)?token=)(?<value>gh[pousr]_[A-Za-z0-9]{30,}|github_pat_\w{40,}|glpat-[\w-]{20,}|xox[bpa]-[\w-]{20,}|sl\.[\w-]{50,})"
        + @"|(?:^|[\s""'])(?:Bcc:|--bcc[\s=]|-b\s+)[ \t]*[""']?(?<value>[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,})\b"
        + @"|\bhttps?://(?:[\w.%-]{1,60}:)?(?<value>gh[pousr]_[A-Za-z0-9]{30,}|github_pat_\w{40,}|glpat-[\w-]{20,})@[\w-]+(?:\.[\w-]+)+|\bhttps?://(?:x-access-token|oauth2|x-token-auth|gitlab-ci-token):(?<value>[A-Za-z0-9_-]{20,})@[\w-]+(?:\.[\w-]+)+"
        + @"|\b(?:AWS_ACCESS_KEY_ID|aws_access_key_id|accessKeyId|access_key_id|AccessKeyId)[""']?\s*[:=]\s*[""']?(?<value>(?-i:AKIA[0-9A-Z]{16}))\b", I | RegexOptions.Multiline)]
    private static partial Regex AuthorsAccount();

    /// <summary>A token or mailbox that is a placeholder or an illustration (<c>ghp_xxxx…</c>, <c>you@example.com</c>) is no one's; a CRM's logging address (HubSpot's, Pipedrive's, Salesforce's BCC) is the user's own CRM.</summary>
    public static AuditSeverity? JudgeAuthorsAccount(string text, Match match)
    {
        var value = match.Groups["value"].Value;
        return value.Distinct().Count() < 8 || AuditContext.QuotesAnExample(value) || SampleValue().IsMatch(value) || value.All(c => char.IsUpper(c) || c == '_') ? null : AuditSeverity.Low;
    }

    [GeneratedRegex(@"x{4}|your|example|placeholder|sample|dummy|test|fake|token_here|(?:0123|1234|abcd){2}|@(?:[\w-]+\.)*(?:local|localhost|invalid|test)$|@(?:[\w-]+\.)*(?:bcc\.hubspot\.com|pipedrivemail\.com|salesforce\.com|zohocrm\.com|hubspot\.com|closeio\.com|copper\.com|nutshell\.com)$", I)]
    private static partial Regex SampleValue();

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
