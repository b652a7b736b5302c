namespace OpenClaw.Desired.Secrets.Scanning;

/// <summary>
/// Finds credentials in text: formats with a literal anchor, then high-entropy values assigned to
/// secret-looking names. Where both see the same value, the specific format wins and keeps the name.
/// Pure and thread-safe; never copies a value.
/// </summary>
public static class SecretScanner
{
    /// <summary>
    /// The literals every detector starts from (the formats' anchors, ordinally; the context words, the name fragments,
    /// the commands and the connection-string words, case ignored), each set in its groups: one pass over a text finds
    /// them all, where each set took a pass of its own.
    /// </summary>
    private static readonly (Text.Needles Search, int[] GroupOf, int Prefixes, int Contexts) Anchors = BuildAnchors();

    private static (Text.Needles, int[], int, int) BuildAnchors()
    {
        var sets = new List<(string[] Values, StringComparison Comparison)>();
        sets.AddRange(PrefixDetectors.AnchorGroups.Select(g => (g, StringComparison.Ordinal)));
        sets.AddRange(Formats.ContextFormats.WordGroups.Select(g => (g, StringComparison.OrdinalIgnoreCase)));
        sets.Add((AssignmentDetector.Fragments, StringComparison.OrdinalIgnoreCase));
        sets.Add((CommandCredentials.Anchors, StringComparison.OrdinalIgnoreCase));
        sets.Add((ConnectionStrings.Anchors, StringComparison.OrdinalIgnoreCase));
        var search = new Text.Needles(sets.SelectMany(s => s.Values.Select(v => (v, s.Comparison))));
        int[] groupOf = [.. sets.SelectMany((s, group) => s.Values.Select(_ => group))];
        return (search, groupOf, PrefixDetectors.AnchorGroups.Count, Formats.ContextFormats.WordGroups.Count);
    }

    public static IReadOnlyList<SecretMatch> Scan(ReadOnlySpan<char> text)
    {
        var (search, groupOf, prefixes, contexts) = Anchors;
        var starts = search.StartsByGroup(text, groupOf, prefixes + contexts + 3).AsSpan();
        var prefixed = new List<SecretMatch>();
        PrefixDetectors.Run(text, starts[..prefixes], prefixed);
        var context = new List<SecretMatch>();
        Formats.ContextFormats.Run(text, starts.Slice(prefixes, contexts), context);
        prefixed.AddRange(context.Where(c => !prefixed.Any(p => p.Overlaps(c))));
        var assigned = new List<SecretMatch>();
        AssignmentDetector.Run(text, starts[prefixes + contexts], assigned);
        CommandCredentials.Run(text, starts[prefixes + contexts + 1], assigned);
        var connection = new List<SecretMatch>();
        ConnectionStrings.Run(text, starts[prefixes + contexts + 2], connection);
        foreach (var found in connection)
        {
            // The same password read as a plain assignment: the connection string says more about what it opens.
            assigned.RemoveAll(a => a.Start == found.Start && a.Length == found.Length);
            if (!assigned.Any(a => a.Overlaps(found)))
            {
                assigned.Add(found);
            }
        }

        if (assigned.Count == 0)
        {
            return prefixed;
        }

        return Merge(prefixed, assigned);
    }

    private static List<SecretMatch> Merge(List<SecretMatch> prefixed, List<SecretMatch> assigned)
    {
        var result = new List<SecretMatch>(prefixed.Count + assigned.Count);
        var byStart = prefixed.OrderBy(m => m.Start).ToList();
        foreach (var match in byStart)
        {
            var named = assigned.FirstOrDefault(a => a.Overlaps(match));
            result.Add(named.Kind is not null && match.NameHint is null && named.Start <= match.Start && named.End >= match.End
                ? match with { NameHint = named.NameHint }
                : match);
        }

        foreach (var match in assigned)
        {
            if (!byStart.Any(p => p.Overlaps(match)))
            {
                result.Add(match);
            }
        }

        result.Sort((a, b) => a.Start.CompareTo(b.Start));
        return result;
    }
}
