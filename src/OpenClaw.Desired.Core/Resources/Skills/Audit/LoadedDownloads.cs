using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>
/// A file downloaded, then loaded as code: a "rule pack" fetched to <c>~/.cache/x/rules.py</c> and run with
/// <c>importlib</c>'s <c>exec_module</c>, a plugin's <c>latest.js</c> saved and <c>require</c>d, a script saved and
/// dot-sourced. Whoever serves the file runs code in the skill's process, again at each refresh. Read where the
/// download and the load are apart: a function that fetches into a path it is given (<c>download(url, dest)</c>,
/// <c>_refresh_rules(dest)</c>), called with the path later loaded (<c>require(cached)</c>); or a fetch written to a
/// path in place. A program that names a check of what it downloads anywhere (a SHA-256 or other digest, a checksum, a
/// signature, <c>integrity</c>) is left to the reader: whether the check guards this file, a pattern cannot tell.
/// </summary>
public static partial class LoadedDownloads
{
    public static readonly (string Id, AuditSeverity Severity, string Why) Rule =
        ("downloaded-code-loaded", AuditSeverity.High, "downloads a file and loads it as code (require, importlib, runpy, load, dot-source) with no checksum or signature: whoever serves the file runs code in the skill's process, at every refresh");

    public static IEnumerable<(int Offset, (string Id, AuditSeverity Severity, string Why) Rule)> Scan(string text)
    {
        if (text.Length > 1024 * 1024 || !Loader().IsMatch(text) || !Downloads(text) || Checked(text))
        {
            yield break;
        }

        var downloaded = new HashSet<string>(StringComparer.Ordinal);
        var files = new HashSet<string>(StringComparer.Ordinal);

        // Functions that fetch and write to a path they are given: each call hands them the path it downloads to.
        var definitions = Definition().Matches(text);
        var downloaders = new List<string>();

        // The program's own fetchers (`function get(url) { https.get(…) }`): a function that calls one downloads too.
        var bodies = Bodies(text, definitions).ToList();
        var fetchers = bodies.Where(d => Downloads(d.Body)).Take(8).Select(d => Regex.Escape(d.Name)).ToList();

        var callsFetcher = fetchers.Count == 0 ? null : new Regex(@"(?<![\w$.])(?:" + string.Join('|', fetchers) + @")\s*\(", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        foreach (var (name, body) in bodies)
        {
            if (downloaders.Count >= 8)
            {
                break;
            }

            if (!Downloads(body) && callsFetcher?.IsMatch(body) != true)
            {
                continue;
            }

            var parameters = body.Length > 0 && Parameters().Match(body) is { Success: true } list
                ? list.Groups["list"].Value.Split(',').Select(p => Word().Match(p).Value).Where(n => n.Length >= 2).ToHashSet(StringComparer.Ordinal)
                : [];
            foreach (Match write in Writer().Matches(body).Take(16))
            {
                var path = LastWord(write.Groups["path"].Value);
                if (parameters.Contains(path))
                {
                    downloaders.Add(Regex.Escape(name));
                    break;
                }

                // Written in place, in a function that fetches, with what a response holds (not a literal): the name is the downloaded file's.
                if (ResponseWritten().IsMatch(LineAt(body, write.Index)))
                {
                    downloaded.Add(path);
                    AddFileName(write.Groups["path"].Value, files);
                }
            }
        }

        if (downloaders.Count > 0)
        {
            var calls = new Regex(@"(?<![\w$.])(?:" + string.Join('|', downloaders) + @")\s*\((?<args>[^\n]{0,300})", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            foreach (Match call in calls.Matches(text).Take(64))
            {
                // The arguments that are a name alone (cached, this.cache): a URL built in a template is no path.
                foreach (var argument in TopLevel(call.Groups["args"].Value))
                {
                    if (NameAlone().IsMatch(argument))
                    {
                        downloaded.Add(LastWord(argument.Trim()));
                    }
                }
            }
        }

        // A file with no functions: a fetch written to a path anywhere in it.
        if (definitions.Count == 0)
        {
            foreach (Match write in Writer().Matches(text).Take(16))
            {
                if (ResponseWritten().IsMatch(LineAt(text, write.Index)))
                {
                    downloaded.Add(LastWord(write.Groups["path"].Value));
                    AddFileName(write.Groups["path"].Value, files);
                }
            }
        }

        // A file the download was written to by its name (`(CACHE / "pack.py").write_bytes(body)`): a name later given that file's path holds it too.
        foreach (var file in files.Take(8))
        {
            foreach (Match named in new Regex(@"(?<![\w.$])(?<name>[A-Za-z_]\w{1,63})\s*=\s*[^=\n][^\n]{0,160}?[""'](?:[^""'\n]{0,80}/)?" + Regex.Escape(file) + @"[""']", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)).Matches(text).Take(16))
            {
                downloaded.Add(named.Groups["name"].Value);
            }
        }

        downloaded.RemoveWhere(w => w.Length < 2 || Ignored.Contains(w));
        if (downloaded.Count == 0)
        {
            yield break;
        }

        foreach (Match load in Loader().Matches(text).Take(64))
        {
            if (Word().Matches(load.Groups["arg"].Value).Take(8).Any(w => downloaded.Contains(w.Value)) || files.Any(f => load.Groups["arg"].Value.Contains(f, StringComparison.Ordinal)))
            {
                yield return (load.Index, Rule);
                yield break;
            }
        }

        // A function that loads the path it is given (`def _import(path): … exec_module`), called with the downloaded file.
        var loaders = new List<string>();
        foreach (var (name, body) in bodies)
        {
            if (loaders.Count >= 8)
            {
                break;
            }

            if (Parameters().Match(body) is not { Success: true } list)
            {
                continue;
            }

            var parameters = list.Groups["list"].Value.Split(',').Select(p => Word().Match(p).Value).Where(n => n.Length >= 2 && !Ignored.Contains(n) || n == "path").ToHashSet(StringComparer.Ordinal);
            if (Loader().Matches(body).Take(8).Any(l => Word().Matches(l.Groups["arg"].Value).Take(8).Any(w => parameters.Contains(w.Value))))
            {
                loaders.Add(Regex.Escape(name));
            }
        }

        if (loaders.Count > 0)
        {
            var calls = new Regex(@"(?<![\w$.])(?:" + string.Join('|', loaders) + @")\s*\((?<args>[^\n]{0,300})", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            foreach (Match call in calls.Matches(text).Take(64))
            {
                if (TopLevel(call.Groups["args"].Value).Any(a => NameAlone().IsMatch(a) && downloaded.Contains(LastWord(a.Trim())) || files.Any(f => a.Contains(f, StringComparison.Ordinal))))
                {
                    yield return (call.Index, Rule);
                    yield break;
                }
            }
        }
    }

    /// <summary>Each function's name and body (to the next definition, 3000 characters at most), of the first 2000 defined.</summary>
    private static IEnumerable<(string Name, string Body)> Bodies(string text, MatchCollection definitions)
    {
        for (var i = 0; i < Math.Min(definitions.Count, 2000); i++)
        {
            var start = definitions[i].Index + definitions[i].Length;
            var end = Math.Min(i + 1 < definitions.Count ? definitions[i + 1].Index : text.Length, start + 3000);
            yield return (definitions[i].Groups["name"].Value, text[start..Math.Max(start, end)]);
        }
    }

    /// <summary>The file name of code a write's path names in a literal (<c>(CACHE / "pack.py")</c> → <c>pack.py</c>).</summary>
    private static void AddFileName(string path, HashSet<string> files)
    {
        if (CodeFileName().Match(path) is { Success: true } name)
        {
            files.Add(name.Groups["file"].Value);
        }
    }

    [GeneratedRegex(@"[""'](?:[^""'\n]{0,80}/)?(?<file>[\w.-]{1,64}\.(?:py|js|mjs|cjs|ts|rb|lua|pl|php|ps1|psm1|sh))[""']", RegexOptions.CultureInvariant)]
    private static partial Regex CodeFileName();

    /// <summary>
    /// Whether the program checks what it downloads: a signature it verifies, or a digest it compares. A digest is no
    /// check when the value compared is served beside the file (<c>manifest = json.loads(fetch(…))</c> …
    /// <c>manifest["sha256"]</c>) and no pinned digest or signature is anywhere in the text: whoever serves the file
    /// serves its digest too.
    /// </summary>
    private static bool Checked(string text)
    {
        if (!Verified().IsMatch(text))
        {
            return false;
        }

        if (Signature().IsMatch(text) || PinnedDigest().IsMatch(text))
        {
            return true;
        }

        foreach (Match served in ServedDocument().Matches(text).Take(16))
        {
            var name = Regex.Escape(served.Groups["name"].Value);
            if (Regex.IsMatch(text, @"(?<![\w.$])" + name + @"\s*(?:\[\s*[""'](?:sha\d*|checksum|digest|hash|integrity)\w*[""']\s*\]|\.(?:sha\d*|checksum|digest|hash)\w*\b)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A name given what a fetch returned: <c>manifest = json.loads(_fetch(url))</c>, <c>const meta = await (await fetch(u)).json()</c>, <c>m = requests.get(u).json()</c>.</summary>
    [GeneratedRegex(@"(?<![\w.$])(?<name>[A-Za-z_]\w{1,63})\s*=\s*(?:await\s+)?[^\n=]{0,80}?\b(?:_?fetch\w*|urlopen|requests\.get|get_json|http\.get|JSON\.parse\s*\(\s*(?:await\s+)?_?fetch\w*|json\.loads\s*\(\s*_?(?:fetch|get|download|http)\w*)\s*\(", RegexOptions.CultureInvariant)]
    private static partial Regex ServedDocument();

    /// <summary>A signature verified: gpg, minisign, cosign, ssh-keygen's, Ed25519, a library's verify call.</summary>
    [GeneratedRegex(@"\b(?:verify_signature|VerifySignature|Verify-Signature|gpg\s+--verify|minisign|cosign|ssh-keygen\s+-Y\s+verify|crypto\.verify|nacl|ed25519\.Verify|verify_key|VerifyKey|Get-AuthenticodeSignature)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Signature();

    /// <summary>A digest pinned in the text: 40 to 128 hex digits in quotes, or an SRI string.</summary>
    [GeneratedRegex(@"[""'](?:sha\d{3}[:-])?[0-9a-fA-F]{40,128}[""']|\bsha(?:256|384|512)-[A-Za-z0-9+/]{40,}={0,2}", RegexOptions.CultureInvariant)]
    private static partial Regex PinnedDigest();

    /// <summary>The line an offset is on, 400 characters at most.</summary>
    private static string LineAt(string text, int offset)
    {
        var start = offset == 0 ? 0 : text.LastIndexOf('\n', offset - 1) + 1;
        var end = text.IndexOf('\n', offset);
        return text[start..Math.Min(end < 0 ? text.Length : end, start + 400)];
    }

    /// <summary>What a response holds, written: <c>resp.read()</c>, <c>r.content</c>, <c>Buffer.concat(chunks)</c>, <c>res.body</c>, what an awaited fetcher returns (<c>await get(index.url)</c>), curl's or wget's output file, a download's <c>-OutFile</c>.</summary>
    [GeneratedRegex(@"\.(?:read|text|content|body|json|buffer|arrayBuffer|iter_content)\b|\bchunks\b|Buffer\.concat|\bawait\s+(?:this\.)?(?:\w*(?:get|fetch|download|http|request)\w*)\s*\(|\b(?:resp|res|response|body|payload|data|blob)\b|\bcurl\b|\bwget\b|-OutFile|urlretrieve", RegexOptions.CultureInvariant)]
    private static partial Regex ResponseWritten();

    /// <summary>A call's arguments, split at its commas outside brackets and quotes, up to its closing parenthesis.</summary>
    private static IEnumerable<string> TopLevel(string args)
    {
        var depth = 0;
        var start = 0;
        char quote = '\0';
        for (var i = 0; i < args.Length; i++)
        {
            var c = args[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'' or '`')
            {
                quote = c;
            }
            else if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}' && depth-- == 0 || c == ',' && depth == 0)
            {
                yield return args[start..i];
                if (c != ',')
                {
                    yield break;
                }

                start = i + 1;
            }
        }
    }

    [GeneratedRegex(@"^\s*\$?[A-Za-z_][\w.]{0,63}\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex NameAlone();

    /// <summary>Whether a text may download: a fetch (<see cref="FetchedCode.MayFetch"/>), curl, wget, <c>urlretrieve</c>, PowerShell's web cmdlets.</summary>
    private static bool Downloads(string text) => FetchedCode.MayFetch(text) || DownloadCommand().IsMatch(text);

    [GeneratedRegex(@"\b(?:curl|wget|urlretrieve|Invoke-WebRequest|iwr|Start-BitsTransfer)\b", RegexOptions.CultureInvariant)]
    private static partial Regex DownloadCommand();

    /// <summary>The last name of a dotted path (<c>this.cache</c> → <c>cache</c>); a PowerShell or shell variable without its sigil.</summary>
    private static string LastWord(string path) => path.TrimStart('$', '{').Split('.', StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } parts ? parts[^1].TrimEnd('}') : path;

    /// <summary>Words of an argument list that name no file: the language's own.</summary>
    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal)
    {
        "path", "join", "resolve", "os", "fs", "this", "self", "await", "new", "url", "URL", "name", "str", "String", "encoding", "utf8", "utf", "true", "false", "null", "None", "True", "False",
        "__dirname", "__file__", "dirname", "Path", "File", "Dir", "env", "process", "ENV", "home", "homedir", "encodeURIComponent", "cfg", "config", "options", "opts", "args",
    };

    /// <summary>A write of a file and the path written: Node's <c>fs.writeFileSync(dest, …)</c>, pathlib's <c>dest.write_bytes(…)</c>, <c>open(dest, "wb")</c>, Ruby's <c>File.write(dest, …)</c>, Go's <c>os.WriteFile(dest, …)</c>, <c>urlretrieve(url, dest)</c>, PowerShell's <c>-OutFile $dest</c>, <c>curl -o "$dest"</c>.</summary>
    [GeneratedRegex(@"\b(?:fs\.(?:promises\.)?writeFile(?:Sync)?|(?<![.\w])writeFile(?:Sync)?|File\.(?:bin)?write|IO\.(?:bin)?write|os\.WriteFile|ioutil\.WriteFile|shutil\.copyfileobj\s*\([^,\n]{1,80},\s*open)\s*\(\s*(?<path>[\w$.]+)|(?<path>[A-Za-z_][\w.]*)\.write_(?:bytes|text)\s*\(|\((?<path>[^()\n]{1,120})\)\.write_(?:bytes|text)\s*\(|(?<![.\w])open\s*\(\s*(?<path>[\w.]+)\s*,\s*[""'][wa]b?\+?[""']|\burlretrieve\s*\([^,\n]{1,200},\s*(?<path>[\w.]+)|-OutFile\s+(?<path>\$[\w.]+)|\bcurl\b[^\n|;]{0,200}?\s-o\s+[""']?(?<path>\$\{?\w+)|\bwget\b[^\n|;]{0,200}?\s-O\s+[""']?(?<path>\$\{?\w+)", RegexOptions.CultureInvariant)]
    private static partial Regex Writer();

    /// <summary>
    /// A load of code from a path a name holds: Node's <c>require(x)</c> and <c>import(x)</c> (not a written module name),
    /// Python's <c>spec_from_file_location(…, x)</c>, <c>SourceFileLoader(…, x)</c>, <c>runpy.run_path(x)</c>,
    /// <c>exec(open(x).read())</c>, Ruby's <c>load x</c> and <c>require x</c>, a shell's or PowerShell's <c>. $x</c>, <c>source "$x"</c>,
    /// <c>Import-Module $x</c>.
    /// </summary>
    [GeneratedRegex(@"(?<![\w$.])(?:require|import)\s*\(\s*(?<arg>[A-Za-z_$][^)\n]{0,200})\)|\b(?:spec_from_file_location|SourceFileLoader|run_path)\s*\((?<arg>[^)\n]{1,200})\)|\bexec\s*\(\s*open\s*\((?<arg>[^)\n]{1,200})\)|^[ \t]*(?:load|require)[ \t]+(?<arg>[A-Za-z_@][\w.@]*)[ \t]*$|(?:^|[;&|{][ \t]*)(?:\.|source)[ \t]+[""']?(?<arg>\$\{?\w+)|\bImport-Module\s+(?<arg>\$\w+)", RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex Loader();

    /// <summary>A check of what was downloaded: a digest it compares, a signature it verifies.</summary>
    [GeneratedRegex(@"\b(?:sha256|sha512|sha384|createHash|hashlib|Digest::SHA\d+|Get-FileHash|checksum|integrity|verify_signature|VerifySignature|Verify-Signature|gpg\s+--verify|minisign|cosign|ssh-keygen\s+-Y\s+verify|crypto\.verify|nacl|ed25519\.Verify)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Verified();

    /// <summary>A function's definition and its name: JavaScript's, Python's, Go's, Ruby's, PowerShell's, a shell's.</summary>
    [GeneratedRegex(@"(?:\bfunction\s+|\bdef\s+|\bfunc\s+|\b(?:const|let|var)\s+(?=\w+\s*=\s*(?:async\s*)?(?:\(|function\b|\w+\s*=>))|^[ \t]*(?=[A-Za-z_]\w*\s*\(\)\s*\{))(?<name>[A-Za-z_][\w-]{2,63})", RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex Definition();

    /// <summary>A definition's parameter list: <c>(url, dest)</c>, <c>= async (url, dest) =&gt;</c>, PowerShell's <c>param($Url, $Dest)</c>.</summary>
    [GeneratedRegex(@"^\s*(?:=\s*(?:async\s*)?(?:function\s*)?)?\((?<list>[^()\n]{1,200})\)|^[^\n]*\n?\s*param\s*\((?<list>[^()]{1,300})\)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Parameters();

    [GeneratedRegex(@"[A-Za-z_][\w]{0,63}", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
