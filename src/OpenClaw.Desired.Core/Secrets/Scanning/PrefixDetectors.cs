using System.Buffers;

namespace OpenClaw.Desired.Secrets.Scanning;

/// <summary>
/// Credentials with a recognisable literal in them (<c>sk-ant-</c>, <c>ghp_</c>, <c>:AA</c>, <c>-----BEGIN</c>…).
/// One vectorised search finds every anchor in a single pass; only there is the format checked, so the cost
/// is a memory scan plus a little work per hit, not one regular expression per format over the whole text.
/// </summary>
internal static class PrefixDetectors
{
    /// <summary>Checks a hit at <c>at</c>; adds a match and returns where scanning may go on, or -1.</summary>
    private delegate int Detector(ReadOnlySpan<char> text, int at, List<SecretMatch> sink);

    // Declared before the table: static fields initialise in order, and the table's detectors use it.
    private static readonly SearchValues<char> SlackChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-");

    private static readonly (string Anchor, Detector Detect)[] Table = Build();

    private const int GroupSize = 16;

    /// <summary>
    /// The anchors in groups of at most <see cref="GroupSize"/>, one vectorised search each: past a few dozen
    /// needles .NET's multi-string search leaves its vectorised (Teddy) path and slows tenfold, so several
    /// fast passes beat one slow one.
    /// </summary>
    private static readonly (SearchValues<string> Anchors, (string Anchor, Detector Detect)[] Table)[] Groups = Group(Table);

    public static void Run(ReadOnlySpan<char> text, List<SecretMatch> sink)
    {
        var before = sink.Count;
        foreach (var (anchors, table) in Groups)
        {
            RunGroup(text, anchors, table, sink);
        }

        if (sink.Count - before > 1)
        {
            DropOverlaps(sink, before);
        }
    }

    private static void RunGroup(ReadOnlySpan<char> text, SearchValues<string> anchors, (string Anchor, Detector Detect)[] table, List<SecretMatch> sink)
    {
        var offset = 0;
        while (offset < text.Length)
        {
            var found = text[offset..].IndexOfAny(anchors);
            if (found < 0)
            {
                return;
            }

            var at = offset + found;
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

    private static (SearchValues<string>, (string, Detector)[])[] Group((string Anchor, Detector Detect)[] table) =>
        table.OrderBy(t => t.Anchor, StringComparer.Ordinal)
            .Select((entry, index) => (entry, index))
            .GroupBy(x => x.index / GroupSize, x => x.entry)
            .Select(g =>
            {
                // Within a group, longer anchors first, so "sk-ant-" is tried before "sk-".
                var entries = g.OrderByDescending(e => e.Anchor.Length).ToArray();
                return (SearchValues.Create(entries.Select(e => e.Anchor).Distinct().ToArray(), StringComparison.Ordinal), entries);
            })
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
            ("hf_", Token(SecretKinds.HuggingFace, 3, Chars.Letters, 30, 40)),
            ("r8_", Token(SecretKinds.Replicate, 3, Chars.Alnum, 30, 50)),
            ("csk-", Token(SecretKinds.Cerebras, 4, Chars.Alnum, 40, 80)),
            ("github_pat_", Token(SecretKinds.GitHub, 11, Chars.Base64Url, 60, 120)),
            ("glpat-", Token(SecretKinds.GitLab, 6, Chars.Base64Url, 20, 80)),
            ("glptt-", Token(SecretKinds.GitLab, 6, Chars.Base64Url, 20, 80)),
            ("gldt-", Token(SecretKinds.GitLab, 5, Chars.Base64Url, 20, 80)),
            ("glrt-", Token(SecretKinds.GitLab, 5, Chars.Base64Url, 20, 80)),
            ("npm_", Token(SecretKinds.Npm, 4, Chars.Alnum, 36, 36)),
            ("GOCSPX-", Token(SecretKinds.GcpClientSecret, 7, Chars.Base64Url, 24, 40)),
            ("ya29.", Token(SecretKinds.GoogleOAuth, 5, Chars.Base64Url, 20, 2048)),
            ("xapp-", Token(SecretKinds.SlackApp, 5, SlackChars, 20, 200)),
            ("xox", Slack),
            ("hooks.slack.com/services/", SlackWebhook),
            (":AA", Telegram),
            ("-----BEGIN ", PrivateKeyBlock.Detect),
            ("eyJ", Jwt),
            ("://", UrlPassword.Detect),
            ("SG.", SendGrid),
            ("Q~", AzureClientSecret),
            ("AccountKey=", AssignedKey(11, 80, 90)),
            ("SharedAccessKey=", AssignedKey(16, 40, 48)),
        };
        foreach (var prefix in new[] { "ghp_", "ghu_", "ghs_", "ghr_" })
        {
            table.Add((prefix, Token(SecretKinds.GitHub, 4, Chars.Alnum, 30, 60)));
        }

        table.Add(("gho_", Token(SecretKinds.GitHubOAuth, 4, Chars.Alnum, 30, 60)));
        foreach (var prefix in new[] { "AKIA", "ASIA", "ABIA", "ACCA" })
        {
            table.Add((prefix, Token(SecretKinds.AwsAccessKeyId, 4, Chars.UpperDigit, 16, 16)));
        }

        // A Discord token opens with the base64 of a numeric user id, so its first two characters are few.
        foreach (var pair in new[] { "MT", "Mj", "Mz", "ND", "NT", "Nj", "Nz", "OD", "OT" })
        {
            table.Add((pair, Discord));
        }

        // Longer anchors first, so "sk-ant-" is tried before "sk-".
        return [.. table.OrderByDescending(t => t.Item1.Length)];
    }

    /// <summary>Prefix, then a run of <paramref name="body"/> characters of a bounded length.</summary>
    private static Detector Token(string kind, int prefixLength, SearchValues<char> body, int min, int max) => (text, at, sink) =>
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
        if (ValueHeuristics.IsPlaceholder(value) || ValueHeuristics.DistinctChars(value) < Math.Min(8, min / 2))
        {
            return -1;
        }

        sink.Add(new SecretMatch(at, prefixLength + length, kind));
        return at + prefixLength + length;
    };

    // A run of alphanumerics stopped by '-' or '_' is still a whole token when those are not part of its alphabet.
    private static bool EndsInPunctuation(SearchValues<char> body, ReadOnlySpan<char> text, int index) =>
        index < text.Length && !body.Contains(text[index]) && !char.IsAsciiLetterOrDigit(text[index]);

    /// <summary>sk- followed by alphanumerics: OpenAI's legacy keys (with T3BlbkFJ) and OpenAI-compatible APIs.</summary>
    private static int GenericSk(ReadOnlySpan<char> text, int at, List<SecretMatch> sink)
    {
        if (!Chars.BoundaryBefore(text, at))
        {
            return -1;
        }

        var length = Chars.Run(text, at + 3, Chars.Alnum);
        if (length < 20)
        {
            return -1;
        }

        // Newer formats continue with - and _; take the whole token.
        length = Chars.Run(text, at + 3, Chars.Base64Url);
        var value = text.Slice(at + 3, length);
        if (length > 300 || ValueHeuristics.IsPlaceholder(value) || ValueHeuristics.DistinctChars(value) < 10 || !HasDigitAndLetter(value))
        {
            return -1;
        }

        var kind = value.Contains("T3BlbkFJ", StringComparison.Ordinal) ? SecretKinds.OpenAi : LineMentions(text, at, "moonshot", "kimi") ? SecretKinds.Moonshot : SecretKinds.OpenAiCompatible;
        sink.Add(new SecretMatch(at, 3 + length, kind));
        return at + 3 + length;
    }

    private static int Slack(ReadOnlySpan<char> text, int at, List<SecretMatch> sink)
    {
        if (!Chars.BoundaryBefore(text, at) || at + 5 > text.Length || text[at + 4] != '-')
        {
            return -1;
        }

        var kind = text[at + 3] switch
        {
            'b' => SecretKinds.SlackBot,
            'p' or 'a' or 'o' or 's' or 'r' or 'e' => SecretKinds.SlackUser,
            _ => null,
        };
        var length = Chars.Run(text, at + 5, SlackChars);
        if (kind is null || length < 15 || length > 250 || ValueHeuristics.IsPlaceholder(text.Slice(at + 5, length)) || !HasDigitAndLetter(text.Slice(at + 5, length)))
        {
            return -1;
        }

        sink.Add(new SecretMatch(at, 5 + length, kind));
        return at + 5 + length;
    }

    private static int SlackWebhook(ReadOnlySpan<char> text, int at, List<SecretMatch> sink)
    {
        var start = at + "hooks.slack.com/services/".Length;
        var length = Chars.Run(text, start, Chars.SlackPath);
        var path = text.Slice(start, length);
        if (length < 30 || path.Count('/') != 2 || path[0] != 'T' || ValueHeuristics.IsPlaceholder(path))
        {
            return -1;
        }

        sink.Add(new SecretMatch(start, length, SecretKinds.SlackWebhook));
        return start + length;
    }

    /// <summary>digits ':' "AA" base64url — the bot id before the colon may follow "/bot" in an API URL.</summary>
    private static int Telegram(ReadOnlySpan<char> text, int at, List<SecretMatch> sink)
    {
        var digits = Chars.RunBack(text, at, Chars.Digits);
        var start = at - digits;
        var gluedToBot = start >= 4 && text[(start - 3)..start].SequenceEqual("bot") && text[start - 4] == '/';
        if (digits is < 6 or > 12 || (!Chars.BoundaryBefore(text, start) && !gluedToBot))
        {
            return -1;
        }

        var length = Chars.Run(text, at + 3, Chars.Base64Url);
        if (length is < 30 or > 40 || ValueHeuristics.IsPlaceholder(text.Slice(at + 3, length)))
        {
            return -1;
        }

        sink.Add(new SecretMatch(start, digits + 3 + length, SecretKinds.Telegram));
        return at + 3 + length;
    }

    /// <summary>base64(user id) '.' timestamp '.' HMAC.</summary>
    private static int Discord(ReadOnlySpan<char> text, int at, List<SecretMatch> sink)
    {
        if (at > 0 && (Chars.IsWordish(text[at - 1]) || text[at - 1] is '.' or '+' or '/'))
        {
            return -1;
        }

        var first = Chars.Run(text, at, Chars.Alnum);
        if (first is < 22 or > 28 || at + first >= text.Length || text[at + first] != '.')
        {
            return -1;
        }

        var second = Chars.Run(text, at + first + 1, Chars.Base64Url);
        var thirdStart = at + first + 1 + second + 1;
        if (second is < 5 or > 7 || thirdStart > text.Length || text[thirdStart - 1] != '.')
        {
            return -1;
        }

        var third = Chars.Run(text, thirdStart, Chars.Base64Url);
        if (third is < 25 or > 40 || (thirdStart + third < text.Length && text[thirdStart + third] is '.'))
        {
            return -1;
        }

        sink.Add(new SecretMatch(at, thirdStart + third - at, SecretKinds.Discord));
        return thirdStart + third;
    }

    private static int Jwt(ReadOnlySpan<char> text, int at, List<SecretMatch> sink)
    {
        if (!Chars.BoundaryBefore(text, at) || (at > 0 && text[at - 1] == '.'))
        {
            return -1;
        }

        var header = Chars.Run(text, at, Chars.Base64Url);
        if (header < 10 || at + header >= text.Length || text[at + header] != '.')
        {
            return -1;
        }

        var payloadStart = at + header + 1;
        var payload = Chars.Run(text, payloadStart, Chars.Base64Url);
        var signatureStart = payloadStart + payload + 1;
        if (payload < 10 || !text[payloadStart..].StartsWith("eyJ") || signatureStart > text.Length || text[signatureStart - 1] != '.')
        {
            return -1;
        }

        var signature = Chars.Run(text, signatureStart, Chars.Base64Url);
        if (signature < 16)
        {
            return -1;
        }

        sink.Add(new SecretMatch(at, signatureStart + signature - at, SecretKinds.Jwt));
        return signatureStart + signature;
    }

    private static int SendGrid(ReadOnlySpan<char> text, int at, List<SecretMatch> sink)
    {
        if (!Chars.BoundaryBefore(text, at))
        {
            return -1;
        }

        var first = Chars.Run(text, at + 3, Chars.Base64Url);
        var secondStart = at + 3 + first + 1;
        if (first is < 16 or > 32 || secondStart > text.Length || text[secondStart - 1] != '.')
        {
            return -1;
        }

        var second = Chars.Run(text, secondStart, Chars.Base64Url);
        if (second is < 30 or > 60)
        {
            return -1;
        }

        sink.Add(new SecretMatch(at, secondStart + second - at, SecretKinds.SendGrid));
        return secondStart + second;
    }

    /// <summary>Azure AD client secrets carry "Q~" after three characters and a digit.</summary>
    private static int AzureClientSecret(ReadOnlySpan<char> text, int at, List<SecretMatch> sink)
    {
        var start = at - 4;
        if (start < 0 || !char.IsAsciiDigit(text[at - 1]) || Chars.RunBack(text, at - 1, Chars.Azure) < 3 || (start > 0 && Chars.Azure.Contains(text[start - 1])))
        {
            return -1;
        }

        var length = Chars.Run(text, at + 2, Chars.Azure);
        if (length is < 30 or > 36 || ValueHeuristics.IsPlaceholder(text.Slice(at + 2, length)))
        {
            return -1;
        }

        sink.Add(new SecretMatch(start, 6 + length, SecretKinds.AzureClientSecret));
        return at + 2 + length;
    }

    /// <summary>Connection-string keys: <c>AccountKey=base64</c>; the match is the value only.</summary>
    private static Detector AssignedKey(int nameLength, int min, int max) => (text, at, sink) =>
    {
        var start = at + nameLength;
        var length = Chars.Run(text, start, Chars.Base64);
        if (length < min || length > max || ValueHeuristics.Entropy(text.Slice(start, length)) < 4.0)
        {
            return -1;
        }

        sink.Add(new SecretMatch(start, length, SecretKinds.AzureStorageKey));
        return start + length;
    };

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
