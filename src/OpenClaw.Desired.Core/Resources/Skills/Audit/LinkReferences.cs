using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>
/// Markdown's links by reference (<c>[install notes][notes]</c> … <c>[notes]: https://…</c>) and footnotes
/// (<c>see the note[^fix]</c> … <c>[^fix]: https://…</c>): the address is written far from the sentence that sends the
/// reader there, often at the end of the file. What the definition says counts where it is referred to.
/// </summary>
public static partial class LinkReferences
{
    /// <summary>
    /// For each line (1-based) that defines a reference used elsewhere, the lines that use it. Empty for a text
    /// without definitions (nearly every one).
    /// </summary>
    public static Dictionary<int, List<int>> UsesByDefinition(string text)
    {
        var result = new Dictionary<int, List<int>>();
        if (!text.Contains("]:", StringComparison.Ordinal))
        {
            return result;
        }

        var lines = new global::OpenClaw.Desired.Secrets.Scanning.LineIndex(text);
        int LineOf(int offset) => lines.Position(offset).Line;
        var definitions = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (Match definition in Definition().Matches(text))
        {
            definitions.TryAdd(definition.Groups["ref"].Value.Trim(), LineOf(definition.Index));
        }

        if (definitions.Count == 0)
        {
            return result;
        }

        foreach (Match use in Use().Matches(text))
        {
            var name = NameOf(use);
            if (definitions.TryGetValue(name, out var defined) && LineOf(use.Index) is var line && line != defined)
            {
                if (!result.TryGetValue(defined, out var uses))
                {
                    result[defined] = uses = [];
                }

                if (uses.Count < 64 && !uses.Contains(line))
                {
                    uses.Add(line);
                }
            }
        }

        return result;
    }

    /// <summary>The addresses and notes of the references used between two offsets: what a link there points to.</summary>
    public static IEnumerable<string> TargetsUsedIn(string text, int start, int end)
    {
        if (!text.Contains("]:", StringComparison.Ordinal))
        {
            yield break;
        }

        Dictionary<string, string>? definitions = null;
        foreach (Match use in Use().Matches(text[start..end]))
        {
            definitions ??= Definition().Matches(text).GroupBy(d => d.Groups["ref"].Value.Trim(), StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.First().Groups["target"].Value, StringComparer.OrdinalIgnoreCase);
            var name = NameOf(use);
            if (definitions.TryGetValue(name, out var target))
            {
                yield return target;
            }
        }
    }

    /// <summary>The name a use refers to: the second brackets' (<c>[text][name]</c>), or its text's (<c>[name][]</c>, <c>[name]</c>, <c>[^name]</c>).</summary>
    private static string NameOf(Match use) =>
        (use.Groups["ref"].Value is { Length: > 0 } name ? name : use.Groups["text"].Value).Trim();

    /// <summary>A definition at a line's start (up to three spaces in): <c>[name]: target</c> or a footnote <c>[^name]: text</c>.</summary>
    [GeneratedRegex(@"^[ \t]{0,3}\[(?<ref>\^?[^\]\n]{1,100})\]:[ \t]*(?<target>[^\n]{1,2000})", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Definition();

    /// <summary>A use: <c>[text][name]</c>, <c>[name][]</c>, <c>[name]</c> alone, or a footnote mark <c>[^name]</c>, not a definition itself.</summary>
    [GeneratedRegex(@"\[(?<text>[^\]\n]{1,200})\](?:\[(?<ref>[^\]\n]{0,100})\])?(?![:(\[])", RegexOptions.CultureInvariant)]
    private static partial Regex Use();
}
