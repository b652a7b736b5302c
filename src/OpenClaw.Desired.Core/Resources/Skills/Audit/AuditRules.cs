using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>
/// The audit's rules. Patterns are bounded (no unbounded backtracking) and case-insensitive where attackers
/// vary case. Every rule runs on every text file of a skill, SKILL.md included: lures often live only in
/// the instructions.
/// </summary>
public static partial class AuditRules
{
    private const RegexOptions I = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>Literals of which every match of <see cref="DecodeIntoShell"/> holds one, or one of <see cref="DecoderWordAnchors"/>.</summary>
    private static readonly string[] DecoderAnchors =
    [
        "base64", "base32", "basenc", "xxd", "openssl", "gunzip", "zcat", "bunzip2", "bzcat", "unxz", "xzcat", "unzstd", "zstdcat", "unlzma", "lzcat", "uncompress",
        "uudecode", "gzip", "bzip2", "zstd", "lzma", "brotli", "zlib-flate", "tar", "unzip", "a-z", "!-~", "abcdefghijklm", "[:lower:]", "[:upper:]", "[:alpha:]", "\\x", "\\0", "\\1", "\\2", "\\3", "iex", "invoke-expression",
    ];

    /// <summary>Commands of <see cref="Decoder"/> too short to look for anywhere: where a word starts, and <c>rev</c> and <c>tr</c> only with what follows a command name.</summary>
    private static readonly string[] DecoderWordAnchors = ["xz", "tr ", "tr\t", "rev ", "rev\t", "rev|", "rev)", "rev<", "rev;", "rev&", "rev`", "rev\n", "rev\r"];

    /// <summary>
    /// Browser-extension wallets by their Chrome Web Store id, whose vault is the folder of that name under a profile's
    /// Local Extension Settings: MetaMask, Phantom, Solflare, Coinbase Wallet, Trust Wallet, Binance Wallet, Ronin,
    /// TronLink, Keplr, Rabby, OKX Wallet.
    /// </summary>
    internal static readonly string[] WalletExtensions =
    [
        "nkbihfbeogaeaoehlefnkodbefgpgknn", "bfnaelmomeimhlpmgjnjophhpkkoljpa", "bhhhlbepdkbapadjdnnojkbgioiodbic", "hnfanknocfeofbddgcijnmhnfnkdnaad",
        "egjidjbpglichdcondbcbdnbeeppgdph", "fhbohimaelbohpjbbldcngcnapndodjp", "fnjhmkhhmkbjkkabndcnnogagogbneec", "ibnejdfjmmkpcnlpebklmnkoeoihofec",
        "dmkamcknogkgcdfhhbddcghachkejeap", "acmacodkjbdgmoleebolmdjonilkdbch", "mcohilncbfahbmgdjkbpemcciiolgcge",
    ];

    /// <summary>Literals of which every match of a credential path holds one.</summary>
    internal static readonly string[] CredentialPathAnchors =
    [
        ".openclaw", "auth-profiles", ".ssh", ".aws", "gcloud", ".azure", ".kube", ".docker", ".netrc", ".npmrc", ".pypirc", ".yarnrc", "hosts.yml", ".cargo", ".vault-token", ".terraform.d", ".gem", "auth.json", ".git-credentials", ".gnupg", ".password-store", "/etc/shadow", "login data",
        "cookies", "key3.db", "key4.db", "logins.json", "mozilla", "google-chrome", "bravesoftware", "keychain", "local storage", "tdata", "slack", "local state", "web data",
        "solana", "exodus.wallet", "electrum", "wallet.dat", ".ethereum", "keystore", "_history", "consolehost", .. WalletExtensions,
    ];

    /// <summary>Words every match of <see cref="HideFromUser"/> holds (the user, in each language).</summary>
    private static readonly string[] HideFromUserAnchors = ["no need to", "utilisat", "usuari", "usuári", "nutzer", "benutzer", "anwender", "user", "пользовател", "用户", "ユーザー", "pengguna", "utent", "użytkownik", "kullanıcı", "사용자"];

    public static IReadOnlyList<AuditRule> All { get; } =
    [
        new("impersonated-tool", AuditSeverity.High, "downloads a well-known tool (kubectl, terraform, ollama…) from a release of another account's repository of that name: a build its vendor never made, run with the trust the real tool has", ToolReleases.ReleaseDownload()) { Anchors = ["/releases/"], Judge = ToolReleases.Judge, Signal = Audit.Signal.UntrustedOrigin },
        new("download-exec", AuditSeverity.Critical, "downloads code and runs it in one step, unreviewed", DownloadExec()) { LinearForLargeText = true, Anchors = ["curl", "wget", "fetch", "iwr", "irm", "invoke-", "downloadstring", "iex", "mshta", "certutil"], Judge = Origins.JudgeDownloadExec, Signal = Audit.Signal.Fetch },
        new("download-exec", AuditSeverity.Critical, "tells the reader to fetch a script and pipe it into a shell: it runs unreviewed", PipeIntoShell()) { Anchors = ["pipe"], Judge = Origins.JudgePipeInstruction, Signal = Audit.Signal.Fetch },
        new("download-then-run", AuditSeverity.Critical, "downloads a script or program to a file and runs that file, unreviewed", DownloadThenRunInCode()) { Anchors = ["spawn", "execfile", "popen", "subprocess", "os.system"], Judge = Origins.JudgeDownloadExec, Signal = Audit.Signal.Fetch },
        new("download-then-run", AuditSeverity.Critical, "downloads a script or program to a file and runs that file, unreviewed", DownloadThenRun()) { Anchors = ["curl", "wget", "iwr", "invoke-webrequest"], Judge = Origins.JudgeDownloadExec, Signal = Audit.Signal.Fetch },
        new("download-run-binary", AuditSeverity.High, "downloads a file, makes it executable and runs it", DownloadRunBinary()) { LinearForLargeText = true, Anchors = ["chmod"] },
        new("encoded-exec", AuditSeverity.Critical, "decodes an encoded payload and executes it", EncodedExec()) { Anchors = ["base64", "b64decode", "b32decode", "fromhex", "atob", "buffer.from", "codecs", "zlib", "marshal", "powershell", "pwsh", "unhexlify", "a2b_hex", "b16decode", "b85decode", "a85decode", "decompress", "[::-1]", "unpack", "decode64", "decode_base64", "pack(", "pack '", "pack \"", "getattr", "base64_decode", "gzinflate", "gzuncompress", "str_rot13", "hex2bin", "string.char"], Judge = Origins.JudgeTemplate },
        new("encoded-exec", AuditSeverity.Critical, "decodes an encoded payload and executes it", EncodedCommandInAVariable()) { Anchors = ["encodedcommand", "-enc", "-ec", "-e"] },
        new("encoded-exec", AuditSeverity.Critical, "decodes an encoded payload and executes it", DecodedThenEvaluated()) { Anchors = ["base64", "atob", "b64decode", "b32decode", "unhexlify", "fromhex", "decompress", "frombase64string"], Judge = JudgeDecodedPayload },
        new("encoded-exec", AuditSeverity.Critical, "decodes an encoded payload and executes it", HereStringShell()) { Anchors = ["<<<"], Judge = Origins.JudgeDownloadExec },
        new("encoded-exec", AuditSeverity.Critical, "decodes an encoded payload and executes it", DecodeIntoShell()) { Anchors = [.. DecoderAnchors], WordAnchors = [.. DecoderWordAnchors], Judge = Origins.JudgeTemplate },
        new("eval-fetched", AuditSeverity.High, "evaluates text fetched from the network as code", EvalFetched()) { Anchors = ["eval", "exec", "function"] },
        new("setuid", AuditSeverity.High, "makes a program setuid: it then runs as its owner, root, for anyone who starts it", SetUid()) { LinearForLargeText = true, Anchors = ["chmod", "install"], Judge = LineJudges.JudgeWarnedAgainst, Signal = Audit.Signal.ProtectionLift },
        new("reverse-shell", AuditSeverity.Critical, "starts a process whose input and output are a network connection the program opens: whoever is at the other end types its commands", StreamsOnSocket()) { CodeOnly = true, Anchors = ["in:", "stdin", "pipe"], Judge = LineJudges.JudgeStreamsOnSocket },
        new("reverse-shell", AuditSeverity.Critical, "hands a shell to a remote host", ReverseShell()) { LinearForLargeText = true, Anchors = ["/dev/tcp", "/dev/udp", "socat", "mkfifo", "pty.spawn", "dup2"], WordAnchors = ["nc"], Judge = JudgeReverseShell },
        new("reverse-shell", AuditSeverity.Critical, "hands a shell to a remote host", SocketShell()) { Anchors = ["net.", "tls.connect", "socket", "stdin", "stdout", "tcpsocket", "fsockopen", "tcpclient", ">&", ".recv", "'data'", "\"data\""], Judge = Origins.JudgeTemplate },
        new("password-capture", AuditSeverity.Critical, "asks for a password where nothing echoes it and sends it away, or puts the prompt in place of sudo: a fake system prompt", PasswordCapture.Prompt()) { Judge = PasswordCapture.Judge, Anchors = ["read", "getpass", "read-host", "get-credential", "hidden answer", "hiddenanswer", "zenity", "kdialog", "passwordbox", "hide_input", "hideechoback", "pwinput", ".password(", "'password'", "\"password\""] },
        new("env-dump", AuditSeverity.High, "collects the whole environment (API keys live there) for sending", EnvDump()) { Anchors = ["env"] },
        new("env-dump", AuditSeverity.High, "collects the whole environment (API keys live there) for sending", EnvValue()) { Anchors = ["process.env", "env.to_h", "env.to_hash", "os.environ", "deno.env", "system.getenv"], Judge = LineJudges.JudgeEnvSent, CodeOnly = true },
        new("raw-ip-url", AuditSeverity.High, "talks to a bare IP address instead of a named host", RawIpUrl()) { Anchors = ["://", "curl", "wget"], WordAnchors = ["nc"], Judge = JudgeIp, Signal = Audit.Signal.UntrustedOrigin },
        new("page-command", AuditSeverity.High, "tells the reader to copy a command from a web page no vendor vouches for and run it: the page, not the skill, decides what runs", PageCommand()) { Judge = JudgePageCommand, Anchors = ["コマンド", "命令", "명령", "команд"], WordAnchors = ["command", "one-liner", "snippet", "script", "installer", "install", "line", "page", "site", "website", "fetch", "download", "load", "comando", "befehl", "perintah", "polecenie"] },
        new("remote-instructions", AuditSeverity.High, "tells the agent to fetch instructions from a web page no vendor vouches for and follow them as written: whoever runs the page decides what the agent does", RemoteInstructions()) { Judge = JudgeRemoteInstructions, Anchors = [".md", ".txt", .. AuditSignals.HostAnchors] },
        new("remote-instructions", AuditSeverity.High, "tells the agent to fetch instructions from a web page no vendor vouches for and follow them as written: whoever runs the page decides what the agent does", FetchedAsInstructions()) { Judge = JudgeRemoteInstructions, Anchors = ["://"] },
        new("remote-instructions", AuditSeverity.High, "tells the agent to fetch instructions from a web page no vendor vouches for and follow them as written: whoever runs the page decides what the agent does", InstructionsThenFetch()) { Judge = JudgeRemoteInstructions, Anchors = ["://"] },
        new("paste-site", AuditSeverity.Medium, "uses a paste or file-drop site, a common payload host and exfiltration sink", PasteSite()) { LinearForLargeText = true, Judge = Origins.JudgeLink, Signal = Audit.Signal.UntrustedOrigin, Anchors = ["paste", "pastie", "bin.", "glot.io", "telegra.ph", "gist.", "0x0.st", "transfer.sh", "file.io", "catbox", "anonfiles", "bashupload", "temp.sh", "ix.io", "sprunge", "rentry", "controlc", "termbin"] },
        new("exfil-endpoint", AuditSeverity.Medium, "names a request-capture, chat-webhook or tunnel service, a common exfiltration sink", ExfilEndpoint()) { LinearForLargeText = true, Judge = Origins.JudgeEndpoint, Signal = Audit.Signal.ExfilSink, Anchors = ["webhook", "requestbin", "pipedream", "ngrok", "interact.sh", "burpcollaborator", "oast.", "canarytokens", "trycloudflare", "serveo", "localtunnel"] },
        new("protected-archive", AuditSeverity.High, "uses a password-protected archive, whose content no scanner can see", ProtectedArchive()) { Anchors = ["zip", "7z", "rar", "setpassword"], Signal = Audit.Signal.ArchivePassword, Judge = LineJudges.JudgeArchivePassword },
        new("obfuscated-code", AuditSeverity.High, "holds obfuscated code (packer, escaped or char-code strings, mangled names) that hides what it does", ObfuscatedCode()) { LinearForLargeText = true, Anchors = ["\\x", "fromcharcode", "chr", "function", "_0x", "\\u00", "rot"] },
        new("encoded-blob", AuditSeverity.Medium, "holds a long encoded blob whose content cannot be reviewed", EncodedBlob()) { LinearForLargeText = true, Judge = JudgeBlob, Prefilter = t => HasBase64Run(t, 200) },
        new("hidden-unicode", AuditSeverity.High, "holds invisible or bidirectional control characters that hide text from a reviewer", HiddenUnicode()) { Judge = LineJudges.JudgeHiddenUnicode, Prefilter = HasCharFromU200B },
        new("encoded-payload", AuditSeverity.Low, "decodes base64 or hex data", EncodedPayload()) { Anchors = ["base64", "b64decode", "atob", "buffer.from", "fromhex", "xxd"] },
        new("miner", AuditSeverity.Critical, "mentions cryptocurrency mining software or pools", Miner()) { LinearForLargeText = true, Anchors = ["miner", "xmr", "nicehash", "moneroocean", "nanopool", "2miners", "coinhive", "coin-hive", "cryptoloot", "stratum", "cryptonight", "donate-level"], Judge = JudgeMiner },
        new("persistence", AuditSeverity.High, "installs something to run again later (cron, shell startup files, services, SSH keys)", Persistence()) { LinearForLargeText = true, Judge = LineJudges.JudgePersistence, Anchors = ["cron", "bashrc", "zshrc", "profile", "bash_login", "zlogin", "systemctl", "systemd", "init.d", "rc.local", "launch", "authorized_keys", "@reboot"] },
        new("approval-bypass", AuditSeverity.High, "tells the agent to act on approvals the user did not give: to reuse an earlier approval instead of asking, or to take commands as approved in advance and run them without asking", ApprovalBypass()) { Anchors = ["approv"], Judge = (text, match) => LineJudges.JudgeNotNegatedInSentence(text, match) is null || AllowlistDescribed().IsMatch(LineJudges.LineOf(text, match.Index)) ? null : AuditSeverity.High },
        new("instruction-override", AuditSeverity.High, "tells the agent to ignore its instructions or to hide actions from the user", InstructionOverride()) { Anchors = ["ignore", "disregard", "forget", "the user", "the human", "mode", "quietly", "silently", "secretly", "covertly", "discreetly", .. HideFromUserAnchors], Judge = LineJudges.JudgeOverride },
        new("settings-weakened", AuditSeverity.High, "holds a table that moves OpenClaw's exec or sandbox settings to their weakest value (a \"migration\" or \"fix\" from allowlist to full, on-miss to off) in a program that writes files: applying it lifts the agent's safeguards under another name", WeakeningRow()) { Anchors = ["tools.exec.", "sandbox.mode", "exec.security", "exec.ask"], CodeOnly = true, Judge = (text, match) => PerText.Ask(text, "writes-config", t => ConfigWritten().IsMatch(t)) ? AuditSeverity.High : null },
        new("host-keys-unchecked", AuditSeverity.High, "turns off SSH's host-key check for every connection (a wrapper that runs the real ssh with StrictHostKeyChecking=no and the user's arguments, or Host * in ~/.ssh/config): any machine on the path can pose as any server, and the user's keys and sessions go to it", HostKeysUnchecked()) { Anchors = ["stricthostkeychecking"], Judge = (text, match) => match.Value.TrimStart().StartsWith("Host", StringComparison.OrdinalIgnoreCase) && !text.Contains(".ssh/config", StringComparison.Ordinal) ? null : LineJudges.JudgeNotNegated(text, match) is null ? null : AuditSeverity.High },
        new("security-disable", AuditSeverity.High, "turns off a safety control (OpenClaw's exec approval or sandbox, SELinux, the firewall, sudo)", SecurityDisable()) { LinearForLargeText = true, Judge = LineJudges.JudgeSecurityDisable, Anchors = ["tools.", "sandbox", "exec", "approval", "elevated", "pattern", "allowfrom", "dangerouslyallow", "setenforce", "ufw", "iptables", "chmod", "nopasswd", "sudoers", "enablelua", "smartscreen", "bcdedit", "set-mppreference", "set-executionpolicy"] },
        new("security-disable", AuditSeverity.High, "opens a system tree (/usr, /etc, npm's global prefix) to every user: any of them can then replace what root runs", SystemTreeOpened()) { Judge = LineJudges.JudgeSecurityDisable, Anchors = ["chmod"] },
        new("security-disable", AuditSeverity.High, "turns off Windows' firewall for a network profile: each port the machine listens on is open to that network", WindowsFirewallOff()) { Judge = LineJudges.JudgeSecurityDisable, Anchors = ["set-netfirewallprofile", "netsh"] },
        new("dns-exfiltration", AuditSeverity.Critical, "encodes data (hex, base32, base64) and looks it up as DNS names under a domain: data smuggled out in queries", DnsExfiltration()) { Anchors = ["dig", "nslookup", "host", "drill", "resolve-dnsname", "gethostbyname", "getaddrinfo", "dns.resolve", "dns.lookup"] },
        new("history-wipe", AuditSeverity.Medium, "erases shell history, logs or the agent's session transcripts, hiding what ran", HistoryWipe()) { LinearForLargeText = true, Anchors = ["history", "histfile", "shred", "sessions"] },
        new("env-file-read", AuditSeverity.Low, "reads a .env file", EnvFileRead()) { Anchors = [".env"], Signal = Audit.Signal.EnvFileRead },
        new("credential-read", AuditSeverity.Medium, "reads credentials (OpenClaw's config or credentials, SSH keys, cloud keys, browser profiles, chat app sessions, wallets, keychains, shell histories)", CredentialRead()) { Signal = Audit.Signal.CredentialRead, LinearForLargeText = true, Judge = LineJudges.JudgeCredentialRead, Anchors = [.. CredentialPathAnchors, "generic-password", "internet-password", "secret-tool"] },
        new("credential-read", AuditSeverity.Medium, "reads credentials (OpenClaw's config or credentials, SSH keys, cloud keys, browser profiles, chat app sessions, wallets, keychains, shell histories)", CredentialReadContinued()) { Signal = Audit.Signal.CredentialRead, Judge = LineJudges.JudgeCredentialRead, Anchors = [.. CredentialPathAnchors], LinearForLargeText = true, LinearFrom = 2048 },
        new("credential-read", AuditSeverity.Medium, "reads credentials (OpenClaw's config or credentials, SSH keys, cloud keys, browser profiles, chat app sessions, wallets, keychains, shell histories)", RegistryTokenRead()) { Signal = Audit.Signal.CredentialRead, Judge = LineJudges.JudgeCredentialRead, Anchors = [".cargo", "hosts.yml", ".pypirc", ".gem"] },
        new("network-send", AuditSeverity.Low, "sends data out", NetworkSend(), RuleRole.Evidence) { Signal = Audit.Signal.Send, Anchors = ["urlopen", "curl", "wget", "fetch", "axios", "scp", "rsync", "smtplib", "invoke-restmethod", "invoke-webrequest", "senddocument", "\\\n", "\\\r\n", "attach", "mutt", "mail", "method", "--to", "push", "sendall", "net::http", "dial", "tcpsocket", "io::socket", "tcpstream", "http/1.", "--body-file", "gist", "release", "api", "-f", "himalaya", "msmtp", "newrequest", "curlopt_"], WordAnchors = ["post", "put", "nc", "irm", "iwr", "request"] },
        .. ToolServers.Rules,
        .. Footholds.Rules,
        .. Sabotage.Rules,
        .. Exposures.Rules,
        .. StandingOrders.Rules,
    ];

    /// <summary>
    /// The same pattern on .NET's linear-time engine. Alternations of many words behind a bounded gap make the
    /// backtracking engine try every word start; the automaton reads each character once (5-20x faster on these
    /// rules, same matches). Patterns with lookarounds stay on the backtracking engine.
    /// These rules write a gap within a line as unbounded ("[^\n]*"): the automaton has no backtracking to bound,
    /// counting would only blow up its states, and a line ends the gap anyway. Building an automaton costs
    /// about 20 ms of CPU per rule, so it is built only once a text is large enough to repay it; smaller texts
    /// run the source-generated pattern, which matches the same language.
    /// </summary>
    internal static Regex Linear(Regex pattern) =>
        new(pattern.ToString(), pattern.Options | RegexOptions.NonBacktracking);

    public static readonly (string Id, AuditSeverity Severity, string Why) KnownIoc =
        ("known-ioc", AuditSeverity.Critical, "names a host, address or URL of a known malware campaign (the IOC list)");

    public static readonly (string Id, AuditSeverity Severity, string Why) KnownPublisher =
        ("known-publisher", AuditSeverity.Critical, "is published by an account of a known malware campaign (the IOC list)");

    /// <summary>An IOC is also an untrusted origin for the lure combinations.</summary>
    public static readonly AuditRule KnownIocEvidence = AuditRule.Evidence("ioc", Audit.Signal.UntrustedOrigin, PasteSite());

    public static readonly (string Id, AuditSeverity Severity, string Why) PrebuiltBinary =
        ("prebuilt-binary", AuditSeverity.High, "ships a compiled executable that cannot be reviewed");

    public static readonly (string Id, AuditSeverity Severity, string Why) SpecialFile =
        ("special-file", AuditSeverity.Medium, "carries a FIFO, socket or device (or a file swapped for one): never opened, and never part of a real skill");

    public static readonly (string Id, AuditSeverity Severity, string Why) Oversized =
        ("oversized-file", AuditSeverity.Low, "a large file was only partly scanned");

    /// <summary>
    /// The setuid bit set by <c>chmod u+s</c>, <c>+s</c>, a mode of 4000 and up (<c>4755</c>, <c>6755</c>), <c>install -m 4755</c>,
    /// or in code (<c>S_ISUID</c>, <c>os.ModeSetuid</c>, <c>os.chmod(p, 0o4755)</c>). The setgid bit alone (<c>g+s</c>, <c>2775</c>: a shared
    /// folder) is not this.
    /// </summary>
    [GeneratedRegex(@"\bchmod\s+(?:-{1,2}[\w-]*\s+)*(?:--mode=)?(?:[ugoa]*[-+=][rwxXst]*,)*(?:[ugoa]*[ua][ugoa]*)?[+=][rwxXt]*s[rwxXt]*\b|\bchmod\s+(?:-{1,2}[\w-]*\s+)*0{0,2}[4-7][0-7]{3}\b|\binstall\b[^\n|;&]{0,80}?\s(?:-m\s*|--mode[= ])0{0,2}[4-7][0-7]{3}\b|\bchmod\w*\s*\([^)\n]*(?:\b0o?0?[4-7][0-7]{3}\b|S_ISUID|ModeSetuid)", I)]
    private static partial Regex SetUid();

    [GeneratedRegex(@"\b(?:https?|ftp|wss?|tcp)://(\d{1,3}(?:\.\d{1,3}){3})\b|\b(?:curl|wget|nc|ncat)\b[^\n|;]{0,80}?(?<![\d.])(\d{1,3}(?:\.\d{1,3}){3})(?![\d.])", I)]
    private static partial Regex RawIpUrl();

    [GeneratedRegex(@"\b(glot\.io|telegra\.ph|gist\.githubusercontent\.com|pastebin\.com|paste\.ee|hastebin\.|ghostbin\.|rentry\.(co|org)|dpaste\.|controlc\.com|privatebin\.|termbin\.com|0x0\.st|transfer\.sh|file\.io|catbox\.moe|litterbox\.catbox|anonfiles\.|bashupload\.|temp\.sh|paste\.rs|ix\.io|sprunge\.us|paste\.debian|pastie\.|justpaste\.it)|//paste\.[a-z0-9-]+\.", I)]
    private static partial Regex PasteSite();

    [GeneratedRegex(@"\b(webhook\.site|requestbin\.|pipedream\.net|ngrok(-free)?\.(io|app|dev)|interact\.sh|burpcollaborator\.net|oast\.(fun|live|me|pro|site|online)|canarytokens\.|trycloudflare\.com|serveo\.net|localtunnel\.me|discord(app)?\.com/api/webhooks)", I)]
    private static partial Regex ExfilEndpoint();

    [GeneratedRegex(@"\bunzip\b[^\n]{0,60}\s(?-i:-P)\s|\b7z[a-z]?(?:\.exe)?[""']?\s+[ex]\b[^\n]{0,100}\s-p\S|\b(?:zip|archive|7z|rar)\b[^\n]{0,40}\b(?:encrypted|protected)\s+(?:with|by)\s+(?:the\s+|a\s+)?password\b|\bunrar\s+[ex]\b[^\n]{0,60}\s-p\S|\bzip\b[^\n]{0,60}\s((?-i:-P)|--password)\s|\b(password|passphrase|passwd|pw)\b[^\n]{0,40}\.(zip|7z|rar)\b|\.(zip|7z|rar)\b[^\n]{0,80}\b(password|passphrase)\b|\bpyzipper\b|\bzip\w*\b[^\n]{0,60}\.setpassword\s*\(", I)]
    private static partial Regex ProtectedArchive();

    [GeneratedRegex(@"(\\x[0-9a-fA-F]{2}){16,}|\bString\.fromCharCode\s*\(\s*\d+\s*(,\s*\d+\s*){8,}\)|(\bchr\s*\(\s*\d+\s*\)\s*\+\s*){6,}|\beval\s*\(\s*function\s*\(\s*p\s*,\s*a\s*,\s*c\s*,\s*k\s*,\s*e\s*,|\b_0x[0-9a-f]{4,6}\b[^\n]*\b_0x[0-9a-f]{4,6}\b|(\\u00[0-9a-fA-F]{2}){16,}|\bcodecs\.decode\s*\([^\n)]*rot.?13", I)]
    private static partial Regex ObfuscatedCode();

    /// <summary>
    /// Whether the text holds a run of at least <paramref name="length"/> base64 characters, which every match of
    /// <see cref="EncodedBlob"/> starts with: one pass, where the pattern tries again at every letter of every word.
    /// </summary>
    internal static bool HasBase64Run(string text, int length)
    {
        var run = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '+' or '/')
            {
                if (++run >= length)
                {
                    return true;
                }
            }
            else
            {
                run = 0;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the text holds a character at or above U+200B, as every match of <see cref="HiddenUnicode"/> does (the
    /// lowest it takes is U+200B): a text in ASCII and Latin letters, nearly every one, is not searched.
    /// </summary>
    internal static bool HasCharFromU200B(string text)
    {
        foreach (var c in text)
        {
            if (c >= '\u200B')
            {
                return true;
            }
        }

        return false;
    }

    // No lookbehind needed: the leftmost match of a run starts at the run's first character.
    [GeneratedRegex(@"[A-Za-z0-9+/]{200,}={0,2}")]
    private static partial Regex EncodedBlob();

    [GeneratedRegex("[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069]|(?<!^)\uFEFF|\uDB40[\uDC00-\uDC7F]")]
    private static partial Regex HiddenUnicode();

    [GeneratedRegex(@"\bbase64\s+(-d|--decode|-D)\b|\bb64decode\s*\(|\batob\s*\(|\bBuffer\.from\s*\([^\n)]{0,200}[""'](base64|hex)[""']|\bbytes\.fromhex\s*\(|\bFromBase64String\b|\bxxd\s+-r\b", I)]
    private static partial Regex EncodedPayload();

    /// <summary>
    /// A miner named within four lines of where the text fetches or starts a program (a download, an unpack, <c>chmod +x</c>,
    /// a service, a child process, <c>nohup</c>), or named by what only a running miner takes (a pool's <c>stratum+tcp://</c> address,
    /// <c>--donate-level</c>), a browser miner: critical. Named where nothing is fetched or started (a dashboard that reads
    /// the user's own XMRig's local API): medium, a fact for the reader.
    /// </summary>
    private static AuditSeverity? JudgeMiner(string text, Match match)
    {
        var (start, end) = Paragraph(text, match.Index, before: 4, after: 4, blankLines: 4, reach: 800);
        return match.Value.StartsWith("stratum", StringComparison.OrdinalIgnoreCase) || match.Value.StartsWith("--donate", StringComparison.OrdinalIgnoreCase) || MinerStarted().IsMatch(text.AsSpan(start, end - start))
            ? AuditSeverity.Critical
            : AuditSeverity.Medium;
    }

    [GeneratedRegex(@"\b(?:(?:curl|wget)\b[^\n]*?(?:\|\s*(?:tar|sh|bash)\b|\s-[oO]\s)|Invoke-WebRequest|iwr|urlretrieve|tar\s+-?x|unzip|Expand-Archive|chmod\s+[+0-7]*x|nohup|systemctl|ExecStart|crontab|Start-Process|subprocess|Popen|spawn|execFile|exec\.Command|Process\.Start|os\.system|screen\s+-dm|setsid|coinhive|coin-hive|cryptoloot|cryptonight)\b|\./(?:xmrig|minerd|cpuminer)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MinerStarted();

    [GeneratedRegex(@"\b(xmrig|xmr-stak|minerd|cpuminer|cgminer|bfgminer|ethminer|nbminer|phoenixminer|lolminer|nicehash|moneroocean|minexmr|supportxmr|nanopool\.org|2miners\.com|coinhive|coin-hive|cryptoloot)\b|stratum\+(tcp|ssl|tls)://|\bcryptonight\b|--donate-level\b", I)]
    private static partial Regex Miner();

    [GeneratedRegex(@"\|\s*crontab(\s+-)?(\s|$)|\bcrontab\s+-\s*$|(>>?|\btee\b(\s+-a)?)\s*[^\n|;&]*/(etc/cron\.[a-z]+|var/spool/cron|etc/crontab)\b|(>>?|\btee\b(\s+-a)?)\s*[^\n|;&]*\.(bashrc|zshrc|profile|bash_profile|zprofile|bash_login|zlogin)\b|\bsystemctl\s+(--user\s+)?enable\b|(>>?|\btee\b(\s+-a)?|\bcp\b[^\n]*)\s*[^\n|;&]*(\.config/systemd/user/|/etc/systemd/system/|/etc/init\.d/|/etc/rc\.local|Library/Launch(Agents|Daemons))|\blaunchctl\s+(load|bootstrap)\b|(>>|\btee\s+-a)\s*[^\n|;&]*authorized_keys|@reboot\b", I | RegexOptions.Multiline)]
    private static partial Regex Persistence();

    /// <summary>
    /// Data encoded (<c>xxd -p</c>, <c>base32</c>, <c>base64</c>, <c>od</c>, <c>hexlify</c>, <c>b32encode</c>, <c>.hex()</c>) and,
    /// on that line or within three, a lookup of a name whose first label is a variable under a written domain
    /// (<c>dig "$c.$i.x.example.net"</c>, <c>socket.gethostbyname(f"{chunk}.x.example.net")</c>).
    /// </summary>
    [GeneratedRegex(@"(?:\bxxd\s+-p|\bbase(?:32|64)\b(?![ \t]+(?:-d|-D|--decode)\b)|\bod\s+-|\bhexlify\b|\bb32encode\b|\bb64encode\b|\.hex\(\)|toString\(\s*['""]hex)(?:[^\n]{0,300}\n){0,3}?[^\n]{0,300}?"
        + @"(?:\b(?:dig|nslookup|host|drill|Resolve-DnsName)\s+|\b(?:gethostbyname|getaddrinfo|dns\.resolve\w*|dns\.lookup|Resolve-DnsName)\s*\()[^\n]{0,200}?(?:\$\{?\w+\}?|\{[^}\n]+\}|\$\(\w[^)\n]*\)|[""']\s*\+\s*\w+\s*\+\s*[""'])\.(?:[\w-]+\.)+[a-z]{2,}\b", I | RegexOptions.Multiline)]
    private static partial Regex DnsExfiltration();

    [GeneratedRegex(@"\b(open|readFileSync|readFile|read_text|Get-Content|cat|less|head|tail|source)\b[^\n]{0,40}[""'\s(/]\.env\b(?![\w.-])|(?:=|\s)@[""']?[^\s""';@]{0,200}?(?<![\w.-])\.env\b(?![\w.-])", I)]
    private static partial Regex EnvFileRead();

    /// <summary>
    /// A request or message that carries data out: an HTTP client's POST or PUT, curl's data and upload flags (also on a
    /// continuation line of a multi-line curl, where the data is a file or a command's output), wget's, httpie's and Go's posts (also a request built with a POST or PUT method), PHP curl's post fields, Perl's <c>$http-&gt;post(</c>, Rust's small clients (<c>ureq::post(</c>), curl's data, upload or cookie flags in an argument list (<c>{ "curl", "-b", "s=" .. v, "-d", body }</c>),
    /// PowerShell's, netcat, scp and rsync to a host, SMTP, a chat bot's document upload; e-mail: an attachment
    /// (<c>--attach</c>, <c>mutt -a</c>, <c>mail -A</c>, <c>mailx -a</c>, <c>-Attachments</c>), sendmail, curl to an SMTP URL, nodemailer, yagmail,
    /// the mail CLIs (<c>himalaya message send</c>, <c>msmtp -t</c>, <c>swaks --to</c>);
    /// the GitHub CLI's posts (an issue or PR comment or review from a file or stdin, a gist, a release's assets, <c>gh api</c>
    /// with fields, not a GraphQL query); a raw socket dialled to a host (Go's <c>net.Dial("tcp", …)</c>, Ruby's <c>TCPSocket.new</c>,
    /// Perl's <c>IO::Socket::INET</c>, Rust's <c>TcpStream::connect</c>), and an HTTP
    /// POST or PUT written by hand (<c>"POST /v2/register HTTP/1.1\r\n…"</c>) onto one. Gaps within a line are bounded: a long line costs no more per match.
    /// </summary>
    [GeneratedRegex(@"\burlopen\s*\([^\n]{0,200}\bdata\s*=|\bRequest\s*\((?:[^()]|\([^()\n]{0,100}\)){0,300}?\bdata\s*=|\b(requests|httpx|session)\.(post|put)\s*\(|\bcurl\b[^\n]{0,200}\s(-d|--data(-binary|-raw|-urlencode)?|-F|--form|-T|--upload-file)\b"
        + @"|\bcurl\b[^\n]{0,500}\\\r?\n(?:[^\n]{0,500}\\\r?\n){0,8}?[ \t]*(?:(?:-d|--data(?:-binary|-raw|-urlencode)?|-F|--form)(?:[\s=]*[@<]|[\s=]+[^\n]*?(?:[=""'\s][@<]|\$\(|`))|(?:-T|--upload-file)\s)"
        + @"|\bwget\b[^\n]{0,100}--post-(data|file)|(?-i:\bhttps?\s+(?:-{1,2}[\w-]+\s+)*(?:POST|PUT)\s)|\bfetch\s*\([^\n]{0,200}\bmethod\s*:\s*[""'](POST|PUT)|\baxios\.(post|put)\s*\(|\bhttp\.Post(?:Form)?\s*\(|[""']curl[""']\s*,(?:[^\n]*\n){0,6}?[^\n]*?[""'](?:-d|--data(?:-binary|-raw|-urlencode)?|-F|--form|-T|--upload-file|-b|--cookie)[""']\s*,|\bhttp\.NewRequest(?:WithContext)?\s*\((?:\s*\w+\s*,)?\s*(?:http\.Method(?:Post|Put|Patch)\b|""(?:POST|PUT|PATCH)"")|\bCURLOPT_(?:POSTFIELDS|UPLOAD|PUT)\b|\bnc\s+[^\n]{0,60}\d+\s*<|\bscp\s+[^\n]{0,100}@|\brsync\s+[^\n]{0,100}@[^\n]{0,60}:|\bsmtplib\b"
        + @"|\b(?:Invoke-RestMethod|Invoke-WebRequest|irm|iwr)\b[^\n]{0,200}(?:-Method\s+(?:Post|Put)|-InFile\b)|\bsendDocument\b"
        + @"|\s--attach(?:ment)?[\s=]+[""']?[~$%/.\w]|\b(?:neo)?mutt\b[^\n]{0,300}?\s-a\s|\b(?:mailx?|s-nail)\b[^\n]{0,300}?\s-[aA]\s|(?:^|[|;&]\s*)(?:/usr/s?bin/)?sendmail\b|\bsendmail\s+-[tif]|\bcurl\b[^\n]{0,500}?\bsmtps?://|\bSend-MailMessage\b|\.sendMail\s*\(|\byagmail\.SMTP\b|\bhimalaya\s+(?:message\s+|template\s+)?send\b|\bmsmtp\b[^\n]{0,100}?\s-t\b|\bswaks\b[^\n]{0,200}?\s--to\b"
        + @"|\bmethod[""']?\s*[:=]\s*[""'](?:POST|PUT)[""']|\b(?:curl|wget)\b[^\n]{0,500}?https?://[^\s""'`]*[?&][\w-]+=(?:\$?\$\(|\$\{?\w*(?:TOKEN|KEY|SECRET|PASS|CRED|AUTH)\w*\}?)|\bsend\b[^\n]{0,80}?\s--to[\s=]+[""']?[\w.+-]+@[\w-]+\."
        + @"|\bgit\s+(?:-c\s+\S+\s+)*push\b[^\n]{0,200}?\s[""']?(?:https?://|ssh://|git@)[\w.${(-]+"
        + @"|\bgh\s+(?:issue|pr)\s+(?:comment|create|edit|review)\b[^\n]{0,300}?\s(?:--body-file|-F)\b|\bgh\s+gist\s+(?:create|edit)\b|\bgh\s+release\s+(?:upload|create)\b|\bgh\s+api\s+(?!graphql\b)[^\n]{0,300}?\s(?:--input|-F|--field|-f|--raw-field)\s"
        + @"|(?-i:\.(?:Post|PostForm|PostAsync|PutAsync|PostAsJsonAsync|PutAsJsonAsync)\s*\((?<=\b[a-z]\w{0,40}\.\w+\s*\())|\bNet::HTTP(?:\.post(?:_form)?\b|::(?:Post|Put)\.new\b)|(?-i:->(?:post|put|post_form)\s*\((?!\s*[""']/))|\b(?:ureq|surf|isahc|attohttpc|minreq)::(?:post|put)\s*\(|\.sendall\s*\("
        + @"|\b(?:net\.Dial(?:Timeout)?|tls\.Dial)\s*\(\s*""(?:tcp|udp)[46]?""|\bTCPSocket\.(?:new|open)\s*\(|\bIO::Socket::(?:INET6?|IP|SSL)->new\b|\bTcpStream::connect(?:_timeout)?\s*\("
        + @"|(?-i:[""'`](?:POST|PUT) /[^\s""'`]{0,200} HTTP/1\.[01]\\r\\n)|(?-i:\.(?:POST|PUT)\s*\(\s*(?:HttpRequest\.)?BodyPublishers\.)|\bsetRequestMethod\s*\(\s*""(?:POST|PUT)""|\bnew\s+HttpRequestMessage\s*\(\s*HttpMethod\.(?:Post|Put)\b|(?-i:\.(?:post|put)\s*\(\s*\w+\s*\)\s*\.build\s*\(\s*\))|(?-i:\.(?:post|put)\s*\([^()\n]{0,120}\)\s{0,40}\.(?:header|bearer_auth|basic_auth|body|json|form|multipart|send_string|send_json|send_bytes|send)\s*\()", I | RegexOptions.Multiline)]
    private static partial Regex NetworkSend();

    /// <summary>A send of data out, for judges that ask whether a program sends at all.</summary>
    internal static Regex NetworkSendPattern => NetworkSend();

    /// <summary>Evidence that names an address counts only for public ones (a local MCP server on 127.0.0.1 is no origin of anything); placeholders do not count.</summary>
    public static AuditSeverity? JudgeIpEvidence(string text, Match match)
    {
        var ip = System.Text.RegularExpressions.Regex.Match(match.Value, @"(?:\d{1,3}\.){3}\d{1,3}");
        if (ip.Success)
        {
            return JudgeIp(text, ip) == AuditSeverity.High ? AuditSeverity.Low : null;
        }

        return Origins.JudgeLink(text, match) is null ? null : AuditSeverity.Low;
    }

    /// <summary>Loopback is no finding; private and link-local addresses are low; anything else is what the rule is for.</summary>
    private static AuditSeverity? JudgeIp(string text, Match match)
    {
        var address = match.Groups.Count > 2 ? (match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value) : match.Value;
        var octets = address.Split('.').Select(o => int.TryParse(o, out var v) ? v : 999).ToArray();
        if (octets.Length != 4 || octets.Any(o => o > 255))
        {
            return null;
        }

        return octets switch
        {
            [127, ..] or [0, 0, 0, 0] => null,
            [10, ..] or [192, 168, ..] or [169, 254, ..] => AuditSeverity.Low,
            [172, >= 16 and <= 31, ..] => AuditSeverity.Low,
            [100, >= 64 and <= 127, ..] => AuditSeverity.Low,
            _ => AuditSeverity.High,
        };
    }

    /// <summary>Embedded images, integrity hashes and hex digests are data, not hidden code.</summary>
    private static AuditSeverity? JudgeBlob(string text, Match match)
    {
        var before = text[Math.Max(0, match.Index - 40)..match.Index];
        var declared = before.Contains("data:image/", StringComparison.OrdinalIgnoreCase) || before.Contains("data:font/", StringComparison.OrdinalIgnoreCase)
            || before.Contains("sha256-", StringComparison.Ordinal) || before.Contains("sha512-", StringComparison.Ordinal) || before.Contains("integrity", StringComparison.Ordinal);
        return declared || match.Value.All(char.IsAsciiHexDigit) ? null : AuditSeverity.Medium;
    }
}
