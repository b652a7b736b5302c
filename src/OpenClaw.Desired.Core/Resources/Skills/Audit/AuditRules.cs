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
        ".openclaw", "auth-profiles", ".ssh", ".aws", "gcloud", ".kube", ".docker", ".netrc", ".git-credentials", ".gnupg", ".password-store", "/etc/shadow", "login data",
        "cookies", "key3.db", "key4.db", "logins.json", "mozilla", "google-chrome", "bravesoftware", "keychain", "local storage", "tdata", "slack", "local state", "web data",
        "solana", "exodus.wallet", "electrum", "wallet.dat", ".ethereum", "keystore", "_history", "consolehost", .. WalletExtensions,
    ];

    /// <summary>Words every match of <see cref="HideFromUser"/> holds (the user, in each language).</summary>
    private static readonly string[] HideFromUserAnchors = ["no need to", "utilisat", "usuari", "usuári", "nutzer", "benutzer", "anwender", "user", "пользовател", "用户", "ユーザー", "pengguna", "utent", "użytkownik", "kullanıcı", "사용자"];

    public static IReadOnlyList<AuditRule> All { get; } =
    [
        new("download-exec", AuditSeverity.Critical, "downloads code and runs it in one step, unreviewed", DownloadExec()) { LinearForLargeText = true, Anchors = ["curl", "wget", "fetch", "iwr", "irm", "invoke-", "downloadstring", "iex", "mshta", "certutil"], Judge = Origins.JudgeDownloadExec, Signal = Audit.Signal.Fetch },
        new("download-exec", AuditSeverity.Critical, "tells the reader to fetch a script and pipe it into a shell: it runs unreviewed", PipeIntoShell()) { Anchors = ["pipe"], Judge = Origins.JudgePipeInstruction, Signal = Audit.Signal.Fetch },
        new("download-then-run", AuditSeverity.Critical, "downloads a script or program to a file and runs that file, unreviewed", DownloadThenRunInCode()) { Anchors = ["spawn", "execfile", "popen", "subprocess", "os.system"], Judge = Origins.JudgeDownloadExec, Signal = Audit.Signal.Fetch },
        new("download-then-run", AuditSeverity.Critical, "downloads a script or program to a file and runs that file, unreviewed", DownloadThenRun()) { Anchors = ["curl", "wget", "iwr", "invoke-webrequest"], Judge = Origins.JudgeDownloadExec, Signal = Audit.Signal.Fetch },
        new("download-run-binary", AuditSeverity.High, "downloads a file, makes it executable and runs it", DownloadRunBinary()) { LinearForLargeText = true, Anchors = ["chmod"] },
        new("encoded-exec", AuditSeverity.Critical, "decodes an encoded payload and executes it", EncodedExec()) { Anchors = ["base64", "b64decode", "b32decode", "fromhex", "atob", "buffer.from", "codecs", "zlib", "marshal", "powershell", "pwsh", "unhexlify", "a2b_hex", "b16decode", "b85decode", "a85decode", "decompress", "[::-1]"], Judge = Origins.JudgeTemplate },
        new("encoded-exec", AuditSeverity.Critical, "decodes an encoded payload and executes it", EncodedCommandInAVariable()) { Anchors = ["encodedcommand", "-enc", "-ec", "-e"] },
        new("encoded-exec", AuditSeverity.Critical, "decodes an encoded payload and executes it", DecodedThenEvaluated()) { Anchors = ["base64", "atob", "b64decode", "b32decode", "unhexlify", "fromhex", "decompress", "frombase64string"], Judge = JudgeDecodedPayload },
        new("encoded-exec", AuditSeverity.Critical, "decodes an encoded payload and executes it", HereStringShell()) { Anchors = ["<<<"], Judge = Origins.JudgeDownloadExec },
        new("encoded-exec", AuditSeverity.Critical, "decodes an encoded payload and executes it", DecodeIntoShell()) { Anchors = [.. DecoderAnchors], WordAnchors = [.. DecoderWordAnchors], Judge = Origins.JudgeTemplate },
        new("eval-fetched", AuditSeverity.High, "evaluates text fetched from the network as code", EvalFetched()) { Anchors = ["eval", "exec", "function"] },
        new("setuid", AuditSeverity.High, "makes a program setuid: it then runs as its owner, root, for anyone who starts it", SetUid()) { LinearForLargeText = true, Anchors = ["chmod", "install"], Judge = LineJudges.JudgeWarnedAgainst, Signal = Audit.Signal.ProtectionLift },
        new("reverse-shell", AuditSeverity.Critical, "hands a shell to a remote host", ReverseShell()) { LinearForLargeText = true, Anchors = ["/dev/tcp", "/dev/udp", "socat", "mkfifo", "pty.spawn", "dup2"], WordAnchors = ["nc"], Judge = JudgeReverseShell },
        new("env-dump", AuditSeverity.High, "collects the whole environment (API keys live there) for sending", EnvDump()) { Anchors = ["env"] },
        new("env-dump", AuditSeverity.High, "collects the whole environment (API keys live there) for sending", EnvValue()) { Anchors = ["process.env", "env.to_h", "env.to_hash", "os.environ"], Judge = LineJudges.JudgeEnvSent, CodeOnly = true },
        new("raw-ip-url", AuditSeverity.High, "talks to a bare IP address instead of a named host", RawIpUrl()) { Anchors = ["://", "curl", "wget"], WordAnchors = ["nc"], Judge = JudgeIp, Signal = Audit.Signal.UntrustedOrigin },
        new("page-command", AuditSeverity.High, "tells the reader to copy a command from a web page no vendor vouches for and run it: the page, not the skill, decides what runs", PageCommand()) { Judge = JudgePageCommand, Anchors = ["コマンド", "命令", "명령", "команд"], WordAnchors = ["command", "one-liner", "snippet", "script", "installer", "install", "line", "page", "site", "website", "fetch", "download", "load", "comando", "befehl", "perintah", "polecenie"] },
        new("remote-instructions", AuditSeverity.High, "tells the agent to fetch instructions from a web page no vendor vouches for and follow them as written: whoever runs the page decides what the agent does", RemoteInstructions()) { Judge = JudgeRemoteInstructions, Anchors = [".md", ".txt"] },
        new("paste-site", AuditSeverity.Medium, "uses a paste or file-drop site, a common payload host and exfiltration sink", PasteSite()) { LinearForLargeText = true, Judge = Origins.JudgeLink, Signal = Audit.Signal.UntrustedOrigin, Anchors = ["paste", "pastie", "bin.", "glot.io", "telegra.ph", "gist.", "0x0.st", "transfer.sh", "file.io", "catbox", "anonfiles", "bashupload", "temp.sh", "ix.io", "sprunge", "rentry", "controlc", "termbin"] },
        new("exfil-endpoint", AuditSeverity.Medium, "names a request-capture, chat-webhook or tunnel service, a common exfiltration sink", ExfilEndpoint()) { LinearForLargeText = true, Judge = Origins.JudgeEndpoint, Signal = Audit.Signal.ExfilSink, Anchors = ["webhook", "requestbin", "pipedream", "ngrok", "interact.sh", "burpcollaborator", "oast.", "canarytokens", "trycloudflare", "serveo", "localtunnel"] },
        new("protected-archive", AuditSeverity.High, "uses a password-protected archive, whose content no scanner can see", ProtectedArchive()) { Anchors = ["zip", "7z", "rar", "setpassword"], Signal = Audit.Signal.ArchivePassword, Judge = LineJudges.JudgeArchivePassword },
        new("obfuscated-code", AuditSeverity.High, "holds obfuscated code (packer, escaped or char-code strings, mangled names) that hides what it does", ObfuscatedCode()) { LinearForLargeText = true, Anchors = ["\\x", "fromcharcode", "chr", "function", "_0x", "\\u00", "rot"] },
        new("encoded-blob", AuditSeverity.Medium, "holds a long encoded blob whose content cannot be reviewed", EncodedBlob()) { LinearForLargeText = true, Judge = JudgeBlob, Prefilter = t => HasBase64Run(t, 200) },
        new("hidden-unicode", AuditSeverity.High, "holds invisible or bidirectional control characters that hide text from a reviewer", HiddenUnicode()) { Judge = LineJudges.JudgeHiddenUnicode, Prefilter = HasCharFromU200B },
        new("encoded-payload", AuditSeverity.Low, "decodes base64 or hex data", EncodedPayload()) { Anchors = ["base64", "b64decode", "atob", "buffer.from", "fromhex", "xxd"] },
        new("miner", AuditSeverity.Critical, "mentions cryptocurrency mining software or pools", Miner()) { LinearForLargeText = true, Anchors = ["miner", "xmr", "nicehash", "moneroocean", "nanopool", "2miners", "coinhive", "coin-hive", "cryptoloot", "stratum", "cryptonight", "donate-level"] },
        new("persistence", AuditSeverity.High, "installs something to run again later (cron, shell startup files, services, SSH keys)", Persistence()) { LinearForLargeText = true, Judge = LineJudges.JudgePersistence, Anchors = ["cron", "bashrc", "zshrc", "profile", "bash_login", "zlogin", "systemctl", "systemd", "init.d", "rc.local", "launch", "authorized_keys", "@reboot"] },
        new("instruction-override", AuditSeverity.High, "tells the agent to ignore its instructions or to hide actions from the user", InstructionOverride()) { Anchors = ["ignore", "disregard", "forget", "the user", "the human", "mode", "quietly", "silently", "secretly", "covertly", "discreetly", .. HideFromUserAnchors], Judge = LineJudges.JudgeOverride },
        new("security-disable", AuditSeverity.High, "turns off a safety control (OpenClaw's exec approval or sandbox, SELinux, the firewall, sudo)", SecurityDisable()) { LinearForLargeText = true, Judge = LineJudges.JudgeSecurityDisable, Anchors = ["tools.", "sandbox", "exec", "approval", "elevated", "allowfrom", "dangerouslyallow", "setenforce", "ufw", "iptables", "chmod", "nopasswd", "sudoers", "enablelua", "smartscreen", "bcdedit", "set-mppreference", "set-executionpolicy"] },
        new("dns-exfiltration", AuditSeverity.Critical, "encodes data (hex, base32, base64) and looks it up as DNS names under a domain: data smuggled out in queries", DnsExfiltration()) { Anchors = ["dig", "nslookup", "host", "drill", "resolve-dnsname", "gethostbyname", "getaddrinfo", "dns.resolve", "dns.lookup"] },
        new("history-wipe", AuditSeverity.Medium, "erases shell history, logs or the agent's session transcripts, hiding what ran", HistoryWipe()) { LinearForLargeText = true, Anchors = ["history", "histfile", "shred", "sessions"] },
        new("env-file-read", AuditSeverity.Low, "reads a .env file", EnvFileRead()) { Anchors = [".env"], Signal = Audit.Signal.EnvFileRead },
        new("credential-read", AuditSeverity.Medium, "reads credentials (OpenClaw's config or credentials, SSH keys, cloud keys, browser profiles, chat app sessions, wallets, keychains, shell histories)", CredentialRead()) { Signal = Audit.Signal.CredentialRead, LinearForLargeText = true, Judge = LineJudges.JudgeCredentialRead, Anchors = [.. CredentialPathAnchors, "generic-password", "internet-password", "secret-tool"] },
        new("credential-read", AuditSeverity.Medium, "reads credentials (OpenClaw's config or credentials, SSH keys, cloud keys, browser profiles, chat app sessions, wallets, keychains, shell histories)", CredentialReadContinued()) { Signal = Audit.Signal.CredentialRead, Judge = LineJudges.JudgeCredentialRead, Anchors = [.. CredentialPathAnchors], LinearForLargeText = true, LinearFrom = 2048 },
        new("network-send", AuditSeverity.Low, "sends data out", NetworkSend(), RuleRole.Evidence) { Signal = Audit.Signal.Send, Anchors = ["urlopen", "curl", "wget", "fetch", "axios", "scp", "rsync", "smtplib", "invoke-restmethod", "invoke-webrequest", "senddocument", "\\\n", "\\\r\n", "attach", "mutt", "mail", "method", "--to", "push", "sendall", "net::http", "--body-file", "gist", "release", "api", "-f"], WordAnchors = ["post", "put", "nc", "irm", "iwr", "request"] },
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
    /// A download piped into a shell or an interpreter, or run by one: the URL written out, a host name or an address, or
    /// held where the command cannot show it (<c>$URL</c>, <c>${URL}</c>, Make's or a command's <c>$(URL)</c>, a format
    /// placeholder <c>{url}</c>; a URL whose query runs a command, <c>"$CHAN?h=$(hostname | shasum)" | /bin/sh</c>); PowerShell's <c>iwr … | iex</c>, <c>mshta</c> of a URL, <c>certutil -urlcache</c> then run.
    /// </summary>
    [GeneratedRegex(@"\b(curl|wget|fetch)\b[^\n|;]*(://|\$[{(]?\w|\{\w+\}|\b[\w-]+\.[a-z]{2,}\b|\d+\.\d+\.\d+\.\d+)(?:[^\n|;$]|\$[^\n|;(]|\$\([^\n()]*\))*\|\s*(sudo\s+(-\S+\s+)*)?[""']?((/usr(/local)?)?/bin/)?((ba|z|da|k|fi)?sh\b|\$\{?SHELL\b)|\b(curl|wget)\b[^\n|;]*(://|\b[\w-]+\.[a-z]{2,}\b)[^\n|;]*\|\s*(sudo\s+)?(python[23]?|perl|ruby|node|php|bun|deno)\b|\b(ba|z)?sh\s+(-c\s+)?[""']?\$\(\s*(curl|wget)\b|\b(ba|z)?sh\s+<\(\s*(curl|wget)\b|\bsource\s+<\(\s*(curl|wget)\b|\b(iwr|irm|Invoke-WebRequest|Invoke-RestMethod|DownloadString)\b[^\n]*\|\s*(iex|Invoke-Expression)\b|\biex\s*\(\s*(New-Object\s+Net\.WebClient|iwr|irm)\b"
        + @"|\b(iex|Invoke-Expression|\[scriptblock\]::Create)\b[^\n]{0,40}\b(New-Object\s+Net\.WebClient|iwr|irm|Invoke-WebRequest|Invoke-RestMethod|DownloadString)\b"
        + @"|\b(python[23]?|node|perl|ruby|php|osascript|pwsh|source|\.)\s+(-[ce]\s+)?[""']?(\$\(|<\()\s*(curl|wget)\b[^\n]*(://|\b[\w-]+\.[a-z]{2,}\b|\d+\.\d+\.\d+\.\d+)"
        + @"|\bmshta(\.exe)?\s+[""']?(https?://|vbscript:|javascript:)|\bcertutil(\.exe)?\b[^\n]*-urlcache\b[^\n]*(https?://|\d+\.\d+\.\d+\.\d+)[^\n]*(&&|;|\|)[^\n]*\.(exe|bat|cmd|ps1|vbs|hta)\b", I)]
    private static partial Regex DownloadExec();

    /// <summary>
    /// "Then fetch the URL with curl and pipe the result into `sh`": a download-and-run told in words, its steps on list
    /// items or lines of their own, the URL perhaps built from variables the same text sets. Judged by
    /// <see cref="Origins.JudgePipeInstruction"/> on the paragraph that fetches.
    /// </summary>
    [GeneratedRegex(@"\bpip(?:e|es|ed|ing)\s+(?:(?:the|its|that|this|their)\s+(?:[\w-]+\s+)?(?:result|output|response|download|script|file|contents?|body|text|installer)|it|that|them|everything)\s+(?:straight\s+|directly\s+|right\s+)?(?:in)?to\s+(?:[`""'*]*(?:sudo\s+)?(?:/usr)?(?:/bin/)?(?:ba|z|da|k)?sh\b|(?:a|the|your)\s+(?:bash\s+|zsh\s+)?shell\b)", I)]
    private static partial Regex PipeIntoShell();

    /// <summary>A file a download names that holds a script or program: by its extension, or by being put in a temporary folder.</summary>
    private const string ScriptFile = @"[\w~$./\\:-]*[\w-]+\.(?:sh|bash|zsh|py|pl|rb|js|ps1|bat|cmd|vbs|hta|exe|scpt|command)|/tmp/[\w.-]+|\$TMPDIR/[\w.-]+|\$\{?[A-Za-z_]\w*\}?";

    /// <summary>The rest of the line and up to three more, up to where the downloaded file is run.</summary>
    private const string WithinThreeLines = @"(?:[^\n]{0,2000}\n){0,3}?[^\n]{0,2000}?";

    /// <summary>The file run by a shell or interpreter (a command, not the end of <c>run.sh</c>), as <c>./file</c> or <c>.\file</c>, or straight after <c>&amp;&amp;</c>, <c>;</c> or at a line's start.</summary>
    private const string RunsTheFile =
        @"(?:(?<![\w./\\-])(?:(?:ba|z|da)?sh|python[23]?|node|perl|ruby|osascript|powershell(?:\.exe)?(?:\s+-\w+)*(?:\s+-File)?|source)\b|&|\bStart-Process|\bcmd\s+/c|&&|;|^)\s*[""']?(?:\.[\\/])?\k<file>\b";

    /// <summary>
    /// A file named only by its URL run by a shell or interpreter (any path before it), or as <c>./file</c>: a bare
    /// <c>kubectl</c> after <c>curl -LO …/kubectl</c> runs the copy moved onto PATH, a command like any other.
    /// </summary>
    private const string RunsTheNamedFile =
        @"(?:(?:(?<![\w./\\-])(?:(?:ba|z|da|k)?sh|python[23]?|node|perl|ruby|osascript|powershell(?:\.exe)?(?:\s+-\w+)*(?:\s+-File)?|source)|(?:^|[\s;&|(])\.)\s+(?:-[\w-]+\s+)*[""']?(?:[\w~$.{}-]*[\\/])*|(?:^|[\s;&|(`""'])\.[\\/])\k<file>(?![\w.-])";

    /// <summary>The last part of a URL's path, which <c>curl -O</c> and <c>wget</c> save the download as.</summary>
    private const string UrlNamingFile = @"https?://[^\s""'<>|;`]*/(?<file>[\w-][\w.-]*)(?:[?#][^\s""'<>|;`]*)?";

    /// <summary>
    /// A download, then (on the same line or within three) the file it wrote run by a shell or interpreter, or
    /// straight: the two-step form of <c>curl | sh</c>. The file is named by <c>-o</c>/<c>-O</c>/<c>-OutFile</c>,
    /// implied by <c>curl -O</c> (<c>-fsSLO</c>, <c>--remote-name</c>) or by <c>wget URL</c> without <c>-O</c> (the
    /// URL's last part), or written by a redirect (<c>&gt; a.sh</c>, <c>| tee a.sh</c>). The file's name must recur, so
    /// fetching data and running an unrelated script is not this.
    /// </summary>
    [GeneratedRegex(@"\b(?:curl|wget|iwr|Invoke-WebRequest)\b(?=[^\n]{0,500}?(?:https?://|\b\d{1,3}(?:\.\d{1,3}){3}\b))[^\n]{0,500}?\s(?:-o|-O|--output|--output-document|-OutFile)[\s=]+[""']?(?<file>" + ScriptFile + @")[""']?" + WithinThreeLines + RunsTheFile
        + @"|\bcurl\b[^\n|;&]{0,500}?\s(?:(?-i:-[a-zA-Z]*O[a-zA-Z]*)|--remote-name(?:-all)?)\s[^\n|;&]{0,500}?[""']?" + UrlNamingFile + WithinThreeLines + RunsTheNamedFile
        + @"|\bcurl\b[^\n|;&]{0,500}?\s[""']?" + UrlNamingFile + @"[""']?[^\n|;&]{0,500}?\s(?:(?-i:-[a-zA-Z]*O[a-zA-Z]*)|--remote-name(?:-all)?)(?=[\s;&|`""']|$)" + WithinThreeLines + RunsTheNamedFile
        + @"|\bwget\b(?![^\n|;&]{0,500}?(?:\s(?-i:-[a-zA-Z]*O)|--output-document))[^\n|;&]{0,500}?\s[""']?" + UrlNamingFile + WithinThreeLines + RunsTheNamedFile
        + @"|\b(?:curl|wget|iwr|Invoke-WebRequest)\b(?=[^\n]{0,500}?(?:https?://|\b\d{1,3}(?:\.\d{1,3}){3}\b))[^\n]{0,500}?\s(?:-o|-O|--output|--output-document|-OutFile)[\s=]+[""']?[\w~$./\\:-]*\.(?:dmg|pkg|msi|deb|rpm|appimage)\b" + WithinThreeLines
        + @"(?:\binstaller\s+(?:-\w+\s+)*-pkg\b|\bmsiexec(?:\.exe)?\b|\bdpkg\s+-i\b|\brpm\s+-[iU]\w*\b|\bapt(?:-get)?\s+install\s+[^\n]*\./|\bhdiutil\s+attach\b)"
        + @"|\b(?:curl|wget|iwr|Invoke-WebRequest)\b[^\n|;&]{0,500}?(?:https?://|\b\d{1,3}(?:\.\d{1,3}){3}\b)[^\n;&]{0,500}?(?:>|\|\s*(?:sudo\s+)?tee(?:\s+-a)?)\s*[""']?(?<file>" + ScriptFile + @"|[\w-][\w.-]*)[""']?" + WithinThreeLines + RunsTheNamedFile, I | RegexOptions.Multiline)]
    private static partial Regex DownloadThenRun();

    /// <summary>
    /// The same in code: a download (<c>https.get</c>, <c>fetch</c>, <c>urlretrieve</c>, <c>requests.get</c>) written to a file
    /// named by a variable, and that variable run (<c>spawn(dest, …)</c>, <c>execFile</c>, <c>subprocess.run([dest])</c>,
    /// <c>os.system(dest)</c>) within the next lines: a package's install script fetching a program and starting it.
    /// </summary>
    [GeneratedRegex(@"(?:\b(?:https?\.get|fetch|axios\.get|got|request|requests\.get|urlopen|httpx\.get)\s*\((?:[^\n]{0,300}\n){0,12}?[^\n]{0,300}?(?:\b(?:createWriteStream|writeFileSync|writeFile)\(\s*|\bopen\(\s*)|\burlretrieve\([^,\n]+,\s*)(?<file>[A-Za-z_]\w*)\s*[,)](?:[^\n]{0,300}\n){0,20}?[^\n]{0,300}?\b(?:spawn|spawnSync|execFile|execFileSync|Popen|subprocess\.(?:run|call|check_call|check_output)|os\.system|os\.startfile)\s*\(\s*\[?\s*\k<file>\s*[,)\]]", I | RegexOptions.Multiline)]
    private static partial Regex DownloadThenRunInCode();

    /// <summary>
    /// The same in two steps: a variable given a decoded value (<c>const src = Buffer.from(t, 'base64').toString()</c>,
    /// <c>code = zlib.decompress(base64.b64decode(blob))</c>) and, within the next lines, that variable evaluated as code
    /// (<c>eval(src)</c>, <c>(0, eval)(src)</c>, <c>new Function(src)</c>, <c>vm.runInThisContext(src)</c>, <c>exec(code)</c>,
    /// also reached through <c>__builtins__.exec</c> or <c>__builtins__["exec"]</c>).
    /// </summary>
    [GeneratedRegex(@"\b(?<v>[A-Za-z_$][\w$]*)\s*=\s*[^\n]{0,300}?(?:\bBuffer\.from\s*\([^\n]{0,200}?[""']base64(?:url)?[""']|\batob\s*\(|\b(?:b64|b32|urlsafe_b64)decode\s*\(|\bunhexlify\s*\(|\bfromhex\s*\(|\bdecompress\s*\(|\bFromBase64String\s*\()[^\n]{0,300}\n(?:[^\n]{0,300}\n){0,20}?[^\n]{0,300}?(?:(?<![.\w$])(?-i:eval|exec|Function)|(?<=__builtins__\.|\bbuiltins\.|__builtins__\[[""'])(?-i:eval|exec)[""']?\]?|\bvm\.runIn(?:This|New)Context)\s*\)?\s*\(\s*\k<v>\s*[,)]", I | RegexOptions.Multiline)]
    private static partial Regex DecodedThenEvaluated();

    /// <summary>What the program is given decodes to what its user gave (<c>Buffer.from(argv[2], 'base64')</c>, a request's body): no payload of the skill's.</summary>
    public static AuditSeverity? JudgeDecodedPayload(string text, Match match)
    {
        // What is decoded: the assignment's right-hand side on its first line.
        var end = match.Value.IndexOf('\n', StringComparison.Ordinal);
        var line = end < 0 ? match.Value : match.Value[..end];
        return UserInput().IsMatch(line[(line.IndexOf('=', StringComparison.Ordinal) + 1)..]) ? null : Origins.JudgeTemplate(text, match);
    }

    [GeneratedRegex(@"\b(?:argv|args|arguments|input|stdin|params|query|body|req|request|process\.env|os\.environ|getenv)\b", I)]
    private static partial Regex UserInput();

    /// <summary>
    /// PowerShell's <c>-EncodedCommand</c> given a variable that the script sets to a base64 literal above it
    /// (<c>$tuning = 'UwBlAHQALQ…'</c> … <c>-ArgumentList @('-EncodedCommand', $tuning)</c>): the command is there, unreadable.
    /// </summary>
    [GeneratedRegex(@"\$(?<v>\w+)\s*=\s*[""'][A-Za-z0-9+/]{40,}={0,2}[""'][^\n]*\n(?:[^\n]*\n){0,60}?[^\n]*?[\s""'(,][-/](?:e|ec|en|enc|enco\w*)[""']?\s*[,\s]\s*\$\k<v>\b", I)]
    private static partial Regex EncodedCommandInAVariable();

    [GeneratedRegex(@"\b(curl|wget)\b[^\n]*(&&|;)\s*chmod\s+(\+x|[0-7]?[0-7][157][0-7]?\b|u\+x|a\+x)[^\n]*(&&|;)\s*(\./|/tmp/|sudo\s)", I)]
    private static partial Regex DownloadRunBinary();

    [GeneratedRegex(@"\bbase64\s+(-d|--decode|-D)\b[^\n`]{0,100}\|\s*(sudo\s+)?(ba|z|da)?sh\b|\b(exec|eval|execSync|exec_command|system|popen|spawnSync|check_output|getoutput|Function)\s*\(\s*(base64\.b64decode|base64\.b32decode|codecs\.decode|bytes\.fromhex|zlib\.decompress|marshal\.loads|atob|Buffer\.from)|\b(exec|eval|execSync|exec_command|system|popen|spawnSync|check_output|getoutput|Function)\s*\([^\n]{0,80}(b64decode|fromhex|atob\(|[""']base64[""']|unhexlify|a2b_hex|b16decode|b32decode|b85decode|a85decode|decompress\s*\(|\[::-1\])|\beval\s+[""']?\$\(\s*echo\b[^\n]{0,400}base64|\bFromBase64String\b[^\n]{0,200}\b(iex|Invoke-Expression)\b|\b(iex|Invoke-Expression)\b[^\n]{0,200}\bFromBase64String\b|\b(powershell|pwsh)(\.exe)?\b[^\n]{0,120}\s[-/](e|ec|en|enc|enco\w*)\s+[A-Za-z0-9+/]{20,}={0,2}", I)]
    private static partial Regex EncodedExec();

    /// <summary>
    /// A step that turns unreadable text back into a command: a base64, base32 or hex decoder, OpenSSL's decoding or
    /// decryption, a decompressor, reversal (<c>rev</c>), a <c>tr</c> that maps letter ranges (rot13) and
    /// <c>printf</c>/<c>echo</c> of escape sequences. Each is ordinary alone; its output run is a hidden command.
    /// </summary>
    private const string Decoder =
        @"(?:\bbase(?:64|32)\s+(?:-\w+\s+)*(?:-[a-z]*d[a-z]*|--decode)\b|\bbasenc\b[^\n|]*\s(?:-d|--decode)\b|\bxxd\s+(?:-\w+\s+)*-[a-z]*r[a-z]*\b"
        + @"|\bopenssl\s+(?:enc|base64|aes\S*|des\S*|bf\S*|chacha\S*|camellia\S*)\s[^\n|]*?-d\b"
        + @"|\b(?:gunzip|g?zcat|bunzip2|bzcat|unxz|xzcat|unzstd|zstdcat|unlzma|lzcat|uncompress|uudecode)\b|\b(?:gzip|bzip2|xz|zstd|lzma|brotli)\s+(?:-\w+\s+)*(?:-[a-z]*d[a-z]*|--decompress)\b|\bzlib-flate\s+-uncompress\b"
        + @"|\btar\s+(?:(?-i:-?[a-zA-Z]*x[a-zA-Z]*O[a-zA-Z]*|-?[a-zA-Z]*O[a-zA-Z]*x[a-zA-Z]*)\b|[^\n|]*\s--to-stdout\b)|\bunzip\s+(?:-\w+\s+)*(?-i:-[a-z]*p)\b"
        + @"|(?:^|[|;&(`])\s*rev(?=[ \t|)<;&`\r\n])"
        + @"|(?:^|[|;&(`])\s*tr[ \t]+(?:'" + LetterRange + @"[^'\n]*'|""" + LetterRange + @"[^""\n]*""|" + LetterRange + @"\S*)"
        + @"|\b(?:printf|echo)\s+(?:-[a-z]+\s+)*(?:['""]%b['""]\s+)?\$?(?:'[^'\n]*?" + Escapes + @"[^'\n]*'|""[^""\n]*?" + Escapes + @"[^""\n]*""|[^\s'""]*?" + Escapes + @"\S*))";

    /// <summary>A <c>tr</c> set that maps letters (rot13 and other shifts): a range, a class, or the alphabet written out.</summary>
    private const string LetterRange = @"(?:\[?[a-z0-9]-[a-z0-9]|\[:(?:lower|upper|alpha):\]|!-~|abcdefghijklm)";

    /// <summary>Three escape sequences in a row (<c>\x63\x75\x72</c>, <c>\143\165</c>): text spelled so it cannot be read.</summary>
    private const string Escapes = @"(?:\\x[0-9a-f]{2}|\\0?[0-3][0-7]{2}){3}";

    /// <summary>Arguments of one pipeline stage: up to the next pipe outside quotes.</summary>
    private const string StageArgs = @"(?:[^\n|'""]|'[^'\n]*'|""[^""\n]*"")*";

    /// <summary>A pipe into something that runs what it reads: a shell, an interpreter reading its input, PowerShell's iex.</summary>
    private const string IntoShell =
        @"\|\s*(?:sudo\s+(?:-\S+\s+)*)?[""']?(?:(?:/usr(?:/local)?)?/bin/)?(?:(?:ba|z|da|k|fi)?sh\b|\$\{?SHELL\b|(?:python[23]?|perl|ruby|node|php|osascript)(?:\s+-)?\s*(?:$|[;&|)`""'])|(?:source|\.)\s+/dev/stdin\b|iex\b|Invoke-Expression\b)";

    /// <summary>A shell or interpreter that runs the output of the command substitution that follows.</summary>
    private const string RunsSubstitution =
        @"(?:\b(?:ba|z|da|k)?sh\s+(?:-\w+\s+)*-c\s+[""']?\$\(|\beval\s+[""']?(?:\$\(|`)|\b(?:ba|z|da|k)?sh\s+<\(|(?:\bsource|(?:^|[\s;&|])\.)\s+<\(|\b(?:python[23]?|perl|ruby|node)\s+-[ce]\s+[""']?\$\()";

    /// <summary>
    /// Any decoding or transforming step (<see cref="Decoder"/>) whose output is run: piped (through further decoders only)
    /// into a shell or interpreter, run through a command substitution, written to a file that the same line runs; and
    /// <c>bash -c $'\x63…'</c>, PowerShell's <c>iex</c> of a string reversed with <c>[-1..</c>. The encoded one-liner
    /// without base64. Decoding into a file, a pager, <c>jq</c>, <c>python3 -m json.tool</c> or a database is not this.
    /// </summary>
    [GeneratedRegex(Decoder + StageArgs + @"(?:\|\s*" + Decoder + StageArgs + @")*" + IntoShell
        + @"|" + RunsSubstitution + @"[^\n]{0,400}?" + Decoder
        + @"|" + Decoder + StageArgs + @"(?:\|\s*" + Decoder + StageArgs + @")*>\s*[""']?(?<file>[\w~$./-]+)[""']?[^\n]*?(?:&&|;)\s*(?:sudo\s+)?(?:(?:(?:ba|z|da|k)?sh|python[23]?|perl|ruby|node|source|\.|chmod\s+\+x)\s+)?[""']?(?:\./)?\k<file>(?![\w.-])"
        + @"|\b(?:ba|z|da|k)?sh\s+-c\s+\$'" + Escapes
        + @"|\b(?:iex|Invoke-Expression)\b[^\n]{0,200}?\[\s*-1\s*\.\.|\[\s*-1\s*\.\.[^\n]{0,200}?\|\s*(?:iex|Invoke-Expression)\b", I | RegexOptions.Multiline)]
    private static partial Regex DecodeIntoShell();

    [GeneratedRegex(@"\b(eval|exec|Function)\s*\([^\n]{0,120}\b(urlopen|requests\.(get|post)|fetch\(|https?\.get|urllib|httpx|axios|XMLHttpRequest)|\beval\s+[""']?\$\(\s*(curl|wget)\b|\beval\s+[""']?\$\(\s*[""']?\$\{?\w+\}?[""']?\s*\)|\bnew\s+Function\s*\(\s*await\s+\(?\s*await\s+fetch", I)]
    private static partial Regex EvalFetched();

    /// <summary>
    /// The setuid bit set by <c>chmod u+s</c>, <c>+s</c>, a mode of 4000 and up (<c>4755</c>, <c>6755</c>), <c>install -m 4755</c>,
    /// or in code (<c>S_ISUID</c>, <c>os.ModeSetuid</c>, <c>os.chmod(p, 0o4755)</c>). The setgid bit alone (<c>g+s</c>, <c>2775</c>: a shared
    /// folder) is not this.
    /// </summary>
    [GeneratedRegex(@"\bchmod\s+(?:-{1,2}[\w-]*\s+)*(?:--mode=)?(?:[ugoa]*[-+=][rwxXst]*,)*(?:[ugoa]*[ua][ugoa]*)?[+=][rwxXt]*s[rwxXt]*\b|\bchmod\s+(?:-{1,2}[\w-]*\s+)*0{0,2}[4-7][0-7]{3}\b|\binstall\b[^\n|;&]{0,80}?\s(?:-m\s*|--mode[= ])0{0,2}[4-7][0-7]{3}\b|\bchmod\w*\s*\([^)\n]*(?:\b0o?0?[4-7][0-7]{3}\b|S_ISUID|ModeSetuid)", I)]
    private static partial Regex SetUid();

    /// <summary>
    /// Bash's <c>/dev/tcp</c> opened by a no-op (<c>: &lt;/dev/tcp/host/5432</c>, <c>true &gt;/dev/tcp/…</c>) only tests that a
    /// port answers; a shell is handed over where the line also runs one interactively, joins its streams to the socket,
    /// keeps a descriptor on it (<c>exec 5&lt;&gt;</c>) or evaluates what it reads.
    /// </summary>
    public static AuditSeverity? JudgeReverseShell(string text, Match match)
    {
        if (match.Value.StartsWith("/dev/", StringComparison.Ordinal))
        {
            var start = match.Index == 0 ? 0 : text.LastIndexOf('\n', match.Index - 1) + 1;
            var end = text.IndexOf('\n', match.Index);
            var line = text.AsSpan(start, (end < 0 ? text.Length : end) - start);
            if (PortProbe().IsMatch(line) && !ShellOnSocket().IsMatch(line))
            {
                return null;
            }
        }

        return Origins.JudgeTemplate(text, match);
    }

    [GeneratedRegex(@"(?:^|[;&|(""'`\s])(?::|true)\s*&?[<>]{1,2}\s*/dev/(?:tcp|udp)/", RegexOptions.CultureInvariant)]
    private static partial Regex PortProbe();

    [GeneratedRegex(@"\s-i\b|\d?>&\s*\d|<&\s*\d|\bexec\s+\d|\beval\b|\bwhile\b[^\n]*\bread\b|\|\s*(?:ba|z|da)?sh\b", RegexOptions.CultureInvariant)]
    private static partial Regex ShellOnSocket();

    [GeneratedRegex(@"/dev/tcp/|/dev/udp/|\bnc(at)?\b[^\n]*\s-(e|c)\s|\bsocat\b[^\n]*\bexec:|\bmkfifo\b[^\n]*\bnc\b|\bpty\.spawn\s*\(|\bsocket\.socket\b[\s\S]{0,300}\bos\.dup2\s*\(", I)]
    private static partial Regex ReverseShell();

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

    [GeneratedRegex(@"\b(xmrig|xmr-stak|minerd|cpuminer|cgminer|bfgminer|ethminer|nbminer|phoenixminer|lolminer|nicehash|moneroocean|minexmr|supportxmr|nanopool\.org|2miners\.com|coinhive|coin-hive|cryptoloot)\b|stratum\+(tcp|ssl|tls)://|\bcryptonight\b|--donate-level\b", I)]
    private static partial Regex Miner();

    [GeneratedRegex(@"\|\s*crontab(\s+-)?(\s|$)|\bcrontab\s+-\s*$|(>>?|\btee\b(\s+-a)?)\s*[^\n|;&]*/(etc/cron\.[a-z]+|var/spool/cron|etc/crontab)\b|(>>?|\btee\b(\s+-a)?)\s*[^\n|;&]*\.(bashrc|zshrc|profile|bash_profile|zprofile|bash_login|zlogin)\b|\bsystemctl\s+(--user\s+)?enable\b|(>>?|\btee\b(\s+-a)?|\bcp\b[^\n]*)\s*[^\n|;&]*(\.config/systemd/user/|/etc/systemd/system/|/etc/init\.d/|/etc/rc\.local|Library/Launch(Agents|Daemons))|\blaunchctl\s+(load|bootstrap)\b|(>>|\btee\s+-a)\s*[^\n|;&]*authorized_keys|@reboot\b", I | RegexOptions.Multiline)]
    private static partial Regex Persistence();

    [GeneratedRegex(@"\b(ignore|disregard|forget)\s+(all\s+|any\s+|the\s+|your\s+)*(previous|prior|above|earlier|system|other)\s+(instructions|rules|directions|prompts?|guidelines)|\bdo\s+not\s+(tell|inform|alert|notify|show)\s+(this\s+to\s+)?the\s+user\b|\bwithout\s+(telling|asking|informing|notifying|alerting|bothering|interrupting|disturbing)\s+the\s+user\b|\b(hide|conceal)\s+(this|these|it|them)\s+from\s+the\s+user\b|\byou\s+are\s+now\s+in\s+(developer|god|dan|jailbreak)\s+mode\b"
        + @"|\b(?:do\s+not|don'?t|never)\s+(?:mention|reveal|disclose|report|explain)\s+" + HiddenAction + @"[^\n.]{0,40}?\b(?:to|with)\s+the\s+(?:user|human)\b"
        + @"|\b(?:do\s+not|don'?t|never)\s+(?:tell|inform|notify|alert|remind)\s+the\s+(?:user|human)\s+(?:about|of)\s+" + HiddenAction
        + @"|(?:^|[.!:;,]\s+|[-*>]\s+|\d+[.)]\s+|\b(?:then|and|also)\s+)(?:quietly|silently|secretly|covertly|discreetly)\s+(?:upload|send|post|sync|forward|transmit|submit|exfiltrate)\b(?![^\n]{0,80}\b(?:notification|sound|push|ring|vibrat)\w*)"
        + @"|\bno\s+need\s+to\s+(?:tell|inform|notify|bother)\s+the\s+(?:user|human)\s+(?:about|of)\b|\b(?:does\s+not|doesn'?t|need\s+not|needn'?t|should\s+not|shouldn'?t|must\s+not)\s+(?:need\s+to\s+)?be\s+(?:mentioned|shown|reported|disclosed|explained|surfaced)\s+to\s+the\s+(?:user|human)\b|" + HideFromUser, I | RegexOptions.Multiline)]
    private static partial Regex InstructionOverride();

    /// <summary>
    /// "Without telling the user" and "do not tell the user" in French, Spanish, Portuguese, German, Russian, Chinese and
    /// Japanese: lures are written in the reader's language, and hiding a step from the user means the same in any.
    /// </summary>
    private const string HideFromUser =
        @"\bsans\s+(?:en\s+|le\s+|la\s+|les\s+|l['’]|lui\s+)?(?:informer|prévenir|avertir|dire|parler|mentionner|détailler|signaler|demander|déranger|interrompre)\w*\s+(?:à\s+|de\s+)?l['’]utilisat(?:eur|rice)"
        + @"|\b(?:ne|n['’])\s*(?:pas\s+)?(?:en\s+|le\s+|la\s+|les\s+|lui\s+|l['’])?(?:dis|dites|dire|parle[rz]?|mentionne[rz]?|signale[rz]?|informe[rz]?|préviens|prévenir|montre[rz]?)\s+(?:pas\s+|rien\s+|jamais\s+)?(?:à\s+)?l['’]utilisat(?:eur|rice)"
        + @"|\bsin\s+(?:dec[ií]rselo|dec[ií]rle|avisar(?:le)?|informar(?:le)?|notificar(?:le)?|mencion[aá]rselo|cont[aá]rselo|cont[aá]rle|consultar(?:le)?|preguntar(?:le)?|molestar(?:le)?|interrumpir(?:le)?)\s+(?:nada\s+)?(?:al?\s+)?usuari[oa]"
        + @"|\bno\s+(?:se\s+lo\s+|le\s+|lo\s+)?(?:digas|diga|menciones|mencione|informes|informe|cuentes|cuente|avises|avise|muestres|notifiques)\s+(?:nada\s+|esto\s+)?(?:de\s+esto\s+)?al?\s+usuari[oa]"
        + @"|\bsem\s+(?:contar|avisar|informar|mencionar|dizer|perguntar|notificar|incomodar|interromper)\w*\s+(?:nada\s+)?(?:ao|à|o|a)\s+usu[aá]ri[oa]"
        + @"|\bn[aã]o\s+(?:conte|avise|informe|mencione|diga|mostre|notifique)\s+(?:nada\s+|isso\s+|isto\s+)?(?:ao|à|o|a)\s+usu[aá]ri[oa]"
        + @"|\bohne\s+(?:es\s+|das\s+|dies\s+)?(?:dem|den)\s+(?:Nutzer|Benutzer|Anwender|User)\w*\s+(?:davon\s+|etwas\s+)?(?:zu\s+sagen|mitzuteilen|zu\s+informieren|zu\s+benachrichtigen|zu\s+erwähnen|zu\s+fragen|Bescheid\s+zu\s+geben)"
        + @"|\b(?:sag|sage|sagen\s+Sie|erwähne|erwähnen\s+Sie|zeige|zeigen\s+Sie|informiere|teile|verrate)\b[^\n.]{0,40}?\b(?:dem|den)\s+(?:Nutzer|Benutzer|Anwender|User)\w*\s+(?:gegenüber\s+)?(?:davon\s+)?nicht\b"
        + @"|\b(?:dem|den)\s+(?:Nutzer|Benutzer|Anwender)\w*\s+(?:nichts|nicht)\s+(?:davon\s+)?(?:sagen|mitteilen|erwähnen|zeigen|erzählen|melden)"
        + @"|\bне\s+(?:говори|скажи|сообщай|сообщайте|рассказывай|рассказывайте|показывай|упоминай|уведомляй|говорите)\s+(?:об\s+этом\s+|это\s+|ничего\s+)?пользовател\w*"
        + @"|без\s+ведома\s+пользовател\w*|\bне\s+(?:сообщая|говоря|уведомляя|спрашивая)\s+пользовател\w*"
        + @"|(?:不要|别|勿|无需|不必)(?:告诉|通知|提醒|告知|询问)用户|瞒着用户|(?:不要|别)让用户(?:知道|发现)"
        + @"|ユーザー(?:に|には)(?:伝え|知らせ|言わ|通知し|報告し|見せ)(?:ない|ず)|ユーザーに(?:は)?(?:内緒|秘密)"
        + @"|\bjangan\s+(?:memberi\s*tahu|beri\s*tahu|memberitahu\w*|kasih\s+tahu|sampaikan|tunjukkan|menyebut\w*|bilang)\s+(?:apa\s+pun\s+)?(?:ke(?:pada)?\s+)?pengguna|\btanpa\s+(?:memberi\s*tahu|memberitahu|sepengetahuan|bertanya\s+kepada)\s+(?:ke(?:pada)?\s+)?pengguna"
        + @"|\bsenza\s+(?:dirlo|dire\s+nulla|avvisare|informare|chiedere)\w*\s+(?:a\s+|all['’]\s*)?utent[ei]|\bnon\s+(?:dire|dirlo|menzionare|mostrare|informare|avvisare)\w*\s+(?:nulla\s+)?(?:a\s+|all['’]\s*)?utent[ei]|\bnon\s+serve\s+(?:chiedere|avvisare|informare|dire|menzionare)[^\n.]{0,60}?\butent[ei]"
        + @"|\bnie\s+(?:mów|informuj|wspominaj|pokazuj|powiadamiaj|mówiąc)\w*\s+(?:o\s+tym\s+|nic\s+)?użytkownik\w*|\bbez\s+(?:informowania|wiedzy|pytania|powiadamiania)\s+użytkownik\w*"
        + @"|\bkullanıcıya[^\n.]{0,80}?\b(?:söyleme|bahsetme|gösterme|belirtme|bildirme|anlatma)(?:yin|yiniz|dan)?\b|\bkullanıcıya\s+(?:sormadan|haber\s+vermeden|söylemeden)"
        + @"|사용자(?:에게|한테)(?:는)?[^\n.]{0,40}?(?:말하지|언급하지|알리지|보여주지|알려주지)\s*(?:마|말|않)";

    /// <summary>What a skill hides when it steals: the upload, the sending, the step, the request, the backup, the telemetry.</summary>
    private const string HiddenAction = @"(?:(?:the|this|that|these|any|its)\s+)?(?:upload\w*|sending|send|sync\w*|backup|telemetry|requests?|transfer|steps?|exfiltration|data\s+collection|collection|submission|posting)\b";

    /// <summary>
    /// OpenClaw's exec approval, elevated mode and sandbox turned off in its JSON config as written in a document:
    /// <c>"exec": {"security": "full"</c>, <c>"ask": "off"</c>, <c>"elevated": {"enabled": true</c>, <c>"sandbox": {"mode": "off"</c>.
    /// </summary>
    private const string NestedSetting =
        @"[""']?exec[""']?\s*:\s*\{[^}\n]*?[""']?(?:security[""']?\s*:\s*[""']full|ask[""']?\s*:\s*[""']off)\b|[""']?elevated[""']?\s*:\s*\{[^}\n]*?[""']?enabled[""']?\s*:\s*true\b|[""']?sandbox[""']?\s*:\s*\{[^}\n]*?[""']?mode[""']?\s*:\s*[""']off\b";

    /// <summary>
    /// OpenClaw's exec approval and sandbox turned off in prose: the section named first and its key set a few words on
    /// ("under `tools.exec`: set the approval mode to "never" and `security` to "full"", "in `agents.defaults.sandbox`
    /// set `mode` to `off`"), or the control named and switched off ("disable exec approvals", "turn off the sandbox").
    /// </summary>
    private const string ProseSetting =
        @"\b(?:tools\.exec|agents\.[\w.\[\]]{0,40}sandbox|sandbox)[`'""]?[^\n]{0,40}?\bset\s+(?:the\s+)?[`'""]?(?:ask|mode|approvals?(?:\s+mode)?)[`'""]?\s+to\s+[`'""]{0,2}(?:off|never|none|disabled)\b"
        + @"|\btools\.exec[`'""]?[^\n]{0,80}?\bsecurity[`'""]?\s+to\s+[`'""]{0,2}full\b"
        + @"|\b(?:disable|turn\s+off|switch\s+off)\s+(?:the\s+|openclaw'?s\s+|all\s+|its\s+)*(?:(?:exec|execution|command)\s+approvals?|approval\s+prompts|sandbox(?:ing)?(?:\s+mode)?)\b";

    /// <summary>
    /// Windows' machine-wide protections turned off: UAC (EnableLUA 0), SmartScreen, driver signing (test signing, no
    /// integrity checks), Defender's real-time monitoring, the execution policy for every user.
    /// </summary>
    private const string WindowsControlsOff =
        @"\bEnableLUA\b[^\n]{0,30}?(?:-Value\s+|/d\s+|=\s*)0\b|\bEnableSmartScreen\b[^\n]{0,30}?(?:-Value\s+|/d\s+|=\s*)0\b|\bSmartScreenEnabled\b[^\n]{0,30}?[""']?Off\b"
        + @"|\bbcdedit\b[^\n]*?/set\s+(?:\{\w+\}\s+)?(?:testsigning|nointegritychecks)\s+on\b|\bSet-MpPreference\b[^\n]*?-Disable(?:RealtimeMonitoring|BehaviorMonitoring|IOAVProtection|ScriptScanning)\s+(?:\$true|1)\b"
        + @"|\bSet-ExecutionPolicy\s+(?:Unrestricted|Bypass)\b[^\n]*?-Scope\s+LocalMachine\b";

    /// <summary>
    /// Between a setting's key and the value it is set to: quotes, then ':', '=', "to" (or "auf", "sur", "para", "на"…
    /// as other languages write it) or a space. The value must come next, so a table naming the safe value first
    /// (<c>| tools.exec.security | allowlist | full lets…</c>) is no setting.
    /// </summary>
    private const string SetTo = @"\b[""'`]?\s*(?:[:=]|\s+(?:to|auf|sur|à|a|en|para|на|zu|op|naar)\b|\s)\s*[""'`]{0,2}";

    [GeneratedRegex(@"\btools\.exec\.security" + SetTo + @"full\b|\btools\.elevated\.enabled" + SetTo + @"true\b|\bsandbox\.mode" + SetTo + @"off\b|\bdangerouslyAllow[A-Za-z]*" + SetTo + @"true\b|\btools\.exec\.ask" + SetTo + @"off\b|" + NestedSetting + @"|" + ProseSetting + @"|\ballowFrom[""']?\s*:\s*\{\s*[""']\*[""']\s*:\s*\[\s*[""']\*|" + WindowsControlsOff + @"|\bsetenforce\s+0\b|\bufw\s+disable\b|\biptables\s+-F\b|\bchmod\s+(-R\s+)?777\s+(/|~)|\bNOPASSWD\b|(>>?|\btee\b)\s*[^\n]*/etc/sudoers", I)]
    private static partial Regex SecurityDisable();

    [GeneratedRegex(@"\b(?:sed\s+-i|rm|shred|truncate)\b[^\n]*\.(?:openclaw|clawdbot|moltbot)/agents/[^\n]*sessions\b|\bhistory\s+-c\b|\bunset\s+HISTFILE\b|\bHISTFILE=/dev/null\b|\brm\s+[^\n]*\.(bash|zsh)_history\b|\bshred\b[^\n]*(\.log|_history|/var/log)", I)]
    private static partial Regex HistoryWipe();

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
    /// continuation line of a multi-line curl, where the data is a file or a command's output), wget's, httpie's and Go's posts,
    /// PowerShell's, netcat, scp and rsync to a host, SMTP, a chat bot's document upload; e-mail: an attachment
    /// (<c>--attach</c>, <c>mutt -a</c>, <c>mail -A</c>, <c>mailx -a</c>, <c>-Attachments</c>), sendmail, curl to an SMTP URL, nodemailer, yagmail;
    /// the GitHub CLI's posts (an issue or PR comment or review from a file or stdin, a gist, a release's assets, <c>gh api</c>
    /// with fields, not a GraphQL query). Gaps within a line are bounded: a long line costs no more per match.
    /// </summary>
    [GeneratedRegex(@"\burlopen\s*\([^\n]{0,200}\bdata\s*=|\bRequest\s*\([^)]{0,300}?\bdata\s*=|\b(requests|httpx|session)\.(post|put)\s*\(|\bcurl\b[^\n]{0,200}\s(-d|--data(-binary|-raw|-urlencode)?|-F|--form|-T|--upload-file)\b"
        + @"|\bcurl\b[^\n]{0,500}\\\r?\n(?:[^\n]{0,500}\\\r?\n){0,8}?[ \t]*(?:(?:-d|--data(?:-binary|-raw|-urlencode)?|-F|--form)(?:[\s=]*[@<]|[\s=]+[^\n]*?(?:[=""'\s][@<]|\$\(|`))|(?:-T|--upload-file)\s)"
        + @"|\bwget\b[^\n]{0,100}--post-(data|file)|(?-i:\bhttps?\s+(?:-{1,2}[\w-]+\s+)*(?:POST|PUT)\s)|\bfetch\s*\([^\n]{0,200}\bmethod\s*:\s*[""'](POST|PUT)|\baxios\.(post|put)\s*\(|\bhttp\.Post(?:Form)?\s*\(|\bnc\s+[^\n]{0,60}\d+\s*<|\bscp\s+[^\n]{0,100}@|\brsync\s+[^\n]{0,100}@[^\n]{0,60}:|\bsmtplib\b"
        + @"|\b(?:Invoke-RestMethod|Invoke-WebRequest|irm|iwr)\b[^\n]{0,200}(?:-Method\s+(?:Post|Put)|-InFile\b)|\bsendDocument\b"
        + @"|\s--attach(?:ment)?[\s=]+[""']?[~$%/.\w]|\b(?:neo)?mutt\b[^\n]{0,300}?\s-a\s|\b(?:mailx?|s-nail)\b[^\n]{0,300}?\s-[aA]\s|(?:^|[|;&]\s*)(?:/usr/s?bin/)?sendmail\b|\bsendmail\s+-[tif]|\bcurl\b[^\n]{0,500}?\bsmtps?://|\bSend-MailMessage\b|\.sendMail\s*\(|\byagmail\.SMTP\b"
        + @"|\bmethod[""']?\s*[:=]\s*[""'](?:POST|PUT)[""']|\b(?:curl|wget)\b[^\n]{0,500}?https?://[^\s""'`]*[?&][\w-]+=(?:\$\(|\$\{?\w*(?:TOKEN|KEY|SECRET|PASS|CRED|AUTH)\w*\}?)|\bsend\b[^\n]{0,80}?\s--to[\s=]+[""']?[\w.+-]+@[\w-]+\."
        + @"|\bgit\s+(?:-c\s+\S+\s+)*push\b[^\n]{0,200}?\s[""']?(?:https?://|ssh://|git@)[\w.-]+"
        + @"|\bgh\s+(?:issue|pr)\s+(?:comment|create|edit|review)\b[^\n]{0,300}?\s(?:--body-file|-F)\b|\bgh\s+gist\s+(?:create|edit)\b|\bgh\s+release\s+(?:upload|create)\b|\bgh\s+api\s+(?!graphql\b)[^\n]{0,300}?\s(?:--input|-F|--field|-f|--raw-field)\s"
        + @"|(?-i:\.(?:Post|PostForm|PostAsync|PutAsync|PostAsJsonAsync|PutAsJsonAsync)\s*\((?<=\b[a-z]\w{0,40}\.\w+\s*\())|\bNet::HTTP(?:\.post(?:_form)?\b|::(?:Post|Put)\.new\b)|\.sendall\s*\(", I | RegexOptions.Multiline)]
    private static partial Regex NetworkSend();

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

    /// <summary>A shell fed a decoded or downloaded command through a here-string: <c>bash &lt;&lt;&lt; "$(echo … | base64 -d)"</c>, <c>sh &lt;&lt;&lt; "$(curl -s URL)"</c>.</summary>
    [GeneratedRegex(@"\b(?:ba|z|da|k)?sh\s+(?:-\w+\s+)*<<<\s*[""']?\$\((?:[^)\n]*\b(?:base64\s+(?:-d|-D|--decode)|xxd\s+-r|openssl\s+(?:base64|enc)\b[^)\n]*-d)|\s*(?:curl|wget)\b[^)\n]*)", I)]
    private static partial Regex HereStringShell();
}
