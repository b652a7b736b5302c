using System.Buffers;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>
/// Which rules' anchors (<see cref="AuditRule.Anchors"/>) a text holds, from one pass over it: a searcher for all
/// anchors at once stops where any of them starts, and the anchors that start there are told apart by their first
/// letter. Asking each rule in turn searched the text once per anchor, some four hundred times per file.
/// Anchors whose letters have case outside ASCII (none today) are searched one by one, as before.
/// </summary>
internal sealed class AnchorIndex
{
    private readonly IReadOnlyList<AuditRule> _rules;
    private readonly int[][] _anchorsOf;
    private readonly string[] _anchors;
    private readonly SearchValues<string>? _ascii;
    private readonly SearchValues<string>? _caseless;
    private readonly Dictionary<char, int[]> _byFirst;
    private readonly int[] _slow;

    public AnchorIndex(IReadOnlyList<AuditRule> rules)
    {
        _rules = rules;
        var ids = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var anchors = new List<string>();
        _anchorsOf = rules.Select(r => r.Anchors?.Select(a =>
        {
            if (!ids.TryGetValue(a, out var id))
            {
                ids[a] = id = anchors.Count;
                anchors.Add(a);
            }

            return id;
        }).ToArray() ?? []).ToArray();
        _anchors = [.. anchors];
        var ascii = anchors.Where(a => a.Length > 0 && Ascii(a)).ToArray();
        var caseless = anchors.Where(a => a.Length > 0 && !Ascii(a) && Caseless(a)).ToArray();
        _ascii = ascii.Length > 0 ? SearchValues.Create(ascii, StringComparison.OrdinalIgnoreCase) : null;
        _caseless = caseless.Length > 0 ? SearchValues.Create(caseless, StringComparison.Ordinal) : null;
        _byFirst = Enumerable.Range(0, _anchors.Length)
            .Where(i => _anchors[i].Length > 0 && (Ascii(_anchors[i]) || Caseless(_anchors[i])))
            .GroupBy(i => char.ToUpperInvariant(_anchors[i][0]))
            .ToDictionary(g => g.Key, g => g.ToArray());
        _slow = [.. Enumerable.Range(0, _anchors.Length).Where(i => _anchors[i].Length == 0 || !(Ascii(_anchors[i]) || Caseless(_anchors[i])))];
    }

    /// <summary>The built-in rules, then the signals: the order the audit runs them in.</summary>
    public static IReadOnlyList<AuditRule> BuiltIn { get; } = [.. AuditRules.All, .. AuditSignals.All];

    /// <summary>The index of <see cref="BuiltIn"/>.</summary>
    public static AnchorIndex BuiltInIndex { get; } = new(BuiltIn);

    /// <summary>For each rule (in the order given), whether the text may match it: its anchors, then its prefilter.</summary>
    public bool[] MayMatch(string text)
    {
        var present = new bool[_anchors.Length];
        Mark(text, _ascii, present);
        Mark(text, _caseless, present);
        foreach (var i in _slow)
        {
            present[i] = text.Contains(_anchors[i], StringComparison.OrdinalIgnoreCase);
        }

        var result = new bool[_rules.Count];
        for (var r = 0; r < _rules.Count; r++)
        {
            var ids = _anchorsOf[r];
            var anchored = _rules[r].Anchors is null || ids.Any(i => present[i]);
            result[r] = anchored && (_rules[r].Prefilter is not { } prefilter || prefilter(text));
        }

        return result;
    }

    private void Mark(string text, SearchValues<string>? searcher, bool[] present)
    {
        if (searcher is null)
        {
            return;
        }

        var span = text.AsSpan();
        var offset = 0;
        while (offset < span.Length)
        {
            var at = span[offset..].IndexOfAny(searcher);
            if (at < 0)
            {
                return;
            }

            offset += at;
            if (_byFirst.TryGetValue(char.ToUpperInvariant(span[offset]), out var candidates))
            {
                foreach (var i in candidates)
                {
                    present[i] |= span[offset..].StartsWith(_anchors[i], StringComparison.OrdinalIgnoreCase);
                }
            }

            offset++;
        }
    }

    private static bool Ascii(string word) => word.All(char.IsAscii);

    private static bool Caseless(string word) => word.All(c => (char.IsAscii(c) && !char.IsAsciiLetter(c)) || c is >= '\u2E80' and <= '\uA4CF' or >= '\uAC00' and <= '\uD7AF' or >= '\uF900' and <= '\uFAFF');
}
