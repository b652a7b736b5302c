using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>Where credentials live (OpenClaw's, SSH, cloud CLIs', browsers', chat apps', wallets), the credential-read pattern built from them, and the environment taken whole.</summary>
public static partial class AuditRules
{
    /// <summary>A separator between path segments, also as code joins them: <c>/</c>, <c>\</c>, <c>", "</c> (os.path.join), <c>" / "</c> (pathlib).</summary>
    internal const string PathSep = @"(?:/|\\{1,2}|[""'`]\s*[,/+]\s*[""'`])";

    /// <summary>
    /// An SSH private key: <c>id_rsa</c>, <c>id_ed25519</c>, <c>identity</c>, never the public half (<c>id_rsa.pub</c>,
    /// uploaded to GitHub every day). Written without lookarounds, for the linear-time engine: the name ends at a
    /// character that cannot continue it, or at a dot that does not start "pub". A file of <c>~/.ssh</c> named by a variable
    /// or a glob (<c>cat ~/.ssh/$k</c> in a loop, <c>~/.ssh/*</c>, <c>~/.ssh/id_*</c>) is every key there, unless it ends in <c>.pub</c>.
    /// </summary>
    internal const string SshPrivateKey = "(?:" + SshKeyName + @"(?:[^\w.]|$|\.$|\.(?:[^p]|p[^u]|pu[^b]))|\.ssh" + PathSep + @"(?:\$\{\w+\}|\$\w+|(?:id_)?\*)(?:[^\w.*}]|$))";

    /// <summary>An SSH key's name, public or private: only where something ends it (a closing quote) does it name the private key.</summary>
    internal const string SshKeyName = @"\.ssh" + PathSep + @"(?:id_[a-z0-9_]+|identity)";

    /// <summary>Files and stores that hold credentials (all but SSH keys, see <see cref="SshPrivateKey"/>): OpenClaw's, cloud CLIs', Git's, GnuPG's, browsers', chat apps', wallets, keychains.</summary>
    /// <summary>
    /// The agent's own env file (<c>~/.openclaw/.env</c>, "the <c>.env</c> files under <c>~/.openclaw/</c>"): where a
    /// skill reads its one key it is configuration, so it counts only as an item a list gathers (<see cref="AuditSignals"/>).
    /// </summary>
    internal const string AgentEnvFiles = @"\.openclaw" + PathSep + @"\.env(?:[^\w.-]|$)|\.openclaw[/\\]?[`'""]?[ \t][^\n`'""]{0,40}?[`'""]?\.env(?:[^\w.-]|$)";

    internal const string CredentialStores =
        @"\.openclaw" + PathSep + @"(?:openclaw\.json|credentials|agents|secrets\.json|exec-approvals\.json)|auth-profiles\.json|\.aws" + PathSep + @"credentials|\.config" + PathSep + @"gcloud|\.kube" + PathSep + @"config|\.docker" + PathSep + @"config\.json"
        + @"|\.netrc\b|\.git-credentials|\.gnupg\b|\.password-store|/etc/shadow\b|Login Data\b|cookies\.sqlite|\bkey[34]\.db\b|\blogins\.json\b|\.mozilla/firefox|google-chrome/|BraveSoftware|Library/Keychains|login\.keychain"
        + "|" + AppTokenStores + "|" + BrowserStores + "|" + WalletStores + "|" + Histories;

    /// <summary>
    /// Google Cloud's and Azure's sign-in caches by file name (the refresh tokens behind <c>gcloud</c> and <c>az</c>): a
    /// program that holds them among other credential paths gathers sign-ins. Kept apart from <see cref="CredentialStores"/>,
    /// whose every use is a linear-time automaton near its size limit.
    /// </summary>
    internal const string CloudTokenCaches = @"gcloud" + PathSep + @"(?:application_default_credentials\.json|credentials\.db|access_tokens\.db|legacy_credentials)|\.azure" + PathSep + @"(?:msal_token_cache\.(?:json|bin)|accessTokens\.json|service_principal_entries\.json)";

    /// <summary>Package registries', code hosts', databases' and infrastructure tools' token and password files: each names one credential, a list of them names many.</summary>
    internal const string ToolTokenStores = @"\.npmrc\b|\.pypirc\b|\.yarnrc\.yml\b|gh" + PathSep + @"hosts\.yml|\.cargo" + PathSep + @"credentials(?:\.toml)?|\.vault-token\b|\.terraform\.d" + PathSep + @"credentials\.tfrc\.json|\.gem" + PathSep + @"credentials|composer" + PathSep + @"auth\.json|\.pgpass\b|\.my\.cnf\b|rclone" + PathSep + @"rclone\.conf";

    /// <summary>Shell and database clients' histories: tokens and passwords typed on command lines stay in them.</summary>
    private const string Histories = @"\.(?:bash|zsh|sh|psql|mysql|python|node_repl|sqlite|rediscli|irb)_history\b|\bfish_history\b|PSReadLine" + PathSep + @"ConsoleHost_history";

    /// <summary>
    /// Chat apps' sessions: Discord's (and its Canary and PTB builds') and any Chromium or Electron app's Local Storage,
    /// Telegram Desktop's tdata, Slack's cookies and storage. Whoever copies them is logged in as the user.
    /// </summary>
    private const string AppTokenStores =
        @"discord(?:canary|ptb|development)?" + PathSep + @"Local Storage\b|Local Storage" + PathSep + @"leveldb\b|telegram[ _-]?desktop" + PathSep + @"tdata\b|\bSlack" + PathSep + @"(?:Cookies|storage|Local Storage)\b";

    /// <summary>Chromium browsers' key (Local State) and the stores it decrypts (saved logins, autofill and cards, cookies), in a profile folder.</summary>
    private const string BrowserStores =
        @"(?:User Data|Default|Profile \d+|Chrome|Chromium|Brave-Browser|Edge|Opera Stable|Vivaldi)" + PathSep + @"(?:Local State|Login Data|Web Data|(?:Network" + PathSep + @")?Cookies)\b";

    /// <summary>The ids of <see cref="WalletExtensions"/> as a pattern (a regular expression's source must be a constant).</summary>
    internal const string WalletExtensionIds =
        "nkbihfbeogaeaoehlefnkodbefgpgknn|bfnaelmomeimhlpmgjnjophhpkkoljpa|bhhhlbepdkbapadjdnnojkbgioiodbic|hnfanknocfeofbddgcijnmhnfnkdnaad|"
        + "egjidjbpglichdcondbcbdnbeeppgdph|fhbohimaelbohpjbbldcngcnapndodjp|fnjhmkhhmkbjkkabndcnnogagogbneec|ibnejdfjmmkpcnlpebklmnkoeoihofec|"
        + "dmkamcknogkgcdfhhbddcghachkejeap|acmacodkjbdgmoleebolmdjonilkdbch|mcohilncbfahbmgdjkbpemcciiolgcge";

    /// <summary>Wallet files: extension vaults, Solana's CLI keypair, Exodus's and Electrum's wallets, Bitcoin Core's wallet.dat, Ethereum's keystore.</summary>
    private const string WalletStores =
        WalletExtensionIds + @"|solana" + PathSep + @"id\.json\b|exodus\.wallet\b|electrum" + PathSep + @"wallets\b|\bwallet\.dat\b|\.ethereum" + PathSep + @"keystore\b|keystore" + PathSep + @"UTC--";

    /// <summary>A flag that hands a file to a request or a message: <c>-T FILE</c>, <c>--upload-file</c>, <c>-InFile</c>, <c>--attach</c>, <c>-Attachments</c>, mutt's and mail's <c>-a</c>.</summary>
    private const string UploadFlag = @"(?:\s-T|--(?:upload-file|post-file|body-file|attach(?:ment)?)|\s-InFile|\s-Attachments?|\b(?:(?:neo)?mutt|mailx?|s-nail)\b[^\n]*?\s-[aA])[\s=]*";

    /// <summary>
    /// Where a command uploads a file: <c>-F f=@FILE</c>, <c>-F "f=&lt;FILE"</c>, <c>--data-binary @FILE</c>, httpie's
    /// <c>field@FILE</c>, or an <see cref="UploadFlag"/>; the path follows at once (quoted, it may hold spaces).
    /// </summary>
    private const string UploadOf = @"(?:(?:=[@<]|[""']@)[^\n""'|;&<>@]*?|(?:[\w\s]@|" + UploadFlag + @")(?:""[^""\n]*?|'[^'\n]*?|[^\s""'|;&<>@]*?))";

    /// <summary>
    /// A credential read: a read verb and a credential path on one line, a file uploaded from a credential path (a read and
    /// a send in one), a whole folder of keys (<c>~/.ssh/</c>, <c>~/.aws</c>) archived or copied, or a keychain lookup.
    /// </summary>
    [GeneratedRegex(@"(?:\b(open|read|readFileSync|readFile|read_text|read_bytes|createReadStream|ReadAllBytes|ReadAllText|Get-Content|cat|less|head|tail|cp|scp|rsync|tar|zip|base64|expanduser|Path|sqlite3|connect|Glob|glob|iglob|Dir\.glob|find-generic-password|find-internet-password|dump-keychain)\b[^\n]*|" + UploadOf + ")(?:" + CredentialStores + "|" + SshPrivateKey + @")|\b(?:tar|zip|7z|cp|scp|rsync|rclone|base64)\b[^\n]*?(?:~|\$HOME|\$\{HOME\}|/root|/home/[\w.-]+)/\.(?:ssh|aws)/?(?:[\s""'`;)|&]|$)|\bsecurity\s+(find-generic-password|find-internet-password|dump-keychain)\b|\bsecret-tool\s+lookup\b", I)]
    private static partial Regex CredentialRead();

    /// <summary>
    /// Package registries' and GitHub CLI's token files read, copied or handed to a request (<c>curl --data-urlencode
    /// "c@$HOME/.cargo/credentials.toml"</c>, make's <c>$(wildcard …)</c>): a publish token is a supply-chain key.
    /// </summary>
    [GeneratedRegex(@"(?:\b(?:open|read\w*|Get-Content|cat|less|head|tail|cp|scp|rsync|tar|zip|base64|wildcard|expanduser|Path|load)\b[^\n]*?|@[""']?[^\s""']{0,40}?)(?:\.cargo[/\\]credentials(?:\.toml)?|\.config[/\\]gh[/\\]hosts\.yml|\.pypirc|\.gem[/\\]credentials)\b", I)]
    private static partial Regex RegistryTokenRead();

    /// <summary>An archive or copy command (at a line's start) whose credential path is on one of its next eight continuation lines (<c>tar czf x.tgz \</c> then the paths).</summary>
    [GeneratedRegex(@"^[ \t]*(?:sudo[ \t]+)?(?:tar|zip|7z|cp|rsync|scp|cat)\b[^\n]*\\\r?\n(?:[^\n]*\\\r?\n){0,8}?[^\n]*?(?:" + CredentialStores + "|" + SshPrivateKey + @")", I | RegexOptions.Multiline)]
    private static partial Regex CredentialReadContinued();

    /// <summary>
    /// The whole environment sent: <c>env | curl …</c>, <c>json.dumps(dict(os.environ))</c>, <c>JSON.stringify(process.env)</c>,
    /// PowerShell's <c>Get-ChildItem env:</c> piped on, or a curl or wget whose data holds a command substitution that runs
    /// <c>env</c> (<c>--data "b=$( { uname -a; env; cat .env; } | gzip | base64)"</c>, as a script's variables put in show it:
    /// a variable that captured <c>env</c>'s output reads as <c>$(env)</c>), the data on the curl's line or a continued one.
    /// </summary>
    [GeneratedRegex(@"\b(printenv|env)\s*\|\s*(curl|nc|wget|base64)\b|\bjson\.dumps\s*\(\s*(dict\s*\()?\s*os\.environ\b|\bJSON\.stringify\s*\(\s*process\.env\s*\)|\bGet-ChildItem\s+env:[^\n]{0,100}\||\b(?:curl|wget)\b(?:[^\n]|\\\r?\n){0,300}?\s(?:-[a-zA-Z]*[dF]|--data[\w-]*|--json|--form|--post-data|--body-data)[ \t=""']?[^\n]{0,300}?\$\([ \t]*(?:[^\n)]{0,200}?[;{(&|][ \t]*)?(?:env|printenv)[ \t]*[;|)}]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EnvDump();

    /// <summary>
    /// The whole environment as a value (<c>env: process.env</c>, <c>{ ...process.env }</c>, <c>ENV.to_h</c>, <c>Deno.env.toObject()</c>, Java's <c>System.getenv()</c>,
    /// <c>"env": dict(os.environ)</c>): sent where the code posts nearby, handed to a child process where it spawns
    /// (judged by <see cref="LineJudges.JudgeEnvSent"/>).
    /// </summary>
    [GeneratedRegex(@"[\w""']\s*[:=]>?\s*(?:process\.env|\{\s*\.\.\.process\.env\s*\}|ENV\.to_h(?:ash)?|dict\s*\(\s*os\.environ\s*\)|\{\s*\*\*os\.environ\s*\}|Deno\.env\.toObject\s*\(\s*\)|System\.getenv\s*\(\s*\))\s*[,}\n;)]|\bENV\.to_h(?:ash)?\.to_json\b|\bObject\.entries\s*\(\s*process\.env\s*\)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EnvValue();
}
