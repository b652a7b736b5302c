using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>
/// Exposures one setting makes, with no send the skill writes itself: credentials handed on to whatever host a redirect
/// names, a world-writable folder put first on a path that code is loaded from, a cloud instance's role credentials
/// read from its metadata service by a program that posts elsewhere.
/// </summary>
public static partial class Exposures
{
    private const RegexOptions I = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    public static IReadOnlyList<AuditRule> Rules { get; } =
    [
        new("auth-follows-redirect", AuditSeverity.High, "sends the request's credentials on to whatever host a redirect names (CURLOPT_UNRESTRICTED_AUTH, curl --location-trusted, an auth-stripping hook turned off): the server, or anyone who can answer for it, hands the user's token or password to a host of its choosing", AuthFollowsRedirect()) { Judge = JudgeRedirect, Anchors = ["unrestricted_auth", "location-trusted", "should_strip_auth", "rebuild_auth", "checkredirect", "beforeredirect", "clear_authorization_header", "remove_headers_on_redirect", "preserveauthorizationonredirect"] },
        new("writable-code-path", AuditSeverity.High, "makes a folder writable by every user and puts it first on a path code is loaded from (sys.path, a .pth file, PATH, PYTHONPATH, NODE_PATH, LD_PRELOAD): any local user or process that drops a module or a program of a common name there runs it in the user's programs", CodePathFront()) { Judge = JudgeCodePath, CodeOnly = true, Anchors = ["sys.path", "path", "ld_preload", "rubylib", "perl5lib", "load_path", "@inc", "package.path"] },
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
    [GeneratedRegex(@"\bsys\.path\.insert\s*\(\s*0\s*,|\bsys\.path\s*\[\s*(?:0\s*)?:\s*0\s*\]\s*=|\$LOAD_PATH\.unshift\b|\$:\.unshift\b|\bunshift\s*\(?\s*@INC\b|\bmodule\.paths\.unshift\s*\(|\bpackage\.c?path\s*=\s*[^\n]{1,200}?\.\.\s*package\.c?path\b"
        + @"|(?<![\w$])(?:PYTHONPATH|NODE_PATH|LD_LIBRARY_PATH|LD_PRELOAD|RUBYLIB|PERL5LIB|RUBYOPT|NODE_OPTIONS|PATH)[""']?\s*(?:=|:|=>|\]\s*=|,)\s*[""'`]?(?!\$\{?(?:PATH|PYTHONPATH|NODE_PATH|LD_LIBRARY_PATH)\b)[^\s""'`:;]{2,}", I)]
    private static partial Regex CodePathFront();

    /// <summary>
    /// High where the program makes a folder writable by every user (<c>chmod 1777</c>, <c>os.chmod(d, 0o1777)</c>,
    /// <c>mkdir -m 777</c>, <c>a+w</c>) and the folder put first on the path is a shared temporary one (<c>/tmp/…</c>,
    /// <c>/var/tmp</c>, <c>/dev/shm</c>) or the one made writable (a name on both lines). A folder of the user's own
    /// (<c>~/.local/bin</c>, <c>mkdtemp()</c>) is no exposure, nor a shared one no program opens up.
    /// </summary>
    private static AuditSeverity? JudgeCodePath(string text, Match match)
    {
        var opened = PerText.Get(text, "world-writable", t => WorldWritable().Matches(t).Select(m => LineJudges.LineOf(t, m.Index)).ToList());
        if (opened.Count == 0)
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

        var start = match.Index;
        for (var i = 0; i < 3 && start > 0; i++)
        {
            start = text.LastIndexOf('\n', start - 1);
        }

        var before = text[Math.Max(0, start + 1)..match.Index].Split('\n');
        foreach (var name in Name().Matches(rest).Select(m => m.Value).Where(n => !CommonWord().IsMatch(n)).Distinct(StringComparer.Ordinal))
        {
            var named = new Regex(@"(?<!\w)" + Regex.Escape(name) + @"(?!\w)", RegexOptions.CultureInvariant);
            var assigned = new Regex(@"(?<![\w.])" + Regex.Escape(name) + @"\s*(?::?=|:)(?!=)", RegexOptions.CultureInvariant);
            if ((name.Length >= 3 && opened.Any(line => named.IsMatch(line))) || before.Any(line => assigned.IsMatch(line) && SharedTemp().IsMatch(line)))
            {
                return AuditSeverity.High;
            }
        }

        return null;
    }

    /// <summary>A folder made writable by every user: a mode with the others' write bit (777, 1777, 0o777, 0o1777, 01777, 0777, 766, 733), <c>o+w</c>, <c>a+w</c>, <c>a+rwx</c>.</summary>
    [GeneratedRegex(@"\b(?:chmod|Chmod|chmodSync|set_permissions|mkdir|makedirs|MkdirAll|Mkdir|mkdirSync|FileUtils\.chmod|File\.chmod|chmod_R)\b[^\n]{0,160}?(?:(?<![\w.])(?:0o|0)?1?7[0-7][2367](?![\w.])|(?<![\w])(?:0o|0)?1?[0-7]{2}[2367](?=\s*[,)\]]|\s*$)|\b[ao]\+r?w|\ba\+rwx\b|\bugo\+w)", RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex WorldWritable();

    /// <summary>A shared temporary folder written out: <c>/tmp/…</c>, <c>/var/tmp</c>, <c>/dev/shm</c>.</summary>
    [GeneratedRegex(@"[""'`=:\s(]/(?:tmp|var/tmp|dev/shm)(?:/|[""'`]|\b)", RegexOptions.CultureInvariant)]
    private static partial Regex SharedTemp();

    [GeneratedRegex(@"[A-Za-z_][\w]*", RegexOptions.CultureInvariant)]
    private static partial Regex Name();

    /// <summary>Words that are code, not the name of a folder: <c>os</c>, <c>path</c>, <c>str</c>, <c>join</c>.</summary>
    [GeneratedRegex(@"^(?:sys|path|paths|insert|str|join|os|environ|export|PATH|PYTHONPATH|NODE_PATH|LD_LIBRARY_PATH|LD_PRELOAD|RUBYLIB|PERL5LIB|module|package|unshift|HOME|home|env|process|self|this|true|false|None|null|dirname|abspath|resolve|Path|String|format)$", RegexOptions.CultureInvariant)]
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
    [GeneratedRegex(@"\b(?:https?|wss?)://(?!localhost\b|127\.|0\.0\.0\.0|\[::1\]|10\.|192\.168\.|172\.(?:1[6-9]|2\d|3[01])\.|\{|\$)[\w-]+(?:\.[\w-]+)+", I)]
    private static partial Regex RemoteUrl();

    /// <summary>A metadata service or a cloud's own API: link-local addresses, <c>metadata.google.internal</c>, <c>*.amazonaws.com</c>, <c>*.googleapis.com</c>, Azure's and Alibaba's.</summary>
    [GeneratedRegex(@"://(?:169\.254\.|100\.100\.100\.200|metadata\.google\.internal|(?:[\w-]+\.)*(?:amazonaws\.com(?:\.cn)?|googleapis\.com|azure\.com|windows\.net|microsoft\.com|microsoftonline\.com|aliyuncs\.com|aws\.amazon\.com)\b)", I)]
    private static partial Regex CloudHost();
}
