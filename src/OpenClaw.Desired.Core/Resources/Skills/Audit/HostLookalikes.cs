using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>
/// An address whose domain wears a service's name without being the service's: <c>oauth2.googleapis-relay.com</c>
/// for Google's token endpoint, <c>registry.npmjs-cdn.org</c> for npm's registry, <c>api.github.com.edge-sync.net</c>
/// with GitHub's whole domain as labels of another. A program that sends a sign-in there (an OAuth code, a refresh
/// token, a client secret, a registry token) gives it to whoever holds that domain, while every line reads as the
/// real service's. The services are a data file (Data/brands.txt), with their own look-alike domains listed as theirs.
/// Flagged high where the text handles a credential (a token, a secret, a password, an <c>Authorization</c> header,
/// OAuth), medium elsewhere.
/// </summary>
public static partial class HostLookalikes
{
    public static readonly (string Id, AuditSeverity Severity, string Why) Rule =
        ("lookalike-host", AuditSeverity.High, "sends a sign-in to a host whose domain wears a known service's name (googleapis-relay.com, registry.npmjs-cdn.org, api.github.com.edge.net) but is not that service's: the token, secret or code goes to whoever holds the domain");

    public static readonly (string Id, AuditSeverity Severity, string Why) Named =
        ("lookalike-host", AuditSeverity.Medium, "names a host whose domain wears a known service's name (googleapis-relay.com, registry.npmjs-cdn.org) but is not that service's: whatever the skill fetches or sends there goes to whoever holds the domain");

    private static readonly (HashSet<string> Labels, HashSet<string> Infrastructure, string[] Domains, HashSet<string> Owned) Brands = Load();

    public static IEnumerable<(int Offset, (string Id, AuditSeverity Severity, string Why) Rule)> Scan(string text)
    {
        if (text.Length > 1024 * 1024 || !text.Contains("://", StringComparison.Ordinal))
        {
            yield break;
        }

        var credentials = Credential().IsMatch(text);
        var seen = new List<(string Host, int Index)>();
        foreach (Match url in Url().Matches(text).Take(256))
        {
            var host = url.Groups["host"].Value.ToLowerInvariant();
            if (Imitates(host) is not null)
            {
                yield return (url.Index, credentials ? Rule : Named);
                yield break;
            }

            if (!seen.Any(s => s.Host == host) && !LocalName().IsMatch(host))
            {
                seen.Add((host, url.Index));
            }
        }

        // Two hosts of one program a letter apart (api.tasklane.example beside api.tasklanes.example): where it handles a
        // credential, the one it sends it to is the other's look-alike. The later one written is flagged.
        for (var i = 1; i < seen.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (OneLetterApart(seen[i].Host, seen[j].Host))
                {
                    yield return (seen[i].Index, credentials ? Rule : Named);
                    yield break;
                }
            }
        }
    }

    /// <summary>The service's domain <paramref name="host"/> imitates, or null.</summary>
    public static string? Imitates(string host)
    {
        var labels = host.TrimEnd('.').Split('.');
        if (labels.Length < 2 || Brands.Owned.Any(o => host == o || host.EndsWith("." + o, StringComparison.Ordinal)))
        {
            return null;
        }

        // The whole domain of a service followed by labels of another: api.github.com.edge-sync.net; not under one of
        // the services' own domains (a bucket named after a site on amazonaws.com).
        var registered = string.Join('.', labels[^Math.Min(2, labels.Length)..]);
        foreach (var domain in Brands.Domains.Contains(registered) ? [] : Brands.Domains)
        {
            var at = host.IndexOf(domain + ".", StringComparison.Ordinal);
            // Not a country's domain of the service's own (google.com.au, amazon.com.br).
            if (at >= 0 && (at == 0 || host[at - 1] == '.') && host.Length - (at + domain.Length + 1) != 2)
            {
                return domain;
            }
        }

        // The registrable label (the one before the top-level domain, or before a two-letter country's second level)
        // joined to a service's name by a hyphen: googleapis-relay.com, secure-github.io.
        var registrable = labels.Length >= 3 && labels[^1].Length == 2 && labels[^2] is "co" or "com" or "org" or "net" or "ac" or "gov" ? labels[^3] : labels[^2];
        if (!registrable.Contains('-'))
        {
            return null;
        }

        var parts = registrable.Split('-');
        var endpoint = labels.Length >= 3 && Endpoint().IsMatch(labels[0]);
        foreach (var part in new[] { parts[0], parts[^1] })
        {
            if (Brands.Infrastructure.Contains(part) || endpoint && Brands.Labels.Contains(part))
            {
                return Brands.Domains.First(d => d.StartsWith(part + ".", StringComparison.Ordinal));
            }
        }

        return null;
    }

    /// <summary>
    /// Whether two hosts differ only in their registrable label, by one letter added, dropped or changed (tasklane,
    /// tasklanes), that label six letters or more; a digit's or a hyphen's change (mirror1, mirror2; your-domain) is none: the same subdomains
    /// and the same top-level domain.
    /// </summary>
    internal static bool OneLetterApart(string a, string b)
    {
        var x = a.Split('.');
        var y = b.Split('.');
        if (x.Length != y.Length || x.Length < 2 || x[^1] != y[^1] || !x[..^2].SequenceEqual(y[..^2]))
        {
            return false;
        }

        var (p, q) = (x[^2], y[^2]);
        if (p == q || Math.Min(p.Length, q.Length) < 6 || Math.Abs(p.Length - q.Length) > 1)
        {
            return false;
        }

        var start = 0;
        while (start < Math.Min(p.Length, q.Length) && p[start] == q[start])
        {
            start++;
        }

        var end = 0;
        while (end < Math.Min(p.Length, q.Length) - start && p[^(end + 1)] == q[^(end + 1)])
        {
            end++;
        }

        var changedP = p[start..^end];
        var changedQ = q[start..^end];
        return changedP.Length <= 1 && changedQ.Length <= 1 && !changedP.Any(c => char.IsAsciiDigit(c) || c == '-') && !changedQ.Any(c => char.IsAsciiDigit(c) || c == '-');
    }

    /// <summary>A name on the local network (radarr.local beside readarr.local are two services of the user's).</summary>
    [GeneratedRegex(@"\.(?:local|lan|localhost|home\.arpa|internal|localdomain|home|ts\.net)$", RegexOptions.CultureInvariant)]
    private static partial Regex LocalName();

    /// <summary>A host's first label that names a sign-in or API endpoint.</summary>
    [GeneratedRegex(@"^(?:oauth2?|login|signin|auth|accounts?|sso|id|token|api|apis|registry|upload|gateway)\d*$", RegexOptions.CultureInvariant)]
    private static partial Regex Endpoint();

    private static (HashSet<string>, HashSet<string>, string[], HashSet<string>) Load()
    {
        using var stream = typeof(HostLookalikes).Assembly.GetManifestResourceStream("skills-audit-brands.txt")!;
        var domains = new List<string>();
        var infrastructure = new HashSet<string>(StringComparer.Ordinal);
        var brands = new HashSet<string>(StringComparer.Ordinal);
        var owned = new HashSet<string>(StringComparer.Ordinal);
        var section = string.Empty;
        foreach (var raw in new StreamReader(stream).ReadToEnd().Split('\n'))
        {
            var line = raw.Trim().ToLowerInvariant();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith('['))
            {
                section = line;
                continue;
            }

            (section == "[owned]" ? (ICollection<string>)owned : domains).Add(line);
            if (section == "[infrastructure]")
            {
                infrastructure.Add(line.Split('.')[0]);
            }
            else if (section == "[brands]")
            {
                brands.Add(line.Split('.')[0]);
            }
        }

        return (brands, infrastructure, [.. domains], owned);
    }

    /// <summary>A URL's host.</summary>
    [GeneratedRegex(@"\bhttps?://(?:[^\s/@""'`]{1,100}@)?(?<host>[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\.){1,8}[A-Za-z]{2,24})\b", RegexOptions.CultureInvariant)]
    private static partial Regex Url();

    /// <summary>A credential handled: a token, a secret, a password, an API key, an <c>Authorization</c> header, OAuth.</summary>
    [GeneratedRegex(@"\b(?:[\w-]*(?:token|secret|passw(?:or)?d|api[_-]?key|apikey)\w*|Authorization|Bearer|oauth2?|credentials?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Credential();
}
