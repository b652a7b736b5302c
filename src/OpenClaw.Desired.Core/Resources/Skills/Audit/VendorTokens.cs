using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>A vendor's token as the environment names it (<c>GITHUB_TOKEN</c>), with the words of the hosts it is meant for.</summary>
public sealed record VendorToken(string Vendor, IReadOnlyList<string> Names, IReadOnlyList<string> HostWords);

/// <summary>
/// A code host's or registry's token taken from the environment and put into a request's credentials, in a program
/// whose every named host belongs to none of those vendors: <c>req.Header.Set("Authorization", "Bearer " +
/// os.Getenv("GITHUB_TOKEN"))</c> on a request to <c>releases.tool-cdn.example</c>. A CI token is meant for its own
/// forge or registry; a host that is neither logs in as the user with it. The vendors are a data row, meant to grow.
/// </summary>
public static partial class VendorTokens
{
    public static readonly (string Id, AuditSeverity Severity, string Why) Rule =
        ("token-to-foreign-host", AuditSeverity.High, "puts a code host's, registry's or service's token (GITHUB_TOKEN, NPM_TOKEN, CI_JOB_TOKEN, a github_token field…) into a request to a host that belongs to none of those vendors: the token logs that host in as the user");

    public static IReadOnlyList<VendorToken> All { get; } =
    [
        new("GitHub", ["GITHUB_TOKEN", "GH_TOKEN", "GITHUB_PAT", "GITHUB_API_TOKEN"], ["github", "githubusercontent.com", "ghcr.io"]),
        new("GitLab", ["GITLAB_TOKEN", "GL_TOKEN", "CI_JOB_TOKEN", "GITLAB_PRIVATE_TOKEN"], ["gitlab"]),
        new("npm", ["NPM_TOKEN", "NODE_AUTH_TOKEN", "NPM_AUTH_TOKEN"], ["npmjs.org", "npmjs.com", "npm.pkg.github.com", "yarnpkg.com"]),
        new("PyPI", ["PYPI_TOKEN", "PYPI_API_TOKEN", "TWINE_PASSWORD"], ["pypi.org", "pythonhosted.org"]),
        new("Bitbucket", ["BITBUCKET_TOKEN", "BITBUCKET_APP_PASSWORD"], ["bitbucket"]),
        new("Docker Hub", ["DOCKERHUB_TOKEN", "DOCKER_PASSWORD"], ["docker.io", "docker.com"]),
    ];

    /// <summary>
    /// The offset of a token's name that a request's credential takes within three lines, where the program names hosts
    /// and none of them is the vendor's: a host whose name holds the vendor's word as a label (<c>github.corp.example</c>)
    /// or ends in its domain, a forge's API path (<c>/api/v4</c>, <c>/api/v3</c>), this machine.
    /// </summary>
    public static IEnumerable<(int Offset, (string Id, AuditSeverity Severity, string Why) Rule)> Scan(string text)
    {
        if (text.Length > 1024 * 1024)
        {
            yield break;
        }

        if ((InForeignQuery(text) ?? InForeignBody(text)) is { } query)
        {
            yield return (query, Rule);
            yield break;
        }

        if (!Credential().IsMatch(text) || ForgeApiPath().IsMatch(text))
        {
            yield break;
        }

        var used = new List<(Match Name, VendorToken Vendor)>();
        foreach (Match name in TokenName().Matches(text).Take(64))
        {
            if (All.FirstOrDefault(v => v.Names.Contains(name.Groups["name"].Value, StringComparer.Ordinal)) is { } vendor && CredentialNear(text, name.Index))
            {
                used.Add((name, vendor));
            }
        }

        if (used.Count == 0)
        {
            yield break;
        }

        var vendors = used.Select(u => u.Vendor).Distinct().ToList();
        var hosts = Host().Matches(text).Take(256).Select(m => m.Groups["host"].Value).ToList();
        if (hosts.Count == 0 || hosts.Any(h => Local(h) || vendors.Any(v => Owns(v, h))))
        {
            yield break;
        }

        yield return (used[0].Name.Index, Rule);
    }

    /// <summary>
    /// The offset of a URL written on a host no vendor of the token owns whose query carries the token: the variable
    /// given it (<c>my $token = $ENV{GITHUB_TOKEN}</c>, <c>token = os.environ["GH_TOKEN"]</c>) or its name, put in
    /// <c>?token=</c>, <c>&amp;access_token=</c>, <c>?key=</c> (<c>"https://badges.example/x.svg?token=$token"</c>). Whatever
    /// other hosts the program names, that one gets the token, and its access logs keep it.
    /// </summary>
    private static int? InForeignQuery(string text)
    {
        var holders = new Dictionary<string, VendorToken>(StringComparer.Ordinal);
        foreach (Match held in TokenHeld().Matches(text).Take(256))
        {
            if (All.FirstOrDefault(v => v.Names.Contains(held.Groups["token"].Value, StringComparer.Ordinal)) is { } vendor)
            {
                holders.TryAdd(held.Groups["name"].Value.TrimStart('$', '@'), vendor);
            }
        }

        foreach (Match query in QueryCarries().Matches(text).Take(64))
        {
            var value = query.Groups["value"].Value.TrimStart('$', '@');
            var vendor = holders.TryGetValue(value, out var held) ? held : All.FirstOrDefault(v => v.Names.Contains(value, StringComparer.Ordinal));
            var host = query.Groups["host"].Value;
            if (vendor is not null && !Local(host) && !Owns(vendor, host))
            {
                return query.Index;
            }
        }

        return null;
    }

    /// <summary>
    /// The offset of a body field named for a service's token (<c>"github_token": token</c>, <c>{\"gh_token\":\"" + t</c>,
    /// <c>openai_api_key=key</c>) given a value the program holds, in a request whose host (written within six lines, or a
    /// constant such as <c>DIGEST_API = "https://…"</c> used there) is not that service's: a "digest", "sync" or
    /// "telemetry" endpoint handed the user's account. The agent's gateway token has no remote host of its own at all.
    /// </summary>
    private static int? InForeignBody(string text)
    {
        if (!text.Contains("token", StringComparison.OrdinalIgnoreCase) && !text.Contains("key", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        Dictionary<string, string>? constants = null;
        foreach (Match field in BodyField().Matches(text).Take(64))
        {
            var service = field.Groups["service"].Value.ToLowerInvariant();
            var words = service switch
            {
                "github" or "gh" => ["github", "githubusercontent.com"],
                "gitlab" => ["gitlab"],
                "npm" => ["npmjs.org", "npmjs.com"],
                "pypi" => ["pypi.org"],
                "openai" => ["openai.com", "openai.azure.com"],
                "anthropic" => ["anthropic.com"],
                "slack" => ["slack.com"],
                "discord" => ["discord.com", "discordapp.com"],
                "telegram" => ["telegram.org"],
                "hf" or "huggingface" => ["huggingface.co"],
                "openclaw" or "gateway" or "clawdbot" => Array.Empty<string>(),
                _ => null,
            };
            if (words is null)
            {
                continue;
            }

            constants ??= UrlConstant().Matches(text).Take(256).GroupBy(m => m.Groups["name"].Value, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Groups["host"].Value, StringComparer.Ordinal);
            var window = Lines(text, field.Index, 6);
            var hosts = Host().Matches(window).Select(m => m.Groups["host"].Value)
                .Concat(constants.Where(c => Regex.IsMatch(window, @"(?<![\w""'])" + Regex.Escape(c.Key) + @"(?![\w""'])", RegexOptions.CultureInvariant)).Select(c => c.Value))
                .ToList();
            var vendor = new VendorToken(service, [], words);
            if (hosts.Count > 0 && RequestBody().IsMatch(window) && !hosts.Any(h => Local(h) || Owns(vendor, h)))
            {
                return field.Index;
            }
        }

        return null;
    }

    /// <summary>The text of the lines within <paramref name="reach"/> lines of an offset, either way.</summary>
    private static string Lines(string text, int offset, int reach)
    {
        var start = offset;
        for (var n = 0; n <= reach && start > 0; n++)
        {
            start = text.LastIndexOf('\n', start - 1);
        }

        var end = offset;
        for (var n = 0; n <= reach && end >= 0 && end < text.Length; n++)
        {
            end = text.IndexOf('\n', end + 1);
        }

        start = Math.Max(0, start);
        end = end < 0 ? text.Length : end;
        return text.Substring(start, Math.Min(end - start, 8192));
    }

    /// <summary>
    /// A body field named for a service's token, keyed in JSON, a dict, a hash or a form, with a value the program holds
    /// (a name, a concatenation, an interpolation), not a literal: <c>"github_token": token</c>, <c>\"gh_token\":\"" + t</c>,
    /// <c>"slack_bot_token" =&gt; $tok</c>, <c>openai_api_key=${KEY}</c>.
    /// </summary>
    [GeneratedRegex(@"\\?[""'](?<service>github|gh|gitlab|npm|pypi|openai|anthropic|slack|discord|telegram|hf|huggingface|openclaw|gateway|clawdbot)[_-]?(?:(?:api|access|bot|auth|app|user|personal)[_-]?)?(?:token|key|pat|secret)\\?[""']\s*(?::|=>)\s*(?:\\?[""'][""']?\s*(?:\+|\.|\$\{|#\{|\{)|f[""']\{|\$\{?|#\{|\{\s*[a-z_]|[a-z_][\w.]*(?:\[[^\]\n]{1,60}\]|\([^)\n]{0,60}\))?\s*[,}\n)])"
        + @"|[""'&?](?<service>github|gh|gitlab|npm|pypi|openai|anthropic|slack|discord|telegram|hf|huggingface|openclaw|gateway|clawdbot)[_-](?:(?:api|access|bot|auth|app|user|personal)[_-])?(?:token|key|pat|secret)=(?:[""']\s*(?:\+|\.)|\$\{|#\{|\{|%s)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BodyField();

    /// <summary>A request's body built or sent: <c>json=</c>, <c>data=</c>, <c>body:</c>, <c>JSON.stringify</c>, Java's <c>BodyPublishers</c>, a POST.</summary>
    [GeneratedRegex(@"\b(?:json|data|body|form|payload)\s*[:=]|JSON\.stringify|\bjson\.dumps?\b|\.to_json\b|json_encode|BodyPublishers|\bPOST\b|\.post\s*\(|\.put\s*\(|CURLOPT_POSTFIELDS|--data|-d\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RequestBody();

    /// <summary>A constant given a URL: <c>static final String DIGEST_API = "https://api.stardigest.dev/v1"</c>, <c>ENDPOINT = 'https://…'</c>.</summary>
    [GeneratedRegex(@"(?<name>[A-Za-z_]\w{2,40})[""']?\s*(?::=|=|:)\s*[""'`]https?://(?<host>[\w-]+(?:\.[\w-]+)+)", RegexOptions.CultureInvariant)]
    private static partial Regex UrlConstant();

    /// <summary>A name given a vendor's token from the environment: <c>my $token = $ENV{GITHUB_TOKEN}</c>, <c>token = os.environ.get("GH_TOKEN")</c>, <c>const t = process.env.NPM_TOKEN</c>, <c>$tok = getenv('GITHUB_TOKEN')</c>.</summary>
    [GeneratedRegex(@"(?<name>[$@]?[A-Za-z_]\w{0,40})\s*(?::=|=)\s*(?!=)[^\n;]{0,60}?(?:\$ENV\{|ENV\[|environ(?:\.get\s*\(|\[)|getenv\s*\(|Getenv\s*\(|process\.env\.|process\.env\[|\$env:|GetEnvironmentVariable\s*\(|[""']?\$\{?)\s*[""']?(?<token>[A-Z_]+)\b", RegexOptions.CultureInvariant)]
    private static partial Regex TokenHeld();

    /// <summary>A URL written with its host whose query takes a value by name: <c>?token=$token</c>, <c>&amp;key=${TOKEN}</c>, <c>?access_token=" + tok</c>, <c>?auth=#{token}</c>, <c>?token={token}</c>.</summary>
    [GeneratedRegex(@"https?://(?<host>[\w-]+(?:\.[\w-]+)+)[^\s""'`]{0,200}?[?&][\w-]*(?:token|key|auth|secret|pat)[\w-]*=(?:\$\{?|\{|#\{|%\(|[""']\s*(?:\+|\.)\s*)(?<value>[$@]?[A-Za-z_]\w{0,40})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QueryCarries();

    /// <summary>A request's credential within three lines of the offset, either way.</summary>
    private static bool CredentialNear(string text, int offset)
    {
        var start = offset;
        for (var n = 0; n < 4 && start > 0; n++)
        {
            start = text.LastIndexOf('\n', start - 1);
        }

        start = Math.Max(0, start);
        var end = offset;
        for (var n = 0; n < 4 && end >= 0 && end < text.Length; n++)
        {
            end = text.IndexOf('\n', end + 1);
        }

        end = end < 0 ? text.Length : end;
        return Credential().IsMatch(text.AsSpan(start, Math.Min(end - start, 4096)));
    }

    private static bool Local(string host) =>
        host is "localhost" or "127.0.0.1" or "0.0.0.0" || host.EndsWith(".local", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".internal", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".lan", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".home.arpa", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".ts.net", StringComparison.OrdinalIgnoreCase) || PrivateAddress().IsMatch(host);

    [GeneratedRegex(@"^(?:10\.|192\.168\.|172\.(?:1[6-9]|2\d|3[01])\.|100\.(?:6[4-9]|[7-9]\d|1[01]\d|12[0-7])\.)\d", RegexOptions.CultureInvariant)]
    private static partial Regex PrivateAddress();

    private static bool Owns(VendorToken vendor, string host) =>
        vendor.HostWords.Any(w => w.Contains('.')
            ? host.Equals(w, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + w, StringComparison.OrdinalIgnoreCase)
            : host.Split('.').Contains(w, StringComparer.OrdinalIgnoreCase));

    /// <summary>A forge's API by its path, on whatever host the user runs it: GitLab's <c>/api/v4</c>, GitHub Enterprise's <c>/api/v3</c>, Gitea's <c>/api/v1/repos</c>.</summary>
    [GeneratedRegex(@"https?://[^\s""'`/]+/api/(?:v3|v4|v1/repos)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ForgeApiPath();

    /// <summary>A token's name as code reads it or lists it: <c>os.Getenv("GITHUB_TOKEN")</c>, <c>process.env.NPM_TOKEN</c>, <c>$ENV{GH_TOKEN}</c>, <c>["GITHUB_TOKEN", "GH_TOKEN"]</c>.</summary>
    [GeneratedRegex(@"(?<=[""'{.\[$]|\$\{)(?<name>GITHUB_TOKEN|GH_TOKEN|GITHUB_PAT|GITHUB_API_TOKEN|GITLAB_TOKEN|GL_TOKEN|CI_JOB_TOKEN|GITLAB_PRIVATE_TOKEN|NPM_TOKEN|NODE_AUTH_TOKEN|NPM_AUTH_TOKEN|PYPI_TOKEN|PYPI_API_TOKEN|TWINE_PASSWORD|BITBUCKET_TOKEN|BITBUCKET_APP_PASSWORD|DOCKERHUB_TOKEN|DOCKER_PASSWORD)(?=[""'}\]\s),;:.!|?]|$)", RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex TokenName();

    /// <summary>Where a request carries a credential: an authorization header, a bearer or token scheme, a token field of a body or query.</summary>
    [GeneratedRegex(@"[""']Authorization[""']|\bBearer\s|[""']token\s|[""'](?:X-[\w-]*Token|PRIVATE-TOKEN|JOB-TOKEN)[""']|[""']?token[""']?\s*[:=]\s*(?:process\.env|os\.(?:environ|getenv|Getenv)|\$ENV|ENV\[|getenv)|[?&]token=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Credential();

    /// <summary>A host the program names: in a URL, or given alone to a host field or a constant (<c>host: "api.example.com"</c>, <c>const MIRROR = '…'</c>).</summary>
    [GeneratedRegex(@"[""'`]https?://(?<host>[\w-]+(?:\.[\w-]+)+|localhost)\b|(?:\bhost(?:name)?[""']?\s*[:=]\s*|\b[A-Z_]*(?:HOST|MIRROR|API|ENDPOINT|SERVER|DOMAIN)[A-Z_]*\s*=\s*)[""'`](?<host>[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})[""'`]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Host();
}
