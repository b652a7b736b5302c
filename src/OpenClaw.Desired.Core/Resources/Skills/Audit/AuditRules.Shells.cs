using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>A shell handed to a remote host: the patterns of reverse shells and the judge that tells them from port probes, TTY upgrades and cheat sheets.</summary>
public static partial class AuditRules
{
    /// <summary>
    /// Bash's <c>/dev/tcp</c> opened by a no-op (<c>: &lt;/dev/tcp/host/5432</c>, <c>true &gt;/dev/tcp/…</c>) only tests that a
    /// port answers; a shell is handed over where the line also runs one interactively, joins its streams to the socket,
    /// keeps a descriptor on it (<c>exec 5&lt;&gt;</c>) or evaluates what it reads; a subshell whose only command opens the
    /// socket (<c>bash -c "exec 3&lt;&gt;/dev/tcp/$h/$p"</c>) exits at once, so it tests a port too.
    /// </summary>
    public static AuditSeverity? JudgeReverseShell(string text, Match match)
    {
        // A cheat sheet's line: the listener written as a placeholder (LHOST, ATTACKER_IP) and no address anywhere on it.
        var whole = LineJudges.LineOf(text, match.Index);
        if (Origins.IsTemplate(whole) && !AddressWritten().IsMatch(whole) && !Origins.PlaceholderAssigned().IsMatch(text))
        {
            return AuditSeverity.Low;
        }

        // /dev/tcp/ named with no address after it is a word in prose ("EDR rules alert on `/dev/tcp/` strings").
        var after = match.Index + match.Length;
        if (match.Value.StartsWith("/dev/", StringComparison.Ordinal) && (after >= text.Length || char.IsWhiteSpace(text[after]) || text[after] is '`' or ')'))
        {
            return null;
        }

        // pty.spawn gives a terminal to what runs; a shell on a socket opens the socket (or dup2s it) first: read the
        // match's line from its start, then up to six whole lines before it, none of them blank.
        var lead = match.Index == 0 ? 0 : text.LastIndexOf('\n', match.Index - 1) + 1;
        for (var n = 0; n < 6 && lead > 0; n++)
        {
            var previous = text.LastIndexOf('\n', lead - 2) + 1;
            if (string.IsNullOrWhiteSpace(text[previous..(lead - 1)]))
            {
                break;
            }

            lead = previous;
        }

        if (match.Value.StartsWith("pty", StringComparison.Ordinal) && !SocketBefore().IsMatch(text.AsSpan(lead, match.Index - lead)))
        {
            return null;
        }

        if (match.Value.StartsWith("/dev/", StringComparison.Ordinal))
        {
            var start = match.Index == 0 ? 0 : text.LastIndexOf('\n', match.Index - 1) + 1;
            var end = text.IndexOf('\n', match.Index);
            var line = text.AsSpan(start, (end < 0 ? text.Length : end) - start);
            if (PortProbe().IsMatch(line) && !ShellOnSocket().IsMatch(line))
            {
                return null;
            }

            // A subshell whose whole command opens the socket and exits (timeout 3 bash -c "exec 3<>/dev/tcp/$h/$p", (exec 3<>/dev/tcp/127.0.0.1/"$p")): a probe,
            // unless the rest of the line writes to a socket too (… && cat ~/.openclaw/openclaw.json > /dev/tcp/…).
            if (SubshellProbe().IsMatch(line) && SubshellProbe().Replace(line.ToString(), " ") is var rest && !ShellOnSocket().IsMatch(rest)
                && !rest.Contains("/dev/tcp/", StringComparison.Ordinal) && !rest.Contains("/dev/udp/", StringComparison.Ordinal))
            {
                return null;
            }
        }

        return Origins.JudgeTemplate(text, match);
    }

    [GeneratedRegex(@"\b(?:socket|connect|create_connection|dup2|TCPSocket|fsockopen|Socket)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SocketBefore();

    /// <summary>An address written: an IPv4 address or a host name with a dot and a top-level domain.</summary>
    [GeneratedRegex(@"\b(?:\d{1,3}\.){3}\d{1,3}\b|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|dev|app|xyz|ru|cn|top|site|online|info|me|co|cc|tk|sh|pw|biz|us|uk|de|su|link|live|cloud|host|fun|store|tech|club|vip|work|in|to|ws|cx|ly|gg)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AddressWritten();

    [GeneratedRegex(@"(?:^|[;&|(""'`\s])(?::|true)\s*&?[<>]{1,2}\s*/dev/(?:tcp|udp)/", RegexOptions.CultureInvariant)]
    private static partial Regex PortProbe();

    [GeneratedRegex(@"\b(?:ba)?sh\s+-c\s+([""'])\s*(?:(?:exec|:|true)\s+)?(?:\d+)?(?:<>|[<>]{1,2})\s*/dev/(?:tcp|udp)/[^""'\s;|&]{1,200}\s*\1|\(\s*exec\s+\d?(?:<>|[<>])\s*/dev/(?:tcp|udp)/[^)\s;|&]{1,200}\s*\)", RegexOptions.CultureInvariant)]
    private static partial Regex SubshellProbe();

    [GeneratedRegex(@"\s-i\b|\d?>&\s*\d|<&\s*\d|\bexec\s+\d|\beval\b|\bwhile\b[^\n]*\bread\b|\|\s*(?:ba|z|da)?sh\b", RegexOptions.CultureInvariant)]
    private static partial Regex ShellOnSocket();

    [GeneratedRegex(@"/dev/tcp/|/dev/udp/|\bnc(at)?\b[^\n]*\s-(e|c)\s|\bsocat\b[^\n]*\bexec:|\bmkfifo\b[^\n]*\bnc\b|\bpty\.spawn\s*\(|\bsocket\.socket\b[\s\S]{0,300}\bos\.dup2\s*\(", I)]
    private static partial Regex ReverseShell();

    /// <summary>
    /// A child process given a connection as its standard streams: Ruby's <c>spawn(sh, in: s, out: s)</c>, Python's
    /// <c>subprocess.Popen(…, stdin=s.fileno(), stdout=s.fileno())</c>, Go's <c>cmd.Stdin, cmd.Stdout = conn, conn</c> or
    /// <c>cmd.Stdin = conn</c>, Node's <c>client.pipe(sh.stdin)</c>. Judged by <see cref="LineJudges.JudgeStreamsOnSocket"/>.
    /// </summary>
    [GeneratedRegex(@"\bspawn\s*\([^)\n]{0,200}?\bin:\s*(?<s>\w+)\s*,\s*out:\s*\k<s>\b|\bstdin\s*=\s*(?<s>\w+)\.fileno\s*\(\s*\)\s*,\s*stdout\s*=\s*\k<s>\.fileno\b"
        + @"|\.Stdin\s*,\s*\w+\.Stdout\b[^=\n]{0,40}=\s*(?<s>\w+)\s*,\s*\k<s>\b|\.Stdin\s*=\s*(?<s>[A-Za-z_]\w{0,63})\s*(?:;|//|$)|(?<s>\w+)\.pipe\s*\(\s*\w+\.stdin\s*\)", RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex StreamsOnSocket();

    /// <summary>
    /// A shell joined to an outgoing connection in code, written as each language writes it: Node's socket piped into a
    /// spawned shell's input; Python's shell given the socket as input (<c>stdin=s.fileno()</c>); Go's command given the
    /// connection (<c>cmd.Stdin = conn</c>, or <c>cmd.Stdin, cmd.Stdout, cmd.Stderr = c, c, c</c> whatever the command); Perl's <c>open(STDIN, "&gt;&amp;S")</c> after a socket (a pipe's end is no connection); Ruby's and PHP's socket then a shell;
    /// PowerShell's TCP client whose data is evaluated; a shell loop that runs each line it reads and writes the output to
    /// a descriptor (<c>while read -r a &lt;&amp;7; do eval "$a" &gt;&amp;7</c>, the classic <c>do $line 2&gt;&amp;5 &gt;&amp;5</c>); code that
    /// evaluates what a socket receives (<c>exec(s.recv(1024))</c>, <c>sock.on('data', d =&gt; eval(d))</c>). A shell run for
    /// local use (a child's output piped to the terminal) joins no connection.
    /// </summary>
    [GeneratedRegex(@"(?:\bnet\.(?:connect|createConnection)\s*\(|\btls\.connect\s*\(|\bnew\s+(?:net\.)?Socket\b)[\s\S]{0,400}?\b(?:spawn|exec)\s*\([^\n]{0,120}?(?:[""'`](?:/usr)?(?:/bin/)?(?:ba|z|da)?sh[""'`]|[""'`]cmd(?:\.exe)?[""'`]|\bpowershell)[\s\S]{0,300}?(?<!\bprocess\.stdin)\.pipe\s*\(\s*\w+\.stdin\b"
        + @"|\b(?:socket\.socket|socket\.create_connection)\s*\([\s\S]{0,400}?\b(?:subprocess\.(?:call|run|Popen)|Popen)\s*\(\s*\[\s*[""'](?:/usr)?(?:/bin/)?(?:ba|z)?sh[""'][\s\S]{0,160}?\bstdin\s*=\s*(?:s|sock|so|conn|c|client|skt|socket)\.fileno\s*\(\s*\)"
        + @"|\bnet\.Dial\w*\s*\([\s\S]{0,400}?\bexec\.Command(?:Context)?\s*\([^\n]{0,20}?""(?:/usr)?(?:/bin/)?(?:ba|z)?sh""[\s\S]{0,200}?\.Std(?:in|out)\s*=\s*(?!os\.)\w+\b(?!\.)|\bnet\.Dial\w*\s*\([\s\S]{0,400}?\bexec\.Command(?:Context)?\s*\([^\n]{0,40}\)[\s\S]{0,200}?\.Stdin\s*,\s*\w+\.Stdout\b[^\n=]{0,40}=\s*(?<c>\w+)\s*,\s*\k<c>\b|\bexec\.Command(?:Context)?\s*\([^\n]{0,20}?""(?:/usr)?(?:/bin/)?(?:ba|z)?sh""[\s\S]{0,400}?\bnet\.Dial\w*\s*\([\s\S]{0,200}?\.Std(?:in|out)\s*=\s*(?!os\.)\w+\b(?!\.)"
        + @"|\bopen\s*\(?\s*STD(?:IN|OUT)(?<=(?:\bsocket\s*\(|IO::Socket)[\s\S]{0,2000})\s*,\s*[""'][<>]&(?!STD)[""']?\s*,?\s*\$?(?!STD|saved|old)[A-Za-z]\w*"
        + @"|\bTCPSocket\.(?:new|open)\b[\s\S]{0,200}?\b(?:exec|spawn|system|popen)\b[^\n]{0,60}?[""'\s/](?:ba|z)?sh\b(?:\s+-i\b|[""'])|\bfsockopen\s*\([\s\S]{0,200}?\b(?:exec|shell_exec|system|passthru|popen|proc_open)\s*\(\s*[""'](?:/usr)?(?:/bin/)?(?:ba|z)?sh\b"
        + @"|\bNet\.Sockets\.TCPClient\b[\s\S]{0,600}?(?:\b(?:iex|Invoke-Expression)\b|ScriptBlock\]::Create)"
        + @"|\bread\b[^\n]{0,120}?(?:\n[^\n]{0,120}?){0,2}?(?:\beval\s+|(?:\bdo|;)\s+)[""']?\$\{?\w+\}?[""']?[^\n;|]{0,40}?>&\s*[3-9]\b"
        + @"|\.on\s*\(\s*[""']data[""']\s*,[^\n]{0,80}?\b(?:eval|execSync|exec)\s*\(|\b(?:exec|eval|os\.system|os\.popen|subprocess\.\w+)\s*\(\s*\w+\.recv\s*\(", I)]
    private static partial Regex SocketShell();
}
