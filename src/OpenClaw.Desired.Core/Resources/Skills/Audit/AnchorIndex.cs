using OpenClaw.Desired.Text;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>
/// Which rules' anchors (<see cref="AuditRule.Anchors"/>) a text holds, from one pass over it: every anchor at once,
/// case ignored, through one automaton (<see cref="Needles"/>). Asking each rule in turn searched the text once per
/// anchor, some four hundred times per file. Anchors whose letters have case outside ASCII (none today) are
/// searched one by one, as before.
/// </summary>
internal sealed class AnchorIndex
{
    private readonly IReadOnlyList<AuditRule> _rules;
    private readonly int[][] _anchorsOf;

    /// <summary>Every anchor once (case ignored), and whether it counts only where a word starts.</summary>
    private readonly (string Text, bool WordStart)[] _anchors;
    private readonly Needles? _needles;

    /// <summary>For each value of <see cref="_needles"/>, its anchor.</summary>
    private readonly int[] _needleAnchor;
    private readonly int[] _slow;

    public AnchorIndex(IReadOnlyList<AuditRule> rules)
    {
        _rules = rules;
        var ids = new Dictionary<(string, bool), int>();
        var anchors = new List<(string, bool)>();
        int Id(string anchor, bool wordStart)
        {
            var key = (anchor.ToUpperInvariant(), wordStart);
            if (!ids.TryGetValue(key, out var id))
            {
                ids[key] = id = anchors.Count;
                anchors.Add((anchor, wordStart));
            }

            return id;
        }

        _anchorsOf = [.. rules.Select(r => (r.Anchors ?? []).Select(a => Id(a, false)).Concat((r.WordAnchors ?? []).Select(a => Id(a, true))).ToArray())];
        _anchors = [.. anchors];
        bool Fast(int i) => _anchors[i].Text.Length > 0 && (Ascii(_anchors[i].Text) || Caseless(_anchors[i].Text));
        _needleAnchor = [.. Enumerable.Range(0, _anchors.Length).Where(Fast)];
        _needles = _needleAnchor.Length > 0 ? new Needles(_needleAnchor.Select(i => new Needle(_anchors[i].Text, StringComparison.OrdinalIgnoreCase, _anchors[i].WordStart))) : null;
        _slow = [.. Enumerable.Range(0, _anchors.Length).Where(i => !Fast(i))];
    }

    /// <summary>The built-in rules, then the signals: the order the audit runs them in.</summary>
    public static IReadOnlyList<AuditRule> BuiltIn { get; } = [.. AuditRules.All, .. AuditSignals.All];

    /// <summary>The index of <see cref="BuiltIn"/>.</summary>
    public static AnchorIndex BuiltInIndex { get; } = new(BuiltIn);

    /// <summary>For each rule (in the order given), whether the text may match it: its anchors, then its prefilter.</summary>
    public bool[] MayMatch(string text)
    {
        var present = new bool[_anchors.Length];
        if (_needles is not null)
        {
            Span<bool> found = _needleAnchor.Length <= 1024 ? stackalloc bool[_needleAnchor.Length] : new bool[_needleAnchor.Length];
            _needles.Mark(text, found);
            for (var n = 0; n < found.Length; n++)
            {
                present[_needleAnchor[n]] |= found[n];
            }
        }

        foreach (var i in _slow)
        {
            present[i] = Holds(text, _anchors[i].Text, _anchors[i].WordStart);
        }

        var result = new bool[_rules.Count];
        for (var r = 0; r < _rules.Count; r++)
        {
            var ids = _anchorsOf[r];
            var anchored = !_rules[r].Anchored || ids.Any(i => present[i]);
            result[r] = anchored && (_rules[r].Prefilter is not { } prefilter || prefilter(text));
        }

        return result;
    }

    /// <summary>The one-by-one search of an anchor the automaton does not take.</summary>
    private static bool Holds(string text, string anchor, bool wordStart)
    {
        for (var at = text.IndexOf(anchor, StringComparison.OrdinalIgnoreCase); at >= 0; at = at + 1 < text.Length ? text.IndexOf(anchor, at + 1, StringComparison.OrdinalIgnoreCase) : -1)
        {
            if (!wordStart || at == 0 || !(char.IsAsciiLetterOrDigit(text[at - 1]) || text[at - 1] == '_'))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Ascii(string word) => word.All(char.IsAscii);

    private static bool Caseless(string word) => word.All(c => (char.IsAscii(c) && !char.IsAsciiLetter(c)) || c is >= '\u2E80' and <= '\uA4CF' or >= '\uAC00' and <= '\uD7AF' or >= '\uF900' and <= '\uFAFF');
}
