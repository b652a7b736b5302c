using OpenClaw.Desired.Text;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>
/// Which rules' anchors (<see cref="AuditRule.Anchors"/>) a text holds, from one pass over it: every anchor at once,
/// case ignored, through one automaton (<see cref="Needles"/>). Asking each rule in turn searched the text once per
/// anchor, some four hundred times per file. An anchor whose letters have case outside ASCII (<c>скача</c>,
/// <c>ausführ</c>) is looked for as written in lower case, in upper case and with a capital first letter, ordinally,
/// in the same pass: the forms prose writes it in (a case-ignoring search of each such anchor on its own cost more
/// than all the rest together).
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

    /// <summary>The anchors with a character outside ASCII, looked for only in a text that has one (English text never pays for them).</summary>
    private readonly Needles? _foreign;
    private readonly int[] _foreignAnchor;

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
        var needles = new List<(Needle Needle, int Anchor)>();
        var foreign = new List<(Needle Needle, int Anchor)>();
        for (var i = 0; i < _anchors.Length; i++)
        {
            var (text, wordStart) = _anchors[i];
            if (text.Length == 0)
            {
                continue;
            }

            if (Ascii(text))
            {
                needles.Add((new Needle(text, StringComparison.OrdinalIgnoreCase, wordStart), i));
                continue;
            }

            if (Caseless(text))
            {
                foreign.Add((new Needle(text, StringComparison.OrdinalIgnoreCase, wordStart), i));
                continue;
            }

            var lower = text.ToLowerInvariant();
            foreach (var form in new[] { lower, text.ToUpperInvariant(), char.ToUpperInvariant(lower[0]) + lower[1..] }.Distinct(StringComparer.Ordinal))
            {
                foreign.Add((new Needle(form, StringComparison.Ordinal, wordStart), i));
            }
        }

        _needleAnchor = [.. needles.Select(n => n.Anchor)];
        _needles = needles.Count > 0 ? new Needles(needles.Select(n => n.Needle)) : null;
        _foreignAnchor = [.. foreign.Select(n => n.Anchor)];
        _foreign = foreign.Count > 0 ? new Needles(foreign.Select(n => n.Needle)) : null;
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

        if (_foreign is not null && text.AsSpan().ContainsAnyExceptInRange('\0', '\x7f'))
        {
            Span<bool> found = _foreignAnchor.Length <= 1024 ? stackalloc bool[_foreignAnchor.Length] : new bool[_foreignAnchor.Length];
            _foreign.Mark(text, found);
            for (var n = 0; n < found.Length; n++)
            {
                present[_foreignAnchor[n]] |= found[n];
            }
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

    private static bool Ascii(string word) => word.All(char.IsAscii);

    private static bool Caseless(string word) => word.All(c => (char.IsAscii(c) && !char.IsAsciiLetter(c)) || c is >= '\u2E80' and <= '\uA4CF' or >= '\uAC00' and <= '\uD7AF' or >= '\uF900' and <= '\uFAFF');
}
