using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>Judgements on persistence: cron jobs, shell start-up files and what a line writes into them, SSH keys, services.</summary>
public static partial class LineJudges
{
    /// <summary>
    /// SSH keys, cron and shell start-up files running something are persistence (high); a service the skill
    /// documents for itself (systemd unit, LaunchAgent) is medium; a start-up line that only exports a variable,
    /// sets an alias or extends PATH is configuration, not a finding.
    /// </summary>
    public static AuditSeverity? JudgePersistence(string text, Match match)
    {
        // "`clawhub uninstall <slug>` …", "~/dotfiles/<package>/.zshrc": the '>' closes a placeholder, it redirects nothing.
        if (match.Value.StartsWith('>') && !match.Value.StartsWith(">>", StringComparison.Ordinal) && ClosesPlaceholder().IsMatch(text.AsSpan(Math.Max(0, match.Index - 40), Math.Min(40, match.Index))))
        {
            return null;
        }

        // "bash auto-use.sh --install  -> append to ~/.bashrc": an arrow in a comment or a usage line redirects nothing.
        if (match.Value.StartsWith('>') && match.Index > 0 && text[match.Index - 1] is '-' or '=')
        {
            return null;
        }

        var line = LineOf(text, match.Index);
        if (line.Contains("authorized_keys", StringComparison.Ordinal) || RebootJob().IsMatch(line))
        {
            // The user's own key put on a server they name (ssh-copy-id's fallback): a change to note, not a door held open for someone else.
            // Only inside a command string handed to the server (the append is quoted), never an append on this machine.
            var lineStart = match.Index == 0 ? 0 : text.LastIndexOf('\n', match.Index - 1) + 1;
            return line.Contains("authorized_keys", StringComparison.Ordinal) && !RebootJob().IsMatch(line) && QuotedForServer(text, lineStart, match.Index)
                && Footholds.InstallsOwnKey(text) ? AuditSeverity.Medium : AuditSeverity.High;
        }

        // {"@reboot", "@hourly", "@daily"}: a schedule's name checked or listed, with no job after it.
        if (match.Value.StartsWith('@'))
        {
            return AuditSeverity.Medium;
        }

        if (line.Contains("crontab", StringComparison.Ordinal) || line.Contains("/cron", StringComparison.Ordinal))
        {
            // A scheduled report the skill documents is a job; one that fetches, decodes, hides or calls out is a foothold.
            // Where its output goes (">> ~/.openclaw/logs/update.log 2>&1") is no part of what it runs; a skill's own script
            // under the agent's skills folder is no hiding place.
            // Nor is the copy of the crontab being edited ("crontab -l > /tmp/cron.bak; cat /tmp/cron.bak").
            return ScheduledFoothold().IsMatch(CrontabCopy().Replace(Redirection().Replace(line, " "), " ")) ? AuditSeverity.High : AuditSeverity.Medium;
        }

        if (StartupFile().IsMatch(match.Value))
        {
            // Only the command that writes the file: "echo 'curl x|sh' >> ~/.bashrc; echo 'export A=1'" is no configuration.
            var lineStart = match.Index == 0 ? 0 : text.LastIndexOf('\n', match.Index - 1) + 1;
            var before = text[lineStart..match.Index];

            // grep -q ">>> nvm auto-use >>>" "$RC": the '>' is text in a quoted string that closes before the file is named, and no
            // redirection follows it (echo "nohup agent >/dev/null" >> ~/.bashrc redirects after the quote).
            if (match.Value.StartsWith('>') && QuoteOpenAt(before) is var open and not '\0' && match.Value.IndexOf(open) is var closes and > 0
                && !match.Value.AsSpan(closes).Contains('>'))
            {
                return null;
            }

            var command = before[LastCommandStart(before)..];
            if (ConfigurationOnly().IsMatch(command) && EveryPrintedLineConfigures(command) || PrintsConfiguringVariable(text, command))
            {
                return null;
            }

            // A here-document written (cat <<'EOF' >> ~/.zshrc) or printed from a variable that holds one (read -r -d '' HOOK <<'EOF'):
            // a function or an alias the user asked for, unless it fetches, calls out, decodes or starts something in the background.
            return HereDocumentWritten(text, lineStart, command) is { } body && !ScheduledFoothold().IsMatch(body) && !Detached().IsMatch(body) && !CallsOut().IsMatch(body)
                ? AuditSeverity.Medium
                : AuditSeverity.High;
        }

        return AuditSeverity.Medium;
    }

    /// <summary>
    /// Whether the offset is inside a quoted command string: opened on its line, or on one of the three lines before where
    /// an ssh command starts it (<c>ssh "$HOST" 'umask 077; …</c> continued onto the line that appends).
    /// </summary>
    private static bool QuotedForServer(string text, int lineStart, int offset)
    {
        if (QuoteOpenAt(text[lineStart..offset]) != '\0')
        {
            return true;
        }

        var start = lineStart;
        for (var n = 0; n < 3 && start > 0; n++)
        {
            start = text.LastIndexOf('\n', Math.Max(0, start - 2)) + 1;
            var firstLine = text.AsSpan(start, Math.Max(0, text.IndexOf('\n', start) - start));
            if (!firstLine.TrimStart().StartsWith("#") && firstLine.Contains("ssh ", StringComparison.Ordinal) && QuoteOpenAt(text[start..offset]) != '\0')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A child's streams bound to a connection count where the name they are bound to is given a connection the program
    /// opens (<c>conn, err := net.Dial(…)</c>, <c>s = TCPSocket.new(…)</c>, <c>s = socket.socket(…)</c>, <c>const c = net.connect(…)</c>):
    /// a reader of a string or a pipe between two local processes is none.
    /// </summary>
    public static AuditSeverity? JudgeStreamsOnSocket(string text, Match match)
    {
        var name = match.Groups["s"].Value;
        return name.Length > 0 && PerText.Ask(text, "socket:" + name, t => Regex.IsMatch(t, @"(?<![\w$])" + Regex.Escape(name) + @"(?:\s*,\s*[A-Za-z_]\w*)?\s*:?=\s*(?:await\s+)?[^\n;]{0,80}?(?:\bTCPSocket\.(?:new|open)\b|\b(?:net|tls)\.Dial(?:Timeout)?\s*\(|\bsocket\.(?:socket|create_connection)\s*\(|\bsocket\s*\(\s*(?:socket\.)?AF_INET|\bnet\.(?:connect|createConnection)\s*\(|\bnew\s+net\.Socket\s*\(|\bTcpStream::connect\b|\bIO::Socket::(?:INET6?|IP|SSL)\b|\.accept\s*\()",
                RegexOptions.CultureInvariant))
            ? AuditSeverity.Critical : null;
    }

    [GeneratedRegex(@"\b(?:curl|wget|fetch|nc|ncat|base64|python[23]?\s+-c|bash\s+-c|sh\s+-c|osascript)\b|/dev/tcp/|/tmp/|/\.(?!(?:openclaw|clawdbot|moltbot)/(?:workspace/)?skills/)[\w-]+/|https?://|\d{1,3}(?:\.\d{1,3}){3}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ScheduledFoothold();

    /// <summary>A temporary copy of the crontab itself: read by <c>cat</c> or installed by <c>crontab FILE</c> (where <c>crontab -l</c> wrote it, the redirection is gone already).</summary>
    [GeneratedRegex(@"\b(?:cat|crontab)\s+(?:/var)?/tmp/[\w.-]*cron[\w.-]*(?=[\s;|)&]|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CrontabCopy();

    /// <summary>
    /// An output redirection and its target: <c>&gt;&gt; ~/.cache/x.log</c>, <c>2&gt;/dev/null</c>, <c>2&gt;&amp;1</c>, also as a
    /// line printed into a crontab (<c>&gt;&gt; \$HOME/.cache/job-$name.log</c>); not one into a socket (<c>&gt; /dev/tcp/…</c>).
    /// </summary>
    [GeneratedRegex(@"(?<![<>&])[0-9&]?>>?(?:&[0-9-]|[ \t]*(?!/dev/(?:tcp|udp)/)(?:\\?\$HOME|\\?\$\{HOME\})?(?:[^\s;|&()'""`<>$\\]|\\?\$[A-Za-z_]\w*(?=[.\w/-]*\.log\b))+(?![$(`]))", RegexOptions.CultureInvariant)]
    private static partial Regex Redirection();

    [GeneratedRegex(@"\.(?:bashrc|zshrc|profile|bash_profile|zprofile|bash_login|zlogin)\b")]
    private static partial Regex StartupFile();

    /// <summary>The quote a line's end is inside (<c>'</c> or <c>"</c>), or <c>'\0'</c>.</summary>
    private static char QuoteOpenAt(string line)
    {
        var quote = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote != '\0')
            {
                quote = c == quote && (quote == '\'' || line[i - 1] != '\\') ? '\0' : quote;
            }
            else if (c is '\'' or '"' && (i == 0 || line[i - 1] != '\\'))
            {
                quote = c;
            }
        }

        return quote;
    }

    /// <summary>
    /// The here-document a command writes: its own (<c>cat &lt;&lt;'EOF'</c>, the body from the next line), or the one held by the
    /// variable it prints (<c>printf '%s\n' "$HOOK"</c> after <c>read -r -d '' HOOK &lt;&lt;'EOF'</c> or <c>HOOK=$(cat &lt;&lt;'EOF'</c>); null when it
    /// writes anything else. The variable is looked for in the 8 KiB before the command, and must not be given anything after it (<c>HOOK+=…</c>); at most 64 lines of a body are read.
    /// </summary>
    private static string? HereDocumentWritten(string text, int lineStart, string command)
    {
        var opener = HereDocumentOpener().Match(command);
        var from = lineStart;
        if (!opener.Success)
        {
            if (PrintedVariable().Match(command) is not { Success: true } printed)
            {
                return null;
            }

            var name = printed.Groups["name"].Value;
            var searchFrom = Math.Max(0, lineStart - 8 * 1024);
            opener = HeldHereDocument().Matches(text[searchFrom..lineStart]).LastOrDefault(m => m.Groups["name"].Value == name) ?? Match.Empty;
            if (!opener.Success)
            {
                return null;
            }

            from = searchFrom + opener.Index;
            if (Regex.IsMatch(text.AsSpan(from + opener.Length, lineStart - from - opener.Length), @"(?<![\w$])" + Regex.Escape(name) + @"\+?=", RegexOptions.CultureInvariant))
            {
                return null;
            }
        }

        var bodyStart = text.IndexOf('\n', from);
        if (bodyStart < 0)
        {
            return null;
        }

        var tag = opener.Groups["tag"].Value;
        var at = bodyStart + 1;
        for (var n = 0; n < 65 && at <= text.Length; n++)
        {
            var end = text.IndexOf('\n', at);
            end = end < 0 ? text.Length : end;
            if (text.AsSpan(at, end - at).Trim().SequenceEqual(tag))
            {
                return text[(bodyStart + 1)..at];
            }

            at = end + 1;
        }

        return null;
    }

    /// <summary>A here-document opened by the command itself and nothing else written with it: <c>cat &lt;&lt;'EOF'</c>, <c>cat &lt;&lt;-EOF</c> (not <c>cat - "$T" &lt;&lt;EOF</c>).</summary>
    [GeneratedRegex(@"^\W*cat[ \t]*<<-?[ \t]*[""']?(?<tag>\w+)[""']?", RegexOptions.CultureInvariant)]
    private static partial Regex HereDocumentOpener();

    /// <summary>A command that prints one variable and nothing else: <c>echo "$HOOK"</c>, <c>printf '\n%s\n' "$HOOK"</c>.</summary>
    [GeneratedRegex(@"^\W*(?:echo|printf)\s+(?:-e\s+)?(?:'[^'$\n]*'\s+)?""?\$\{?(?<name>[A-Za-z_]\w*)\}?""?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex PrintedVariable();

    /// <summary>A variable given a here-document: <c>read -r -d '' HOOK &lt;&lt;'EOF'</c>, <c>HOOK=$(cat &lt;&lt;'EOF'</c>.</summary>
    [GeneratedRegex(@"(?:\bread\s+(?:-\w+\s+(?:''\s+|""""\s+)?)*(?<name>[A-Za-z_]\w*)|(?<name>[A-Za-z_]\w*)=\$\(\s*cat)\s*<<-?[ \t]*[""']?(?<tag>\w+)[""']?", RegexOptions.CultureInvariant)]
    private static partial Regex HeldHereDocument();

    /// <summary>A copy or a connection to another machine: rsync, scp, sftp, ssh, socat, a git push.</summary>
    [GeneratedRegex(@"\b(?:rsync|scp|sftp|ssh|socat|rclone)\b|\bgit\s+push\b", RegexOptions.CultureInvariant)]
    private static partial Regex CallsOut();

    /// <summary>A line that starts something and leaves it running: <c>nohup</c>, <c>disown</c>, a trailing <c>&amp;</c>, <c>setsid</c>.</summary>
    [GeneratedRegex(@"\bnohup\b|\bdisown\b|\bsetsid\b|(?<!&)&[ \t]*(?:\)|$)", RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex Detached();

    /// <summary>Where the last command of a line starts: after its last ';', '&amp;&amp;' or '||' outside quotes (at that separator), or 0.</summary>
    private static int LastCommandStart(string line)
    {
        var start = 0;
        var quote = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == ';' || (c is '&' or '|' && i + 1 < line.Length && line[i + 1] == c))
            {
                start = i;
            }
        }

        return start;
    }

    /// <summary>A placeholder the '>' closes at once: <c>~/dotfiles/&lt;package&gt;/</c>, <c>$(&lt;brew prefix&gt;/bin/brew shellenv)</c>; not an input redirection (<c>cat &lt;job.txt &gt;/etc/cron.d/x</c>).</summary>
    [GeneratedRegex(@"(?:/|\$\(|[\s""'`(])<[\w.-](?:[\w. -]{0,30}[\w.-])?$")]
    private static partial Regex ClosesPlaceholder();

    [GeneratedRegex(@"(?:^|\|\||&&|;)\s*(?:echo|printf)\s+(?:-e\s+)?(?:'(?:\\n|%s|\s)*'\s+)?['""]?\s*(?:\\n\s*)*(?:export\s+\w+=|alias\s|source\s|\.\s|PATH=|eval\s+\\?""?\$\((?:[\w./~-]*/)?\w[\w-]*\s+(?:init|env|shellenv|completion|hook|activate)|fpath|autoload|#|for\s+\w+\s+in\s+[~$][^;'""]*;\s*do\s+(?:source|\.)\s)", RegexOptions.IgnoreCase)]
    private static partial Regex ConfigurationOnly();

    /// <summary>
    /// A variable printed that the script gave one line of configuration (<c>line='export PATH="$HOME/.npm-global/bin:$PATH"'</c>,
    /// then <c>printf '\n%s\n' "$line" &gt;&gt; ~/.profile</c>).
    /// </summary>
    private static bool PrintsConfiguringVariable(string text, string command) =>
        PrintedVariable().Match(command) is { Success: true } printed
        && Regex.Matches(text, @"^[ \t]*(?:local[ \t]+|readonly[ \t]+)?" + Regex.Escape(printed.Groups["name"].Value) + @"=(?:'(?<value>[^'\n]{1,300})'|""(?<value>[^""\n]{1,300})"")[ \t]*$", RegexOptions.Multiline | RegexOptions.CultureInvariant).Cast<Match>().LastOrDefault() is { Success: true } assigned
        && assigned.Groups["value"].Value.Trim() is var value && value.IndexOfAny([';', '&', '|', '`']) < 0 && PrintedConfiguration().IsMatch(value);

    /// <summary>
    /// Each line an <c>echo</c> or <c>printf</c> writes (split at its <c>\n</c> escapes) is configuration: an export, an alias,
    /// a source, a comment, a tool's init; <c>printf '\nalias k=kubectl\n'</c> is, <c>printf '\n# added\n(nohup ~/.x/agent &amp;)\n'</c> is not.
    /// </summary>
    private static bool EveryPrintedLineConfigures(string command) =>
        command.Split(["\\n", "\n"], StringSplitOptions.None).Skip(1).Select(piece => piece.Trim(' ', '\t', '\'', '"'))
            .All(piece => piece.Length == 0 || piece == "%s" || piece.StartsWith('>') || PrintedConfiguration().IsMatch(piece));

    [GeneratedRegex(@"^(?:export\s+\w+=(?![^\n]*\$\()|alias\s+[\w.-]+=(?![^\n]*(?:curl|wget|nohup|\|\s*(?:ba|z)?sh))|source\s|\.\s|PATH=|eval\s+""?\$\(|fpath|autoload|#|\[\s|fi\b|then\b|[\w-]+\s*\(\)\s*\{?$)", RegexOptions.CultureInvariant)]
    private static partial Regex PrintedConfiguration();

    /// <summary>An <c>@reboot</c> entry (<c>@reboot /usr/local/bin/x</c>, <c>"@reboot " + agent</c>, <c>'@reboot\t%s'</c>), not the schedule's name alone in quotes, listed or checked (<c>{"@reboot", "@hourly"}</c>).</summary>
    [GeneratedRegex(@"@reboot(?![""'`\w])", RegexOptions.CultureInvariant)]
    private static partial Regex RebootJob();
}
