using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>Downloads run, payloads decoded and run, and code fetched then evaluated: the fetch-and-execute half of the rules.</summary>
public static partial class AuditRules
{
    /// <summary>
    /// A download piped into a shell or an interpreter, or run by one: the URL written out, a host name or an address, or
    /// held where the command cannot show it (<c>$URL</c>, <c>${URL}</c>, Make's or a command's <c>$(URL)</c>, a format
    /// placeholder <c>{url}</c>, <c>{}</c>, <c>%s</c>; a URL whose query runs a command, <c>"$CHAN?h=$(hostname | shasum)" | /bin/sh</c>); PowerShell's <c>iwr … | iex</c>, <c>mshta</c> of a URL, <c>certutil -urlcache</c> then run.
    /// </summary>
    [GeneratedRegex(@"\b(curl|wget|fetch)\b[^\n|;]*(://|\$[{(]?\w|\{\w*\}|%[sqv]\b|\b[\w-]+\.[a-z]{2,}\b|\d+\.\d+\.\d+\.\d+)(?:[^\n|;$]|\$[^\n|;(]|\$\([^\n()]*\))*\|\s*(?:[A-Za-z_]\w*=(?:""[^""\n]{0,80}""|'[^'\n]{0,80}'|\S{0,80})\s+){0,4}(sudo\s+(-\S+\s+)*)?[""']?((/usr(/local)?)?/bin/)?((ba|z|da|k|fi)?sh\b|\$\{?SHELL\b)|\b(curl|wget)\b[^\n|;]*(://|\b[\w-]+\.[a-z]{2,}\b)[^\n|;]*\|\s*(sudo\s+)?(python[23]?|perl|ruby|node|php|bun|deno)\b|\b(ba|z)?sh\s+(-c\s+)?[""']?\$\(\s*(curl|wget)\b|\b(ba|z)?sh\s+<\(\s*(curl|wget)\b|\bsource\s+<\(\s*(curl|wget)\b|\b(iwr|irm|Invoke-WebRequest|Invoke-RestMethod|DownloadString)\b[^\n]*\|\s*(iex|Invoke-Expression)\b|\biex\s*\(\s*(New-Object\s+Net\.WebClient|iwr|irm)\b"
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

    /// <summary>A file a download names that holds a script or program: by its extension, by being put in a temporary folder, or in a hidden folder of the home (<c>$HOME/.prompt-kit/.u</c>).</summary>
    private const string ScriptFile = @"[\w~$./\\:-]*[\w-]+\.(?:sh|bash|zsh|py|pl|rb|js|ps1|bat|cmd|vbs|hta|exe|scpt|command)|/tmp/[\w.-]+|\$TMPDIR/[\w.-]+|\\?\$\{?HOME\}?/[\w./-]*\.[\w-]+/[\w.-]+|\$\{?[A-Za-z_]\w*\}?";

    /// <summary>The rest of the line and up to three more, up to where the downloaded file is run.</summary>
    private const string WithinThreeLines = @"(?:[^\n]{0,2000}\n){0,3}?[^\n]{0,2000}?";

    /// <summary>The file run by a shell or interpreter (a command, not the end of <c>run.sh</c>; also by its path, <c>/bin/bash</c>), as <c>./file</c> or <c>.\file</c>, or straight (or sourced with <c>.</c>) after <c>&amp;&amp;</c>, <c>;</c> or at a line's start.</summary>
    private const string RunsTheFile =
        @"(?:(?<![\w./\\-])(?:(?:/usr(?:/local)?)?/bin/)?(?:(?:ba|z|da)?sh|python[23]?|node|perl|ruby|osascript|powershell(?:\.exe)?(?:\s+-\w+)*(?:\s+-File)?|source)\b|&|\bStart-Process|\bcmd\s+/c|&&|;|^)\s*(?:\.[ \t]+)?[""']?(?:\.[\\/])?\k<file>\b";

    /// <summary>
    /// A file named only by its URL run by a shell or interpreter (any path before it), or as <c>./file</c>: a bare
    /// <c>kubectl</c> after <c>curl -LO …/kubectl</c> runs the copy moved onto PATH, a command like any other.
    /// </summary>
    private const string RunsTheNamedFile =
        @"(?:(?:(?<![\w./\\-])(?:(?:/usr(?:/local)?)?/bin/)?(?:(?:ba|z|da|k)?sh|python[23]?|node|perl|ruby|osascript|powershell(?:\.exe)?(?:\s+-\w+)*(?:\s+-File)?|source)|(?:^|[\s;&|(])\.)\s+(?:-[\w-]+\s+)*[""']?(?:[\w~$.{}-]*[\\/])*|(?:^|[\s;&|(`""'])\.[\\/])\k<file>(?![\w.-])";

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

    /// <summary>
    /// Decoded and run in one expression: <c>base64 -d | sh</c>, <c>exec(base64.b64decode(…))</c>, <c>iex</c> of
    /// <c>FromBase64String</c>, <c>powershell -enc</c>; Python's builtins fetched by a built name
    /// (<c>getattr(__builtins__, "ex"+"ec")(zlib.decompress(…))</c>, or by <c>''.join([…])</c>), Ruby's <c>eval(s.reverse.unpack1('m'))</c>, Perl's
    /// <c>eval pack('H*', …)</c> and <c>eval decode_base64(…)</c> (or <c>eval decode_base64 $p</c>); PHP's <c>eval(gzinflate(base64_decode(…)))</c>; Ruby's
    /// <c>send(:e\u0076al, s.unpack1("m"))</c> (any method sent a decoded value by name); Lua's <c>load(table.concat(t))</c>
    /// a few lines after <c>t[i] = string.char(codes[i] - 3)</c>.
    /// </summary>
    [GeneratedRegex(@"\bbase64\s+(-d|--decode|-D)\b[^\n`]{0,100}\|\s*(sudo\s+)?(ba|z|da)?sh\b|\b(exec|eval|execSync|exec_command|system|popen|spawnSync|check_output|getoutput|Function)\s*\(\s*(base64\.b64decode|base64\.b32decode|codecs\.decode|bytes\.fromhex|zlib\.decompress|marshal\.loads|atob|Buffer\.from)|\b(exec|eval|execSync|exec_command|system|popen|spawnSync|check_output|getoutput|Function)\s*\([^\n]{0,80}(b64decode|fromhex|atob\(|[""']base64[""']|Buffer\.from\s*\([^()\n]{0,80}[""']hex[""']|unhexlify|a2b_hex|b16decode|b32decode|b85decode|a85decode|decompress\s*\(|\[::-1\])|\beval\s+[""']?\$\(\s*echo\b[^\n]{0,400}base64|\bFromBase64String\b[^\n]{0,200}\b(iex|Invoke-Expression)\b|\b(iex|Invoke-Expression)\b[^\n]{0,200}\bFromBase64String\b|\b(powershell|pwsh)(\.exe)?\b[^\n]{0,120}\s[-/](e|ec|en|enc|enco\w*)\s+[A-Za-z0-9+/]{20,}={0,2}"
        + @"|\bstring\.char\s*\([^\n)]{0,60}?[-+~]\s*\d+\s*\)[^\n]*\n(?:[^\n]*\n){0,5}?[^\n]*?\b(?:loadstring|load)\b[^\n]{0,20}?\(\s*table\.concat\s*\("
        + @"|\bgetattr\s*\(\s*(__builtins__|builtins|__import__\s*\([^)\n]{1,40}\))\s*,([^()\n]|\([^()\n]{0,80}\)){1,80}?\)\s*\([^\n]{0,120}?(b64decode|b32decode|b85decode|a85decode|fromhex|unhexlify|decompress\s*\(|\[::-1\])"
        + @"|(?<![\w'""`/])@?eval\s*\(\s*[^\n;'""`]{0,80}?\b(base64_decode|gzinflate|gzuncompress|gzdecode|str_rot13|hex2bin|convert_uudecode)\s*\("
        + @"|\b(send|public_send|__send__)\s*\(\s*:?[""']?(\w*\\u[0-9a-fA-F]{4}[\w\\]*|eval|instance_eval|class_eval|system|exec)[""']?\s*,[^\n]{0,120}?(\.unpack1?\s*\(\s*['""]m0?['""]|\bBase64\.(strict_|urlsafe_)?decode64\b)"
        + @"|\b(eval|instance_eval|class_eval)(\s*\(\s*|\s+)(?![{`])[^\n{;`]{0,120}?(\.unpack1?\s*\(\s*['""]m0?['""]|\bBase64\.(strict_|urlsafe_)?decode64\b|\bdecode_base64(\s*\(|\s+\$)|\bMIME::Base64::decode|(?<![\w$])pack\s*\(?\s*['""][Hh]\*['""])", I)]
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

    /// <summary>A shell fed a decoded or downloaded command through a here-string: <c>bash &lt;&lt;&lt; "$(echo … | base64 -d)"</c>, <c>sh &lt;&lt;&lt; "$(curl -s URL)"</c>.</summary>
    [GeneratedRegex(@"\b(?:ba|z|da|k)?sh\s+(?:-\w+\s+)*<<<\s*[""']?\$\((?:[^)\n]*\b(?:base64\s+(?:-d|-D|--decode)|xxd\s+-r|openssl\s+(?:base64|enc)\b[^)\n]*-d)|\s*(?:curl|wget)\b[^)\n]*)", I)]
    private static partial Regex HereStringShell();
}
