using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>
/// A dependency whose name is one slip from a popular package's: <c>python-dateutils</c> for <c>python-dateutil</c>,
/// <c>crossenv</c> for <c>cross-env</c>, <c>reqeusts</c> for <c>requests</c>. Registries' malware is spread under
/// such names (typosquats): the real module's name is often the same (both install <c>dateutil</c>), so the code
/// works and nobody looks. Read where a skill installs packages: requirements files, package.json's dependencies, a
/// Gemfile, Cargo.toml's and pyproject.toml's dependencies, setup.py's install_requires, and install commands
/// (<c>pip install</c>, <c>npm i</c>, <c>gem install</c>, <c>cargo add</c>). The popular names are a data file
/// (Data/packages.txt); a name on it is never a lookalike, so real neighbours (pymysql, pymssql) are listed there.
/// </summary>
public static partial class PackageLookalikes
{
    public static readonly (string Id, AuditSeverity Severity, string Why) Rule =
        ("package-lookalike", AuditSeverity.High, "installs a package whose name is one slip from a popular one's (python-dateutils for python-dateutil, crossenv for cross-env): typosquats are how registries' malware reaches users, and the real module's name often still works");

    /// <summary>The popular names of each registry, as the registry compares them.</summary>
    public static IReadOnlyDictionary<string, HashSet<string>> Popular { get; } = Load();

    /// <summary>Each lookalike named where the skill installs packages: its offset, and the popular name it imitates.</summary>
    public static IEnumerable<(int Offset, string Name, string Imitates)> Find(string file, string text)
    {
        if (text.Length > 1024 * 1024)
        {
            yield break;
        }

        foreach (var (registry, name, offset) in Dependencies(file, text).Take(512))
        {
            if (Imitated(registry, name) is { } popular)
            {
                yield return (offset, name, popular);
            }
        }
    }

    /// <summary>The finding for each lookalike (see <see cref="Find"/>).</summary>
    public static IEnumerable<(int Offset, (string Id, AuditSeverity Severity, string Why) Rule)> Scan(string file, string text) =>
        Find(file, text).Select(f => (f.Offset, Rule));

    /// <summary>The popular name <paramref name="name"/> imitates in <paramref name="registry"/>, or null.</summary>
    public static string? Imitated(string registry, string name)
    {
        if (!Popular.TryGetValue(registry, out var popular))
        {
            return null;
        }

        var n = Normal(registry, name);
        if (n.Length < 5 || popular.Contains(n))
        {
            return null;
        }

        foreach (var p in popular)
        {
            if (p.Length >= 5 && (Squashed(n) == Squashed(p) || OneSlip(n, p)))
            {
                return p;
            }
        }

        return null;
    }

    /// <summary>A name as its registry compares it: lower case; on PyPI and crates.io, runs of <c>-_.</c> as one <c>-</c> (npm and RubyGems tell <c>cross_env</c> from <c>cross-env</c>).</summary>
    private static string Normal(string registry, string name) =>
        registry is "pypi" or "crates" ? Separators().Replace(name.ToLowerInvariant(), "-") : name.ToLowerInvariant();

    /// <summary>A name without its separators: <c>crossenv</c> and <c>cross-env</c> alike.</summary>
    private static string Squashed(string name) => Separators().Replace(name, string.Empty);

    /// <summary>
    /// One edit apart (a letter left out, added, changed, or two swapped), not a version's digit at the end
    /// (<c>boto</c>, <c>boto3</c>), and between five-letter names only two letters swapped (<c>scipy</c>, <c>scapy</c>,
    /// <c>redux</c>, <c>redis</c>, <c>chalk</c>, <c>chalks</c> are real and different).
    /// </summary>
    private static bool OneSlip(string n, string p)
    {
        if (Math.Abs(n.Length - p.Length) > 1 || n == p)
        {
            return false;
        }

        var (shorter, longer) = n.Length <= p.Length ? (n, p) : (p, n);
        if (longer.Length != shorter.Length)
        {
            // An extra character: a version's digit at the end is another package (jinja2, boto3); the rest a slip.
            var skip = 0;
            while (skip < shorter.Length && shorter[skip] == longer[skip])
            {
                skip++;
            }

            return shorter.AsSpan(skip).SequenceEqual(longer.AsSpan(skip + 1)) && !(skip == shorter.Length && char.IsAsciiDigit(longer[^1])) && shorter.Length >= 6;
        }

        var first = -1;
        for (var i = 0; i < n.Length; i++)
        {
            if (n[i] != p[i])
            {
                first = i;
                break;
            }
        }

        var swapped = first + 1 < n.Length && n[first] == p[first + 1] && n[first + 1] == p[first] && n.AsSpan(first + 2).SequenceEqual(p.AsSpan(first + 2));
        var changed = n.AsSpan(first + 1).SequenceEqual(p.AsSpan(first + 1));
        return swapped || changed && n.Length >= 6 && !(char.IsAsciiDigit(n[first]) && char.IsAsciiDigit(p[first]));
    }

    /// <summary>Each dependency a file names where packages are installed: its registry, its name and its offset.</summary>
    private static IEnumerable<(string Registry, string Name, int Offset)> Dependencies(string file, string text)
    {
        var name = Path.GetFileName(file.Replace('\\', '/'));
        if ((name.Contains("requirements", StringComparison.OrdinalIgnoreCase) || name.StartsWith("constraints", StringComparison.OrdinalIgnoreCase) || file.Replace('\\', '/').Contains("requirements/", StringComparison.OrdinalIgnoreCase))
                && name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith("requirements.in", StringComparison.OrdinalIgnoreCase))
        {
            foreach (Match m in RequirementLine().Matches(text))
            {
                yield return ("pypi", m.Groups["name"].Value, m.Groups["name"].Index);
            }
        }
        else if (name.Equals("package.json", StringComparison.OrdinalIgnoreCase))
        {
            foreach (Match section in NpmSection().Matches(text))
            {
                foreach (Match key in NpmKey().Matches(section.Groups["body"].Value))
                {
                    yield return ("npm", key.Groups["name"].Value, section.Groups["body"].Index + key.Groups["name"].Index);
                }
            }
        }
        else if (name.Equals("Gemfile", StringComparison.Ordinal) || name.EndsWith(".gemspec", StringComparison.OrdinalIgnoreCase))
        {
            foreach (Match m in GemLine().Matches(text))
            {
                yield return ("rubygems", m.Groups["name"].Value, m.Groups["name"].Index);
            }
        }
        else if (name.Equals("Cargo.toml", StringComparison.OrdinalIgnoreCase) || name.Equals("pyproject.toml", StringComparison.OrdinalIgnoreCase))
        {
            var registry = name.StartsWith("Cargo", StringComparison.OrdinalIgnoreCase) ? "crates" : "pypi";
            foreach (var dependency in TomlDependencies(text, registry))
            {
                yield return dependency;
            }
        }
        else if (name.Equals("setup.py", StringComparison.OrdinalIgnoreCase))
        {
            foreach (Match list in InstallRequires().Matches(text))
            {
                foreach (Match m in QuotedRequirement().Matches(list.Groups["body"].Value))
                {
                    yield return ("pypi", m.Groups["name"].Value, list.Groups["body"].Index + m.Groups["name"].Index);
                }
            }
        }

        foreach (Match command in InstallCommand().Matches(text))
        {
            var registry = command.Groups["pip"].Success ? "pypi" : command.Groups["npm"].Success ? "npm" : command.Groups["gem"].Success ? "rubygems" : "crates";
            foreach (var (package, offset) in Arguments(command.Groups["args"].Value, registry))
            {
                yield return (registry, package, command.Groups["args"].Index + offset);
            }
        }
    }

    /// <summary>The packages an install command's arguments name: options and their values, paths, URLs, variables and files left out; versions cut off.</summary>
    private static IEnumerable<(string Name, int Offset)> Arguments(string args, string registry)
    {
        var takesValue = false;
        foreach (Match token in Token().Matches(args))
        {
            var value = token.Value.Trim('"', '\'');
            if (takesValue)
            {
                takesValue = false;
                continue;
            }

            // Prose goes on after the command ("pip install requests, then restart"): the words that end a command there end it here.
            if (Prose.Contains(value.ToLowerInvariant()) || value.Length > 1 && value[^1] is ',' or '.' or ':' or '!' or '?' && !token.Value.EndsWith("..", StringComparison.Ordinal))
            {
                if (value[^1] is ',' or '.' or ':' && !Prose.Contains(value.ToLowerInvariant()) && Bare(value[..^1], registry) is { } last)
                {
                    yield return (last, token.Index + token.Value.IndexOf(last, StringComparison.Ordinal));
                }

                yield break;
            }

            if (value.StartsWith('-'))
            {
                takesValue = !value.Contains('=') && OptionsWithValues.Contains(value);
                continue;
            }

            if (Bare(value, registry) is { } bare)
            {
                yield return (bare, token.Index + token.Value.IndexOf(bare, StringComparison.Ordinal));
            }
        }
    }

    /// <summary>A package's name without its version (<c>axios@1.7</c>, <c>requests==2.32</c>), or null where the word is no package's name (a path, a URL, a variable, a scoped npm name).</summary>
    private static string? Bare(string value, string registry)
    {
        var bare = registry switch
        {
            "npm" => value.StartsWith('@') ? null : value.Split('@')[0],
            "rubygems" or "crates" => value.Split('@', ':')[0],
            _ => VersionSpec().Replace(value, string.Empty),
        };
        return bare is { Length: > 0 } && PackageName().IsMatch(bare) ? bare : null;
    }

    /// <summary>Words that end an install command written in prose.</summary>
    private static readonly HashSet<string> Prose = new(StringComparer.Ordinal)
    {
        "the", "and", "or", "then", "to", "with", "in", "for", "from", "a", "an", "it", "this", "that", "these", "your", "if", "using", "via", "as", "on", "is", "are", "will", "first", "before", "after", "when", "into",
        "package", "packages", "dependencies", "requirements", "module", "modules", "library", "libraries", "globally", "locally", "manually", "command", "step",
    };

    /// <summary>Options of pip, npm, gem and cargo whose value is the next word (a file, an index, a directory, a version), never a package.</summary>
    private static readonly HashSet<string> OptionsWithValues = new(StringComparer.Ordinal)
    {
        "-r", "--requirement", "-c", "--constraint", "-e", "--editable", "-i", "--index-url", "--extra-index-url", "-f", "--find-links", "-t", "--target",
        "--prefix", "--root", "--python", "-p", "--platform", "--trusted-host", "--src", "--registry", "--tag", "-w", "--workspace", "--git", "--path",
        "--version", "--vers", "--index", "--branch", "--rev", "-F", "--features", "--bin", "-v", "--source", "-s", "--install-dir", "--group", "-G",
    };

    /// <summary>The names in TOML's dependency tables (<c>[dependencies]</c>, <c>[tool.poetry.dependencies]</c>) and dependency arrays (<c>dependencies = [</c>, <c>requires = [</c>, a group of <c>[project.optional-dependencies]</c>).</summary>
    private static IEnumerable<(string Registry, string Name, int Offset)> TomlDependencies(string text, string registry)
    {
        var inTable = false;
        var groups = false;
        var inArray = false;
        var offset = 0;
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith('[') && !inArray)
            {
                inTable = DependencyTable().IsMatch(trimmed);
                groups = trimmed is "[project.optional-dependencies]" or "[dependency-groups]";
            }
            else if (inTable && TomlKey().Match(line) is { Success: true } key && key.Groups["name"].Value != "python")
            {
                yield return (registry, key.Groups["name"].Value, offset + key.Groups["name"].Index);
            }
            else if (!inArray && DependencyArray().Match(line) is { Success: true } array && (groups || array.Groups["key"].Value is "dependencies" or "requires"))
            {
                inArray = !line.AsSpan(array.Index + array.Length).Contains(']');
                foreach (Match m in QuotedRequirement().Matches(line, array.Index + array.Length))
                {
                    yield return (registry, m.Groups["name"].Value, offset + m.Groups["name"].Index);
                }
            }
            else if (inArray)
            {
                foreach (Match m in QuotedRequirement().Matches(line))
                {
                    yield return (registry, m.Groups["name"].Value, offset + m.Groups["name"].Index);
                }

                inArray = !trimmed.StartsWith(']') && !trimmed.EndsWith(']');
            }

            offset += line.Length + 1;
        }
    }

    private static Dictionary<string, HashSet<string>> Load()
    {
        using var stream = typeof(PackageLookalikes).Assembly.GetManifestResourceStream("skills-audit-packages.txt")!;
        var lists = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        HashSet<string>? current = null;
        var registry = string.Empty;
        foreach (var raw in new StreamReader(stream).ReadToEnd().Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith('['))
            {
                registry = line.Trim('[', ']');
                current = lists[registry] = new HashSet<string>(StringComparer.Ordinal);
            }
            else
            {
                current?.Add(Normal(registry, line));
            }
        }

        return lists;
    }

    [GeneratedRegex(@"[-_.]+")]
    private static partial Regex Separators();

    /// <summary>A requirement's line: <c>name[extras] >= 1.0 ; marker</c>; not an option (<c>-r</c>), a comment or a URL.</summary>
    [GeneratedRegex(@"^[ \t]*(?<name>[A-Za-z0-9][A-Za-z0-9._-]*)[ \t]*(?:\[[^\]\n]*\][ \t]*)?(?:[<>=!~;@ \t#]|\r?$)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex RequirementLine();

    [GeneratedRegex(@"""(?:dependencies|devDependencies|optionalDependencies|peerDependencies)""\s*:\s*\{(?<body>[^{}]{0,65536})\}", RegexOptions.CultureInvariant)]
    private static partial Regex NpmSection();

    [GeneratedRegex(@"""(?<name>[^""@/\s]{1,214})""\s*:", RegexOptions.CultureInvariant)]
    private static partial Regex NpmKey();

    [GeneratedRegex(@"^[ \t]*(?:gem|spec\.add_(?:runtime_|development_)?dependency|s\.add_(?:runtime_|development_)?dependency)[ \t(]+['""](?<name>[A-Za-z0-9][A-Za-z0-9._-]*)['""]", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex GemLine();

    [GeneratedRegex(@"^\[(?:target\.[^\]]*\.)?(?:(?:dev-|build-)?dependencies|tool\.poetry(?:\.group\.[\w-]+)?\.(?:dev-)?dependencies)\]", RegexOptions.CultureInvariant)]
    private static partial Regex DependencyTable();

    [GeneratedRegex(@"^[ \t]*(?<name>[A-Za-z0-9][A-Za-z0-9._-]*)[ \t]*=", RegexOptions.CultureInvariant)]
    private static partial Regex TomlKey();

    [GeneratedRegex(@"^[ \t]*(?<key>[A-Za-z0-9_-]+)[ \t]*=[ \t]*\[", RegexOptions.CultureInvariant)]
    private static partial Regex DependencyArray();

    [GeneratedRegex(@"\binstall_requires\s*=\s*\[(?<body>[^\]]{0,65536})\]", RegexOptions.CultureInvariant)]
    private static partial Regex InstallRequires();

    /// <summary>A quoted requirement: <c>"uvicorn[standard]>=0.30"</c>, <c>'requests'</c>.</summary>
    [GeneratedRegex(@"[""'](?<name>[A-Za-z0-9][A-Za-z0-9._-]{0,213})(?>[ \t]*)(?:\[[^\]""'\n]{0,200}\](?>[ \t]*))?(?:[<>=!~;@][^""'\n]{0,300})?[""']", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedRequirement();

    /// <summary>An install command and its arguments, to the end of the command.</summary>
    [GeneratedRegex(@"(?<![\w-])(?:(?<pip>(?:python3?(?:\.\d+)?\s+-m\s+)?pip3?(?:\.\d+)?\s+install|uv\s+(?:pip\s+install|add)|pipx\s+install|poetry\s+add)|(?<npm>(?:npm|pnpm)\s+(?:install|i|add)|(?:yarn|bun)\s+add)|(?<gem>gem\s+install)|(?<cargo>cargo\s+(?:add|install)))\b(?<args>[^\n|;&#<>()`]{0,400})", RegexOptions.CultureInvariant)]
    private static partial Regex InstallCommand();

    [GeneratedRegex(@"\S+", RegexOptions.CultureInvariant)]
    private static partial Regex Token();

    [GeneratedRegex(@"\[.*$|[<>=!~;].*$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionSpec();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PackageName();
}
