using System.Buffers;
using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Secrets.Scanning.Formats;

/// <summary>
/// One credential format as a data row: a literal <see cref="Anchor"/> that the scanner's vectorised search
/// finds, and a <see cref="Pattern"/> that must match right there (it is run only at the anchor, so it costs
/// nothing on text without the anchor). Most formats start with their anchor; for formats whose literal sits
/// inside or at the end (<c>…NRAL</c>, Azure's key signatures), <see cref="StartsBefore"/> names the characters
/// the value may have before the anchor, and the pattern is tried from the start of that run.
/// </summary>
internal sealed record TokenFormat(string Anchor, string Kind, string Pattern)
{
    private readonly Lazy<Regex> _regex = new(() => new Regex(@"\G(?:" + Pattern + ")", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture));

    /// <summary>No format here is longer; the pattern never looks further.</summary>
    public const int MaxLength = 4096;

    /// <summary>Characters of the value that may precede the anchor (null: the value starts at the anchor).</summary>
    public SearchValues<char>? StartsBefore { get; init; }

    /// <summary>The value starts after the anchor (a URL's host and path are not the secret).</summary>
    public bool SkipAnchor { get; init; }

    /// <summary>A kind read from the value itself (an Azure key's service code), instead of <see cref="Kind"/>.</summary>
    public Func<ReadOnlySpan<char>, string>? KindOf { get; init; }

    /// <summary>The value is what follows the last occurrence of this character in the match (a webhook URL's token).</summary>
    public char? ValueAfterLast { get; init; }

    /// <summary>Words of which one must be on the same line: for shapes too common to trust alone.</summary>
    public IReadOnlyList<string>? LineWords { get; init; }

    /// <summary>Words that, just before the value on its line, say it is stored on purpose (a password_hash field holds a hash by design).</summary>
    public IReadOnlyList<string>? NotAfter { get; init; }

    /// <summary>The format's own check digits, when it has them: valid or not is reported, it does not decide.</summary>
    public Func<ReadOnlySpan<char>, bool>? Checksum { get; init; }

    /// <summary>A structural check beyond the pattern (a decoded part that must be JSON, a user id that must be digits).</summary>
    public Func<ReadOnlySpan<char>, bool>? Valid { get; init; }

    /// <summary>
    /// Whether a value that passes <see cref="Valid"/> was made by a tool, as a checksum says (a DER key whose SEQUENCE takes
    /// exactly its bytes): its base64 may spell "your" or "todo" by chance, and no placeholder has that structure.
    /// </summary>
    public bool ValidIsIssued { get; init; }

    /// <summary>Whether a word character may stand right before the value (a token glued into a URL path).</summary>
    public bool Glued { get; init; }

    /// <summary>Characters after the anchor that vary per credential: what placeholder checks look at.</summary>
    private int BodyStart(int valueLength) => StartsBefore is null ? Math.Min(Anchor.Length, valueLength) : 0;

    public int Detect(ReadOnlySpan<char> text, int at, List<SecretMatch> sink)
    {
        var start = StartsBefore is null ? at : at - Chars.RunBack(text, at, StartsBefore);
        if (!Glued && !Chars.BoundaryBefore(text, start))
        {
            return -1;
        }

        var length = -1;
        // The pattern is anchored (\G); the slice bounds its work whatever it is.
        var window = text[..Math.Min(text.Length, start + MaxLength)];
        foreach (var match in _regex.Value.EnumerateMatches(window, start))
        {
            length = match.Length;
            break;
        }

        if (length <= 0 || start + length <= at)
        {
            return -1;
        }

        var valueStart = SkipAnchor ? at + Anchor.Length : start;
        if (ValueAfterLast is { } separator)
        {
            var last = text.Slice(start, length).LastIndexOf(separator);
            valueStart = start + last + 1;
        }

        var value = text[valueStart..(start + length)];
        var body = value[(valueStart == start ? BodyStart(value.Length) : 0)..];
        // A value whose check digits hold was issued by the format's own tool, however regular it looks: no placeholder carries them.
        bool? checksum = Checksum is null ? null : Checksum(value);
        var valid = Valid is null || Valid(value);
        var issued = checksum == true || ValidIsIssued && Valid is not null && valid;
        if (body.Length < 8 || (!issued && ValueHeuristics.IsPlaceholder(body)) || ValueHeuristics.IsKnownExample(value)
            || (LineWords is not null && !PrefixDetectors.LineMentions(text, at, [.. LineWords]))
            || (NotAfter is not null && Preceded(text, valueStart, NotAfter))
            || !valid)
        {
            return -1;
        }

        sink.Add(new SecretMatch(valueStart, value.Length, KindOf?.Invoke(value) ?? Kind) { ChecksumValid = checksum });
        return start + length;
    }

    private static bool Preceded(ReadOnlySpan<char> text, int start, IReadOnlyList<string> words)
    {
        var before = text[Math.Max(0, start - 48)..start];
        before = before[(before.LastIndexOf('\n') + 1)..];
        foreach (var word in words)
        {
            if (before.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
