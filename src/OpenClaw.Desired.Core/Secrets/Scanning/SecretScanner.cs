namespace OpenClaw.Desired.Secrets.Scanning;

/// <summary>
/// Finds credentials in text: formats with a literal anchor, then high-entropy values assigned to
/// secret-looking names. Where both see the same value, the specific format wins and keeps the name.
/// Pure and thread-safe; never copies a value.
/// </summary>
public static class SecretScanner
{
    public static IReadOnlyList<SecretMatch> Scan(ReadOnlySpan<char> text)
    {
        var prefixed = new List<SecretMatch>();
        PrefixDetectors.Run(text, prefixed);
        var context = new List<SecretMatch>();
        Formats.ContextFormats.Run(text, context);
        prefixed.AddRange(context.Where(c => !prefixed.Any(p => p.Overlaps(c))));
        var assigned = new List<SecretMatch>();
        AssignmentDetector.Run(text, assigned);
        CommandCredentials.Run(text, assigned);
        var connection = new List<SecretMatch>();
        ConnectionStrings.Run(text, connection);
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
