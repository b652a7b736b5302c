using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>
/// Where a download comes from decides what running it means: a vendor's documented installer (uv, Bun, Docker,
/// Homebrew, Tailscale…) is ordinary, a paste site or bare IP is a lure, anything else is unreviewed code.
/// The installer hosts are a data row, meant to grow.
/// </summary>
public static partial class Origins
{
    /// <summary>Hosts (and host/path prefixes) that serve a vendor's own documented install script.</summary>
    public static IReadOnlyList<string> VendorInstallers { get; } =
    [
        "astral.sh", "bun.sh", "deno.land", "deno.com", "sh.rustup.rs", "rustup.rs", "get.docker.com", "raw.githubusercontent.com/Homebrew/", "brew.sh",
        "ollama.com", "ollama.ai", "tailscale.com", "aka.ms", "cli.github.com", "get.pnpm.io", "install.python-poetry.org", "pyenv.run", "fnm.vercel.app",
        "starship.rs", "get.k3s.io", "sh.vector.dev", "install.determinate.systems", "nixos.org", "foundry.paradigm.xyz", "release.solana.com",
        "release.anza.xyz", "claude.ai", "openclaw.ai", "opencode.ai", "cursor.com", "get.helm.sh", "raw.githubusercontent.com/nvm-sh/", "get.volta.sh",
        "sdk.cloud.google.com", "awscli.amazonaws.com", "fly.io", "deb.nodesource.com", "rpm.nodesource.com", "get.rvm.io", "mise.run", "get.jetpack.io",
        "install.duckdb.org", "cli.doppler.com", "get.pulumi.com", "get.sdkman.io", "bitwarden.com", "1password.com", "cli.vercel.com", "supabase.com",
        "repo.anaconda.com", "repo.continuum.io", "github.com/conda-forge/miniforge/", "dl.k8s.io", "raw.githubusercontent.com/aquasecurity/",
        "raw.githubusercontent.com/anchore/", "get.trunk.io", "install.terraform.io", "firebase.tools", "get.scoop.sh", "setup.atuin.sh", "rclone.org",
        "raw.githubusercontent.com/ohmyzsh/", "install.ohmyz.sh", "raw.githubusercontent.com/helm/", "get.acme.sh", "zed.dev", "install.pi-hole.net",
        "raw.githubusercontent.com/pyenv/", "pkgx.sh", "get.chezmoi.io", "get.jetify.com", "get.k0s.sh", "install.meteor.com", "code-server.dev",
        "raw.githubusercontent.com/golangci/", "install.crystal-lang.org", "get.wasmer.io", "wasmtime.dev", "dot.net", "install.julialang.org", "ohmyposh.dev",
        "direnv.net", "just.systems", "raw.githubusercontent.com/ajeetdsouza/zoxide/", "raw.githubusercontent.com/rbenv/", "dprint.dev",
        "raw.githubusercontent.com/jesseduffield/", "atuin.sh", "get.static-web-server.net", "moonrepo.dev", "keploy.io", "pixi.sh",
        "goreleaser.com/static/", "community.chocolatey.org/install.ps1",
    ];

    /// <summary>download-exec: medium from a vendor's documented installer host, critical from anywhere else.</summary>
    public static AuditSeverity? JudgeDownloadExec(string text, Match match)
    {
        // "curl … | python3 -c 'import json,sys; …'": the interpreter runs its own argument and reads the page as data.
        var after = match.Index + match.Length;
        if (PipedInterpreter().IsMatch(match.Value) && OwnScript().IsMatch(text.AsSpan(after, Math.Min(16, text.Length - after)))
            && !RunsWhatItReads().IsMatch(text.AsSpan(after, Math.Max(0, (text.IndexOf('\n', after) is var eol and >= 0 ? eol : text.Length) - after))))
        {
            return null;
        }

        // "bash -c "$(curl -fsSL URL)"" matches before its URL: the host is on the rest of the line. A URL with its
        // scheme comes first, so the file a download is saved to (curl -o ~/x/miniconda.sh URL) is not taken for a host.
        // .NET's type names ("iex ((New-Object System.Net.WebClient).DownloadString('https://…'))") are no hosts.
        var host = SchemeUrl().Match(match.Value) is { Success: true } withScheme ? withScheme : Url().Match(match.Value);
        var end = text.IndexOf('\n', match.Index + match.Length);
        var rest = text[match.Index..(end < 0 ? text.Length : end)];
        if (!host.Success || DotNetType().IsMatch(host.Groups["target"].Value))
        {
            host = SchemeUrl().Match(rest) is { Success: true } restWithScheme ? restWithScheme : Url().Match(rest);
        }

        // RUSTUP_URL="https://sh.rustup.rs" … curl -sSf "$RUSTUP_URL" | sh: a name the file gives a vendor's installer, and nothing else.
        if (!host.Success && UrlVariable().Matches(rest) is { Count: 1 } uses && uses[0] is var used
            && PerText.Ask(text, "vendor-installer-variable:" + used.Groups["name"].Value, t => OnlyVendorInstallersAssigned(t, used.Groups["name"].Value)))
        {
            return AuditSeverity.Medium;
        }

        if (IsTemplate(match.Value))
        {
            return AuditSeverity.Low;
        }

        var target = host.Success ? host.Groups["target"].Value : match.Value;
        if (Untrusted().IsMatch(target))
        {
            return AuditSeverity.Critical;
        }

        return IsVendorInstaller(target) ? AuditSeverity.Medium : AuditSeverity.Critical;
    }

    private static bool IsVendorInstaller(string target) =>
        VendorInstallers.Any(v => target.StartsWith(v, StringComparison.OrdinalIgnoreCase) || target.Contains("." + v, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Whether every assignment of <paramref name="name"/> in a file (<c>NAME="…"</c>, <c>NAME = '…'</c>, <c>const NAME = "…"</c>) is
    /// one literal URL of a vendor's installer, and there is at least one.
    /// </summary>
    private static bool OnlyVendorInstallersAssigned(string text, string name)
    {
        // A file that sources another, or reads the name from input, may give it any value.
        if (SetsElsewhere().IsMatch(text) || Regex.IsMatch(text, @"\bread\b[^\n]*\b" + Regex.Escape(name) + @"\b", RegexOptions.CultureInvariant))
        {
            return false;
        }

        var any = false;
        foreach (Match assignment in Regex.Matches(text, @"(?<![\w.$])" + Regex.Escape(name) + @"[ \t]*(?::[ \t]*\w+[ \t]*)?(?<![=!<>])=(?!=)[ \t]*(?<value>[^\n]{0,300})", RegexOptions.CultureInvariant))
        {
            if (VendorUrlLiteral().Match(assignment.Groups["value"].Value) is not { Success: true } url || Untrusted().IsMatch(url.Groups["target"].Value) || !IsVendorInstaller(url.Groups["target"].Value))
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    /// <summary>A file that takes variables from elsewhere: <c>source f</c>, <c>. f</c>, <c>export $(cat f)</c>, <c>load_dotenv</c>, <c>os.environ</c> assignments.</summary>
    [GeneratedRegex(@"^[ \t]*(?:source|\.)[ \t]+\S|\bexport\s+\$\(|\bload_dotenv\b|\bos\.environ\[[^\]]+\]\s*=|\bset\s+-a\b", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex SetsElsewhere();

    /// <summary>A variable a command line names its URL by: <c>"$RUSTUP_URL"</c>, <c>${INSTALLER}</c>, an f-string's <c>{INSTALLER}</c>.</summary>
    [GeneratedRegex(@"\$\{?(?<name>[A-Za-z_]\w{0,63})\}?|(?<![\w$])\{(?<name>[A-Za-z_]\w{0,63})\}", RegexOptions.CultureInvariant)]
    private static partial Regex UrlVariable();

    /// <summary>A quoted literal URL and nothing else on the right of an assignment.</summary>
    [GeneratedRegex(@"^[""'`]https?://(?<target>(?:[\w-]+\.)+[a-z]{2,}(?:/[^\s""'`$]*)?)[""'`][ \t;,]*(?:#[^\n]*|//[^\n]*)?\r?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VendorUrlLiteral();


    /// <summary>
    /// "Pipe the result into sh", told in words: only where its paragraph (up to eight lines before, across one blank
    /// line) fetches something, and not where the clause says not to. Medium where every host the paragraph names serves
    /// a vendor's installer; critical where one is anyone else's, or where none is written out (built from variables).
    /// </summary>
    public static AuditSeverity? JudgePipeInstruction(string text, Match match)
    {
        if (LineJudges.JudgeNotNegated(text, match) is null)
        {
            return null;
        }

        var (start, _) = AuditRules.Paragraph(text, match.Index, before: 8, after: 0, blankLines: 1, reach: 1200);
        var end = text.IndexOf('\n', match.Index);
        var paragraph = text[start..(end < 0 ? text.Length : end)];
        if (!FetchWord().IsMatch(paragraph))
        {
            return null;
        }

        var hosts = SchemeUrl().Matches(paragraph).Select(m => m.Groups["target"].Value).ToList();
        return hosts.Count > 0 && hosts.All(h => !Untrusted().IsMatch(h) && IsVendorInstaller(h))
            && !paragraph.Contains("://${", StringComparison.Ordinal) && !paragraph.Contains("://$", StringComparison.Ordinal)
            ? AuditSeverity.Medium
            : AuditSeverity.Critical;
    }

    [GeneratedRegex(@"\b(?:curl|wget|fetch\w*|download\w*|iwr|Invoke-WebRequest)\b|https?://", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FetchWord();

    /// <summary>
    /// A command whose target is a placeholder (<c>curl http://&lt;ip&gt;/x | bash</c>, <c>bash -i &gt;&amp; /dev/tcp/&lt;ip&gt;/&lt;port&gt;</c>,
    /// <c>echo '&lt;base64&gt;' | base64 -d | sh</c>) is the shape of an attack a scanner matches, not one that can run.
    /// </summary>
    [GeneratedRegex(@"\|\s*(?:sudo\s+)?(?:python[23]?|perl|ruby|node|php|bun|deno)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PipedInterpreter();

    [GeneratedRegex(@"^\s+-(?:c|e|m|p|-eval|-print)\s", RegexOptions.CultureInvariant)]
    private static partial Regex OwnScript();

    /// <summary>A script argument that runs what it reads ("exec(sys.stdin.read())", "eval(require('fs').readFileSync(0))").</summary>
    [GeneratedRegex(@"\b(?:exec|eval|compile|Function|runpy|execfile|system|spawn|popen)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RunsWhatItReads();

    /// <summary>Whether the text names hosts and every one is a vendor's installer host.</summary>
    public static bool NamesOnlyVendorHosts(string text)
    {
        var any = false;
        foreach (Match url in UrlHost().Matches(text))
        {
            any = true;
            var host = url.Groups["host"].Value;
            if (!VendorInstallers.Any(v => host.Equals(v.TrimEnd('/'), StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + v.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)))
            {
                return false;
            }
        }

        return any;
    }

    [GeneratedRegex(@"\b(?:https?)://(?<host>[\w-]+(?:\.[\w-]+)+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlHost();

    public static bool IsTemplate(string command) => Template().IsMatch(command);

    /// <summary>A critical command, low as a <see cref="IsTemplate">template</see>.</summary>
    public static AuditSeverity? JudgeTemplate(string text, Match match)
    {
        // The command the match is in (a line holds several after ';', '&&', '||'), and only when it has no real target.
        var line = LineJudges.LineOf(text, match.Index);
        var segment = Segments().Split(line).FirstOrDefault(s => s.Contains(match.Value.Length > 12 ? match.Value[..12] : match.Value, StringComparison.Ordinal)) ?? line;
        return IsTemplate(segment) && !RealTarget().IsMatch(segment) && !(PlaceholderWritten().IsMatch(segment) && PlaceholderAssigned().IsMatch(text)) ? AuditSeverity.Low : AuditSeverity.Critical;
    }

    /// <summary>A placeholder given a value in the program (<c>LHOST=45.13.22.9</c>, <c>LHOST = "…"</c>): then it is a variable, not a blank in a cheat sheet.</summary>
    [GeneratedRegex(@"(?:^|[\s;$])(?:LHOST|RHOST|ATTACKER(?:_IP|_HOST)?|YOUR_(?:IP|HOST)|LISTENER(?:_IP)?)\s*:?=\s*[""']?[\w.-]{3,}", RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    internal static partial Regex PlaceholderAssigned();

    [GeneratedRegex(PlaceholderHost, RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderWritten();

    /// <summary>The placeholders a cheat sheet writes for the listener's address: <c>LHOST</c>, <c>LPORT</c>, <c>ATTACKER_IP</c>, <c>YOUR_IP</c>.</summary>
    private const string PlaceholderHost = @"(?-i:(?<![$\w{])(?:LHOST|LPORT|RHOST|RPORT|ATTACKER(?:_IP|_HOST|_PORT)?|YOUR_(?:IP|HOST|PORT)|LISTENER(?:_IP|_PORT)?)\b)";

    [GeneratedRegex(@"(?:://|/dev/(?:tcp|udp)/|\becho\s+['""]?|<<<\s*['""]?|-(?:EncodedCommand|enc|e)\s+|\bnc\s+(?:-\w+\s+)*)<[\w .…|-]{1,30}>|" + PlaceholderHost, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Template();

    [GeneratedRegex(@";|&&|\|\|")]
    private static partial Regex Segments();

    /// <summary>What a runnable command has and a template has not: a URL, an address or a payload.</summary>
    [GeneratedRegex(@"://[^\s<'""]|/dev/(?:tcp|udp)/(?!" + PlaceholderHost + @")[^<\s]|[A-Za-z0-9+/]{24,}={0,2}", RegexOptions.CultureInvariant)]
    private static partial Regex RealTarget();

    /// <summary>
    /// A collection service's host alone in quotes (<c>"webhook.site"</c>, <c>'requestbin.net'</c>) is an entry of a
    /// list, a guard's blocklist or a scanner's indicators: no request goes to a host without a path.
    /// </summary>
    public static bool IsQuotedHost(string text, Match match)
    {
        if (match.Value.AsSpan().IndexOfAny(":/") >= 0)
        {
            return false;
        }

        var end = match.Index + match.Length;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '.' or '-'))
        {
            end++;
        }

        return match.Index > 0 && text[match.Index - 1] is '"' or '\'' or '`' && end < text.Length && text[end] == text[match.Index - 1];
    }

    /// <summary>A collection service named: low as a host alone in quotes (<see cref="IsQuotedHost"/>), otherwise as <see cref="JudgeLink"/> judges it.</summary>
    public static AuditSeverity? JudgeEndpoint(string text, Match match) =>
        IsQuotedHost(text, match) ? AuditSeverity.Low : UnnamedWebhook(text, match) ? null : JudgeLink(text, match);

    /// <summary>
    /// Discord's webhook address as a pattern, not a destination: the user's own URL checked against its prefix
    /// (<c>hook.startswith("https://discord.com/api/webhooks/")</c>, <c>url.startsWith(…)</c>, <c>re.match(…)</c>), or a
    /// form to fill (<c>webhooks/&lt;id&gt;/&lt;token&gt;</c>, <c>webhooks/{id}</c>, <c>webhooks/$ID</c>, <c>webhooks/…</c>).
    /// </summary>
    private static bool UnnamedWebhook(string text, Match match)
    {
        var end = match.Index + match.Length;
        if (!match.Value.EndsWith("webhooks", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = text.AsSpan(end, Math.Min(12, text.Length - end));
        if (FormRest().IsMatch(rest))
        {
            return true;
        }

        var start = match.Index == 0 ? 0 : text.LastIndexOf('\n', match.Index - 1) + 1;
        var before = text.AsSpan(Math.Max(start, match.Index - 40), match.Index - Math.Max(start, match.Index - 40));
        return PrefixCheck().IsMatch(before) && ClosesAtPrefix().IsMatch(rest);
    }

    /// <summary>After the address: a slot to fill, not an id.</summary>
    [GeneratedRegex(@"^/(?:<|\{|\$|\[|YOUR|your|ID\b|id\b|…|\.\.\.|x{3,}|X{3,})", RegexOptions.CultureInvariant)]
    private static partial Regex FormRest();

    /// <summary>Before it on its line: a prefix test (startswith, startsWith, match, test, fullmatch, compile, HasPrefix).</summary>
    [GeneratedRegex(@"(?:\b(?:startswith|startsWith|StartsWith|HasPrefix|start_with\?|match|fullmatch|compile|test|search)\s*\(\s*(?:\w+\s*,\s*)?|\bin\s+)(?:r|f)?[""'`/^]*https?://[\w.]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PrefixCheck();

    /// <summary>The literal ends at the prefix: the address is all that is tested.</summary>
    [GeneratedRegex(@"^/?[""'`]", RegexOptions.CultureInvariant)]
    private static partial Regex ClosesAtPrefix();

    /// <summary>A link that is a placeholder (<c>YOUR_ID</c>, <c>&lt;your-url&gt;</c>, <c>…</c>) or an image is configuration or decoration, not a sink.</summary>
    public static AuditSeverity? JudgeLink(string text, Match match)
    {
        var end = match.Index + match.Length;
        var stop = text.AsSpan(end).IndexOfAny(" \t\r\n\"'`)>]");
        var rest = text.AsSpan(end, stop < 0 ? Math.Min(200, text.Length - end) : stop);
        var before = text.AsSpan(Math.Max(0, match.Index - 40), match.Index - Math.Max(0, match.Index - 40));
        if (Placeholder().IsMatch(rest) || Placeholder().IsMatch(before[(before.LastIndexOfAny(" \t\n\"'`(") + 1)..])
            || Image().IsMatch(rest) || before.Contains("![", StringComparison.Ordinal))
        {
            return null;
        }

        return AuditSeverity.Medium;
    }

    /// <summary>
    /// A recipient of a handover (<see cref="Signal.Recipient"/>): an e-mail address, a chat handle or bot, or a page no
    /// one vouches for (paste site, shortener, form service, bare IP) always counts. Telegram's own bots (@BotFather)
    /// do not, nor does a placeholder, nor a page the reader is sent to for getting a key ("get your API key at …"),
    /// nor a page on a host the skill names elsewhere: its provider's own.
    /// </summary>
    public static AuditSeverity? JudgeRecipient(string text, Match match)
    {
        var value = match.Value;
        if (OfficialBot().IsMatch(value) || JudgeLink(text, match) is null)
        {
            return null;
        }

        var url = Url().Match(value);
        if (!value.Contains("://", StringComparison.Ordinal) || !url.Success)
        {
            return AuditSeverity.Low;
        }

        var target = url.Groups["target"].Value;
        if (Untrusted().IsMatch(target) || FormService().IsMatch(target))
        {
            return AuditSeverity.Low;
        }

        // The user's own settings on a code host (a repository's or account's secrets page) is where a token is configured.
        if (OwnSettings().IsMatch(target))
        {
            return null;
        }

        var lineStart = match.Index == 0 ? 0 : text.LastIndexOf('\n', match.Index - 1) + 1;
        if (GetsAKey().IsMatch(text.AsSpan(lineStart, match.Index - lineStart)))
        {
            return null;
        }

        // The provider's own pages: its domain (the last two labels) named elsewhere in the file, off this line.
        var host = target.Split('/')[0];
        var labels = host.Split('.');
        var domain = labels.Length >= 2 ? $"{labels[^2]}.{labels[^1]}" : host;
        var lineEnd = text.IndexOf('\n', match.Index);
        lineEnd = lineEnd < 0 ? text.Length : lineEnd;
        // Off this line, or (a wrapped paragraph is one line) elsewhere than in this link.
        return text.AsSpan(0, lineStart).Contains(domain, StringComparison.OrdinalIgnoreCase) || text.AsSpan(lineEnd).Contains(domain, StringComparison.OrdinalIgnoreCase)
            || Occurrences(text.AsSpan(lineStart, lineEnd - lineStart), domain) > Occurrences(value, domain)
            ? null
            : AuditSeverity.Low;
    }

    private static int Occurrences(ReadOnlySpan<char> text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.OrdinalIgnoreCase); at >= 0; at = text[(at + value.Length)..].IndexOf(value, StringComparison.OrdinalIgnoreCase) is var next && next >= 0 ? at + value.Length + next : -1)
        {
            count++;
        }

        return count;
    }

    [GeneratedRegex(@"^(?:github\.com|gitlab\.com|bitbucket\.org)/(?:[^/\s]+/){0,2}(?:-/)?settings/", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OwnSettings();

    [GeneratedRegex(@"@(?:BotFather|userinfobot|RawDataBot|GetIDsBot|SpamBot|discord|telegram)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OfficialBot();

    [GeneratedRegex(@"^(?:forms\.gle|docs\.google\.com/forms|(?:[\w-]+\.)*(?:typeform\.com|jotform\.com|tally\.so|formspree\.io|forms\.office\.com|airtable\.com/shr|form\.jotform|surveymonkey\.com|wufoo\.com))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FormService();

    /// <summary>The clause before a link says where a key comes from, not where it goes (and names no request that carries it there).</summary>
    [GeneratedRegex(@"\b(?:get|obtain|create|generate|find|grab|copy|retrieve|sign\s+up|log\s+in|register|docs|documentation)\b(?:(?!\b(?:post|put|send|upload|body|request|submit)\b)[^.!?:;]){0,80}$|\b(?:available|found|issued)\s+(?:at|on|in|from|via|by)\b(?:(?!\b(?:post|put|send|upload|body|request|submit)\b)[^.!?:;]){0,30}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GetsAKey();

    [GeneratedRegex(@"(?:https?://|\b)(?<target>(?:[\w-]+\.)+[a-z]{2,}(?:/[^\s|;""']*)?|(?:\d{1,3}\.){3}\d{1,3}[^\s|;""']*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Url();

    [GeneratedRegex(@"https?://(?<target>(?:[\w-]+\.)+[a-z]{2,}(?:/[^\s|;""']*)?|(?:\d{1,3}\.){3}\d{1,3}[^\s|;""']*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SchemeUrl();

    [GeneratedRegex(@"^(?:System\.)?Net\.(?:WebClient|Http\.HttpClient|WebRequest)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DotNetType();

    [GeneratedRegex(@"^(?:(?:\d{1,3}\.){3}\d{1,3}|(?:[\w-]+\.)*(?:glot\.io|pastebin\.com|paste\.ee|rentry\.(?:co|org)|hastebin\.\w+|0x0\.st|transfer\.sh|temp\.sh|termbin\.com|bit\.ly|tinyurl\.com|is\.gd|gist\.githubusercontent\.com|raw\.githack\.com|ngrok(?:-free)?\.(?:io|app|dev)|trycloudflare\.com|bore\.pub|duckdns\.org))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Untrusted();

    [GeneratedRegex(@"YOUR[_-]|<[^>]*>|\.\.\.|…|\{\{|\$\{|\$[A-Z_][A-Z0-9_]{2,}\b|%[A-Z_][A-Z0-9_]*%|xxx|example|placeholder", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\.(?:png|jpe?g|gif|webp|svg|ico|mp4|webm|mp3)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Image();
}
