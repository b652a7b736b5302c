using OpenClaw.Desired.Host.Fs;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>A rules or IOC file that cannot be used; every problem as <c>FILE:LINE:COL: message</c>.</summary>
public sealed class AuditRulesException(IReadOnlyList<string> problems) : Exception(string.Join("\n", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>Indicators of known campaigns: hosts, addresses, URL fragments, registry publishers.</summary>
public sealed record IocList(IReadOnlyList<string> Domains, IReadOnlyList<string> Ips, IReadOnlyList<string> Urls, IReadOnlyList<string> Publishers)
{
    public static IocList Empty { get; } = new([], [], [], []);

    /// <summary>The list shipped with this version (Data/iocs.yaml).</summary>
    public static IocList BuiltIn { get; } = AuditRuleFiles.ParseIocs(BuiltInText(), "built-in iocs.yaml");

    private static string BuiltInText()
    {
        using var stream = typeof(IocList).Assembly.GetManifestResourceStream("skills-audit-iocs.yaml")!;
        return new StreamReader(stream).ReadToEnd();
    }

    /// <summary>The indicators searched for at once, by list; null when one cannot be (case outside ASCII), or there are none.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IocList, Searcher> Searchers = [];

    private sealed record Searcher(Text.Needles? Needles, int[] Each);

    /// <summary>Offsets of the indicators a text names: indicator by indicator, each where it stands alone, in order.</summary>
    public IEnumerable<int> Find(string text)
    {
        var needles = Domains.Concat(Ips).Concat(Urls).ToList();
        var searcher = Searchers.GetValue(this, static list => Search(list.Domains.Concat(list.Ips).Concat(list.Urls).ToList()));
        var starts = searcher.Needles?.StartsByGroup(text, searcher.Each, needles.Count);
        for (var n = 0; n < needles.Count; n++)
        {
            var needle = needles[n];

            // A domain also names its subdomains (x.evil.test); an address must stand alone (not 1.2.3.45 for 1.2.3.4).
            var subdomains = Domains.Contains(needle);
            foreach (var at in starts is null ? Occurrences(text, needle) : starts[n] ?? [])
            {
                var before = at == 0 ? ' ' : text[at - 1];
                var after = at + needle.Length >= text.Length ? ' ' : text[at + needle.Length];
                if (!char.IsAsciiLetterOrDigit(before) && (before != '.' || subdomains) && !char.IsAsciiLetterOrDigit(after) && !(after == '.' && !subdomains && char.IsAsciiDigit(needle[^1])))
                {
                    yield return at;
                }
            }
        }
    }

    private static Searcher Search(List<string> needles) =>
        needles.Count > 0 && needles.All(n => n.Length > 0 && Text.Needles.Supports(n, StringComparison.OrdinalIgnoreCase))
            ? new Searcher(new Text.Needles(needles, StringComparison.OrdinalIgnoreCase), [.. Enumerable.Range(0, needles.Count)])
            : new Searcher(null, []);

    private static IEnumerable<int> Occurrences(string text, string needle)
    {
        for (var at = Text.IgnoreCase.IndexOf(text, needle, 0); at >= 0; at = Text.IgnoreCase.IndexOf(text, needle, at + 1))
        {
            yield return at;
        }
    }
}

/// <summary>
/// The two files a user gives the audit, both YAML. A rules file (<c>skills audit --rules FILE</c>) adds rules:
/// <c>id</c>, <c>pattern</c> (a .NET regular expression, run on every text file of a skill), <c>severity</c>,
/// <c>why</c>, optional <c>files</c> (globs on the path inside the skill), and optional <c>signal</c>, which makes
/// the match evidence for the built-in combinations (with <c>evidenceOnly: true</c>, evidence and nothing else).
/// An IOC file (<c>--iocs FILE</c>) lists <c>domains</c>, <c>ips</c>, <c>urls</c> and <c>publishers</c>.
/// </summary>
public static class AuditRuleFiles
{
    public static IReadOnlyList<AuditRule> LoadRules(string path) => ParseRules(Read(path), path);

    public static IocList LoadIocs(string path) => ParseIocs(Read(path), path);

    public static IReadOnlyList<AuditRule> ParseRules(string text, string source)
    {
        var problems = new List<string>();
        var root = Root(text, source);
        var rules = new List<AuditRule>();
        if (!root.Children.TryGetValue(new YamlScalarNode("rules"), out var list) || list is not YamlSequenceNode sequence)
        {
            throw new AuditRulesException([$"{source}:{Position(root)}: expected a 'rules' list"]);
        }

        foreach (var node in sequence.Children)
        {
            if (node is not YamlMappingNode rule)
            {
                problems.Add($"{source}:{Position(node)}: each rule is a mapping (id, pattern, severity, why)");
                continue;
            }

            string? Get(string key) => rule.Children.TryGetValue(new YamlScalarNode(key), out var value) ? (value as YamlScalarNode)?.Value : null;
            var id = Get("id");
            var pattern = Get("pattern");
            var why = Get("why") ?? "matches a rule of this host's own rules file";
            foreach (var key in rule.Children.Keys.OfType<YamlScalarNode>().Where(k => k.Value is not ("id" or "pattern" or "severity" or "why" or "files" or "signal" or "evidenceOnly")))
            {
                problems.Add($"{source}:{Position(key)}: unknown key '{key.Value}'");
            }

            if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(pattern))
            {
                problems.Add($"{source}:{Position(rule)}: a rule needs an id and a pattern");
                continue;
            }

            var severity = AuditSeverities.ParseBlock(Get("severity") ?? "medium");
            if (severity is null)
            {
                problems.Add($"{source}:{Position(rule)}: rule '{id}': severity must be low, medium, high or critical");
                continue;
            }

            Signal? signal = null;
            if (Get("signal") is { } name)
            {
                signal = Enum.GetValues<Signal>().Cast<Signal?>().FirstOrDefault(s => Kebab(s!.Value) == name);
                if (signal is null)
                {
                    problems.Add($"{source}:{Position(rule)}: rule '{id}': unknown signal '{name}' (one of {string.Join(", ", Enum.GetValues<Signal>().Select(Kebab))})");
                    continue;
                }
            }

            Regex regex;
            try
            {
                regex = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException)
            {
                problems.Add($"{source}:{Position(rule)}: rule '{id}': pattern is not a usable regular expression: {e.Message}");
                continue;
            }

            var files = rule.Children.TryGetValue(new YamlScalarNode("files"), out var globs) && globs is YamlSequenceNode items
                ? items.Children.OfType<YamlScalarNode>().Select(g => new global::OpenClaw.Desired.Secrets.Scanning.Glob(g.Value ?? "*")).ToList()
                : null;
            var evidenceOnly = Get("evidenceOnly") == "true" && signal is not null;
            rules.Add(new AuditRule(id, severity.Value, why, regex, evidenceOnly ? RuleRole.Evidence : RuleRole.Finding) { Signal = signal, Files = files });
        }

        var duplicate = rules.GroupBy(r => r.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            problems.Add($"{source}: rule id '{duplicate.Key}' is used twice");
        }

        return problems.Count > 0 ? throw new AuditRulesException(problems) : rules;
    }

    public static IocList ParseIocs(string text, string source)
    {
        var root = Root(text, source);
        IReadOnlyList<string> List(string key) =>
            root.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlSequenceNode items
                ? items.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty).Where(s => s.Length > 0).ToList()
                : [];
        var unknown = root.Children.Keys.OfType<YamlScalarNode>().FirstOrDefault(k => k.Value is not ("domains" or "ips" or "urls" or "publishers" or "updated"));
        return unknown is not null
            ? throw new AuditRulesException([$"{source}:{Position(unknown)}: unknown key '{unknown.Value}' (domains, ips, urls, publishers)"])
            : new IocList(List("domains"), List("ips"), List("urls"), List("publishers"));
    }

    /// <summary>account-read for AccountRead: how signals are written in rules files.</summary>
    public static string Kebab(Signal signal) => Regex.Replace(signal.ToString(), "(?<!^)([A-Z])", "-$1").ToLowerInvariant();

    private static string Read(string path)
    {
        try
        {
            var info = new FileInfo(path);
            return !info.Exists ? throw new AuditRulesException([$"{path}: no such file"])
                : info.LinkTarget is not null || info.Length > 1024 * 1024 ? throw new AuditRulesException([$"{path}: a symbolic link or larger than 1 MiB"])
                : HostFs.ReadOperatorFile(path, 1024 * 1024);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AuditRulesException([$"{path}: cannot read: {(e is UnsafePathException u ? u.Detail : e.Message)}"]);
        }
    }

    private static YamlMappingNode Root(string text, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new AuditRulesException([$"{source}:{e.Start.Line}:{e.Start.Column}: {e.InnerException?.Message ?? e.Message}"]);
        }

        return stream.Documents.Count == 1 && stream.Documents[0].RootNode is YamlMappingNode root
            ? root
            : throw new AuditRulesException([$"{source}:1:1: expected one YAML mapping"]);
    }

    private static string Position(YamlNode node) => $"{node.Start.Line}:{node.Start.Column}";
}
