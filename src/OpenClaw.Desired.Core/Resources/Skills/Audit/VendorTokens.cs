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
        ("token-to-foreign-host", AuditSeverity.High, "puts a code host's or registry's token from the environment (GITHUB_TOKEN, NPM_TOKEN, CI_JOB_TOKEN…) into a request, in a program whose named hosts belong to none of those vendors: the token logs that host in as the user");

    public static IReadOnlyList<VendorToken> All { get; } =
    [
        new("GitHub", ["GITHUB_TOKEN", "GH_TOKEN", "GH_ENTERPRISE_TOKEN", "GITHUB_PAT", "GITHUB_API_TOKEN"], ["github", "githubusercontent.com", "ghcr.io"]),
        new("GitLab", ["GITLAB_TOKEN", "GL_TOKEN", "CI_JOB_TOKEN", "GITLAB_PRIVATE_TOKEN"], ["gitlab"]),
        new("npm", ["NPM_TOKEN", "NODE_AUTH_TOKEN", "NPM_AUTH_TOKEN"], ["npmjs.org", "npmjs.com", "npm.pkg.github.com", "yarnpkg.com"]),
        new("PyPI", ["PYPI_TOKEN", "PYPI_API_TOKEN", "TWINE_PASSWORD"], ["pypi.org", "pythonhosted.org"]),
        new("Bitbucket", ["BITBUCKET_TOKEN", "BITBUCKET_APP_PASSWORD"], ["bitbucket"]),
        new("Docker Hub", ["DOCKERHUB_TOKEN", "DOCKER_PASSWORD"], ["docker.io", "docker.com"]),
    ];

    /// <summary>The offset of the first token name, where the program hands a token to a request and names only other vendors' hosts.</summary>
    public static IEnumerable<(int Offset, (string Id, AuditSeverity Severity, string Why) Rule)> Scan(string text)
    {
        if (text.Length > 1024 * 1024 || !Credential().IsMatch(text))
        {
            yield break;
        }

        var named = TokenName().Match(text);
        if (!named.Success)
        {
            yield break;
        }

        var vendors = TokenName().Matches(text).Take(64)
            .Select(m => All.First(v => v.Names.Contains(m.Groups["name"].Value, StringComparer.Ordinal)))
            .Distinct().ToList();
        var hosts = Host().Matches(text).Take(256).Select(m => m.Groups["host"].Value).ToList();
        if (hosts.Count == 0
            || hosts.Any(h => Local(h) || vendors.Any(v => v.HostWords.Any(w => h.Contains(w, StringComparison.OrdinalIgnoreCase)))))
        {
            yield break;
        }

        yield return (named.Index, Rule);
    }

    private static bool Local(string host) =>
        host is "localhost" or "127.0.0.1" or "0.0.0.0" || host.EndsWith(".local", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".internal", StringComparison.OrdinalIgnoreCase);

    /// <summary>A token's name as code reads it or lists it: <c>os.Getenv("GITHUB_TOKEN")</c>, <c>process.env.NPM_TOKEN</c>, <c>$ENV{GH_TOKEN}</c>, <c>["GITHUB_TOKEN", "GH_TOKEN"]</c>.</summary>
    [GeneratedRegex(@"(?<=[""'{.\[$]|\$\{)(?<name>GITHUB_TOKEN|GH_TOKEN|GH_ENTERPRISE_TOKEN|GITHUB_PAT|GITHUB_API_TOKEN|GITLAB_TOKEN|GL_TOKEN|CI_JOB_TOKEN|GITLAB_PRIVATE_TOKEN|NPM_TOKEN|NODE_AUTH_TOKEN|NPM_AUTH_TOKEN|PYPI_TOKEN|PYPI_API_TOKEN|TWINE_PASSWORD|BITBUCKET_TOKEN|BITBUCKET_APP_PASSWORD|DOCKERHUB_TOKEN|DOCKER_PASSWORD)(?=[""'}\]\s),;:]|$)", RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex TokenName();

    /// <summary>Where a request carries a credential: an authorization header, a bearer or token scheme, a token field of a body or query.</summary>
    [GeneratedRegex(@"[""']Authorization[""']|\bBearer\s|[""']token\s|[""'](?:X-[\w-]*Token|PRIVATE-TOKEN|JOB-TOKEN)[""']|[""']?token[""']?\s*[:=]\s*(?:process\.env|os\.(?:environ|getenv|Getenv)|\$ENV|ENV\[|getenv)|[?&]token=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Credential();

    /// <summary>A host the program names: in a URL, or given alone to a host field or a constant (<c>host: "api.example.com"</c>, <c>const MIRROR = '…'</c>).</summary>
    [GeneratedRegex(@"[""'`]https?://(?<host>[\w-]+(?:\.[\w-]+)+|localhost)\b|(?:\bhost(?:name)?[""']?\s*[:=]\s*|\b[A-Z_]*(?:HOST|MIRROR|API|ENDPOINT|SERVER|DOMAIN)[A-Z_]*\s*=\s*)[""'`](?<host>[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})[""'`]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Host();
}
