using System.Buffers;
using System.Collections.Concurrent;

namespace OpenClaw.Desired.Text;

/// <summary>
/// Case-insensitive (ordinal) search for fixed words in long texts, vectorised. With invariant globalization,
/// which this project runs with, <c>string.Contains</c>/<c>IndexOf</c> with <c>OrdinalIgnoreCase</c> compare
/// char by char: about 100× slower on a skill's SKILL.md than <see cref="SearchValues{T}"/>, which gives the
/// same answers (ordinal case-insensitive matching). The searcher for each word is built once per process.
/// </summary>
public static class IgnoreCase
{
    private static readonly ConcurrentDictionary<string, SearchValues<string>> Searchers = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="text"/> holds <paramref name="word"/>, case ignored.</summary>
    public static bool Contains(ReadOnlySpan<char> text, string word) => IndexOf(text, word) >= 0;

    /// <summary>Whether <paramref name="text"/> holds any of <paramref name="words"/>, case ignored.</summary>
    public static bool ContainsAny(ReadOnlySpan<char> text, IEnumerable<string> words)
    {
        foreach (var word in words)
        {
            if (IndexOf(text, word) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Where <paramref name="word"/> first starts in <paramref name="text"/>, case ignored; -1 if nowhere.</summary>
    public static int IndexOf(ReadOnlySpan<char> text, string word) =>
        word.Length == 0 ? 0 : text.IndexOfAny(Searchers.GetOrAdd(word, static w => SearchValues.Create([w], Caseless(w) ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase)));

    /// <summary>
    /// Words whose characters have no case (CJK, Hangul, ASCII punctuation and digits) match alike either way;
    /// searched ordinally, as the case-insensitive searcher of a non-ASCII word is the slow loop again.
    /// </summary>
    private static bool Caseless(string word)
    {
        foreach (var c in word)
        {
            var none = (char.IsAscii(c) && !char.IsAsciiLetter(c)) || c is >= '\u2E80' and <= '\uA4CF' or >= '\uAC00' and <= '\uD7AF' or >= '\uF900' and <= '\uFAFF';
            if (!none)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Where <paramref name="word"/> next starts in <paramref name="text"/> at or after <paramref name="start"/>; -1 if nowhere.</summary>
    public static int IndexOf(string text, string word, int start)
    {
        var at = IndexOf(text.AsSpan(start), word);
        return at < 0 ? -1 : start + at;
    }
}
