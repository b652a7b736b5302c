using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Secrets.Scanning.Rules;

/// <summary>An allowlist of gitleaks' format: findings it matches are not reported.</summary>
public sealed record Allowlist(
    string? Description,
    bool MatchAll,
    IReadOnlyList<Regex> Paths,
    IReadOnlyList<Regex> Regexes,
    string RegexTarget,
    IReadOnlyList<string> StopWords,
    IReadOnlyList<string> TargetRules)
{
    /// <summary>
    /// Whether the finding is allowed: any of the criteria given (paths, regexes on the secret, the whole match or
    /// the line, stop words inside the secret), or all of them with <c>condition = "AND"</c>.
    /// </summary>
    public bool Allows(string path, string secret, string match, string line, string rule)
    {
        if (TargetRules.Count > 0 && !TargetRules.Contains(rule, StringComparer.Ordinal))
        {
            return false;
        }

        var target = RegexTarget switch { "match" => match, "line" => line, _ => secret };
        var checks = new List<bool>(3);
        if (Paths.Count > 0)
        {
            checks.Add(Paths.Any(p => p.IsMatch(path)));
        }

        if (Regexes.Count > 0)
        {
            checks.Add(Regexes.Any(r => r.IsMatch(target)));
        }

        if (StopWords.Count > 0)
        {
            checks.Add(StopWords.Any(w => secret.Contains(w, StringComparison.OrdinalIgnoreCase)));
        }

        return checks.Count > 0 && (MatchAll ? checks.All(c => c) : checks.Any(c => c));
    }
}

/// <summary>One rule of gitleaks' format: a pattern (its <c>secretGroup</c> is the secret), optional keywords, path filter, minimum entropy and allowlists.</summary>
public sealed record UserRule(
    string Id,
    string? Description,
    Regex Pattern,
    int SecretGroup,
    double? Entropy,
    IReadOnlyList<string> Keywords,
    Regex? Path,
    IReadOnlyList<Allowlist> Allowlists);

/// <summary>
/// Rules a team adds to the built-in formats (<c>secrets scan --rules FILE</c>, posture <c>secrets.scan.rules</c>),
/// in the TOML format of gitleaks configs: <c>[[rules]]</c> with their <c>[rules.allowlist]</c> or
/// <c>[[rules.allowlists]]</c>, and a global <c>[allowlist]</c> or <c>[[allowlists]]</c> that applies to every
/// finding, built-in ones included. Patterns run on .NET's linear-time engine, as RE2 does for gitleaks.
/// </summary>
public sealed class UserRules(IReadOnlyList<UserRule> rules, IReadOnlyList<Allowlist> allowlists, IReadOnlyList<string> warnings)
{
    public static UserRules None { get; } = new([], [], []);

    public IReadOnlyList<UserRule> Rules { get; } = rules;

    public IReadOnlyList<Allowlist> Allowlists { get; } = allowlists;

    /// <summary>What the file held that was read but not acted on (an <c>[extend]</c>, an unknown key), to show the user.</summary>
    public IReadOnlyList<string> Warnings { get; } = warnings;

    public bool IsEmpty => Rules.Count == 0 && Allowlists.Count == 0;

    /// <summary>Matches of the user's rules in one file's text; the kind of each is its rule's id.</summary>
    public IReadOnlyList<SecretMatch> Scan(string text, string path)
    {
        var found = new List<SecretMatch>();
        foreach (var rule in Rules)
        {
            if ((rule.Keywords.Count > 0 && !Text.IgnoreCase.ContainsAny(text, rule.Keywords))
                || (rule.Path is not null && !rule.Path.IsMatch(path)))
            {
                continue;
            }

            foreach (Match match in rule.Pattern.Matches(text))
            {
                var secret = SecretOf(match, rule.SecretGroup);
                if (secret.Length == 0 || (rule.Entropy is { } minimum && ValueHeuristics.Entropy(secret.Value) < minimum))
                {
                    continue;
                }

                var hit = new SecretMatch(secret.Index, secret.Length, rule.Id);
                if (!rule.Allowlists.Any(a => a.Allows(path, secret.Value, match.Value, LineOf(text, secret.Index), rule.Id)))
                {
                    found.Add(hit);
                }
            }
        }

        return found;
    }

    /// <summary>Whether a global allowlist lets this finding go.</summary>
    public bool Allows(string path, string text, int offset, int length, string kind) =>
        Allowlists.Count > 0 && Allowlists.Any(a => a.Allows(path, text.Substring(offset, length), text.Substring(offset, length), LineOf(text, offset), kind));

    /// <summary>gitleaks' choice: the group <c>secretGroup</c> names, else the first group that matched, else the whole match.</summary>
    private static Capture SecretOf(Match match, int group)
    {
        if (group > 0 && group < match.Groups.Count)
        {
            return match.Groups[group];
        }

        for (var i = 1; i < match.Groups.Count; i++)
        {
            if (match.Groups[i].Success && match.Groups[i].Length > 0)
            {
                return match.Groups[i];
            }
        }

        return match;
    }

    private static string LineOf(string text, int offset)
    {
        var start = offset == 0 ? 0 : text.LastIndexOf('\n', offset - 1) + 1;
        var end = text.IndexOf('\n', offset);
        return text[start..(end < 0 ? text.Length : end)];
    }
}
