using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>
/// Text fetched into a variable and run as code a few statements later, the download-and-run of a program rather than
/// of a pipe: <c>$s = $wc.DownloadString($h)</c> then <c>&amp; ([scriptblock]::Create($s))</c>; <c>body =
/// requests.get(u).text</c> then <c>exec(body)</c>; <c>const js = await res.text()</c> after a <c>fetch</c>, then
/// <c>new Function(js)()</c>; <c>s=$(curl -fsSL "$u")</c> then <c>bash -c "$s"</c>. Followed through assignments
/// (<c>resp = requests.get(u)</c>, <c>code = resp.text</c>), within <see cref="Reach"/> characters of the fetch. Read in
/// scripts and in a document's code blocks; medium where every host the text names is a vendor's installer host.
/// </summary>
public static partial class FetchedCode
{
    public static readonly (string Id, AuditSeverity Severity, string Why) Rule =
        ("eval-fetched", AuditSeverity.High, "evaluates text fetched from the network as code");

    /// <summary>How far after a fetch its text is followed.</summary>
    private const int Reach = 4000;

    /// <summary>How many fetches of one text are followed.</summary>
    private const int MaxFetches = 32;

    /// <summary>Whether a text may fetch (or open a socket): the cheap test before any other.</summary>
    internal static bool MayFetch(ReadOnlySpan<char> text) => Anchor().IsMatch(text);

    public static IEnumerable<(int Offset, (string Id, AuditSeverity Severity, string Why) Rule)> Scan(string text)
    {
        if (text.Length > 1024 * 1024 || !Anchor().IsMatch(text))
        {
            yield break;
        }

        // What a socket the program opened receives counts as fetched: a loop that runs it is a remote shell.
        var sources = FetchInto().Matches(text).AsEnumerable();
        if (Socket().IsMatch(text))
        {
            sources = sources.Concat(SocketRead().Matches(text)).OrderBy(m => m.Index);
        }

        // Node's streams: a response's 'data' events gathered into a string (r.on('data', c => d += c)), where the program fetches.
        if (NodeFetch().IsMatch(text))
        {
            sources = sources.Concat(DataEvents().Matches(text)).OrderBy(m => m.Index);
        }

        // What a local function that fetches returns is fetched too: const m = await fetchJson(MANIFEST).
        var fetchers = Fetchers(text);
        if (fetchers.Count > 0)
        {
            sources = sources.Concat(Regex.Matches(text, @"(?<![\w$])(?<var>\$?[A-Za-z_]\w{0,63})(?:\s*,\s*[A-Za-z_]\w{0,63})?\s*:?=\s*(?:await\s+)?(?:self\.|this\.)?(?:" + string.Join('|', fetchers) + @")\s*\(", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))).OrderBy(m => m.Index);

            // Or handed to the callback it is given, as the callback's last parameter: get(url, (err, body) => { … }).
            sources = sources.Concat(Regex.Matches(text, @"(?<![\w$.])(?:" + string.Join('|', fetchers) + @")\s*\([^\n]{0,300}?,\s*(?:async\s*)?(?:\(\s*(?:[A-Za-z_$][\w$]*\s*,\s*){0,2}(?<var>[A-Za-z_$][\w$]{0,63})\s*\)\s*=>|(?<var>[A-Za-z_$][\w$]{0,63})\s*=>|function\s*[\w$]*\s*\(\s*(?:[A-Za-z_$][\w$]*\s*,\s*){0,2}(?<var>[A-Za-z_$][\w$]{0,63})\s*\))", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))).OrderBy(m => m.Index);
        }

        var runners = Runners(text);

        // A runner handed a fetcher's result at once: render(fetch(name)).
        if (runners is not null && fetchers.Count > 0)
        {
            var fetcherCall = new Regex(@"(?<![\w$.])(?:" + string.Join('|', fetchers) + @")\s*\(", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            foreach (Match call in runners.Matches(text).Take(64))
            {
                var rest = LineOf(text, call.Index + call.Length);
                if (fetcherCall.IsMatch(rest))
                {
                    yield return (call.Index, Rule with { Severity = Origins.NamesOnlyVendorHosts(text) ? AuditSeverity.Medium : AuditSeverity.High });
                    yield break;
                }
            }
        }

        // A hostile file full of fetches costs no more than the first of them.
        foreach (Match fetched in sources.Take(MaxFetches))
        {
            // curl -o /dev/null -w '%{http_code}': a status or a timing, not what the page holds.
            if (Discarded().IsMatch(LineOf(text, fetched.Index)))
            {
                continue;
            }

            var names = new HashSet<string>(StringComparer.Ordinal) { fetched.Groups["var"].Value.TrimStart('$') };
            var end = Math.Min(text.Length, fetched.Index + Reach);
            var after = fetched.Index + fetched.Length;
            // Two rounds of assignments carry the text on (resp → body → code).
            for (var round = 0; round < 2; round++)
            {
                foreach (Match assigned in Assignment().Matches(text[after..end]))
                {
                    if (Uses(assigned.Groups["expr"].Value, names))
                    {
                        names.Add(assigned.Groups["var"].Value.TrimStart('$'));
                    }
                }

                // A loop over the fetched text binds each entry: for hf in feed.get("hotfixes", []) → hf.
                foreach (Match bound in LoopBinding().Matches(text[after..end]))
                {
                    if (Uses(bound.Groups["expr"].Value, names))
                    {
                        names.Add(bound.Groups["var"].Value.TrimStart('$'));
                    }
                }
            }

            // A call of a function the file defines that runs its argument is a sink too: runStep(s), where runStep runs sh -c step.
            foreach (Match call in runners?.Matches(text[after..end]).Take(64) ?? [])
            {
                var lineEnd = text.IndexOf('\n', after + call.Index + call.Length);
                var args = text[(after + call.Index + call.Length)..Math.Min(lineEnd < 0 ? text.Length : lineEnd, after + call.Index + call.Length + 200)];
                if (FirstName(args) is { } first && names.Contains(first))
                {
                    yield return (after + call.Index, Rule with { Severity = Origins.NamesOnlyVendorHosts(text) ? AuditSeverity.Medium : AuditSeverity.High });
                    yield break;
                }
            }

            foreach (Match sink in Evaluation().Matches(text[after..end]))
            {
                var at = after + sink.Index + sink.Length;
                var lineEnd = text.IndexOf('\n', at);
                var args = text[at..Math.Min(lineEnd < 0 ? text.Length : lineEnd, at + 200)];
                // A command line (system(…), sh -c "…") runs the text only where it starts with it: sh -c "echo $v" prints it.
                if (Uses(args, names) && RunsAsCode(sink.Value, args, names, text))
                {
                    yield return (after + sink.Index, Rule with { Severity = Origins.NamesOnlyVendorHosts(text) ? AuditSeverity.Medium : AuditSeverity.High });
                    yield break;
                }
            }
        }
    }

    /// <summary>
    /// The names, escaped for a pattern, of the functions the file defines whose body fetches (<c>function fetchJson(url) { … https.get
    /// … }</c>, <c>def pull(u): return requests.get(u).json()</c>, Ruby's <c>Net::HTTP.start … do |http|</c>). Each body is read up
    /// to the next definition, 3000 characters at most; eight such functions, and the first 2000 definitions, at most (a
    /// hostile file of a million definitions costs no more than those).
    /// </summary>
    internal static List<string> Fetchers(string text)
    {
        var definitions = Definition().Matches(text);
        var fetchers = new List<string>();
        for (var i = 0; i < Math.Min(definitions.Count, 2000) && fetchers.Count < 8; i++)
        {
            var start = definitions[i].Index + definitions[i].Length;
            var end = Math.Min(i + 1 < definitions.Count ? definitions[i + 1].Index : text.Length, start + 3000);
            var body = text.AsSpan(start, Math.Max(0, end - start));
            if (FetchInto().IsMatch(body) || NodeFetch().IsMatch(body) || BodyFetches().IsMatch(body))
            {
                fetchers.Add(Regex.Escape(definitions[i].Groups["name"].Value));
            }
        }

        return fetchers;
    }

    /// <summary>
    /// Calls of the functions the file defines that run a parameter as code (<c>func runStep(step string) { … exec.Command(shell,
    /// flag, step) }</c> with <c>flag</c> <c>"-c"</c>; <c>def apply(cmd): subprocess.run(cmd, shell=True)</c>), or null where
    /// none does. Bodies are read as for <see cref="Fetchers"/>; eight such functions at most.
    /// </summary>
    private static Regex? Runners(string text)
    {
        var definitions = Definition().Matches(text);
        var runners = new List<string>();
        var judged = 0;
        for (var i = 0; i < Math.Min(definitions.Count, 2000) && runners.Count < 8; i++)
        {
            var start = definitions[i].Index + definitions[i].Length;
            var end = Math.Min(i + 1 < definitions.Count ? definitions[i + 1].Index : text.Length, start + 3000);
            var parameters = Parameters().Match(text, start, Math.Max(0, Math.Min(end, start + 300) - start));
            if (!parameters.Success)
            {
                continue;
            }

            var names = parameters.Groups["list"].Value.Split(',').Select(p => Words().Match(p).Value).Where(n => n.Length >= 2 && n is not "self" and not "this").ToHashSet(StringComparer.Ordinal);
            var body = text[start..Math.Max(start, end)];
            foreach (Match sink in Evaluation().Matches(body).Take(16))
            {
                if (++judged > 256)
                {
                    break;
                }

                var lineEnd = body.IndexOf('\n', sink.Index + sink.Length);
                var args = body[(sink.Index + sink.Length)..Math.Min(lineEnd < 0 ? body.Length : lineEnd, sink.Index + sink.Length + 200)];
                if (names.Count > 0 && Uses(args, names) && RunsAsCode(sink.Value, args, names, text))
                {
                    runners.Add(Regex.Escape(definitions[i].Groups["name"].Value));
                    break;
                }
            }
        }

        return runners.Count == 0 ? null : new Regex(@"(?<![\w$.])(?<!\b(?:function|def|func)\s+)(?:" + string.Join('|', runners) + @")\s*\(", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    /// <summary>A definition's parameter list, right after its name: <c>(step string)</c>, <c>(cmd, timeout=5)</c>, <c>= (cmd) =&gt;</c>.</summary>
    [GeneratedRegex(@"\G\s*(?:=\s*(?:async\s*)?(?:function\s*)?)?\((?<list>[^()\n]{1,200})\)", RegexOptions.CultureInvariant)]
    private static partial Regex Parameters();

    /// <summary>A function's definition and its name: JavaScript's, Python's, Go's, Ruby's.</summary>
    [GeneratedRegex(@"(?:\bfunction\s+|\bdef\s+|\bfunc\s+|\b(?:const|let|var)\s+(?=\w+\s*=\s*(?:async\s*)?(?:\(|function\b|\w+\s*=>)))(?<name>[A-Za-z_]\w{2,63})", RegexOptions.CultureInvariant)]
    private static partial Regex Definition();

    [GeneratedRegex(@"\breturn\b[^\n]{0,120}?(?:requests\.(?:get|post)|urlopen|\bfetch\s*\(|axios|http\.Get\s*\()", RegexOptions.CultureInvariant)]
    private static partial Regex BodyFetches();

    /// <summary>The line from the offset on, at most 400 characters.</summary>
    private static ReadOnlySpan<char> LineOf(string text, int offset)
    {
        var rest = text.AsSpan(offset, Math.Min(400, text.Length - offset));
        var end = rest.IndexOf('\n');
        return end < 0 ? rest : rest[..end];
    }

    [GeneratedRegex(@"(?:-o|--output)\s+/dev/null\b|\s(?:-I|--head)\b|\s-[a-zA-Z]*I\b", RegexOptions.CultureInvariant)]
    private static partial Regex Discarded();

    /// <summary>
    /// Whether a sink runs the names' text as code: an evaluator does; a command line only where it starts with it
    /// (<c>sh -c "echo $v"</c> prints it); a process only where the text is its command line (<c>subprocess.run(action,
    /// shell=True)</c>, <c>child_process.execSync(cmd)</c>) or follows a shell's or interpreter's code flag, written there or
    /// given a name of its own (<c>shell, flag := "/bin/sh", "-c"</c>).
    /// </summary>
    private static bool RunsAsCode(string sink, string args, HashSet<string> names, string text)
    {
        if (CommandSink().IsMatch(sink) || sink.StartsWith("ERB", StringComparison.Ordinal))
        {
            // A command line, or a template, is run where it is the text: ERB.new(template) evaluates it; ERB.new(File.read(…)).result_with_hash(data) only shows the data.
            return FirstName(args) is { } first && names.Contains(first);
        }

        // Ruby's exec(env, *ARGV): a hash of variables first (env = fields.to_h { … }), then the command the user gave.
        if (sink.StartsWith("exec", StringComparison.OrdinalIgnoreCase) && EnvironmentFirst().Match(args) is { Success: true } env
            && Regex.IsMatch(text, @"(?<![\w.$])" + Regex.Escape(env.Groups["name"].Value) + @"\s*=\s*[^\n]*(?:\.to_h\b|\bENV\.(?:to_h|merge)\b)", RegexOptions.CultureInvariant))
        {
            return false;
        }

        if (!ProcessSink().IsMatch(sink))
        {
            return true;
        }

        var commandLine = sink.StartsWith("subprocess", StringComparison.Ordinal) ? ShellTrue().IsMatch(args)
            : !sink.StartsWith("exec.", StringComparison.Ordinal) && !sink.Contains("spawn", StringComparison.Ordinal) && !sink.Contains("execFile", StringComparison.Ordinal);
        if (commandLine && FirstName(args) is { } command && names.Contains(command))
        {
            return true;
        }

        var flagged = CodeFlag().Match(args);
        if (flagged.Success && names.Contains(flagged.Groups["name"].Value))
        {
            return true;
        }

        // The flag given a name: exec.Command(shell, flag, step) after shell, flag := "/bin/sh", "-c" (the names read once per text).
        var flags = PerText.Get(text, "code-flag-names", FlagNames);
        var words = Words().Matches(args).Take(16).Select(m => m.Value).ToList();
        for (var i = 0; i + 1 < words.Count; i++)
        {
            if (flags.Contains(words[i]) && names.Contains(words[i + 1]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The names a text gives a shell's code flag: <c>flag := "-c"</c>, the second of <c>shell, flag := "/bin/sh", "-c"</c>.</summary>
    private static HashSet<string> FlagNames(string text)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in FlagAssigned().Matches(text).Take(64))
        {
            names.Add(m.Groups["name"].Value);
        }

        return names;
    }

    [GeneratedRegex(@"(?<![\w$])(?:[A-Za-z_]\w{0,63}[ \t]*,[ \t]*)?(?<name>[A-Za-z_]\w{0,63})[ \t]*:?=[ \t]*(?:[""'][^""'\n]{0,200}[""'][ \t]*,[ \t]*)?[""'](?:-[a-z]?c|/[cC])[""']", RegexOptions.CultureInvariant)]
    private static partial Regex FlagAssigned();

    /// <summary>The name a call's argument list starts with (<c>$c) if $c</c> → <c>c</c>), or null.</summary>
    private static string? FirstName(string args)
    {
        var name = Identifier().Match(args);
        return name.Success && name.Index == 0 && name.Groups["name"].Index <= 4 ? name.Groups["name"].Value : null;
    }

    [GeneratedRegex(@"[\s$@(""'{]*(?<name>[A-Za-z_]\w*)", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();

    /// <summary>Whether an expression uses one of the names: a name of three letters or more as a word, a shorter one as <c>$s</c>, <c>${s}</c>, <c>(s)</c>, an argument after a comma or the expression's first word.</summary>
    private static bool Uses(string expression, HashSet<string> names)
    {
        foreach (var name in names)
        {
            var index = 0;
            while ((index = expression.IndexOf(name, index, StringComparison.Ordinal)) >= 0)
            {
                // An expression's first word is a use: the sink took its parenthesis (exec(r.text)), the assignment its = (src = r.read()).
                var before = index == 0 ? '(' : expression[index - 1];
                var next = index + name.Length < expression.Length ? expression[index + name.Length] : ' ';
                var word = !(char.IsLetterOrDigit(before) || before == '_') && !(char.IsLetterOrDigit(next) || next == '_');
                // A short name counts as a sigil's, a group's or an argument's: $s, ${s}, (s), f(a, s).
                var argument = before == ' ' && index >= 2 && expression[..index].TrimEnd() is [.., ',' or '('];
                if (word && (name.Length >= 3 || before is '$' or '{' or '(' or ',' || argument))
                {
                    return true;
                }

                index += name.Length;
            }
        }

        return false;
    }

    [GeneratedRegex(@"DownloadString|DownloadData|Invoke-RestMethod|\birm\b|Invoke-WebRequest|\biwr\b|GetString|requests\.(?:get|post|request)|httpx\.\w+\(|urlopen|fetch\s*\(|axios|\.(?:get|post)\s*\(\s*f?[""']https?://|https?\.get|Net::HTTP|URI\.open|http\.Get|reqwest::|ureq::|\$\(\s*(?:curl|wget)\b|`(?:curl|wget)\b|\.on\(\s*['""]data['""]|IO::Socket|socket\.socket|TcpClient|TCPSocket|net\.(?:connect|createConnection|Dial)|(?-i:\b(?:http\.DefaultClient|\w*[hH]ttp[cC]lient|client|c)\.(?:Get|Do|Post)\s*\()", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Anchor();

    [GeneratedRegex(@"IO::Socket::(?:INET|IP|SSL)\b|socket\.socket\s*\(|socket\.create_connection|Net\.Sockets\.TcpClient|\bTCPSocket\.(?:new|open)|\bnet\.(?:connect|createConnection|Dial)\s*\(", RegexOptions.CultureInvariant)]
    private static partial Regex Socket();

    /// <summary>A variable given what a socket receives: Perl's <c>&lt;$s&gt;</c>, <c>recv</c>, <c>gets</c> or <c>ReadLine</c> on a stream.</summary>
    [GeneratedRegex(@"(?<![\w$])(?<var>\$?[A-Za-z_]\w{0,63})\s*:?=\s*[^\n;=]{0,60}?(?:<\$\w+>|\.recv\s*\(|\.gets\b|\.ReadLine\s*\(|\.readline\s*\(|\.read\s*\(\s*\d+\s*\))", RegexOptions.CultureInvariant)]
    private static partial Regex SocketRead();

    [GeneratedRegex(@"require\(\s*['""](?:node:)?https?['""]\s*\)|\bhttps?\.(?:get|request)\s*\(", RegexOptions.CultureInvariant)]
    private static partial Regex NodeFetch();

    [GeneratedRegex(@"\.on\(\s*['""]data['""]\s*,\s*(?:\(?\s*\w+\s*\)?\s*=>|function\s*\(\s*\w+\s*\))\s*[{(]?\s*(?<var>[A-Za-z_]\w*)\s*\+=", RegexOptions.CultureInvariant)]
    private static partial Regex DataEvents();

    /// <summary>A sink that runs a command line: what it is handed must be the received text itself.</summary>
    [GeneratedRegex(@"^(?:(?:os\.)?(?:system|popen|shell_exec|passthru)\s*\(|(?:ba|z|da)?sh\s+-c|python[23]?\s+-c|node\s+-e)$", RegexOptions.CultureInvariant)]
    private static partial Regex CommandSink();

    /// <summary>A variable given what a fetch returns (or the response it is read from): also a session's <c>s.get("https://…")</c> and a <c>with urlopen(u) as r:</c> block's name.</summary>
    [GeneratedRegex(@"(?<![\w$])(?<var>\$?[A-Za-z_]\w{0,63})(?:[ \t]*,[ \t]*[A-Za-z_]\w{0,63})?\s*:?=\s*(?:await\s+)?[^\n;=]{0,120}?(?:DownloadString|DownloadData|Invoke-RestMethod|\birm\b|Invoke-WebRequest|\biwr\b|GetString(?:Async)?|requests\.(?:get|post|request)|httpx\.(?:get|post|request)|urlopen|\bfetch\s*\(|axios(?:\.get)?\s*\(|https?\.get\s*\(|Net::HTTP\.get|URI\.open|Net::HTTP\.start|http\.Get\s*\(|reqwest::(?:blocking::)?get|ureq::get|\.(?:get|post)\s*\(\s*f?[""']https?://|(?-i:\b(?:http\.DefaultClient|\w*[hH]ttp[cC]lient|client|c)\.(?:Get|Do|Post)\s*\((?=[^\n)]*(?:[uU][rR][lL]|https?://|\+))))|\bwith\s+[^\n:]{0,120}?(?:urlopen|requests\.(?:get|post)|httpx\.\w+|\.(?:get|post)\s*\(\s*f?[""']https?://)[^\n]{0,200}?\bas\s+(?<var>[A-Za-z_]\w{0,63})\s*:|(?<![\w$])(?<var>[A-Za-z_]\w{0,63})=[""']?(?:\$\(|`)\s*(?:curl|wget)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FetchInto();

    /// <summary>Any assignment on one line: <c>code = resp.text</c>, <c>$s = $r.Content</c>, <c>const js = await res.text()</c>.</summary>
    [GeneratedRegex(@"(?<![\w$])(?<var>\$?[A-Za-z_]\w{0,63})\s*:?=(?![=>])\s*(?<expr>[^\n;]{1,200})", RegexOptions.CultureInvariant)]
    private static partial Regex Assignment();

    /// <summary>
    /// A loop's variable and what it walks: Python's <c>for x in expr:</c>, JavaScript's <c>for (const x of expr)</c>,
    /// Ruby's <c>expr.each do |x|</c>, PowerShell's <c>foreach ($x in $expr)</c>, a callback's <c>expr.forEach((x) =&gt;</c>,
    /// Go's <c>for _, x := range expr {</c>.
    /// </summary>
    [GeneratedRegex(@"\bfor\s+(?:\(\s*)?(?<var>[A-Za-z_]\w{0,63})(?:\s*,\s*[A-Za-z_]\w{0,63})?\)?\s+in\s+(?<expr>[^\n:]{1,200}):|\bfor\s*\(\s*(?:const|let|var)\s+(?<var>[A-Za-z_$][\w$]{0,63})\s+of\s+(?<expr>[^\n]{1,200})\)|\bforeach\s*\(\s*(?<var>\$\w{1,63})\s+in\s+(?<expr>[^\n)]{1,200})\)|(?<expr>[\w.$\[\]""'()-]{1,200})\.(?:each|forEach|map)\s*(?:do\s*\||\{\s*\||\(\s*(?:async\s*)?\(?\s*)(?<var>[A-Za-z_$][\w$]{0,63})|\bfor\s+(?:_|[A-Za-z_]\w{0,63})\s*,\s*(?<var>[A-Za-z_]\w{0,63})\s*:?=\s*range\s+(?<expr>[^\n{]{1,200})\{", RegexOptions.CultureInvariant)]
    private static partial Regex LoopBinding();

    /// <summary>A call given a name, then the command the user typed and nothing else: <c>(env, *ARGV)</c>.</summary>
    [GeneratedRegex(@"^\s*(?<name>[A-Za-z_]\w{0,63})\s*,\s*\*(?:ARGV|args|argv|cmd|command)\s*\)", RegexOptions.CultureInvariant)]
    private static partial Regex EnvironmentFirst();

    /// <summary>Where text becomes code: PowerShell's script blocks and iex, eval and exec, JavaScript's Function and vm, Ruby's evals, a shell or interpreter given a string.</summary>
    [GeneratedRegex(@"\b(?:iex|Invoke-Expression)\b|\[scriptblock\]::Create|\bInvoke-Command\b[^\n]*?-ScriptBlock|(?<![.\w])eval\b|(?<![.\w])exec\s*\(|\bnew\s+Function\s*\(|(?<![.\w])Function\s*\(|\bvm\.(?:runIn\w*|Script)\b|\b(?:instance_eval|class_eval|module_eval)\b|(?<![.\w])compile\s*\(|\b(?:ba|z|da)?sh\s+-c\b|\bpython[23]?\s+-c\b|\bnode\s+-e\b|\bsource\s+<\(|\bexecScript\b|\brunpy\.run_\w+|(?<![.\w])(?:system|popen|shell_exec|passthru)\s*\(|\bos\.(?:system|popen)\s*\(|`\$\w+`|\bsubprocess\.(?:run|call|Popen|check_output|check_call|getoutput|getstatusoutput)\s*\(|\bexec\.Command(?:Context)?\s*\(|\b(?:child_process|cp)\.(?:exec|execSync|spawn|spawnSync|execFile|execFileSync)\s*\(|(?<![.\w])(?:execSync|spawnSync|execFileSync)\s*\(|\bERB\.new\s*\(", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Evaluation();

    /// <summary>A process started from a list of words or a command line: it runs the fetched text only where a shell or interpreter is given it (see <see cref="RunsAsCode"/>).</summary>
    [GeneratedRegex(@"^(?:subprocess\.\w+|exec\.Command(?:Context)?|(?:child_process|cp)\.\w+|execSync|spawnSync|execFileSync)\s*\($", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ProcessSink();

    /// <summary>A shell's or interpreter's flag for code, then a name: <c>[sys.executable, "-c", code]</c>, <c>spawn('sh', ['-c', x])</c>.</summary>
    [GeneratedRegex(@"[""'](?:-[a-z]{0,2}c|-e|/[cC]|-Command|--eval)[""']\s*,\s*\[?\s*(?<name>[A-Za-z_$][\w$]{0,63})", RegexOptions.CultureInvariant)]
    private static partial Regex CodeFlag();

    /// <summary>Python's <c>shell=True</c>: the first argument is a command line.</summary>
    [GeneratedRegex(@"\bshell\s*=\s*True\b", RegexOptions.CultureInvariant)]
    private static partial Regex ShellTrue();

    [GeneratedRegex(@"[A-Za-z_$][\w$]{0,63}", RegexOptions.CultureInvariant)]
    private static partial Regex Words();
}
