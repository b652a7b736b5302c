namespace OpenClaw.Desired.Text;

/// <summary>
/// Fixed strings found in a text in one pass, character by character through one transition table (Aho–Corasick),
/// ordinally or with the case of ASCII letters ignored. The answers are those of
/// <see cref="System.Buffers.SearchValues{T}"/> of strings with the same comparison (ordinal case-insensitive
/// comparison never takes a character outside ASCII for one inside it); the difference is the cost: plain code
/// that is compiled ahead of time and as fast on a process's first text as on its ten-thousandth, where the
/// vectorised searcher is compiled while the process runs and starts out slow. Case-insensitive strings whose
/// letters have case outside ASCII are not taken (<see cref="Supports"/>). Thread-safe once built.
/// </summary>
public sealed class Needles
{
    private readonly bool _ignoreCase;

    /// <summary>The symbol of each character (0: in no value): ASCII only, or every UTF-16 unit when a value has others.</summary>
    private readonly byte[] _symbols;

    private readonly int _stride;

    /// <summary>The next state for each state and symbol, at state × <see cref="_stride"/> + symbol.</summary>
    private readonly int[] _next;

    /// <summary>For each state: the longest value ending there, 0 for none.</summary>
    private readonly int[] _longest;

    /// <summary>For each state: its values ending there (with those of its suffixes), as a range of <see cref="_ends"/>.</summary>
    private readonly int[] _endsFrom;

    private readonly int[] _ends;

    /// <summary>For each state: how many characters of a value it has matched.</summary>
    private readonly int[] _depth;

    public Needles(IEnumerable<string> values, StringComparison comparison)
    {
        if (comparison is not (StringComparison.Ordinal or StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("only ordinal comparisons", nameof(comparison));
        }

        _ignoreCase = comparison == StringComparison.OrdinalIgnoreCase;
        Values = [.. values];
        foreach (var value in Values)
        {
            if (value.Length == 0 || !Supports(value, comparison))
            {
                throw new ArgumentException($"cannot search for \"{value}\" {comparison}", nameof(values));
            }
        }

        // Symbols: one for each character (case folded) that some value holds; 0 for every other.
        var symbols = new Dictionary<char, byte>();
        foreach (var c in Values.SelectMany(v => v).Select(Fold).Distinct().Order())
        {
            symbols[c] = (byte)(symbols.Count + 1);
        }

        if (symbols.Count > 254)
        {
            throw new ArgumentException("too many distinct characters", nameof(values));
        }

        _symbols = new byte[symbols.Keys.Any(c => c >= 128) ? 65536 : 128];
        foreach (var (c, symbol) in symbols)
        {
            _symbols[c] = symbol;
            if (_ignoreCase && char.IsAsciiLetterLower(c))
            {
                _symbols[char.ToUpperInvariant(c)] = symbol;
            }
        }

        _stride = symbols.Count + 1;

        // The trie of the folded values.
        var children = new List<Dictionary<int, int>> { new() };
        var depth = new List<int> { 0 };
        var endsAt = new List<List<int>> { new() };
        for (var v = 0; v < Values.Count; v++)
        {
            var state = 0;
            foreach (var c in Values[v])
            {
                var symbol = symbols[Fold(c)];
                if (!children[state].TryGetValue(symbol, out var child))
                {
                    child = children.Count;
                    children[state][symbol] = child;
                    children.Add([]);
                    depth.Add(depth[state] + 1);
                    endsAt.Add([]);
                }

                state = child;
            }

            endsAt[state].Add(v);
        }

        // Breadth first: each state's failure (its longest proper suffix that is a state) completes its row and its ends.
        var count = children.Count;
        _next = new int[count * _stride];
        _depth = [.. depth];
        var failure = new int[count];
        var ends = new List<int>[count];
        ends[0] = [];
        var queue = new Queue<int>();
        foreach (var (symbol, child) in children[0])
        {
            _next[symbol] = child;
            queue.Enqueue(child);
        }

        for (var s = 0; s < count; s++)
        {
            ends[s] ??= [];
        }

        foreach (var child in children[0].Values)
        {
            ends[child] = [.. endsAt[child]];
        }

        while (queue.TryDequeue(out var state))
        {
            var fail = failure[state];
            for (var symbol = 0; symbol < _stride; symbol++)
            {
                if (children[state].TryGetValue(symbol, out var child))
                {
                    var childFailure = _next[(fail * _stride) + symbol];
                    failure[child] = childFailure;
                    ends[child] = [.. endsAt[child], .. ends[childFailure]];
                    _next[(state * _stride) + symbol] = child;
                    queue.Enqueue(child);
                }
                else
                {
                    _next[(state * _stride) + symbol] = _next[(fail * _stride) + symbol];
                }
            }
        }

        _longest = new int[count];
        _endsFrom = new int[count + 1];
        var flat = new List<int>();
        for (var s = 0; s < count; s++)
        {
            _endsFrom[s] = flat.Count;
            flat.AddRange(ends[s]);
            _longest[s] = ends[s].Count == 0 ? 0 : ends[s].Max(v => Values[v].Length);
        }

        _endsFrom[count] = flat.Count;
        _ends = [.. flat];
    }

    /// <summary>The values, in the order given: <see cref="Mark"/> answers by their index.</summary>
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
        var next = _next;
        var symbols = _symbols;
        var depth = _depth;
        var longestEnding = _longest;
        var stride = _stride;
        var state = 0;
        var best = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            state = next[(state * stride) + (c < symbols.Length ? symbols[c] : 0)];
            if (best >= 0 && i - depth[state] + 1 > best)
            {
                // Every value still to end starts after the one found.
                return best;
            }

            var longest = longestEnding[state];
            if (longest > 0)
            {
                var start = i - longest + 1;
                if (best < 0 || start < best)
                {
                    best = start;
                }
            }
        }

        return best;
    }

    /// <summary>Whether any value is in the text.</summary>
    public bool ContainsAny(ReadOnlySpan<char> text)
    {
        var next = _next;
        var symbols = _symbols;
        var longest = _longest;
        var stride = _stride;
        var state = 0;
        foreach (var c in text)
        {
            state = next[(state * stride) + (c < symbols.Length ? symbols[c] : 0)];
            if (longest[state] > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Sets <paramref name="present"/>[i] for every value i found in the text (others are left as they are).</summary>
    public void Mark(ReadOnlySpan<char> text, Span<bool> present)
    {
        var next = _next;
        var symbols = _symbols;
        var longest = _longest;
        var stride = _stride;
        var state = 0;
        foreach (var c in text)
        {
            state = next[(state * stride) + (c < symbols.Length ? symbols[c] : 0)];
            if (longest[state] > 0)
            {
                for (var e = _endsFrom[state]; e < _endsFrom[state + 1]; e++)
                {
                    present[_ends[e]] = true;
                }
            }
        }
    }

    private char Fold(char c) => _ignoreCase && char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
}
