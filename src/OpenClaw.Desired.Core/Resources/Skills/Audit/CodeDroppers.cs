using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>
/// A program that fetches something, unpacks it or makes it executable, and starts what it got: the dropper of an
/// install hook (<c>setup.py</c>'s install command, npm's <c>preinstall</c>, Cargo's <c>build.rs</c>, a Go bootstrap),
/// written in the language of the package rather than in shell. Read as three steps in one file, in order: a fetch
/// (an HTTP client, or <c>curl</c>/<c>wget</c> called from code), then an unpack or a chmod, then a process started
/// with something the unpack or chmod step named (a path variable, a folder), or a shell or installer given a file.
/// </summary>
public static partial class CodeDroppers
{
    public static readonly (string Id, AuditSeverity Severity, string Why) Dropper =
        ("download-then-run", AuditSeverity.Critical, "downloads a script or program to a file and runs that file, unreviewed");

    /// <summary>Where a program starts what it fetched (offset of the start), and how grave: medium where every host it names is a vendor's installer host.</summary>
    public static IEnumerable<(int Offset, (string Id, AuditSeverity Severity, string Why) Rule)> Scan(string text)
    {
        if (text.Length > 1024 * 1024 || !Fetch().IsMatch(text))
        {
            yield break;
        }

        var fetchAt = Fetch().Match(text).Index;

        // A fetched script written to a file and handed to a shell needs no unpack or chmod: sh reads it as it is.
        var writtenLines = Written().Matches(text, fetchAt).Take(64).Select(w => LineAround(text, w.Index)).ToList();
        var written = new HashSet<string>(writtenLines.SelectMany(Named), StringComparer.Ordinal);
        if (written.Count > 0)
        {
            var firstWritten = Written().Match(text, fetchAt).Index;
            foreach (Match start in Starts(text, firstWritten))
            {
                var line = LineAround(text, start.Index);
                var at = Math.Max(0, line.IndexOf(start.Value, StringComparison.Ordinal));
                var call = line[at..];
                if (ShellOrInstaller().Match(call) is { Success: true } shell && call[(shell.Index + shell.Length)..] is var given
                    && !CommandString().IsMatch(given) && SameFile(given, writtenLines) && Named(given).Any(written.Contains))
                {
                    yield return (start.Index, Dropper with { Severity = Origins.NamesOnlyVendorHosts(text) ? AuditSeverity.Medium : AuditSeverity.Critical });
                    yield break;
                }
            }

            // Or loaded by the program's own language: import(pathToFileURL(file).href), runpy.run_path(p), exec(open(p).read()).
            foreach (Match load in Loader().Matches(text, firstWritten))
            {
                var line = LineAround(text, load.Index);
                var at = Math.Max(0, line.IndexOf(load.Value, StringComparison.Ordinal));
                var given = line[(at + load.Length)..];
                if (!given.Contains(".json", StringComparison.Ordinal) && !writtenLines.Any(l => l.Contains(".json", StringComparison.Ordinal))
                    && SameFile(given, writtenLines) && writtenLines.All(l => FileLiteral().Matches(l).All(f => given.Contains(f.Groups["name"].Value, StringComparison.Ordinal)))
                    && Named(given).Any(written.Contains) && writtenLines.Any(l => WritesFetched(text, l, load.Index)))
                {
                    yield return (load.Index, Dropper with { Severity = Origins.NamesOnlyVendorHosts(text) ? AuditSeverity.Medium : AuditSeverity.Critical });
                    yield break;
                }
            }
        }

        var prepared = new List<string>();
        var functions = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match step in Prepare().Matches(text, fetchAt))
        {
            prepared.Add(LineAround(text, step.Index));
            if (EnclosingFunction(text, step.Index) is { } function)
            {
                functions.Add(function);
            }
        }

        if (prepared.Count == 0)
        {
            yield break;
        }

        var firstPrepared = Prepare().Match(text, fetchAt).Index;
        // The names the unpack or chmod used, and the functions they sit in: helper = livereload_helper starts what that function made executable.
        var words = new HashSet<string>(prepared.SelectMany(Identifiers).Concat(functions), StringComparer.Ordinal);
        foreach (Match start in Starts(text, firstPrepared))
        {
            var line = LineAround(text, start.Index);
            if (Prepare().IsMatch(line) && !ShellOrInstaller().IsMatch(start.Value))
            {
                // An unpack run as a process (tar -x) starts nothing fetched.
                continue;
            }

            // What is started is the first argument: a program named by a literal (ffmpeg run on a fetched video) is the
            // system's, unless it is a shell or installer handed the file, or the very path the fetch or a write and then the
            // chmod named (os.Create("/tmp/agentd") … os.Chmod("/tmp/agentd", 0755)); an expression built from what was unpacked is the download.
            var at = line.IndexOf(start.Value, StringComparison.Ordinal);
            var program = FirstArgument(line[(at < 0 ? 0 : at + start.Value.Length)..]);
            if (ShellOrInstaller().IsMatch(program) && ShellOrInstaller().IsMatch(line[Math.Max(0, at)..])
                || !IsLiteral(program) && Identifiers(program).Concat(Identifiers(program).SelectMany(name => AssignedFrom(text, name, start.Index))).Any(words.Contains)
                || IsLiteral(program) && program.AsSpan(1, program.Length - 2).IndexOfAny('/', '\\') >= 0 && prepared.Any(p => p.Contains(program[1..^1], StringComparison.Ordinal))
                    && (Written().Matches(text, fetchAt).Take(64).Any(w => LineAround(text, w.Index).Contains(program[1..^1], StringComparison.Ordinal)) || LineAround(text, fetchAt).Contains(program[1..^1], StringComparison.Ordinal)))
            {
                yield return (start.Index, Dropper with { Severity = Origins.NamesOnlyVendorHosts(text) ? AuditSeverity.Medium : AuditSeverity.Critical });
                yield break;
            }
        }
    }

    /// <summary>The first argument of a call, as written: up to the first comma or closing bracket outside brackets and quotes.</summary>
    private static string FirstArgument(string rest)
    {
        var i = 0;
        while (i < rest.Length && (char.IsWhiteSpace(rest[i]) || rest[i] is '(' or '[' or '&'))
        {
            i++;
        }

        var depth = 0;
        char? quote = null;
        for (var j = i; j < rest.Length; j++)
        {
            var c = rest[j];
            if (quote is not null)
            {
                quote = c == quote ? null : quote;
            }
            else if (c is '"' or '\'' or '`')
            {
                quote = c;
            }
            else if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}' && depth > 0)
            {
                depth--;
            }
            else if (depth == 0 && (c is ',' or ')' or ']' or ';' || (c == ' ' && rest[i] is not '"' and not '\'' && j > i && rest[i..j].All(ch => ch is '.' or '-' or '$' or '_' || char.IsLetterOrDigit(ch)))))
            {
                return rest[i..j];
            }
        }

        return rest[i..];
    }

    /// <summary>Whether a write's data is what a fetch returned: a name in it assigned, before <paramref name="before"/>, from a fetch or a response's body (<c>code = await (await fetch(url)).text()</c>).</summary>
    private static bool WritesFetched(string text, string writeLine, int before) =>
        Named(writeLine).Any(name => AssignedLine(text, name, before) is { } line && (Fetch().IsMatch(line) || ResponseBody().IsMatch(line)));

    /// <summary>The right of the last assignment to a name before an offset, within 4 KiB.</summary>
    private static string? AssignedLine(string text, string name, int before)
    {
        var from = Math.Max(0, before - 4096);
        return Regex.Matches(text[from..before], @"(?<![\w.$])" + Regex.Escape(name) + @"[ \t]*:?=(?!=)[ \t]*(?<rhs>[^\n]{1,300})", RegexOptions.CultureInvariant).LastOrDefault()?.Groups["rhs"].Value;
    }

    [GeneratedRegex(@"\.(?:text|read|content|body|arrayBuffer|buffer|bytes)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ResponseBody();

    /// <summary>The function a line sits in: the nearest <c>def</c>, <c>function</c>, <c>fn</c> or <c>func</c> before it, within 4 KiB.</summary>
    private static string? EnclosingFunction(string text, int offset)
    {
        var from = Math.Max(0, offset - 4096);
        return FunctionStart().Matches(text[from..offset]).LastOrDefault() is { } start ? start.Groups["name"].Value : null;
    }

    /// <summary>The names on the right of the last assignment to <paramref name="name"/> before an offset (<c>helper = livereload_helper</c>), within 4 KiB.</summary>
    private static IEnumerable<string> AssignedFrom(string text, string name, int before) =>
        AssignedLine(text, name, before) is { } right ? Identifiers(right) : [];

    [GeneratedRegex(@"^[ \t]*(?:(?:pub|async|export|static|private|public)[ \t]+)*(?:def|function|fn|func|sub)[ \t]+(?:\([^)\n]*\)[ \t]*)?(?<name>[A-Za-z_]\w*)", RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex FunctionStart();

    private static bool IsLiteral(string argument) =>
        argument.Length >= 2 && argument[0] is '"' or '\'' && argument[^1] == argument[0] && argument.IndexOf(argument[0], 1) == argument.Length - 1;

    private static string LineAround(string text, int offset)
    {
        var start = offset == 0 ? 0 : text.LastIndexOf('\n', offset - 1) + 1;
        var end = text.IndexOf('\n', offset);
        return text[start..(end < 0 ? text.Length : end)];
    }

    /// <summary>The names a line uses (variables, folders), without the language's own words.</summary>
    private static IEnumerable<string> Identifiers(string line) =>
        Identifier().Matches(line).Select(m => m.Value).Where(w => w.Length >= 2 && !Common.Contains(w));

    /// <summary>
    /// Whether what a shell is given can be the file written: where it names a file by a literal (<c>"hooks/after.sh"</c>),
    /// a write names it too; a bundled script started beside a cache written elsewhere is not the download.
    /// </summary>
    private static bool SameFile(string given, List<string> writtenLines)
    {
        var names = FileLiteral().Matches(given).Select(m => m.Groups["name"].Value).ToList();
        return names.Count == 0 || names.Any(n => writtenLines.Any(l => l.Contains(n, StringComparison.Ordinal)));
    }

    [GeneratedRegex(@"[""'/](?<name>[\w.-]+\.[A-Za-z]\w{0,5})[""']", RegexOptions.CultureInvariant)]
    private static partial Regex FileLiteral();

    /// <summary>A shell given a command line (<c>sh -c "git add x &amp;&amp; git commit"</c>), not a file.</summary>
    [GeneratedRegex(@"^\W{0,6}-c\b", RegexOptions.CultureInvariant)]
    private static partial Regex CommandString();

    /// <summary>The names a write or a start uses (the file's variable, <c>path</c> too), without the call's own words or a module's name before its member (<c>path.join</c>).</summary>
    private static IEnumerable<string> Named(string line) =>
        Identifier().Matches(line).Where(m => m.Index + m.Length >= line.Length || line[m.Index + m.Length] != '.' || !Modules.Contains(m.Value)).Select(m => m.Value).Where(w => (w.Length >= 2 || !Handles.Contains(w[0])) && !WriteWords.Contains(w));

    /// <summary>One-letter names that are an error, a mode or a string's prefix (<c>e</c>, <c>"w"</c>, <c>b"…"</c>), not a file's name.</summary>
    private const string Handles = "_berwx";

    /// <summary>Modules whose members build paths (<c>path.join</c>, <c>os.path</c>): their names say nothing of which file.</summary>
    private static readonly HashSet<string> Modules = new(StringComparer.Ordinal) { "path", "os", "fs", "filepath", "sys", "shutil", "pathlib", "tempfile", "Path", "File", "Dir", "FileUtils" };

    /// <summary>The words of a write call and its options, not the file it writes or what it writes there.</summary>
    private static readonly HashSet<string> WriteWords = new(StringComparer.Ordinal)
    {
        "File", "IO", "write", "open", "wb", "fs", "os", "ioutil", "WriteFile", "writeFileSync", "writeFile", "write_text", "write_bytes", "Set", "Content", "Out",
        "Path", "encoding", "utf", "utf8", "mode", "with", "as", "err", "nil", "if", "await", "const", "let", "var", "Value", "Encoding", "NoNewline", "chmod", "perm",
        "out", "stdout", "stderr", "NULL", "DEVNULL", "devnull", "null", "true", "false", "None", "detached", "stdio", "ignore", "env", "cwd", "shell", "check",
        "join", "Join", "filepath", "str", "dirname", "__dirname", "__file__", "resolve", "parent", "home", "homedir", "new",
        "createWriteStream", "Create", "create", "copyfileobj", "DownloadFile", "urlretrieve", "urllib", "request", "OutFile", "Uri", "Invoke", "WebRequest",
    };

    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "os", "path", "join", "Join", "filepath", "new", "let", "var", "const", "fs", "exec", "spawn", "Command", "args", "arg", "status", "true", "false", "null", "nil", "None",
        "subprocess", "call", "run", "Popen", "system", "str", "self", "the", "to", "stdout", "stderr", "DEVNULL", "stdio", "ignore", "cwd", "shell", "detached", "unref", "Start",
        "Process", "FilePath", "ArgumentList", "Wait", "NoNewWindow", "WindowStyle", "Hidden", "env", "sh", "bash", "sudo", "if", "else", "return", "try", "catch", "await", "unwrap",
        "to_str", "Ok", "Err", "err", "ok", "cmd", "String", "string", "format", "println", "print", "echo", "out", "in", "for", "with", "as", "from", "import", "require", "fn",
    };

    [GeneratedRegex(@"[A-Za-z_$][\w$]*", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();

    /// <summary>A fetch from code: an HTTP client's get or download, or curl/wget called as a program.</summary>
    [GeneratedRegex(@"\b(?:urlretrieve|urlopen|requests\.get|httpx\.get|https?\.get\s*\(|fetch\s*\(|axios(?:\.get)?\s*\(|got\s*\(|http\.Get\s*\(|Net::HTTP|URI\.open|open-uri|URI\.parse\s*\([^\n]{0,200}?\)\.open\b|Invoke-WebRequest|iwr\s|DownloadFile|WebClient|reqwest::|ureq::)|[""'](?:curl|wget)[""']", RegexOptions.CultureInvariant)]
    private static partial Regex Fetch();

    /// <summary>An unpack or a chmod in code: what turns a download into something to start.</summary>
    [GeneratedRegex(@"\b(?:tarfile|extractall|zipfile|ZipFile|AdmZip|zip\.OpenReader|gzip\.NewReader|tar\.NewReader|Expand-Archive|Zip::File|unzip|chmodSync|os\.Chmod|os\.chmod|set_permissions|PermissionsExt)\b|[""'](?:tar|unzip|7z|chmod)[""']|[""']-?x[zj]?f[""']|\b0o?7[57]5\b|[""']755[""']|[""']\+x[""']|&\s*\$7z|\b7z(?:\.exe)?\b[^\n]*\bx\b", RegexOptions.CultureInvariant)]
    private static partial Regex Prepare();

    /// <summary>
    /// Text written to a file from code: <c>File.write(path, body)</c>, <c>open(p, "w").write(…)</c>, <c>writeFileSync</c>,
    /// <c>os.WriteFile</c>, <c>Set-Content</c>; a stream or file opened to copy a response into (<c>createWriteStream</c>,
    /// Go's <c>os.Create</c>, Rust's <c>File::create</c>); a fetch that writes its own file (<c>urlretrieve(url, path)</c>,
    /// <c>-OutFile</c>, <c>DownloadFile</c>).
    /// </summary>
    [GeneratedRegex(@"\b(?:File\.(?:bin)?write|IO\.(?:bin)?write|write_text|write_bytes|writeFileSync|writeFile|os\.WriteFile|ioutil\.WriteFile|fs::write|Set-Content|Out-File|WriteAllText|WriteAllBytes|createWriteStream|os\.Create|File::create|copyfileobj|DownloadFile)\b|\b(?:File\.)?open\s*\([^\n)]{0,200}[""']wb?[""']|\burlretrieve\s*\([^\n,)]{1,300},|-OutFile\b", RegexOptions.CultureInvariant)]
    private static partial Regex Written();

    /// <summary>Code loaded from a file by the program's own language: a dynamic <c>import()</c> or <c>require()</c> of a name, <c>runpy.run_path</c>, <c>spec_from_file_location</c>, <c>exec(open(…).read())</c>, Ruby's <c>load</c>.</summary>
    [GeneratedRegex(@"\bimport\s*\(\s*(?![""'`])|\brequire\s*\(\s*(?![""'`])|\brunpy\.run_path\s*\(|\bspec_from_file_location\s*\(|\bexec\s*\(\s*open\s*\(|\bexecfile\s*\(|^[ \t]*load\s*\(?\s*(?![""'])", RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex Loader();

    /// <summary>The processes a text starts from an offset on; in JavaScript a backquoted string is a template, not a command.</summary>
    private static IEnumerable<Match> Starts(string text, int from) =>
        Start().Matches(text, from).Where(m => m.Value[0] != '`' || !PerText.Ask(text, "javascript", t => JavaScript().IsMatch(t) && !PerlOrRuby().IsMatch(t)));

    /// <summary>JavaScript or TypeScript written: <c>const x</c>, an ES import, <c>console.log</c>, <c>module.exports</c>, <c>process.argv</c>.</summary>
    [GeneratedRegex(@"\bconst\s+[\w{\[]|^[ \t]*import\s+[\w{*][^\n]*\bfrom\s+[""']|\bconsole\.log\s*\(|\bmodule\.exports\b|\bprocess\.argv\b", RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex JavaScript();

    /// <summary>Perl, Ruby or PHP written: <c>my $x</c>, <c>use strict</c>, <c>#{…}</c>, <c>require 'x'</c>, <c>&lt;?php</c>.</summary>
    [GeneratedRegex(@"\bmy\s+[$@%]|^[ \t]*use\s+strict\b|#\{\w|^[ \t]*require\s+[""'][\w/]+[""'][ \t]*$|<\?php", RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex PerlOrRuby();

    /// <summary>A process started from code.</summary>
    [GeneratedRegex(@"\b(?:subprocess\.(?:run|call|Popen|check_call|check_output)|os\.system|os\.exec\w*|spawn(?:Sync)?|execFile(?:Sync)?|execSync|exec\.Command|Command::new|Process\.Start|Start-Process|IO\.popen|system|Kernel\.exec|spawn)\s*\(?|(?<![\w$])exec\s*\(|%x\(|`[^`\n]*\$\{", RegexOptions.CultureInvariant)]
    private static partial Regex Start();

    /// <summary>A shell or installer handed a file: what starts a fetched script or package whatever its name (also a command line joined with it: <c>"sh " + p</c>, <c>f"bash {p}"</c>).</summary>
    [GeneratedRegex(@"[""'](?:/bin/)?(?:ba|z|da)?sh[""']|[""'](?:/bin/)?(?:ba|z|da)?sh +(?:[""']\s*\+|\{|\$\{|%s)|\bmsiexec\b|\binstaller\b[^\n]*-pkg\b|[""']cmd(?:\.exe)?[""'][^\n]*/c\b|\bpowershell\b[^\n]*-File\b", RegexOptions.CultureInvariant)]
    private static partial Regex ShellOrInstaller();
}
