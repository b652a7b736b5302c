using System.Text;
using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Secrets.Scanning.Rules;

/// <summary>
/// Go (RE2) regular expressions, as gitleaks configs write them, on .NET's linear-time engine. The syntax is
/// nearly the same; what differs is rewritten: <c>(?P&lt;name&gt;</c> groups, POSIX classes (<c>[[:alpha:]]</c>),
/// one-letter Unicode classes (<c>\pL</c>), <c>\Q…\E</c> quoting. What .NET cannot express (<c>(?U)</c>) is an error.
/// </summary>
internal static class GoRegex
{
    private static readonly Dictionary<string, string> Posix = new(StringComparer.Ordinal)
    {
        ["alnum"] = "0-9A-Za-z",
        ["alpha"] = "A-Za-z",
        ["ascii"] = "\\x00-\\x7F",
        ["blank"] = "\\t ",
        ["cntrl"] = "\\x00-\\x1F\\x7F",
        ["digit"] = "0-9",
        ["graph"] = "!-~",
        ["lower"] = "a-z",
        ["print"] = " -~",
        ["punct"] = "!-/:-@\\[-`{-~",
        ["space"] = "\\t\\n\\v\\f\\r ",
        ["upper"] = "A-Z",
        ["word"] = "0-9A-Za-z_",
        ["xdigit"] = "0-9A-Fa-f",
    };

    public static Regex Compile(string pattern)
    {
        var translated = Translate(pattern);
        return new Regex(translated, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
    }

    public static string Translate(string pattern)
    {
        if (pattern.Contains("(?U)", StringComparison.Ordinal) || Regex.IsMatch(pattern, @"\(\?[a-zA-Z]*U"))
        {
            throw new ArgumentException("the (?U) flag (ungreedy by default) has no .NET equivalent");
        }

        var text = new StringBuilder(pattern.Length + 16);
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var next = pattern[i + 1];
                if (next == 'Q')
                {
                    var end = pattern.IndexOf("\\E", i + 2, StringComparison.Ordinal);
                    var literal = end < 0 ? pattern[(i + 2)..] : pattern[(i + 2)..end];
                    text.Append(Regex.Escape(literal));
                    i = end < 0 ? pattern.Length : end + 1;
                    continue;
                }

                if (next is 'p' or 'P' && i + 2 < pattern.Length && pattern[i + 2] != '{')
                {
                    text.Append('\\').Append(next).Append('{').Append(pattern[i + 2]).Append('}');
                    i += 2;
                    continue;
                }

                if (next == 'z')
                {
                    text.Append("\\z");
                    i++;
                    continue;
                }

                text.Append(c).Append(next);
                i++;
                continue;
            }

            if (c == '(' && pattern.AsSpan(i).StartsWith("(?P<"))
            {
                text.Append("(?<");
                i += 3;
                continue;
            }

            if (c == '[' && pattern.AsSpan(i).StartsWith("[:") && pattern.IndexOf(":]", i, StringComparison.Ordinal) is var close and > 0)
            {
                var name = pattern[(i + 2)..close];
                var negated = name.StartsWith('^');
                if (Posix.TryGetValue(negated ? name[1..] : name, out var range) && !negated)
                {
                    text.Append(range);
                    i = close + 1;
                    continue;
                }
            }

            text.Append(c);
        }

        return text.ToString();
    }
}
