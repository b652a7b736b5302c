using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>Credentials named in code: paths held as data, every <c>.env</c> gathered by a walk, a command that prints a token.</summary>
public static partial class AuditSignals
{
    /// <summary>
    /// The whole environment gathered, or its secrets picked out by name: every variable walked (<c>os.environ.items()</c>,
    /// <c>Object.entries(process.env)</c>, <c>env::vars()</c>, <c>os.Environ()</c>, <c>ENV.each</c>, <c>%ENV</c>,
    /// <c>Get-ChildItem env:</c>, <c>printenv | grep</c>) and, within a few lines, a test for a name that holds a secret
    /// (TOKEN, SECRET, PASSWORD, KEY); or the whole environment serialised (<c>JSON.stringify(process.env)</c>,
    /// <c>json.dumps(dict(os.environ))</c>), or put whole under a key of a payload (<c>"env": dict(os.environ)</c>; a child
    /// process is given its environment as <c>env=</c>, not as a quoted key); or the environment less the names a test
    /// leaves out, where the program names the secrets it means to leave out (<c>{k: v for k, v in os.environ.items() if
    /// not k.endswith(("PASSWORD",))}</c>): what is left holds the keys the test did not think of. A program that reads its own key asks for it by name (<c>os.environ["X_KEY"]</c>).
    /// </summary>
    [GeneratedRegex(@"(?:\bos\.environ\.items\s*\(\s*\)|\bfor\s+\w+(?:\s*,\s*\w+)?\s+in\s+(?:dict\s*\(\s*)?os\.environ\b(?!\s*[\[.])|\bObject\.(?:entries|keys)\s*\(\s*process\.env\s*\)|\bfor\s*\(\s*(?:const|let|var)\s+\w+\s+in\s+process\.env\s*\)|\benv::vars(?:_os)?\s*\(\s*\)|(?<!append\s*\(\s*)\bos\.Environ\s*\(\s*\)|(?-i:\bENV\.(?:each|each_pair|select|filter|to_h|keys|map)\b)|\bkeys\s*\(?\s*%ENV\b|\bGet-ChildItem\s+env:|\bdir\s+env:|\bGetEnvironmentVariables\s*\(|\b(?:printenv|env)\s*\|\s*(?:grep|egrep|awk|sed)\b)[\s\S]{0,300}?(?-i:TOKEN|SECRET|PASSW|API_?KEY|[""'/|(]KEY[""'/|)_])"
        + @"|(?:\{\s*\w+\s*:\s*\w+\s+for\s+\(?\w+\s*,\s*\w+\)?\s+in\s+os\.environ\.items\s*\(\s*\)\s+if\s+(?:not\b|\w+\s+not\s+in\b)|\bObject\.entries\s*\(\s*process\.env\s*\)\s*\.filter\s*\(\s*\(?\s*\[\s*\w+[^)\n]{0,20}\)?\s*=>\s*(?:!|\w+\s*!==?))(?<=(?-i:PASSW|SECRET|TOKEN|SENSITIVE|REDACT|PRIVATE)[\s\S]{0,800})"
        + @"|\bJSON\.stringify\s*\(\s*(?:\{\s*\.\.\.\s*)?process\.env\s*[,)}]|\bjson\.dumps?\s*\(\s*(?:dict\s*\(\s*|\{\s*\*\*\s*)?os\.environ\b(?!\s*[\[.])"
        + @"|[""'](?:env|environ|environment)[""']\s*(?::|=>)\s*(?:dict\s*\(\s*os\.environ\s*\)|\{\s*\*\*\s*os\.environ\s*[,}]|os\.environ\s*[,}\n]|ENV\.to_h\b|\\?%ENV\b|\{\s*%ENV\s*\})", I)]
    private static partial Regex EnvSecrets();

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

        if (InDenyList(text, match.Index))
        {
            return null;
        }

        // The agent's config by its file name alone is a target where the file names a collection endpoint too, or where
        // it names the agent's folder and, beside this name, another of its stores (joined to it: path.join(dir, ".env")).
        var near = Math.Max(0, match.Index - 2048);
        var joinsAgentFolder = AgentFolderSegment().IsMatch(text.AsSpan(near, Math.Min(text.Length, match.Index + match.Length + 2048) - near));
        if (BareAgentConfig().IsMatch(match.Value))
        {
            if (PerText.Ask(text, "exfil-sink", t => ExfilSink().IsMatch(t)))
            {
                return AuditSeverity.Low;
            }

            if (!joinsAgentFolder)
            {
                return null;
            }
        }
        else if (!PointedAt().IsMatch(match.Value) || WalkedFolder(text, match))
        {
            return AuditSeverity.Low;
        }

        // Three lines either side, at most 2 KiB each way (a one-line file is not read back to its start for each match).
        var floor = Math.Max(0, match.Index - 2048);
        var start = match.Index;
        for (var i = 0; i < 3 && start > floor; i++)
        {
            start = text.LastIndexOf('\n', start - 1, start - floor);
        }

        var ceiling = Math.Min(text.Length, match.Index + match.Length + 2048);
        var end = match.Index + match.Length;
        for (var i = 0; i < 3 && end >= 0 && end < ceiling - 1; i++)
        {
            end = text.IndexOf('\n', end + 1, ceiling - end - 1);
        }

        start = Math.Max(start, floor);
        end = end < 0 ? ceiling : Math.Min(end, ceiling);
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
    /// A cloud SDK's session keys taken out as values (boto3's <c>get_frozen_credentials()</c>, <c>.get_credentials().secret_key</c>,
    /// the JavaScript SDK's <c>credentials.secretAccessKey</c>, Go's <c>Credentials.Retrieve(</c>): a client signs its own
    /// requests without them, so a program that holds them has somewhere else to put them.
    /// </summary>
    [GeneratedRegex(@"\bget_frozen_credentials\s*\(|\.get_credentials\s*\(\s*\)\s*\.\s*(?:secret_key|token)\b|\bcredentials\.secretAccessKey\b|\.Credentials\.Retrieve\s*\(", RegexOptions.CultureInvariant)]
    private static partial Regex SessionKeys();

    /// <summary>A program that names only AWS's own API hosts (<c>*.amazonaws.com</c>) signs its requests there by hand; a Lambda function URL (<c>*.on.aws</c>) is anyone's.</summary>
    public static AuditSeverity? JudgeSessionKeys(string text, Match match) =>
        PerText.Ask(text, "aws-only", t => Regex.Matches(t, @"\bhttps?://(?<host>[\w.-]+)", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking).Select(m => m.Groups["host"].Value).Take(256).ToList() is { Count: > 0 } hosts
                && hosts.All(h => h.EndsWith(".amazonaws.com", StringComparison.OrdinalIgnoreCase) || h.EndsWith(".amazon.com", StringComparison.OrdinalIgnoreCase)))
            // Keys handed to a tool's environment (terraform, the AWS CLI) are used there: AWS_SECRET_ACCESS_KEY set for a child.
            || PerText.Ask(text, "aws-env-export", t => Regex.IsMatch(t, @"[""']?AWS_SECRET_ACCESS_KEY[""']?\s*[:=\]]", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking))
            ? null : AuditSeverity.Low;

    /// <summary>
    /// A folder of keys held in a variable (<c>let ssh = home.join(".ssh")</c>, <c>aws_dir = Path.home() / ".aws"</c>) that the
    /// file then lists or walks (<c>fs::read_dir(&amp;ssh)</c>, <c>os.listdir(aws_dir)</c>, <c>readdirSync(ssh)</c>): every key in it gathered,
    /// not one a tool is pointed at.
    /// </summary>
    private static bool WalkedFolder(string text, Match match)
    {
        if (!KeyFolder().IsMatch(match.Value) || LineJudges.AssignedNameAt(text, match.Index) is not { Success: true } assigned)
        {
            return false;
        }

        var name = Regex.Escape(assigned.Groups["name"].Value);
        return PerText.Ask(text, "walked:" + name, t => Regex.IsMatch(t, @"\b(?:read_dir|listdir|scandir|walk|readdirSync|readdir|ReadDir|iterdir|rglob|glob|Get-ChildItem|EnumerateFiles|GetFiles|Dir\.(?:glob|children|entries|each_child))\s*\(\s*&?\s*" + name + @"\b|\b" + name + @"\b\)?\s*\.\s*(?:iterdir|rglob|glob|walk|read_dir|children|each_child)\s*\(",
            RegexOptions.CultureInvariant | RegexOptions.NonBacktracking));
    }

    [GeneratedRegex(@"[""'`/\\]\.(?:ssh|aws|gnupg|kube)[/\\]?[""'`]$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyFolder();

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
    /// secret key or exported credentials, 1Password's <c>op read</c> and <c>op item get --reveal</c>, OpenClaw's own tokens,
    /// kubectl's <c>config view --raw</c> taken in a command substitution (the cluster's certificates and tokens).
    /// Where it goes is judged by <see cref="TokenSources.Judge"/>.
    /// </summary>
    [GeneratedRegex(@"\bgh" + Arg + @"auth" + Arg + @"token\b|\bgcloud" + Arg + @"auth" + Arg + @"(?:application-default" + Arg + @")?print-(?:access|identity)-token\b|\baz" + Arg + @"account" + Arg + @"get-access-token\b"
        + @"|\baws" + Arg + @"configure" + Arg + @"(?:get" + Arg + @"(?:aws_secret_access_key|aws_session_token)\b|export-credentials\b)|\bop" + Arg + @"(?:read" + Arg + @"op://|item" + Arg + @"get\b[^\n]*--reveal\b)"
        + @"|\bopenclaw" + Arg + @"config" + Arg + @"get" + Arg + @"[\w.-]*(?:token|key|secret|password)"
        + @"|(?:\$\(|`)\s*kubectl" + Arg + @"config" + Arg + @"view\b[^\n|;&)]{0,80}?--raw\b", I)]
    private static partial Regex TokenPrint();

    /// <summary>
    /// kubectl printing the cluster's credentials (<c>kubectl config view --raw</c>, also as <c>"$KUBECTL"</c>) as a
    /// command of its own. Where its output goes is judged by <see cref="JudgeKubeconfigPrint"/>.
    /// </summary>
    [GeneratedRegex(@"(?:^|[\s;&|({])[""']?(?:kubectl|\$\{?KUBECTL\}?)[""']?\s+config\s+view\b[^\n|;&)]{0,80}?--raw\b", I | RegexOptions.Multiline)]
    private static partial Regex KubeconfigPrint();

    /// <summary>
    /// A raw kubeconfig is read for sending when its command pipes, through filters, into a network command on the same
    /// line (<c>kubectl config view --raw | base64 | curl -d @- …</c>), or sits in a group whose output goes into one a few
    /// lines below (<c>{ …; kubectl config view --raw; } | curl …</c>). Saved to a file or shown, it is a backup or a look.
    /// </summary>
    public static AuditSeverity? JudgeKubeconfigPrint(string text, Match match)
    {
        var end = text.IndexOf('\n', match.Index + match.Length);
        end = end < 0 ? text.Length : end;
        if (PipedToSender().IsMatch(text.AsSpan(match.Index + match.Length, end - match.Index - match.Length)))
        {
            return AuditSeverity.Low;
        }

        for (var n = 0; n < 12 && end < text.Length; n++)
        {
            var next = text.IndexOf('\n', end + 1);
            next = next < 0 ? text.Length : next;
            var line = text.AsSpan(end + 1, Math.Max(0, next - end - 1));
            if (GroupPipedToSender().IsMatch(line))
            {
                return AuditSeverity.Low;
            }

            // The group closed without a send, or a new function began.
            if (GroupEnd().IsMatch(line))
            {
                return null;
            }

            end = next;
        }

        return null;
    }

    [GeneratedRegex(@"\|[^\n]*?\b(?:curl|wget|nc|ncat|socat|http|https|xh)\b", I)]
    private static partial Regex PipedToSender();

    [GeneratedRegex(@"^\s*[})]\s*(?:2>\S+\s*)?\|[^\n]*?\b(?:curl|wget|nc|ncat|socat|http|https|xh)\b", I)]
    private static partial Regex GroupPipedToSender();

    [GeneratedRegex(@"^\s*[})]|^\s*(?:function\s+)?[\w-]+\s*\(\)\s*\{?\s*$", I)]
    private static partial Regex GroupEnd();

    /// <summary>
    /// A request of any method (<c>fetch(</c>, <c>requests.get(</c>, <c>http.NewRequest(</c>, <c>file_get_contents("https://…</c>)
    /// in a program that gathers credentials from other tools' stores (a list of <c>~/.npmrc</c>, <c>~/.netrc</c>, gh's
    /// <c>hosts.yml</c>, a browser's or wallet's store): the credentials need no body to leave, a header, a cookie, a
    /// User-Agent or a query string carries them as well. Judged by <see cref="JudgeRequestBesideCredentials"/>.
    /// </summary>
    [GeneratedRegex(@"\bfetch\s*\(|\baxios(?:\.(?:get|request|head))?\s*\(|\bhttps?\.(?:get|request)\s*\(|\brequests\.(?:get|head|request)\s*\(|\burlopen\s*\(|\bhttpx\.(?:get|head|request)\s*\("
        + @"|\burllib\.request\.Request\s*\(|\bhttp\.(?:Get|Head|NewRequest(?:WithContext)?)\s*\(|\bcurl_init\s*\(|\bfile_get_contents\s*\([^)\n]*?(?:https?://|::(?:API|URL|ENDPOINT)\b|\$(?:url|api|endpoint)\b)"
        + @"|\bNet::HTTP\.(?:get|get_response|start)\b|\bURI\.open\s*\(|\breqwest::(?:blocking::)?get\s*\(|\bInvoke-(?:RestMethod|WebRequest)\b", I)]
    private static partial Regex RequestCall();

    /// <summary>
    /// A request counts as a send where its program also gathers credentials (a credential path that counts by
    /// <see cref="JudgeHeldPath"/>, in a program that reads files' contents, not only tests that they exist) and the request itself goes to a host that is none of the credentials' own services
    /// (a registry, a code host, a cloud's API, a model vendor): a URL on its line, or a constant its line uses
    /// (<c>fetch(`${CACHE_API}?url=…`, { headers: { "User-Agent": ua } })</c> beside three token files).
    /// </summary>
    public static AuditSeverity? JudgeRequestBesideCredentials(string text, Match match)
    {
        var end = match.Index;
        for (var n = 0; n < 3 && end >= 0 && end < text.Length; n++)
        {
            end = text.IndexOf('\n', end + 1);
        }

        end = end < 0 ? text.Length : end;
        var call = text.AsSpan(match.Index, Math.Min(end - match.Index, 600)).ToString();
        var hosts = LiteralHost().Matches(call).Select(m => m.Groups["host"].Value).ToList();
        if (hosts.Count == 0)
        {
            var constants = PerText.Get(text, "host-constants", HostConstants);
            hosts = Identifier().Matches(call).Select(m => m.Value).Distinct().Where(constants.ContainsKey).Select(n => constants[n]).ToList();
        }

        return hosts.Any(Foreign) && PerText.Ask(text, "reads-files", t => AuditContext.ReadsFiles(t) || OtherReads().IsMatch(t)) && PerText.Ask(text, "gathers-credentials", GathersCredentials) ? AuditSeverity.Low : null;
    }

    /// <summary>Reads <see cref="AuditContext.ReadsFiles"/> does not know: Perl's <c>open my $fh, …</c>, Rust's <c>fs::read(</c>, a slurp, <c>readlines</c>.</summary>
    [GeneratedRegex(@"\bopen\s+(?:my\s+)?\$\w+|\bfs::read\b|\bslurp\b|\breadlines\b", RegexOptions.CultureInvariant)]
    private static partial Regex OtherReads();

    /// <summary>Names given a URL or a host in the file (<c>CACHE_API = 'https://api.x.dev/v1'</c>, <c>const MIRROR = 'x.dev'</c>), the first 256.</summary>
    private static Dictionary<string, string> HostConstants(string text)
    {
        var constants = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in HostConstant().Matches(text).Take(256))
        {
            constants.TryAdd(m.Groups["name"].Value, m.Groups["host"].Value);
        }

        return constants;
    }

    [GeneratedRegex(@"\b(?<name>[A-Za-z_]\w{1,63})\s*(?::\s*[\w.<>\[\]]+\s*)?:?=\s*[""'`](?:https?://)?(?<host>[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})(?=[/:""'`?])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HostConstant();

    [GeneratedRegex(@"[A-Za-z_]\w{1,63}", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();

    private static bool GathersCredentials(string text)
    {
        var found = 0;
        foreach (Match held in HeldCredentialPath().Matches(text))
        {
            if (++found > 256)
            {
                return false;
            }

            if (JudgeHeldPath(text, held) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A host that belongs to none of the credentials' services; a tenant's host on a cloud (a function, an app, a bucket, a worker) is anyone's.</summary>
    private static bool Foreign(string host) =>
        AnyonesHosts.Any(h => host.EndsWith(h, StringComparison.OrdinalIgnoreCase))
        || !CredentialServices.Any(own => host.Equals(own, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + own, StringComparison.OrdinalIgnoreCase));

    /// <summary>Suffixes under which anyone can run a host: serverless functions, app platforms, storage buckets, workers.</summary>
    private static readonly string[] AnyonesHosts =
    [
        ".azurewebsites.net", ".run.app", ".appspot.com", ".cloudfunctions.net", ".blob.core.windows.net", ".web.core.windows.net", ".execute-api.amazonaws.com",
        ".lambda-url.amazonaws.com", ".on.aws", ".s3.amazonaws.com", ".workers.dev", ".pages.dev", ".vercel.app", ".netlify.app", ".herokuapp.com", ".firebaseapp.com", ".web.app",
    ];

    /// <summary>The services whose credentials a host keeps (code hosts, package registries, clouds, model vendors, whose keys OpenClaw's config holds), where those credentials are used, plus this machine.</summary>
    private static readonly string[] CredentialServices =
    [
        .. TokenSources.All.SelectMany(s => s.Hosts), .. ProviderRedirects.ModelVendors, "gitlab.com", "bitbucket.org", "npmjs.org", "npmjs.com", "yarnpkg.com", "pypi.org", "pythonhosted.org",
        "crates.io", "rubygems.org", "packagist.org", "docker.io", "docker.com", "quay.io", "hashicorp.com", "terraform.io", "0.0.0.0", "[::1]",
    ];

    [GeneratedRegex(@"[""'`]https?://(?<host>[\w-]+(?:\.[\w-]+)+|localhost)\b", I)]
    private static partial Regex LiteralHost();

    /// <summary>OpenClaw's stores beside its config (<c>.clawdbot</c> and <c>.moltbot</c> are its former names): as a target, not as a skill's own subfolder.</summary>
    private const string AgentStores = @"\.(?:openclaw|clawdbot|moltbot)" + AuditRules.PathSep + @"(?:(?:openclaw|clawdbot|moltbot)\.json|credentials|agents|\.env|secrets\.json)|auth-profiles\.json";

    /// <summary>
    /// A credential path held as a quoted string, the whole string, or as a shell word (<c>for f in ~/.ssh/id_rsa ~/.openclaw/.env</c>,
    /// <c>for d in .openclaw .ssh</c>, Perl's <c>qw(.netrc .pgpass)</c>) (a skill's own file under a credential folder is
    /// not one): <c>"~/.aws/credentials"</c>, <c>'.openclaw/openclaw.json'</c>, <c>"~/.ssh"</c>, <c>'.ssh', 'id_rsa'</c>, and the agent's
    /// config by its file name alone (<c>['.env', 'openclaw.json']</c>, joined to the folder elsewhere).
    /// </summary>
    [GeneratedRegex(@"[""'`](?:[^""'`\n]*?[/\\])?(?:" + AuditRules.CredentialStores + "|" + AuditRules.CloudTokenCaches + "|" + AuditRules.ToolTokenStores + "|" + AgentStores + "|" + AuditRules.SshKeyName + @"|\.ssh|\.aws|\.kube|(?:openclaw|clawdbot|moltbot|auth-profiles)\.json)[/\\]?[""'`]"
        + @"|(?<=\b(?:for\s+\w+\s+in\s[^\n;]{0,400}?(?<=\s)|qw\s*[(\[{/][^)\]}\n]{0,400}?(?<=[\s(\[{/])))(?:(?:~|\$HOME|\$\{HOME\})/(?:[^\s""'`;|&)]*?/)?)?(?:" + AuditRules.CredentialStores + "|" + AuditRules.ToolTokenStores + "|" + AgentStores + "|" + AuditRules.SshKeyName + @"|\.ssh|\.aws|\.kube|\.gnupg|\.(?:openclaw|clawdbot|moltbot))/?(?=[\s;|&)\]}]|$)", I | RegexOptions.Multiline)]
    private static partial Regex HeldCredentialPath();

    /// <summary>
    /// Paths held in a list named for keeping out (<c>DENY = [Path.home() / ".ssh", …]</c>, <c>BLOCKED_PATHS</c>,
    /// <c>EXCLUDED_DIRS</c>) that the program uses as a guard (<c>if any(str(p).startswith(str(d)) for d in DENY)</c>,
    /// <c>DENY.has(p)</c>, <c>if p in DENY</c>, a loop over it that tests each and refuses): what it refuses. A list so named that nothing tests against is a list of targets.
    /// </summary>
    internal static bool InDenyList(string text, int offset)
    {
        var lineStart = offset == 0 ? 0 : text.LastIndexOf('\n', offset - 1, Math.Min(offset, 400)) + 1;
        if ((lineStart == 0 && offset >= 400) || DenyList().Match(text, lineStart, offset - lineStart) is not { Success: true } list)
        {
            return false;
        }

        var name = Regex.Escape(list.Groups["name"].Value);
        return PerText.Ask(text, "deny-guard:" + name, t => Regex.IsMatch(t, @"\b(?:if|elif|and|or|not|assert|return|unless)\b[^\n]{0,80}?\bin[ \t]+" + name + @"\b|\b" + name + @"\.(?:has|includes|contains|some|any|__contains__|Contains|Any|include\?)[ \t]*\(|\bfor[ \t]+\w+[ \t]+in[ \t]+" + name + @"\b[^\n]{0,120}?\b(?:startswith|is_relative_to|relative_to|commonpath)\b|\bfor[ \t]+(?<each>\w+)[ \t]+in[ \t]+" + name + @"\b[^\n]*\n[^\n]*\bif\b[^\n]*\b\k<each>\b[^\n]*(?:\n[^\n]*)?\b(?:exit|raise|throw|return|continue|abort|die)\b|\b(?:any|all)[ \t]*\([^\n]{0,160}?\b" + name + @"\b|\b" + name + @"\.(?:some|every|find)\b", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
    }

    /// <summary>A list assigned to a name for what is kept out (a word of the name: <c>DENY</c>, <c>BLOCKED_PATHS</c>, <c>excluded_dirs</c>), with the path among its first items.</summary>
    [GeneratedRegex(@"^[ \t]*(?:(?:const|let|var|my|final|static|private|readonly)[ \t]+)*\$?(?<name>(?:[A-Za-z0-9]+_)*(?i:deny|denied|denylist|block|blocked|blocklist|blacklist|exclude|excluded|excludes|exclusions|forbidden|refused|disallowed)(?:_[A-Za-z0-9]+)*)[ \t]*(?::[^=\n]{1,40})?=[ \t]*(?:new[ \t]+Set[ \t]*\([ \t]*|frozenset[ \t]*\([ \t]*|set[ \t]*\([ \t]*)?[\[({][^\n]{0,200}$", RegexOptions.CultureInvariant)]
    private static partial Regex DenyList();

    [GeneratedRegex(@"\.ssh|\.aws|\.kube|\.docker|gcloud|\.(?:openclaw|clawdbot|moltbot)|auth-profiles|\.gnupg|\.password-store|\.netrc|\.npmrc|\.pypirc|\.pgpass|\.my\.cnf|rclone|\.yarnrc|hosts\.yml|\.cargo|\.vault-token|\.terraform|\.gem|composer|\.git-credentials|solana", I)]
    private static partial Regex PointedAt();

    /// <summary>A line of ssh, scp, rsync or git that ends in a key path given to sign in with: <c>-i ~/.ssh/id_x</c>, <c>IdentityFile=…</c>.</summary>
    [GeneratedRegex(@"\b(?:ssh|scp|sftp|rsync|git)\b[^\n]*(?:\s-i\s*|IdentityFile[\s=]+)[""']?[^\s""']*\.ssh[/\\][^\s""'`]*[""'`]?$", I)]
    private static partial Regex IdentityFlag();
}
