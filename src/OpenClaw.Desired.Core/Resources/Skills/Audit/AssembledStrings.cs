using System.Text;
using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>
/// Strings a program builds out of literal fragments, joined as it would join them: <c>'cu' + 'rl -s'</c>,
/// <c>"cu" .. "rl"</c>, <c>"cu""rl"</c>, Python's adjacent literals, and an array of literals joined with nothing
/// (<c>['cu', 'rl'].join('')</c>, <c>''.join([...])</c>, <c>-join</c>, or a variable holding the array joined later).
/// A command split into pieces reads as nothing to a pattern and as one command to the interpreter; the audit
/// reads it both ways.
/// </summary>
public static partial class AssembledStrings
{
    /// <summary>
    /// A view of the text as long as it, blank (newlines kept, so lines stay where they are) but for each string
    /// assembled from two or more literal fragments, written joined where its first fragment starts; or null when the
    /// text joins no literals.
    /// </summary>
    public static string? View(string file, string text)
    {
        if (text.Length > 2 * 1024 * 1024 || (text.IndexOf('\'') < 0 && text.IndexOf('"') < 0))
        {
            return null;
        }

        char[]? view = null;
        void Write(int start, int length, string joined)
        {
            if (view is null)
            {
                view = new char[text.Length];
                for (var i = 0; i < text.Length; i++)
                {
                    view[i] = text[i] == '\n' ? '\n' : ' ';
                }
            }

            // The joined string is never longer than its fragments with their quotes and separators.
            joined.AsSpan(0, Math.Min(joined.Length, length)).CopyTo(view.AsSpan(start));
        }

        var adjacentWithSpace = file.EndsWith(".py", StringComparison.OrdinalIgnoreCase);
        foreach (var (start, length) in Runs(adjacentWithSpace ? PythonConcatenation() : Concatenation(), text))
        {
            var fragments = Literal().Matches(text.Substring(start, length));
            if (fragments.Count >= 2)
            {
                Write(start, length, Join(fragments));
            }
        }

        foreach (Match array in JoinedArray().Matches(text))
        {
            var body = array.Groups["items"];
            Write(body.Index, body.Length, Join(Literal().Matches(body.Value)));
        }

        // An array held by a variable and joined with nothing elsewhere in the file.
        foreach (Match named in NamedArray().Matches(text))
        {
            var name = Regex.Escape(named.Groups["name"].Value);
            if (Regex.IsMatch(text, @"\b" + name + @"[ \t]*\.join[ \t]*\((?:[ \t]*(?:''|""""))?[ \t]*\)|(?:''|"""")[ \t]*\.join[ \t]*\([ \t]*" + name + @"[ \t]*\)|\$?" + name + @"[ \t]+-join[ \t]*(?:''|"""")", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking))
            {
                var body = named.Groups["items"];
                Write(body.Index, body.Length, Join(Literal().Matches(body.Value)));
            }
        }

        return view is null ? null : new string(view);
    }

    private static IEnumerable<(int Start, int Length)> Runs(Regex pattern, string text)
    {
        foreach (Match match in pattern.Matches(text))
        {
            yield return (match.Index, match.Length);
        }
    }

    private static string Join(MatchCollection fragments)
    {
        var joined = new StringBuilder();
        foreach (Match fragment in fragments)
        {
            joined.Append(fragment.Groups["s"].Success ? fragment.Groups["s"].Value : fragment.Groups["d"].Value);
        }

        return joined.ToString();
    }

    /// <summary>One literal in single or double quotes on one line, at most 400 characters, escapes kept as written.</summary>
    private const string Lit = @"(?:'(?<s>(?:[^'\\\n]|\\.){0,400})'|""(?<d>(?:[^""\\\n]|\\.){0,400})"")";

    /// <summary>What joins two literals: <c>+</c> (most languages), <c>..</c> (Lua), <c>.</c> (PHP, Perl), <c>&amp;</c> (VB), or nothing (shell).</summary>
    private const string Joiner = @"(?:[ \t]*(?:\r?\n[ \t]*)?(?:\+|\.\.?|&)[ \t]*(?:\r?\n[ \t]*)?|(?<=['""]))";

    [GeneratedRegex(Lit, RegexOptions.CultureInvariant)]
    private static partial Regex Literal();

    [GeneratedRegex(Lit + @"(?:" + Joiner + Lit + @")+", RegexOptions.CultureInvariant)]
    private static partial Regex Concatenation();

    /// <summary>Python also joins literals written side by side, on a line or over lines inside parentheses.</summary>
    [GeneratedRegex(Lit + @"(?:(?:" + Joiner + @"|\s+)" + Lit + @")+", RegexOptions.CultureInvariant)]
    private static partial Regex PythonConcatenation();

    private const string Items = @"(?<items>" + Lit + @"(?:\s*,\s*" + Lit + @"){1,200}(?:\s*,)?\s*)";

    /// <summary>An array or tuple of literals joined with nothing where it is written.</summary>
    [GeneratedRegex(@"[\[(]\s*" + Items + @"[\])]\s*\.join\s*(?:\(\s*(?:''|"""")\s*\)|(?![\w(]))|(?:''|"""")\s*\.join\s*\(\s*[\[(]\s*" + Items + @"[\])]|-join\s*@?\(\s*" + Items + @"\)|@?\(\s*" + Items + @"\)\s*-join\s*(?:''|"""")", RegexOptions.CultureInvariant)]
    private static partial Regex JoinedArray();

    /// <summary>An array or tuple of literals given to a name (<c>const parts = [...]</c>, <c>parts = (...)</c>, <c>$parts = @(...)</c>).</summary>
    [GeneratedRegex(@"(?<![\w$])\$?(?<name>[A-Za-z_]\w{0,40})\s*(?::\s*[\w\[\]<>]+\s*)?=\s*@?[\[(]\s*" + Items + @"[\])]", RegexOptions.CultureInvariant)]
    private static partial Regex NamedArray();
}
