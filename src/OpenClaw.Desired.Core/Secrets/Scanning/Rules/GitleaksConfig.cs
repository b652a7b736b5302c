using System.Globalization;
using System.Text.RegularExpressions;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace OpenClaw.Desired.Secrets.Scanning.Rules;

/// <summary>A rules file that cannot be used; every problem, as <c>FILE:LINE:COL: message</c>.</summary>
public sealed class UserRulesException(IReadOnlyList<string> problems) : Exception(string.Join("\n", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>
/// Reads a gitleaks config (TOML) into <see cref="UserRules"/>: <c>[[rules]]</c> (id, description, regex,
/// secretGroup, entropy, keywords, path, tags), their allowlists, and the global allowlists. Every problem is
/// reported with its position; nothing is half-loaded. <c>[extend]</c> (gitleaks' own default rules) and
/// path-only rules have no meaning here and are reported as warnings.
/// </summary>
public static class GitleaksConfig
{
    public const int MaxBytes = 1024 * 1024;

    public static UserRules Load(string path)
    {
        string text;
        try
        {
            // A rules file decides what is not reported: a link or a giant file is refused, not followed or read whole.
            var info = new FileInfo(path);
            if (!info.Exists || info.LinkTarget is not null || info.Length > MaxBytes)
            {
                throw new UserRulesException([$"{path}: {(info.LinkTarget is not null ? "is a symbolic link" : info.Exists ? "is larger than 1 MiB" : "no such file")}"]);
            }

            text = Host.Fs.HostFs.ReadOperatorFile(path, MaxBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserRulesException([$"{path}: cannot read: {(e is Host.Fs.UnsafePathException u ? u.Detail : e.Message)}"]);
        }

        return Parse(text, path);
    }

    public static UserRules Parse(string text, string source)
    {
        var document = SyntaxParser.Parse(text, source, false);
        var problems = document.Diagnostics.Where(d => d.Kind == DiagnosticMessageKind.Error)
            .Select(d => $"{source}:{d.Span.Start.Line + 1}:{d.Span.Start.Column + 1}: {d.Message}").ToList();
        if (problems.Count > 0)
        {
            throw new UserRulesException(problems);
        }

        var reader = new Reader(source, problems);
        var warnings = new List<string>();
        var rules = new List<RuleDraft>();
        var global = new List<Allowlist>();
        foreach (var item in document.KeyValues)
        {
            if (Name(item.Key) is not ("title" or "description" or "minVersion"))
            {
                warnings.Add(reader.At(item, $"unknown key '{Name(item.Key)}' ignored"));
            }
        }

        foreach (var table in document.Tables)
        {
            var name = Name(table.Name);
            switch (table, name)
            {
                case (TableArraySyntax, "rules"):
                    rules.Add(new RuleDraft(table));
                    break;
                case (TableSyntax, "rules.allowlist") or (TableArraySyntax, "rules.allowlists") when rules.Count > 0:
                    rules[^1].Allowlists.Add(reader.Allowlist(table.Items, table));
                    break;
                case (TableSyntax, "allowlist") or (TableArraySyntax, "allowlists"):
                    global.Add(reader.Allowlist(table.Items, table));
                    break;
                case (_, "extend"):
                    warnings.Add(reader.At(table, "[extend] ignored: the built-in formats always run, and gitleaks' default rules are not loaded"));
                    break;
                default:
                    problems.Add(reader.At(table, $"unexpected table [{name}]"));
                    break;
            }
        }

        var built = rules.Select(r => reader.Rule(r, warnings)).OfType<UserRule>().ToList();
        var duplicate = built.GroupBy(r => r.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            problems.Add($"{source}: rule id '{duplicate.Key}' is used twice");
        }

        if (problems.Count > 0)
        {
            throw new UserRulesException(problems);
        }

        return new UserRules(built, global, warnings);
    }

    private sealed record RuleDraft(TableSyntaxBase Table)
    {
        public List<Allowlist> Allowlists { get; } = [];
    }

    private static string Name(KeySyntax? key) => key?.ToString().Trim().Replace("\"", string.Empty, StringComparison.Ordinal) ?? string.Empty;

    /// <summary>Reads values with their positions, collecting problems instead of stopping at the first.</summary>
    private sealed class Reader(string source, List<string> problems)
    {
        public string At(SyntaxNode node, string message) => $"{source}:{node.Span.Start.Line + 1}:{node.Span.Start.Column + 1}: {message}";

        public UserRule? Rule(RuleDraft draft, List<string> warnings)
        {
            string? id = null, description = null;
            Regex? pattern = null, path = null;
            var group = 0;
            double? entropy = null;
            IReadOnlyList<string> keywords = [];
            foreach (var item in draft.Table.Items)
            {
                switch (Name(item.Key))
                {
                    case "id": id = String(item); break;
                    case "description": description = String(item); break;
                    case "regex": pattern = Pattern(item); break;
                    case "path": path = Pattern(item); break;
                    case "secretGroup": group = (int)(Number(item) ?? 0); break;
                    case "entropy": entropy = Number(item); break;
                    case "keywords": keywords = Strings(item); break;
                    case "tags": Strings(item); break;
                    case "allowlist" when item.Value is InlineTableSyntax inline: draft.Allowlists.Add(Allowlist(inline.Items.Select(i => i.KeyValue).OfType<KeyValueSyntax>(), item)); break;
                    default: warnings.Add(At(item, $"unknown key '{Name(item.Key)}' ignored")); break;
                }
            }

            if (string.IsNullOrWhiteSpace(id))
            {
                problems.Add(At(draft.Table, "a [[rules]] entry needs an id"));
                return null;
            }

            if (pattern is null)
            {
                warnings.Add(At(draft.Table, $"rule '{id}' has no regex (path-only rules are not supported) and was skipped"));
                return null;
            }

            return new UserRule(id, description, pattern, group, entropy, keywords, path, draft.Allowlists);
        }

        public Allowlist Allowlist(IEnumerable<KeyValueSyntax> items, SyntaxNode where)
        {
            string? description = null;
            var all = false;
            var target = "secret";
            List<Regex> paths = [], regexes = [];
            IReadOnlyList<string> stopWords = [], rules = [];
            foreach (var item in items)
            {
                switch (Name(item.Key))
                {
                    case "description": description = String(item); break;
                    case "condition": all = String(item)?.ToUpperInvariant() == "AND"; break;
                    case "regexTarget": target = String(item) is "match" or "line" ? String(item)! : "secret"; break;
                    case "paths": paths = Strings(item).Select(p => Compile(p, item)).OfType<Regex>().ToList(); break;
                    case "regexes": regexes = Strings(item).Select(p => Compile(p, item)).OfType<Regex>().ToList(); break;
                    case "stopwords": stopWords = Strings(item); break;
                    case "targetRules": rules = Strings(item); break;
                    case "commits": break;
                    default: problems.Add(At(item, $"unknown allowlist key '{Name(item.Key)}'")); break;
                }
            }

            if (paths.Count == 0 && regexes.Count == 0 && stopWords.Count == 0)
            {
                problems.Add(At(where, "an allowlist needs paths, regexes or stopwords"));
            }

            return new Allowlist(description, all, paths, regexes, target, stopWords, rules);
        }

        private string? String(KeyValueSyntax item)
        {
            if (item.Value is StringValueSyntax text)
            {
                return text.Value;
            }

            problems.Add(At(item, $"'{Name(item.Key)}' must be a string"));
            return null;
        }

        private double? Number(KeyValueSyntax item)
        {
            var raw = item.Value?.ToString()?.Trim();
            if (item.Value is IntegerValueSyntax or FloatValueSyntax && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            problems.Add(At(item, $"'{Name(item.Key)}' must be a number"));
            return null;
        }

        private IReadOnlyList<string> Strings(KeyValueSyntax item)
        {
            if (item.Value is ArraySyntax array && array.Items.All(i => i.Value is StringValueSyntax))
            {
                return array.Items.Select(i => ((StringValueSyntax)i.Value!).Value!).ToList();
            }

            problems.Add(At(item, $"'{Name(item.Key)}' must be an array of strings"));
            return [];
        }

        private Regex? Pattern(KeyValueSyntax item) => String(item) is { } pattern ? Compile(pattern, item) : null;

        private Regex? Compile(string pattern, KeyValueSyntax item)
        {
            try
            {
                return GoRegex.Compile(pattern);
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException)
            {
                problems.Add(At(item.Value ?? (SyntaxNode)item, $"'{Name(item.Key)}' is not a usable regular expression: {e.Message}"));
                return null;
            }
        }
    }
}
