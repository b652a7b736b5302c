using System.Text;
using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>
/// A shell script read with its variables put in: <c>t=cu; t="${t}rl"; u="$p1$p2$h$path"; $t -fsSL "$u" | sh</c> is
/// <c>curl -fsSL "http://…" | sh</c> to the shell, and nothing to a pattern reading it as written. Only plain
/// assignments of words, other known variables and the home folder (kept as <c>$HOME</c>) are followed, in order (no command substitution, no branches,
/// no loops); a reference to anything else stays as written, and <c>${x:-default}</c> of an unknown one reads as its default.
/// </summary>
public static partial class ShellVariables
{
    /// <summary>The longest value kept: a variable holding more is left as written.</summary>
    private const int MaxValue = 2000;

    /// <summary>Whether a file is a shell script: by its extension, or a <c>#!</c> line naming a shell.</summary>
    public static bool IsShell(string file, string text) =>
        file.EndsWith(".sh", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".bash", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".zsh", StringComparison.OrdinalIgnoreCase)
        || (text.StartsWith("#!", StringComparison.Ordinal) && ShellLine().IsMatch(text.AsSpan(0, Math.Max(0, text.IndexOf('\n') is var n and >= 0 ? n : text.Length))));

    /// <summary>
    /// The script with each line's variables expanded, line for line (a line may grow), and for each line of the view
    /// the offset where its line starts in the script; null when no line changes.
    /// </summary>
    public static (string View, int[] LineStarts)? View(string text)
    {
        if (text.Length > 512 * 1024 || !text.Contains('$', StringComparison.Ordinal) || !(text.Contains('=', StringComparison.Ordinal) || text.Contains("${", StringComparison.Ordinal)))
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        return LineView(text, line => ExpandOutsidePatterns(line, values), line =>
        {
            foreach (Match assignment in Assignment().Matches(line))
            {
                var value = Word(assignment.Groups["value"].Value, values);
                if (value is null || value.Length > MaxValue)
                {
                    values.Remove(assignment.Groups["name"].Value);
                }
                else
                {
                    values[assignment.Groups["name"].Value] = value;
                }
            }

            // A variable that captured the environment's listing holds it: bundle="$( { uname -a; env; } | base64)".
            foreach (Match capture in EnvCapture().Matches(line))
            {
                values[capture.Groups["name"].Value] = "$(env)";
            }
        });
    }

    /// <summary>A view grows where a long value is used often; past four times the file (and 64 KiB more), the rest is read as written.</summary>
    private static long Budget(string text) => 4L * text.Length + 64 * 1024;

    /// <summary>
    /// The file line for line, each line put through <paramref name="expand"/> while the budget lasts and then shown to
    /// <paramref name="learn"/> (its assignments count from the next line on), with the offset where each line starts
    /// in the file; null when no line changes.
    /// </summary>
    private static (string View, int[] LineStarts)? LineView(string text, Func<string, string> expand, Action<string> learn)
    {
        var budget = Budget(text);
        var view = new StringBuilder(text.Length + 256);
        var starts = new List<int>();
        var changed = false;
        var offset = 0;
        foreach (var line in text.Split('\n'))
        {
            starts.Add(offset);
            offset += line.Length + 1;
            var expanded = view.Length + line.Length > budget ? line : expand(line);
            expanded = view.Length + expanded.Length > budget ? line : expanded;
            changed |= expanded != line;
            view.Append(expanded).Append('\n');
            learn(line);
        }

        return changed ? (view.ToString(), starts.ToArray()) : null;
    }

    /// <summary>
    /// A line expanded except where a variable is what grep searches for (<c>grep -Eiq "$SUS" "$f"</c>): a checker's
    /// pattern of bad commands is text it matches, not a command the script runs.
    /// </summary>
    private static string ExpandOutsidePatterns(string line, Dictionary<string, string> values)
    {
        if (!line.Contains("grep", StringComparison.Ordinal) && !line.Contains("rg ", StringComparison.Ordinal))
        {
            return Expand(line, values);
        }

        var result = new StringBuilder(line.Length);
        var at = 0;
        foreach (Match search in SearchPattern().Matches(line))
        {
            var pattern = search.Groups["pattern"];
            result.Append(Expand(line[at..pattern.Index], values)).Append(pattern.Value);
            at = pattern.Index + pattern.Length;
        }

        return result.Append(Expand(line[at..], values)).ToString();
    }

    /// <summary>The pattern a grep or ripgrep is given as a variable: its first word after the options, or the word after <c>-e</c>.</summary>
    [GeneratedRegex(@"\b(?:[ef]?grep|rg)\b(?:[ \t]+-[\w-]+(?:=\S+)?)*?(?:[ \t]+-e)?[ \t]+(?<pattern>""\$\{?\w+\}?""|\$\{?\w+\}?)", RegexOptions.CultureInvariant)]
    private static partial Regex SearchPattern();

    /// <summary>A line with every reference to a known variable (and every unknown one with a default) put in; the line itself when there is none.</summary>
    private static string Expand(string line, Dictionary<string, string> values)
    {
        if (!line.Contains('$', StringComparison.Ordinal))
        {
            return line;
        }

        return Reference().Replace(line, m =>
        {
            var name = m.Groups["name"].Success ? m.Groups["name"].Value : m.Groups["plain"].Value;
            if (values.TryGetValue(name, out var value))
            {
                return value;
            }

            if (!m.Groups["default"].Success)
            {
                return m.Value;
            }

            // A default that names the home folder (or known variables) reads as what it names: ${STATE:-$HOME/.openclaw}.
            var fallback = m.Groups["default"].Value;
            fallback = fallback.Contains('$', StringComparison.Ordinal) && !fallback.Contains("${", StringComparison.Ordinal) ? Reference().Replace(fallback, r => values.TryGetValue(r.Groups["plain"].Value, out var known) ? known : r.Value) : fallback;
            return Unknown(fallback) ? m.Value : fallback;
        });
    }

    /// <summary>
    /// The value of an assignment's word: quotes taken off, known variables put in; null when it holds a command
    /// substitution or an unknown variable (its value cannot be told).
    /// </summary>
    private static string? Word(string word, Dictionary<string, string> values)
    {
        var value = new StringBuilder();
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (c == '\'')
            {
                var end = word.IndexOf('\'', i + 1);
                if (end < 0)
                {
                    return null;
                }

                value.Append(word, i + 1, end - i - 1);
                i = end;
            }
            else if (c == '"')
            {
                var end = word.IndexOf('"', i + 1);
                if (end < 0)
                {
                    return null;
                }

                var inner = word[(i + 1)..end];
                if (inner.Contains("$(", StringComparison.Ordinal) || inner.Contains('`', StringComparison.Ordinal))
                {
                    return null;
                }

                var expanded = Expand(inner, values);
                if (Unknown(expanded))
                {
                    return null;
                }

                value.Append(expanded);
                i = end;
            }
            else if (c is '$' or '`')
            {
                var rest = word[i..];
                var reference = Reference().Match(rest);
                if (!reference.Success || reference.Index != 0)
                {
                    return null;
                }

                var expanded = Expand(reference.Value, values);
                if (Unknown(expanded))
                {
                    return null;
                }

                value.Append(expanded);
                i += reference.Length - 1;
            }
            else if (char.IsWhiteSpace(c) || c is ';' or '&' or '|' or '(' or ')' or '<' or '>')
            {
                break;
            }
            else
            {
                value.Append(c);
            }
        }

        return value.ToString();
    }

    /// <summary>Whether a default still refers to a variable whose value is not known: any but the home folder, which a path may keep.</summary>
    private static bool Unknown(string value)
    {
        foreach (Match reference in Reference().Matches(value))
        {
            if ((reference.Groups["name"].Success ? reference.Groups["name"].Value : reference.Groups["plain"].Value) != "HOME" || reference.Groups["default"].Success)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An assignment of a command substitution that runs <c>env</c> or <c>printenv</c> as one of its commands (not one that counts the variables or picks one: <c>env | wc -l</c>, <c>env | grep ^NODE_VERSION=</c>).</summary>
    [GeneratedRegex(@"(?:^|[;&|])[ \t]*(?:(?:export|local|readonly|declare(?:[ \t]+-\w+)*)[ \t]+)?(?<name>[A-Za-z_]\w{0,63})=[""']?\$\([ \t]*(?:[^\n)]{0,200}?[;{(&|][ \t]*)?(?:command[ \t]+)?(?:/usr/bin/)?(?:env|printenv)(?:[ \t]+-0)?[ \t]*(?:[;)}]|\|(?![ \t]*(?:wc|cut|head[ \t]+-c|grep[ \t]+(?:-\w*c|[""']?\^))\b)|$)", RegexOptions.CultureInvariant)]
    private static partial Regex EnvCapture();

    /// <summary>An assignment where a statement starts (the line's start, or after <c>;</c>, <c>&amp;&amp;</c>, <c>export</c>, <c>local</c>…).</summary>
    [GeneratedRegex(@"(?:^|[;&|])[ \t]*(?:(?:export|local|readonly|declare(?:[ \t]+-\w+)*)[ \t]+)?(?<name>[A-Za-z_]\w{0,63})=(?<value>(?:'[^'\n]*'|""[^""\n]*""|[^\s;&|'""])*)", RegexOptions.CultureInvariant)]
    private static partial Regex Assignment();

    /// <summary><c>$name</c>, <c>${name}</c>, <c>${name:-default}</c>, <c>${name-default}</c>.</summary>
    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_]\w{0,63})(?::?-(?<default>[^}\n]{0,200}))?\}|\$(?<plain>[A-Za-z_]\w{0,63})", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();

    [GeneratedRegex(@"\b(?:ba|z|da|k)?sh\b", RegexOptions.CultureInvariant)]
    private static partial Regex ShellLine();

    /// <summary>Whether a file is a Makefile (<c>Makefile</c>, <c>makefile</c>, <c>GNUmakefile</c>, <c>*.mk</c>): its recipes are shell commands.</summary>
    public static bool IsMakefile(string file)
    {
        var name = Path.GetFileName(file);
        // make -f Makefile.release, Makefile.ci: a makefile by its stem.
        return name is "Makefile" or "makefile" or "GNUmakefile" || name.EndsWith(".mk", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("Makefile.", StringComparison.Ordinal) || name.StartsWith("makefile.", StringComparison.Ordinal) || name.StartsWith("GNUmakefile.", StringComparison.Ordinal);
    }

    /// <summary>
    /// A Makefile with its variables put in, line for line as <see cref="View"/> does for a shell script:
    /// <c>URL := https://$(HOST)/x</c> then <c>curl -o $(BIN) $(URL)</c> reads as the download it is. Assignments
    /// (<c>=</c>, <c>:=</c>, <c>::=</c>, <c>?=</c>, <c>+=</c>) at a line's start are followed in order; a recursive one
    /// (<c>=</c>) is put in where it is used, at most eight levels deep; <c>$(shell …)</c> and other functions stay as written.
    /// </summary>
    public static (string View, int[] LineStarts)? MakeView(string text)
    {
        if (text.Length > 512 * 1024 || !(text.Contains("$(", StringComparison.Ordinal) || text.Contains("${", StringComparison.Ordinal)))
        {
            return null;
        }

        int[] work = [(int)Math.Min(int.MaxValue, 2 * Budget(text))];
        var values = new Dictionary<string, (string Value, bool Recursive)>(StringComparer.Ordinal);
        return LineView(text, line => ExpandMake(line, values, 0, work), line =>
        {
            if (MakeAssignment().Match(line) is not { Success: true } assignment)
            {
                return;
            }

            var name = assignment.Groups["name"].Value;
            var op = assignment.Groups["op"].Value;
            var raw = assignment.Groups["value"].Value.Trim();
            var recursive = op is "=" or "?=" || (op == "+=" && values.TryGetValue(name, out var prior) && prior.Recursive);
            var value = recursive ? raw : ExpandMake(raw, values, 0, work);
            if (op == "?=" && values.ContainsKey(name))
            {
                return;
            }

            if (op == "+=" && values.TryGetValue(name, out var before))
            {
                value = before.Value + " " + value;
            }

            if (value.Length > MaxValue)
            {
                values.Remove(name);
            }
            else
            {
                values[name] = (value, recursive);
            }
        });
    }

    /// <summary>
    /// A line with every reference to a known Make variable put in (recursive values expanded in turn, eight levels at
    /// most). <paramref name="work"/> holds the characters the file may still expand: nested references cannot make it
    /// cost more than that, however they multiply.
    /// </summary>
    private static string ExpandMake(string line, Dictionary<string, (string Value, bool Recursive)> values, int depth, int[] work)
    {
        if (depth > 8 || work[0] <= 0 || !line.Contains('$', StringComparison.Ordinal))
        {
            return line;
        }

        return MakeReference().Replace(line, m =>
        {
            if (work[0] <= 0 || !values.TryGetValue(m.Groups["name"].Value, out var known))
            {
                return m.Value;
            }

            var value = known.Recursive ? ExpandMake(known.Value, values, depth + 1, work) : known.Value;
            work[0] -= value.Length + m.Length;
            return value.Length > 4 * MaxValue ? m.Value : value;
        });
    }

    /// <summary>A Make assignment at a line's start (never a recipe's tab): <c>NAME = v</c>, <c>:=</c>, <c>::=</c>, <c>?=</c>, <c>+=</c>, with <c>export</c> or <c>override</c>.</summary>
    [GeneratedRegex(@"^ {0,8}(?:(?:export|override)[ \t]+)?(?<name>[A-Za-z_][\w.-]{0,63})[ \t]*(?<op>::?=|[?+]=|=)(?<value>[^\n#]*)", RegexOptions.CultureInvariant)]
    private static partial Regex MakeAssignment();

    /// <summary><c>$(NAME)</c> or <c>${NAME}</c>: a variable, not a function call such as <c>$(shell …)</c>.</summary>
    [GeneratedRegex(@"\$[({](?<name>[A-Za-z_][\w.-]{0,63})[)}]", RegexOptions.CultureInvariant)]
    private static partial Regex MakeReference();
}
