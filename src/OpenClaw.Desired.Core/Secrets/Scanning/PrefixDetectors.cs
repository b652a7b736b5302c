using System.Buffers;

namespace OpenClaw.Desired.Secrets.Scanning;

/// <summary>
/// Credentials with a recognisable literal in them (<c>sk-ant-</c>, <c>ghp_</c>, <c>:AA</c>, <c>-----BEGIN</c>…).
/// One vectorised search finds every anchor in a single pass; only there is the format checked, so the cost
/// is a memory scan plus a little work per hit, not one regular expression per format over the whole text.
/// </summary>
internal static partial class PrefixDetectors
{
    /// <summary>Checks a hit at <c>at</c>; adds a match and returns where scanning may go on, or -1.</summary>
    private delegate int Detector(ReadOnlySpan<char> text, int at, List<SecretMatch> sink);

    // Declared before the table: static fields initialise in order, and the table's detectors use it.
    private static readonly SearchValues<char> SlackChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-");

    private static readonly (string Anchor, Detector Detect)[] Table = Build();

    private const int GroupSize = 16;

    /// <summary>
    /// The anchors in groups of at most <see cref="GroupSize"/>, each group read on its own as when each was one
    /// vectorised search (a hit in one group never skips a place another group checks): the groups, and what they
    /// find, are what they were. Where each group's anchors start comes from the scanner's one pass over the text
    /// (<see cref="SecretScanner"/>), which looks for these ordinally.
    /// </summary>
    private static readonly (string Anchor, Detector Detect)[][] Groups = Group(Table);

    /// <summary>Each group's anchors.</summary>
    public static IReadOnlyList<string[]> AnchorGroups { get; } = [.. Groups.Select(g => g.Select(e => e.Anchor).Distinct().ToArray())];

    /// <param name="starts">For each of <see cref="AnchorGroups"/>, where its anchors start in the text, ascending (null: nowhere).</param>
    public static void Run(ReadOnlySpan<char> text, ReadOnlySpan<List<int>?> starts, List<SecretMatch> sink)
    {
        var before = sink.Count;
        for (var g = 0; g < Groups.Length; g++)
        {
            if (starts[g] is { } groupStarts)
            {
                RunGroup(text, groupStarts, Groups[g], sink);
            }
        }

        if (sink.Count - before > 1)
        {
            DropOverlaps(sink, before);
        }
    }

    private static void RunGroup(ReadOnlySpan<char> text, List<int> starts, (string Anchor, Detector Detect)[] table, List<SecretMatch> sink)
    {
        var offset = 0;
        var cursor = 0;
        while (offset < text.Length)
        {
            var at = Text.Needles.NextStart(starts, ref cursor, offset);
            if (at < 0)
            {
                return;
            }

            var next = -1;
            foreach (var (anchor, detect) in table)
            {
                if (text[at..].StartsWith(anchor, StringComparison.Ordinal))
                {
                    next = detect(text, at, sink);
                    if (next > at)
                    {
                        break;
                    }
                }
            }

            offset = next > at ? next : at + 1;
        }
    }

    /// <summary>Separate passes may see one credential twice (a URL inside a webhook, say): the longer match stays.</summary>
    private static void DropOverlaps(List<SecretMatch> sink, int from)
    {
        var found = sink.GetRange(from, sink.Count - from);
        found.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        sink.RemoveRange(from, sink.Count - from);
        foreach (var match in found)
        {
            if (sink.Count > from && sink[^1].Overlaps(match))
            {
                if (match.Length > sink[^1].Length)
                {
                    sink[^1] = match;
                }

                continue;
            }

            sink.Add(match);
        }
    }

    private static (string, Detector)[][] Group((string Anchor, Detector Detect)[] table) =>
        table.OrderBy(t => t.Anchor, StringComparer.Ordinal)
            .Select((entry, index) => (entry, index))
            .GroupBy(x => x.index / GroupSize, x => x.entry)
            // Within a group, longer anchors first, so "sk-ant-" is tried before "sk-".
            .Select(g => g.OrderByDescending(e => e.Anchor.Length).ToArray())
            .ToArray();

    private static (string, Detector)[] Build()
    {
        var table = new List<(string, Detector)>
        {
            ("sk-ant-", Token(SecretKinds.Anthropic, 7, Chars.Base64Url, 40, 200)),
            ("sk-or-v1-", Token(SecretKinds.OpenRouter, 9, Chars.Alnum, 32, 100)),
            ("sk-proj-", Token(SecretKinds.OpenAi, 8, Chars.Base64Url, 20, 300)),
            ("sk-svcacct-", Token(SecretKinds.OpenAi, 11, Chars.Base64Url, 20, 300)),
            ("sk-admin-", Token(SecretKinds.OpenAi, 9, Chars.Base64Url, 20, 300)),
            ("sk-kimi-", Token(SecretKinds.Moonshot, 8, Chars.Base64Url, 20, 200)),
            ("sk-", GenericSk),
            ("sk_live_", Token(SecretKinds.Stripe, 8, Chars.Alnum, 20, 200)),
            ("rk_live_", Token(SecretKinds.Stripe, 8, Chars.Alnum, 20, 200)),
            ("AIza", Token(SecretKinds.Google, 4, Chars.Base64Url, 33, 40)),
            ("gsk_", Token(SecretKinds.Groq, 4, Chars.Alnum, 40, 80)),
            ("xai-", Token(SecretKinds.Xai, 4, Chars.Alnum, 60, 120)),
            ("pplx-", Token(SecretKinds.Perplexity, 5, Chars.Alnum, 40, 64)),
            ("hf_", Token(SecretKinds.HuggingFace, 3, Chars.Letters, 30, 40, mixedCase: true)),
            ("r8_", Token(SecretKinds.Replicate, 3, Chars.Alnum, 30, 50)),
            ("csk-", Token(SecretKinds.Cerebras, 4, Chars.Alnum, 40, 80)),
            ("github_pat_", Token(SecretKinds.GitHub, 11, Chars.Base64Url, 60, 120)),
            ("npm_", Token(SecretKinds.Npm, 4, Chars.Alnum, 36, 36, Formats.Checksums.Crc32Base62Tail)),
            ("GOCSPX-", Token(SecretKinds.GcpClientSecret, 7, Chars.Base64Url, 24, 40)),
            ("ya29.", Token(SecretKinds.GoogleOAuth, 5, Chars.Base64Url, 20, 2048)),
            ("xapp-", Token(SecretKinds.SlackApp, 5, SlackChars, 20, 200)),
            ("xox", Slack),
            ("hooks.slack.com/services/", SlackWebhook),
            (":A", Telegram),
            ("-----BEGIN ", PrivateKeyBlock.Detect),
            ("eyJ", Jwt),
            ("://", UrlPassword.Detect),
            ("SG.", SendGrid),
            ("Q~", AzureClientSecret),
            ("AccountKey=", AssignedKey(11, 80, 90)),
            ("SharedAccessKey=", AssignedKey(16, 40, 48)),
        };
        foreach (var format in Formats.ProviderFormats.All)
        {
            table.Add((format.Anchor, format.Detect));
        }

        // A Discord token opens with the base64 of a numeric user id, so its first two characters are few.
        foreach (var pair in new[] { "MT", "Mj", "Mz", "ND", "NT", "Nj", "Nz", "OD", "OT" })
        {
            table.Add((pair, Discord));
        }

        // Longer anchors first, so "sk-ant-" is tried before "sk-".
        return [.. table.OrderByDescending(t => t.Item1.Length)];
    }

    /// <summary>Prefix, then a run of <paramref name="body"/> characters of a bounded length (in both cases, where <paramref name="mixedCase"/>).</summary>
    private static Detector Token(string kind, int prefixLength, SearchValues<char> body, int min, int max, Func<ReadOnlySpan<char>, bool>? checksum = null, bool mixedCase = false) => (text, at, sink) =>
    {
        if (!Chars.BoundaryBefore(text, at))
        {
            return -1;
        }

        var length = Chars.Run(text, at + prefixLength, body);
        if (length < min || length > max || !Chars.BoundaryAfter(text, at + prefixLength + length) && !EndsInPunctuation(body, text, at + prefixLength + length))
        {
            return -1;
        }

        var value = text.Slice(at + prefixLength, length);
        // A token of random letters mixes cases; one case all through is a word run (hf_servingcellpriority…).
        if (ValueHeuristics.IsPlaceholder(value) || ValueHeuristics.DistinctChars(value) < Math.Min(8, min / 2)
            || ValueHeuristics.IsKnownExample(text.Slice(at, prefixLength + length))
            || (mixedCase && (!value.ContainsAnyInRange('a', 'z') || !value.ContainsAnyInRange('A', 'Z'))))
        {
            return -1;
        }

        var match = new SecretMatch(at, prefixLength + length, kind);
        sink.Add(checksum is null ? match : match with { ChecksumValid = checksum(text.Slice(at, prefixLength + length)) });
        return at + prefixLength + length;
    };

    // A run of alphanumerics stopped by '-' or '_' is still a whole token when those are not part of its alphabet.
    private static bool EndsInPunctuation(SearchValues<char> body, ReadOnlySpan<char> text, int index) =>
        index < text.Length && !body.Contains(text[index]) && !char.IsAsciiLetterOrDigit(text[index]);

    private static bool HasDigitAndLetter(ReadOnlySpan<char> value) =>
        value.ContainsAny(Chars.Digits) && value.ContainsAny(Chars.Letters);

    /// <summary>Whether the line around <paramref name="at"/> names a provider (for keys whose format several share).</summary>
    internal static bool LineMentions(ReadOnlySpan<char> text, int at, params string[] words)
    {
        var from = Math.Max(0, at - 160);
        var lineStart = text[from..at].LastIndexOf('\n');
        var start = lineStart < 0 ? from : from + lineStart + 1;
        var to = Math.Min(text.Length, at + 200);
        var lineEnd = text[at..to].IndexOf('\n');
        var line = text[start..(lineEnd < 0 ? to : at + lineEnd)];
        foreach (var word in words)
        {
            if (line.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
