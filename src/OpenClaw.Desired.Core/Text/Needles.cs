namespace OpenClaw.Desired.Text;

/// <summary>
/// A value for <see cref="Needles"/>: how it compares, and whether it counts only where a word starts (at the text's
/// start or after a character that is not an ASCII letter, digit or underscore), as a pattern's <c>\b</c> before it asks.
/// </summary>
public readonly record struct Needle(string Value, StringComparison Comparison, bool WordStart = false);

/// <summary>
/// Fixed strings found in a text in one pass, character by character through one transition table (Aho–Corasick),
/// each ordinally or with the case of ASCII letters ignored. The answers are those of
/// <see cref="System.Buffers.SearchValues{T}"/> of strings with the same comparison (ordinal case-insensitive
/// comparison never takes a character outside ASCII for one inside it); the difference is the cost: plain code that
/// is compiled ahead of time and as fast on a process's first text as on its ten-thousandth, where the vectorised
/// searcher is compiled while the process runs and starts out slow, and one pass for many sets of strings (see
/// <see cref="StartsByGroup"/>) where each set took a pass of its own. The table holds the values with ASCII letters
/// folded; a value compared ordinally is checked where the table finds it. Case-insensitive values whose letters have
/// case outside ASCII are not taken (<see cref="Supports"/>). Thread-safe once built.
/// </summary>
public sealed class Needles
{
    /// <summary>The symbol of each character (0: in no value): ASCII only, or every UTF-16 unit when a value has others.</summary>
    private readonly byte[] _symbols;

    /// <summary>For each character: whether a value begins with it (case folded). Where nothing is matched, the rest are skipped.</summary>
    private readonly bool[] _begins;

    private readonly int _stride;

    /// <summary>The next state for each state and symbol, at state × <see cref="_stride"/> + symbol.</summary>
    private readonly int[] _next;

    /// <summary>For each state: whether a value (folded) ends there.</summary>
    private readonly bool[] _final;

    /// <summary>For each state: its values ending there (with those of its suffixes), as a range of <see cref="_ends"/>.</summary>
    private readonly int[] _endsFrom;

    private readonly int[] _ends;

    /// <summary>For each state: how many characters of a value it has matched.</summary>
    private readonly int[] _depth;

    /// <summary>For each value: compared ordinally and holding an ASCII letter, so checked where the folded table finds it.</summary>
    private readonly bool[] _exact;

    /// <summary>For each value: found only where a word starts.</summary>
    private readonly bool[] _wordStart;

    public Needles(IEnumerable<string> values, StringComparison comparison)
        : this(values.Select(v => new Needle(v, comparison)))
    {
    }

    public Needles(IEnumerable<(string Value, StringComparison Comparison)> values)
        : this(values.Select(v => new Needle(v.Value, v.Comparison)))
    {
    }

    public Needles(IEnumerable<Needle> values)
    {
        var given = values.ToList();
        Values = [.. given.Select(v => v.Value)];
        _wordStart = [.. given.Select(v => v.WordStart)];
        foreach (var (value, comparison, _) in given)
        {
            if (comparison is not (StringComparison.Ordinal or StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException("only ordinal comparisons", nameof(values));
            }

            if (value.Length == 0 || !Supports(value, comparison))
            {
                throw new ArgumentException($"cannot search for \"{value}\" {comparison}", nameof(values));
            }
        }

        _exact = [.. given.Select(v => v.Comparison == StringComparison.Ordinal && v.Value.Any(char.IsAsciiLetter))];

        // Symbols: one for each character (case folded) that some value holds; 0 for every other.
        var symbols = new Dictionary<char, byte>();
        foreach (var c in Values.SelectMany(v => v).Select(Fold).Distinct().Order())
        {
            if (symbols.Count == 255)
            {
                throw new ArgumentException("too many distinct characters", nameof(values));
            }

            symbols[c] = (byte)(symbols.Count + 1);
        }

        _symbols = new byte[symbols.Keys.Any(c => c >= 128) ? 65536 : 128];
        foreach (var (c, symbol) in symbols)
        {
            _symbols[c] = symbol;
            if (char.IsAsciiLetterLower(c))
            {
                _symbols[char.ToUpperInvariant(c)] = symbol;
            }
        }

        _stride = symbols.Count + 1;

        // The trie of the folded values: each state's row of children (0: none; the root is never a child).
        var children = new List<int[]> { new int[_stride] };
        var depth = new List<int> { 0 };
        var endsAt = new List<List<int>?> { null };
        for (var v = 0; v < Values.Count; v++)
        {
            var state = 0;
            foreach (var c in Values[v])
            {
                var symbol = _symbols[c];
                var child = children[state][symbol];
                if (child == 0)
                {
                    child = children.Count;
                    children[state][symbol] = child;
                    children.Add(new int[_stride]);
                    depth.Add(depth[state] + 1);
                    endsAt.Add(null);
                }

                state = child;
            }

            (endsAt[state] ??= []).Add(v);
        }

        // Breadth first: each state's failure (its longest proper suffix that is a state) completes its row and its ends.
        var count = children.Count;
        _next = new int[count * _stride];
        _depth = [.. depth];
        var failure = new int[count];
        var ends = new int[count][];
        ends[0] = [];
        var queue = new Queue<int>();
        for (var symbol = 0; symbol < _stride; symbol++)
        {
            if (children[0][symbol] is var child and > 0)
            {
                _next[symbol] = child;
                ends[child] = endsAt[child] is { } own ? [.. own] : [];
                queue.Enqueue(child);
            }
        }

        while (queue.TryDequeue(out var state))
        {
            var fail = failure[state];
            var row = children[state];
            for (var symbol = 0; symbol < _stride; symbol++)
            {
                var child = row[symbol];
                if (child > 0)
                {
                    var childFailure = _next[(fail * _stride) + symbol];
                    failure[child] = childFailure;
                    ends[child] = endsAt[child] is { } own ? [.. own, .. ends[childFailure]] : ends[childFailure];
                    _next[(state * _stride) + symbol] = child;
                    queue.Enqueue(child);
                }
                else
                {
                    _next[(state * _stride) + symbol] = _next[(fail * _stride) + symbol];
                }
            }
        }

        _final = new bool[count];
        _endsFrom = new int[count + 1];
        var flat = new List<int>();
        for (var s = 0; s < count; s++)
        {
            _endsFrom[s] = flat.Count;
            flat.AddRange(ends[s]);
            _final[s] = ends[s].Length > 0;
        }

        _endsFrom[count] = flat.Count;
        _ends = [.. flat];
        _begins = new bool[_symbols.Length];
        for (var c = 0; c < _symbols.Length; c++)
        {
            _begins[c] = _symbols[c] != 0 && _next[_symbols[c]] != 0;
        }
    }

    /// <summary>The values, in the order given: <see cref="Mark"/> and <see cref="StartsByGroup"/> answer by their index.</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>
    /// Whether a value can be searched for with this comparison: any, ordinally; ignoring case, one whose every
    /// character is ASCII or has no case (CJK, digits, punctuation).
    /// </summary>
    public static bool Supports(string value, StringComparison comparison) =>
        comparison == StringComparison.Ordinal
        || value.All(c => char.IsAscii(c) || (char.ToUpperInvariant(c) == c && char.ToLowerInvariant(c) == c));

    /// <summary>Where the first value found starts (the leftmost start), or -1: as <c>IndexOfAny</c> with the same values.</summary>
    public int IndexOfAny(ReadOnlySpan<char> text)
    {
        var best = -1;
        var state = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (state == 0)
            {
                if (best >= 0)
                {
                    // Nothing is half matched: every value still to be found starts after the one found.
                    return best;
                }

                i = Skip(text, i);
                if (i == text.Length)
                {
                    break;
                }
            }

            state = Step(state, text[i]);
            if (best >= 0 && i - _depth[state] + 1 > best)
            {
                return best;
            }

            if (_final[state])
            {
                for (var e = _endsFrom[state]; e < _endsFrom[state + 1]; e++)
                {
                    var start = i - Values[_ends[e]].Length + 1;
                    if ((best < 0 || start < best) && Found(text, _ends[e], start))
                    {
                        best = start;
                    }
                }
            }
        }

        return best;
    }

    /// <summary>Whether any value is in the text.</summary>
    public bool ContainsAny(ReadOnlySpan<char> text)
    {
        var state = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (state == 0)
            {
                i = Skip(text, i);
                if (i == text.Length)
                {
                    break;
                }
            }

            state = Step(state, text[i]);
            if (_final[state])
            {
                for (var e = _endsFrom[state]; e < _endsFrom[state + 1]; e++)
                {
                    if (Found(text, _ends[e], i - Values[_ends[e]].Length + 1))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>Sets <paramref name="present"/>[i] for every value i found in the text (others are left as they are).</summary>
    public void Mark(ReadOnlySpan<char> text, Span<bool> present)
    {
        var state = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (state == 0)
            {
                i = Skip(text, i);
                if (i == text.Length)
                {
                    break;
                }
            }

            state = Step(state, text[i]);
            if (_final[state])
            {
                for (var e = _endsFrom[state]; e < _endsFrom[state + 1]; e++)
                {
                    present[_ends[e]] |= Found(text, _ends[e], i - Values[_ends[e]].Length + 1);
                }
            }
        }
    }

    /// <summary>
    /// For each group of values (<paramref name="groupOf"/>[value] is its group), the places where one of the group's
    /// values starts, ascending: where <c>IndexOfAny</c> with the group's values alone would stop, from any offset.
    /// Null for a group with none; all null (the common case) when the text holds no value at all.
    /// </summary>
    public List<int>?[] StartsByGroup(ReadOnlySpan<char> text, int[] groupOf, int groups)
    {
        var starts = new List<int>?[groups];
        var state = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (state == 0)
            {
                i = Skip(text, i);
                if (i == text.Length)
                {
                    break;
                }
            }

            state = Step(state, text[i]);
            if (_final[state])
            {
                for (var e = _endsFrom[state]; e < _endsFrom[state + 1]; e++)
                {
                    var value = _ends[e];
                    var start = i - Values[value].Length + 1;
                    if (Found(text, value, start))
                    {
                        var list = starts[groupOf[value]] ??= [];
                        if (list.Count == 0 || list[^1] != start)
                        {
                            list.Add(start);
                        }
                    }
                }
            }
        }

        foreach (var list in starts)
        {
            if (list is { Count: > 1 })
            {
                // Met in the order the values end; a longer value ending later may start earlier.
                list.Sort();
                var kept = 1;
                for (var k = 1; k < list.Count; k++)
                {
                    if (list[k] != list[kept - 1])
                    {
                        list[kept++] = list[k];
                    }
                }

                list.RemoveRange(kept, list.Count - kept);
            }
        }

        return starts;
    }

    /// <summary>The first of <paramref name="starts"/> (ascending) at or after <paramref name="offset"/>, moving <paramref name="cursor"/> there; -1 past the last.</summary>
    public static int NextStart(List<int>? starts, ref int cursor, int offset)
    {
        if (starts is null)
        {
            return -1;
        }

        while (cursor < starts.Count && starts[cursor] < offset)
        {
            cursor++;
        }

        return cursor < starts.Count ? starts[cursor] : -1;
    }

    /// <summary>From <paramref name="i"/>, the first character that can begin a value (the text's length if none).</summary>
    private int Skip(ReadOnlySpan<char> text, int i)
    {
        var begins = _begins;
        while (i < text.Length && (text[i] >= begins.Length || !begins[text[i]]))
        {
            i++;
        }

        return i;
    }

    private int Step(int state, char c) => _next[(state * _stride) + (c < _symbols.Length ? _symbols[c] : 0)];

    /// <summary>Whether the value the folded table found at <paramref name="start"/> is there as its comparison (and place) asks.</summary>
    private bool Found(ReadOnlySpan<char> text, int value, int start) =>
        (!_exact[value] || text.Slice(start, Values[value].Length).SequenceEqual(Values[value]))
        && (!_wordStart[value] || start == 0 || !IsWordChar(text[start - 1]));

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static char Fold(char c) => char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
}
