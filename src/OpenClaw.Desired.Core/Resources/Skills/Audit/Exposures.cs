using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>
/// Exposures one setting makes, with no send the skill writes itself: credentials handed on to whatever host a redirect
/// names, a world-writable folder that code is loaded from, a cloud instance's role credentials read from its metadata
/// service by a program that posts elsewhere, a credential file opened to every user, TLS checks off where a key goes.
/// </summary>
public static partial class Exposures
{
    private const RegexOptions I = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    public static IReadOnlyList<AuditRule> Rules { get; } =
    [
        new("auth-follows-redirect", AuditSeverity.High, "sends the request's credentials on to whatever host a redirect names (CURLOPT_UNRESTRICTED_AUTH, curl --location-trusted, an auth-stripping hook turned off): the server, or anyone who can answer for it, hands the user's token or password to a host of its choosing", AuthFollowsRedirect()) { Judge = JudgeRedirect, Anchors = ["unrestricted_auth", "location-trusted", "should_strip_auth", "rebuild_auth", "checkredirect", "beforeredirect", "clear_authorization_header", "remove_headers_on_redirect", "preserveauthorizationonredirect"] },
        new("writable-code-path", AuditSeverity.High, "makes a folder writable by every user and loads code from it (first on sys.path, PATH, PYTHONPATH, NODE_PATH or LD_PRELOAD, or a script in it sourced by the shell): any local user or process that drops a module, a program or a script there runs it in the user's programs", CodePathFront()) { Judge = JudgeCodePath, CodeOnly = true, Anchors = ["sys.path", "path", "ld_preload", "rubylib", "perl5lib", "load_path", "@inc", "package.path", "source", ". "] },
        new("secret-file-opened", AuditSeverity.High, "gives a file that holds a credential (an API key, a token, a password) a mode that lets every local user write it, or read it: any of them can take the key or put their own in its place", SecretFileMode()) { Judge = JudgeSecretFileMode, CodeOnly = true, Anchors = ["chmod", "permissions", "writefile", "mode", "0o6", "0o7", "0666", "0644", "0664", "0777"] },
        new("tls-off-credential", AuditSeverity.High, "turns off TLS certificate checks, with no option to keep them, in a program that sends a credential: anyone on the network path can pose as the server and take the key", TlsOff()) { Judge = JudgeTlsOff, CodeOnly = true, Anchors = ["verify_none", "verify", "_create_unverified_context", "rejectunauthorized", "insecureskipverify", "ssl_verifypeer", "insecure", "servercertificatecustomvalidationcallback", "danger_accept_invalid_certs", "cert_none", "skipcertificatecheck", "curl", "no-check-certificate", "git_ssl_no_verify"] },
        new("instance-credentials-sent", AuditSeverity.High, "reads a cloud instance's role credentials from its metadata service (or walks the whole tree, credentials included) in a program that posts to a host of its own: the machine's cloud account goes with it", InstanceCredentials()) { Judge = JudgeInstanceCredentials, CodeOnly = true, Anchors = ["169.254.169.254", "169.254.170.2", "metadata.google.internal", "100.100.100.200", "aws_container_credentials", "fd00:ec2::254"] },
    ];

    /// <summary>
    /// A setting that keeps credentials on a redirect to another host: libcurl's <c>CURLOPT_UNRESTRICTED_AUTH</c> on
    /// (PHP, C, pycurl), curl's <c>--location-trusted</c>, PowerShell's <c>-PreserveAuthorizationOnRedirect</c>, urllib3's
    /// <c>remove_headers_on_redirect</c> emptied, Faraday's <c>clear_authorization_header: false</c>, a requests session
    /// whose <c>should_strip_auth</c> or <c>rebuild_auth</c> is overridden, a Go <c>CheckRedirect</c> or a Node
    /// <c>beforeRedirect</c> that writes the Authorization header (or copies the first request's headers) again.
    /// </summary>
    [GeneratedRegex(@"\bCURLOPT_UNRESTRICTED_AUTH\b[ \t]*(?:=>|,)[ \t]*(?:true|1L?|TRUE)\b|\b(?:pycurl|c|curl)\.UNRESTRICTED_AUTH\s*,\s*(?:1|True)\b|(?<![\w-])--location-trusted\b|-PreserveAuthorizationOnRedirect\b"
        + @"|\bremove_headers_on_redirect\s*=\s*(?:\[\s*\]|\(\s*\)|(?:frozen)?set\s*\(\s*\)|\{\s*\}|None)|\bclear_authorization_header\s*(?::|=>)\s*false\b"
        + @"|\bdef[ \t]+(?:should_strip_auth|rebuild_auth)[ \t]*\([^)\n]{0,120}\)[^:\n]{0,40}:(?:[ \t]*(?:#[^\n]*)?\n(?:[ \t]*(?:#[^\n]*|""""""[^\n]*"""""")?\n){0,4}?[ \t]+|[ \t]*)(?:return[ \t]+False\b|pass\b|return[ \t]*(?:None)?$|\.\.\.)"
        + @"|\b(?:CheckRedirect|beforeRedirect)\b\s*[:=]\s*(?:func\b|function\b|\(?[\w\s,:*.\[\]]{0,80}\)?\s*=>)[^{\n]{0,120}\{(?:[^{}]|\{[^{}]*\}){0,800}?(?:\.Header\.(?:Set|Add)\s*\(\s*""(?:Authorization|Cookie|X-Api-Key|Private-Token|Proxy-Authorization)""|\.Header\s*=\s*\w+\[0\]\.Header\b|range\s+\w+\[0\]\.Header\b|\bheaders\s*(?:\.\s*authorization|\[\s*['""`]authorization['""`]\s*\])\s*=(?!=)|\.auth\s*=(?!=))", I | RegexOptions.Multiline)]
    private static partial Regex AuthFollowsRedirect();

    /// <summary>
    /// A redirect hook that puts the header back only for the same host (<c>if req.URL.Host == via[0].URL.Host</c>)
    /// keeps what Go and Node do already; a flag the line turns off or an option the user opts into is no setting of the
    /// skill's. Elsewhere the credentials go wherever the server sends them.
    /// </summary>
    private static AuditSeverity? JudgeRedirect(string text, Match match)
    {
        if (LineJudges.JudgeNotNegated(text, match) is null)
        {
            return null;
        }

        if (match.Value.Contains('{') && SameHostTest().IsMatch(match.Value))
        {
            return null;
        }

        // curl's flag on a command line: credentials on that command (-u, a header, a token) make it a leak; with none the
        // flag sends nothing of the user's.
        if (match.Value.StartsWith("--location-trusted", StringComparison.OrdinalIgnoreCase))
        {
            return CredentialOnCommand().IsMatch(CommandAround(text, match.Index)) ? AuditSeverity.High : AuditSeverity.Low;
        }

        return AuditSeverity.High;
    }

    /// <summary>A test of the redirect's host against the first request's: <c>req.URL.Host == via[0].URL.Host</c>, <c>new URL(o.href).host === origin</c>.</summary>
    [GeneratedRegex(@"\b(?:Host|Hostname\(\)|hostname|host|origin)\s*(?:==|!=)|(?:==|!=)=?\s*[\w.\[\]()]*\b(?:Host|Hostname\(\)|hostname|host|origin)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SameHostTest();

    /// <summary>A credential on a curl command: <c>-u</c>/<c>--user</c>, an Authorization or API-key header, a bearer token, a netrc, a variable that names a token.</summary>
    [GeneratedRegex(@"(?:^|\s)(?:-u|--user|--oauth2-bearer|--netrc(?:-file)?|-n)\b|authorization\s*:|x-api-key\s*:|private-token\s*:|\bbearer\b|\$\{?\w*(?:TOKEN|PASSWORD|PASS|SECRET|API_?KEY|CRED)\w*", I | RegexOptions.Multiline)]
    private static partial Regex CredentialOnCommand();

    /// <summary>The command around an offset: its line and the lines a trailing backslash joins to it, before and after.</summary>
    private static string CommandAround(string text, int offset)
    {
        var start = offset == 0 ? 0 : text.LastIndexOf('\n', offset - 1) + 1;
        for (var i = 0; i < 8 && start > 1 && text.AsSpan(0, start - 1).TrimEnd('\r').EndsWith("\\"); i++)
        {
            start = text.LastIndexOf('\n', start - 2) + 1;
        }

        var end = text.IndexOf('\n', offset);
        for (var i = 0; i < 8 && end > 0 && text.AsSpan(0, end).TrimEnd('\r').EndsWith("\\"); i++)
        {
            end = text.IndexOf('\n', end + 1);
        }

        return text[start..(end < 0 ? text.Length : end)];
    }

    /// <summary>
    /// A folder put first on a path that code is loaded from: <c>sys.path.insert(0, d)</c>, <c>sys.path[:0] = [d]</c>,
    /// <c>$LOAD_PATH.unshift</c>, <c>unshift @INC</c>, <c>module.paths.unshift</c>, Lua's <c>package.path = d .. package.path</c>,
    /// or <c>PATH</c>, <c>PYTHONPATH</c>, <c>NODE_PATH</c>, <c>LD_LIBRARY_PATH</c>, <c>LD_PRELOAD</c>, <c>RUBYLIB</c>,
    /// <c>PERL5LIB</c> set with the folder first (or in full).
    /// </summary>
    [GeneratedRegex(@"\bsys\.path\.insert\s*\(\s*0\s*,|\bsys\.path\s*\[\s*(?:0\s*)?:\s*0\s*\]\s*=|\$LOAD_PATH\.unshift\b|\$:\.unshift\b|\bunshift\s*\(?\s*@INC\b|\bmodule\.paths\.unshift\s*\(|\bpackage\.c?path\s*=\s*[^\n]{1,200}?\.\.\s*package\.c?path\b|(?<![\w.-])(?:source|\.)[ \t]+(?:%s|[""']?(?:\$\{?[A-Za-z_]\w*\}?|/(?:tmp|var/tmp|dev/shm)/)[^\s;&|""']*)"
        + @"|(?-i:(?<![\w$.])(?:PYTHONPATH|NODE_PATH|LD_LIBRARY_PATH|LD_PRELOAD|RUBYLIB|PERL5LIB|RUBYOPT|NODE_OPTIONS|PATH))(?:[""']?\s*\]?\s*=(?!=)|[""']\s*(?::|=>))\s*[""'`]?(?!\$\{?(?:PATH|PYTHONPATH|NODE_PATH|LD_LIBRARY_PATH)\b)[^\s""'`;]{2,}", I)]
    private static partial Regex CodePathFront();

    /// <summary>
    /// High where the program makes a folder writable by every user (<c>chmod 1777</c>, <c>os.chmod(d, 0o1777)</c>,
    /// <c>mkdir -m 777</c>, <c>a+w</c>) and the folder put first on the path is a shared temporary one (<c>/tmp/…</c>,
    /// <c>/var/tmp</c>, <c>/dev/shm</c>) or the one made writable (a name on both lines). A folder of the user's own
    /// (<c>~/.local/bin</c>, <c>mkdtemp()</c>) is no exposure, nor a shared one no program opens up.
    /// </summary>
    private static AuditSeverity? JudgeCodePath(string text, Match match)
    {
        var facts = PerText.Get(text, "world-writable", t => new OpenedFolders(t));
        // A text of thousands of such lines costs no more than 256 judgements; its facts are worked out once.
        if (facts.Lines.Count == 0 || Interlocked.Increment(ref facts.Judged) > 256)
        {
            return null;
        }

        // The folder is the statement's: written on its line, or a name it uses that the program opens up or, on one of the
        // two lines before, assigns a shared temporary folder (d = "/tmp/share"; sys.path.insert(0, d)).
        var lineEnd = text.IndexOf('\n', match.Index + match.Length);
        var rest = match.Value + text[(match.Index + match.Length)..(lineEnd < 0 ? text.Length : lineEnd)];
        if (SharedTemp().IsMatch(LineJudges.LineOf(text, match.Index)))
        {
            return AuditSeverity.High;
        }

        var lineStart = match.Index == 0 ? 0 : text.LastIndexOf('\n', match.Index - 1) + 1;
        var from = lineStart;
        for (var i = 0; i < 2 && from > 1; i++)
        {
            from = text.LastIndexOf('\n', from - 2) + 1;
        }

        var before = text[from..lineStart].Split('\n');
        foreach (var name in Name().Matches(rest).Select(m => m.Value).Where(n => !CommonWord().IsMatch(n)).Distinct(StringComparer.Ordinal).Take(16))
        {
            if (name.Length >= 3 && facts.Names.TryGetValue(name, out var next) && (next is null || next == NextSegment(rest, name)))
            {
                return AuditSeverity.High;
            }

            if (before.Any(line => SharedTemp().IsMatch(line) && Regex.IsMatch(line, @"(?<![\w.])" + Regex.Escape(name) + @"\s*(?::?=|:)(?!=)", RegexOptions.CultureInvariant))
                || name.Length >= 3 && facts.HeldInOpened(text, name))
            {
                return AuditSeverity.High;
            }
        }

        return null;
    }

    /// <summary>The path segment written right after a name (<c>$APP_HOME/uploads</c> → <c>uploads</c>), or null.</summary>
    private static string? NextSegment(string line, string name)
    {
        var at = Regex.Match(line, @"(?<!\w)" + Regex.Escape(name) + @"\}?/(?<seg>[\w.-]+)", RegexOptions.CultureInvariant);
        return at.Success ? at.Groups["seg"].Value : null;
    }

    /// <summary>
    /// What a text opens to every user, worked out once: the lines that do it, the names on them (with the path segment
    /// written after each, where one is: <c>"$APP_HOME/uploads"</c>), and the first assignments of the names it uses.
    /// </summary>
    private sealed class OpenedFolders
    {
        public OpenedFolders(string text)
        {
            Lines = WorldWritable().Matches(text).Take(64).Select(m => LineJudges.LineOf(text, m.Index)).ToList();
            foreach (var line in Lines)
            {
                foreach (Match name in Name().Matches(line))
                {
                    if (name.Value.Length >= 3 && !CommonWord().IsMatch(name.Value) && !OpWord().IsMatch(name.Value))
                    {
                        var next = NextSegment(line, name.Value);
                        Names[name.Value] = Names.TryGetValue(name.Value, out var had) && had != next ? null : next;
                    }
                }
            }
        }

        public List<string> Lines { get; }

        public Dictionary<string, string?> Names { get; } = new(StringComparer.Ordinal);

        public int Judged;

        private readonly Dictionary<string, bool> _held = new(StringComparer.Ordinal);

        /// <summary>
        /// Whether a name is given (at its first four assignments) a shared temporary folder or a value built on a name
        /// the program opens up: <c>PROMPT_FILE="$RENDER_DIR/prompt.sh"</c> after <c>chmod -R a+rwX "$RENDER_DIR"</c>.
        /// </summary>
        public bool HeldInOpened(string text, string name)
        {
            if (_held.TryGetValue(name, out var known) || _held.Count > 256)
            {
                return known;
            }

            var held = false;
            foreach (Match assignment in Regex.Matches(text, @"(?<![\w.$])" + Regex.Escape(name) + @"[ \t]*(?::?=|:)(?!=)[ \t]*(?<value>[^\n]{1,300})", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)).Take(4))
            {
                var value = assignment.Groups["value"].Value;
                if (SharedTemp().IsMatch(" " + value) || Name().Matches(value).Any(n => n.Value != name && Names.TryGetValue(n.Value, out var next) && (next is null || next == NextSegment(value, n.Value))))
                {
                    held = true;
                    break;
                }
            }

            _held[name] = held;
            return held;
        }
    }

    /// <summary>The words of the operation that opens a folder, not its name: <c>chmod</c>, <c>mkdir</c>, <c>mode</c>, <c>exist_ok</c>.</summary>
    [GeneratedRegex(@"^(?:chmod|Chmod|chmodSync|mkdir|makedirs|MkdirAll|Mkdir|mkdirSync|mode|exist_ok|parents|recursive|True|False|sudo|File|FileUtils|set_permissions|Permissions|from_mode|fs)$", RegexOptions.CultureInvariant)]
    private static partial Regex OpWord();

    /// <summary>
    /// A file given a mode that lets other users write it (or read it): <c>PosixFilePermissions.fromString("rw-rw-rw-")</c>,
    /// <c>os.chmod(p, 0o666)</c>, <c>chmodSync(p, 0o644)</c>, <c>File.chmod(0666, p)</c>, <c>chmod 644 "$F"</c>,
    /// <c>os.WriteFile(p, b, 0644)</c>, <c>writeFileSync(p, s, { mode: 0o666 })</c>.
    /// </summary>
    [GeneratedRegex(@"\bPosixFilePermissions\.fromString\s*\(\s*""(?<mode>rw-r[w-]-r[w-]-)""|\b(?:chmod|chmodSync|Chmod|lchmod|set_permissions|File\.chmod|FileUtils\.chmod)\b[^\n]{0,160}?(?<![\w.])(?<mode>(?:0o|0)?[67][0-7][2-7])(?![\w.])|\b(?:WriteFile|writeFileSync|writeFile|open|OpenFile)\s*\([^\n]{0,200}?(?:mode\s*[:=]\s*|,\s*)(?<mode>(?:0o|0)[67][0-7][2-7])(?![\w.])", RegexOptions.CultureInvariant)]
    private static partial Regex SecretFileMode();

    /// <summary>
    /// High where other users may write the file (<c>rw-rw-rw-</c>, 666) and it holds a credential: its path names one
    /// (<c>credentials.json</c>, <c>token</c>, <c>.env</c>, <c>api_key</c>), or the lines just before write one into it.
    /// Medium where they may only read it. A file of no secret is the program's business.
    /// </summary>
    private static AuditSeverity? JudgeSecretFileMode(string text, Match match)
    {
        var line = LineJudges.LineOf(text, match.Index);
        if (NoSecretFile().IsMatch(line))
        {
            return null;
        }

        // The secret on the line (the path names it), or written on one of the four lines before into a file the line
        // names (Files.writeString(file, json) with "api_key" in json, then setPosixFilePermissions(file, …)).
        var held = SecretHeld().IsMatch(line);
        if (!held)
        {
            var lineStart = match.Index == 0 ? 0 : text.LastIndexOf('\n', match.Index - 1) + 1;
            var from = lineStart;
            for (var i = 0; i < 4 && from > 1; i++)
            {
                from = text.LastIndexOf('\n', from - 2) + 1;
            }

            var window = text[from..lineStart];
            var names = Name().Matches(line).Select(m => m.Value).Where(n => n.Length >= 2 && !OpWord().IsMatch(n) && !CommonWord().IsMatch(n)).Take(8).ToList();
            held = SecretHeld().IsMatch(window) && window.Split('\n').Any(l => FileWrite().IsMatch(l) && names.Any(n => Regex.IsMatch(l, @"(?<![\w.])" + Regex.Escape(n) + @"(?!\w)", RegexOptions.CultureInvariant)));
        }

        if (!held)
        {
            return null;
        }

        var mode = match.Groups["mode"].Value;
        var others = mode.Length == 9 ? (mode[7] == 'w' ? 6 : 4) : mode[^1] - '0';
        // A mode given at creation (open, OpenFile, WriteFile) is cut by the umask; a chmod sets it as written.
        var created = !match.Value.Contains("chmod", StringComparison.OrdinalIgnoreCase) && !match.Value.Contains("Permissions", StringComparison.Ordinal);
        return (others & 2) != 0 && !created ? AuditSeverity.High : AuditSeverity.Medium;
    }

    /// <summary>A file that holds no secret of the user's: a device, a socket, a run-time folder's entry.</summary>
    [GeneratedRegex(@"/dev/|/var/run/|/run/|\.sock\b|\.pid\b|\.log\b", RegexOptions.CultureInvariant)]
    private static partial Regex NoSecretFile();

    /// <summary>A write to a file: <c>writeString</c>, <c>write_text</c>, <c>writeFileSync</c>, <c>WriteFile</c>, <c>File.write</c>, a shell redirect.</summary>
    [GeneratedRegex(@"\b(?:write\w*|Write\w*|dump|puts|print)\s*\(|>>?\s*[""']?\$|\.write\b", RegexOptions.CultureInvariant)]
    private static partial Regex FileWrite();

    /// <summary>A credential named in a file's path or written into it: <c>credentials</c>, <c>token</c>, <c>secret</c>, <c>api_key</c>, <c>.env</c>, <c>password</c>, <c>auth.json</c>, a private key.</summary>
    [GeneratedRegex(@"credential|\btoken|_token\b|secret|api[_-]?key|apikey|passw|[""'/]\.env\b|auth\.json|\.netrc|\bid_(?:rsa|ed25519|ecdsa)\b|private[_ -]?key", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretHeld();

    /// <summary>
    /// TLS certificate checks turned off, as each language writes it: Ruby's <c>VERIFY_NONE</c>, Python's <c>verify=False</c>
    /// and <c>_create_unverified_context()</c>, Node's <c>rejectUnauthorized: false</c> and <c>NODE_TLS_REJECT_UNAUTHORIZED=0</c>,
    /// Go's <c>InsecureSkipVerify: true</c>, libcurl's <c>CURLOPT_SSL_VERIFYPEER</c> off, curl's <c>-k</c>, .NET's validation
    /// callback that returns true, reqwest's <c>danger_accept_invalid_certs(true)</c>, PowerShell's <c>-SkipCertificateCheck</c>.
    /// </summary>
    [GeneratedRegex(@"\bverify_mode\s*(?:=|:|=>)\s*(?:OpenSSL::SSL::VERIFY_NONE|ssl\.CERT_NONE)\b|\bverify\s*=\s*False\b|[""']verify[""']\s*=>\s*false\b|--no-check-certificate\b|\bGIT_SSL_NO_VERIFY\s*=\s*[""']?(?:1|true)\b|\bssl\._create_unverified_context\s*\(|\bcert_reqs\s*=\s*(?:ssl\.)?CERT_NONE\b|\brejectUnauthorized\s*:\s*false\b|\bNODE_TLS_REJECT_UNAUTHORIZED[""']?\s*[\]=:,]\s*[""']?0\b|\bInsecureSkipVerify\s*[:=]\s*true\b|\bCURLOPT_SSL_VERIFYPEER\b\s*(?:=>|,)\s*(?:false|0)\b|\bcurl\b[^\n|;&]{0,200}?\s(?:(?-i:-[a-zA-Z]*k[a-zA-Z]*)|--insecure)(?=[\s""']|$)|\bServerCertificateCustomValidationCallback\s*=\s*(?:\([^)\n]{0,80}\)|\w+|HttpClientHandler\.DangerousAcceptAnyServerCertificateValidator)\s*(?:=>\s*true\b|;)|\bdanger_accept_invalid_certs\s*\(\s*true\s*\)|-SkipCertificateCheck\b", RegexOptions.CultureInvariant)]
    private static partial Regex TlsOff();

    /// <summary>
    /// High where the setting is unconditional (not on a line that tests something, and no option of the program's names
    /// it: <c>--insecure</c>, <c>verify_ssl</c>, <c>skip_tls_verify</c>), the program sends a credential it holds (an
    /// Authorization or API-key header, basic auth, a bearer token), and it names a host that is not this machine or the
    /// local network. A switch the user turns, or a tool for a device on the LAN, is theirs to choose.
    /// </summary>
    private static AuditSeverity? JudgeTlsOff(string text, Match match)
    {
        var line = LineJudges.LineOf(text, match.Index);
        if (Conditional().IsMatch(line) || CommentLine().IsMatch(line))
        {
            return null;
        }

        // The program's text less comments and less the setting's own line (InsecureSkipVerify names no option of the user's).
        var lineStart = match.Index == 0 ? 0 : text.LastIndexOf('\n', match.Index - 1) + 1;
        var code = PerText.Get(text, "uncommented", t => TrailingComment().Replace(CommentLine().Replace(t, string.Empty), string.Empty));
        var others = TrailingComment().Replace(CommentLine().Replace(text.Remove(lineStart, line.Length), string.Empty), string.Empty);
        if (UserSwitch().IsMatch(others) || !SendsCredential().IsMatch(code))
        {
            return null;
        }

        return RemoteUrl().Matches(code).Any(u => !LanHost().IsMatch(u.Value)) ? AuditSeverity.High : HostFromInput().IsMatch(code) ? AuditSeverity.Medium : null;
    }

    /// <summary>A host on the local network by its name: <c>.local</c>, <c>.lan</c>, <c>.home.arpa</c>, <c>.internal</c>, a tailnet's <c>.ts.net</c>, CGNAT's 100.64/10.</summary>
    [GeneratedRegex(@"://(?:[\w-]+\.)*(?:local|lan|home\.arpa|internal|localdomain|ts\.net|home)(?=[:/""'\s]|$)|://100\.(?:6[4-9]|[7-9]\d|1[01]\d|12[0-7])\.", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LanHost();

    /// <summary>A comment at a line's end: <c>  # insecure</c>, <c>  // self-signed</c>.</summary>
    [GeneratedRegex(@"[ \t]+(?:#|//)[^\n""']*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingComment();

    /// <summary>A line that tests something: <c>if</c>, <c>unless</c>, a ternary, a default taken from the user (<c>||</c>, <c>??</c>).</summary>
    [GeneratedRegex(@"\b(?:if|unless|elif|when)\b|\s\?\s|\|\||\?\?|\band\b|&&", RegexOptions.CultureInvariant)]
    private static partial Regex Conditional();

    /// <summary>An option that leaves the choice to the user: <c>--insecure</c>, <c>insecure</c>, <c>verify_ssl</c>, <c>VERIFY_TLS</c>, <c>skip_verify</c>, <c>no_verify</c>, <c>tls_verify</c>, <c>self-signed</c>.</summary>
    [GeneratedRegex(@"insecure|verify[_-]?(?:ssl|tls|certs?|peer)\b|(?:ssl|tls)[_-]?verify|skip[_-]?(?:tls|ssl|verify|cert)|no[_-]?verify|self[-_ ]?signed|ca[_-]?bundle|ca_file|cafile", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UserSwitch();

    /// <summary>A credential a request carries: an Authorization or API-key header, a bearer token, basic auth.</summary>
    [GeneratedRegex(@"[""']?Authorization[""']?\s*[\]:=,]|\bBearer\s|[""']X-Api-Key[""']|\bbasic_auth\b|\bauth\s*=\s*\(|\bsetBasicAuth\b|\bCURLOPT_USERPWD\b|\s-u\s+[""']?\$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SendsCredential();

    /// <summary>A host taken from the environment or a config (the service's own URL, set by the user): <c>ENV["METRICBOX_URL"]</c>, <c>os.environ["X_URL"]</c>, <c>process.env.X_HOST</c>.</summary>
    [GeneratedRegex(@"(?:ENV|environ|getenv|Getenv|process\.env)\W{1,3}[A-Z_]*(?:URL|HOST|ENDPOINT|BASE)\b", RegexOptions.CultureInvariant)]
    private static partial Regex HostFromInput();

    /// <summary>A whole-line comment (<c># …</c>, <c>// …</c>, <c>/* …</c>); not <c>--</c>, which starts a continued curl option as often as a Lua comment.</summary>
    [GeneratedRegex(@"^[ \t]*(?:#(?!!)|//|\*|/\*)[^\n]*", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex CommentLine();

    /// <summary>A folder made writable by every user: a mode with the others' write bit (777, 1777, 0o777, 0o1777, 01777, 0777, 766, 733), <c>o+w</c>, <c>a+w</c>, <c>a+rwx</c>.</summary>
    [GeneratedRegex(@"\b(?:chmod|Chmod|chmodSync|set_permissions|mkdir|makedirs|MkdirAll|Mkdir|mkdirSync|FileUtils\.chmod|File\.chmod|chmod_R)\b[^\n]{0,160}?(?:(?<![\w.])(?:0o|0)?1?7[0-7][2367](?![\w.])|(?<![\w])(?:0o|0)?1?[0-7]{2}[2367](?=\s*[,)\]]|\s*$)|\b[ao]\+r?w|\ba\+rwx\b|\bugo\+w)", RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex WorldWritable();

    /// <summary>A shared temporary folder written out: <c>/tmp/…</c>, <c>/var/tmp</c>, <c>/dev/shm</c>.</summary>
    [GeneratedRegex(@"[""'`=:\s(]/(?:tmp|var/tmp|dev/shm)(?:/|[""'`]|\b)", RegexOptions.CultureInvariant)]
    private static partial Regex SharedTemp();

    [GeneratedRegex(@"[A-Za-z_][\w]*", RegexOptions.CultureInvariant)]
    private static partial Regex Name();

    /// <summary>Words that are code, not the name of a folder: <c>os</c>, <c>path</c>, <c>str</c>, <c>join</c>.</summary>
    [GeneratedRegex(@"^(?:sys|path|paths|insert|str|join|os|environ|export|PATH|PYTHONPATH|NODE_PATH|LD_LIBRARY_PATH|LD_PRELOAD|RUBYLIB|PERL5LIB|module|package|unshift|HOME|home|env|process|self|this|true|false|None|null|dirname|abspath|resolve|Path|String|format|source|bin|lib|usr|local|share)$", RegexOptions.CultureInvariant)]
    private static partial Regex CommonWord();

    /// <summary>
    /// A metadata service's credentials: AWS's <c>iam/security-credentials</c> (or the whole <c>meta-data/</c> tree, which
    /// holds them), ECS's <c>169.254.170.2</c> or <c>AWS_CONTAINER_CREDENTIALS_*_URI</c>, Google's service-account token,
    /// Azure's managed-identity token, Alibaba's RAM credentials.
    /// </summary>
    [GeneratedRegex(@"(?:169\.254\.169\.254|\[?fd00:ec2::254\]?)(?::80)?/latest/meta-data/(?:iam/security-credentials|identity-credentials)|(?:169\.254\.169\.254|\[?fd00:ec2::254\]?)(?::80)?/latest/meta-data/?(?=[""'`\s)]|$)|169\.254\.170\.2\b|\bAWS_CONTAINER_CREDENTIALS_(?:RELATIVE|FULL)_URI\b"
        + @"|(?:metadata\.google\.internal|169\.254\.169\.254)/computeMetadata/v1/(?:instance/service-accounts|[""'`\s)?]|\?recursive=true)|169\.254\.169\.254/metadata/identity/oauth2/token|100\.100\.100\.200/latest/meta-data/ram/security-credentials", I | RegexOptions.Multiline)]
    private static partial Regex InstanceCredentials();

    /// <summary>High where the program sends data out (<see cref="AuditRules.NetworkSendPattern"/>) and writes out a host that is neither a metadata service nor the cloud's own API; medium otherwise (a tool that signs in as the instance's role).</summary>
    private static AuditSeverity? JudgeInstanceCredentials(string text, Match match)
    {
        if (!PerText.Ask(text, "network-send", t => AuditRules.NetworkSendPattern.IsMatch(t)))
        {
            return AuditSeverity.Medium;
        }

        foreach (Match url in RemoteUrl().Matches(text))
        {
            if (!CloudHost().IsMatch(url.Value))
            {
                return AuditSeverity.High;
            }
        }

        return AuditSeverity.Medium;
    }

    /// <summary>A URL to a host that is neither loopback, a private or link-local address, nor a placeholder (<c>${API}</c>).</summary>
    [GeneratedRegex(@"\b(?:https?|wss?)://(?!localhost\b|127\.|0\.0\.0\.0|\[::1\]|10\.\d|192\.168\.\d|172\.(?:1[6-9]|2\d|3[01])\.\d|\{|\$)[\w-]+(?:\.[\w-]+)+", I)]
    private static partial Regex RemoteUrl();

    /// <summary>A metadata service or a cloud's own API: link-local addresses, <c>metadata.google.internal</c>, <c>*.amazonaws.com</c>, <c>*.googleapis.com</c>, Azure's and Alibaba's.</summary>
    [GeneratedRegex(@"://(?:169\.254\.|100\.100\.100\.200|metadata\.google\.internal|(?:[\w-]+\.)*(?:amazonaws\.com(?:\.cn)?|googleapis\.com|azure\.com|windows\.net|microsoft\.com|microsoftonline\.com|aliyuncs\.com|aws\.amazon\.com)(?=[:/""'`\s)]|$))", I)]
    private static partial Regex CloudHost();
}
