namespace OpenClaw.Desired.Secrets.Scanning;

/// <summary>The formats whose shape is more than a prefix and a run: each checks its own structure at its anchor.</summary>
internal static partial class PrefixDetectors
{
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

        var kind = value.Contains("T3BlbkFJ", StringComparison.Ordinal) ? SecretKinds.OpenAi
            : LineMentions(text, at, "moonshot", "kimi") ? SecretKinds.Moonshot
            : length == 32 && !value.ContainsAnyExcept("0123456789abcdef") && LineMentions(text, at, "deepseek") ? "deepseek-api-key"
            : SecretKinds.OpenAiCompatible;
        sink.Add(new SecretMatch(at, 3 + length, kind));
        return at + 3 + length;
    }

    /// <summary>
    /// xox[bpaeors]- tokens. User, legacy and refresh tokens (p, e, o, s) open with a team or user id of six digits or more;
    /// legacy workspace tokens (a, r) may be short. A Slack configuration token (xoxe.xoxp-) has a row of its own.
    /// </summary>
    private static int Slack(ReadOnlySpan<char> text, int at, List<SecretMatch> sink)
    {
        if (!Chars.BoundaryBefore(text, at) || at + 5 > text.Length || text[at + 4] != '-' || (at >= 5 && text[(at - 5)..at].SequenceEqual("xoxe.")))
        {
            return -1;
        }

        var type = text[at + 3];
        var kind = type switch
        {
            'b' => SecretKinds.SlackBot,
            'p' or 'a' or 'o' or 's' or 'r' or 'e' => SecretKinds.SlackUser,
            _ => null,
        };
        var length = Chars.Run(text, at + 5, SlackChars);
        var body = text.Slice(at + 5, length);
        var workspace = type is 'a' or 'r';
        if (kind is null || length < (workspace ? 10 : 15) || length > 250 || ValueHeuristics.IsPlaceholder(body))
        {
            return -1;
        }

        var plausible = workspace
            ? ValueHeuristics.CharClasses(body) >= 2 && ValueHeuristics.DistinctChars(body) >= 8
            : HasDigitAndLetter(body) && (type is 'b' || Chars.Run(body, 0, Chars.Digits) >= 6);
        if (!plausible)
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

    /// <summary>What a random Telegram secret holds and a run of glued words does not: a digit, '-' or '_'.</summary>
    private static readonly System.Buffers.SearchValues<char> TelegramRandom = System.Buffers.SearchValues.Create("0123456789-_");

    /// <summary>
    /// The bot id (digits), ':', then base64url characters, the first an 'A' (35 as issued; 32 to 42 taken) — the bot id may follow "/bot" in an API
    /// URL. A bot id of fewer than five or more than sixteen digits is not one.
    /// </summary>
    private static int Telegram(ReadOnlySpan<char> text, int at, List<SecretMatch> sink)
    {
        var digits = Chars.RunBack(text, at, Chars.Digits);
        var start = at - digits;
        var gluedToBot = start >= 4 && text[(start - 3)..start].SequenceEqual("bot") && text[start - 4] == '/';
        if (digits is < 5 or > 16 || (!Chars.BoundaryBefore(text, start) && !gluedToBot))
        {
            return -1;
        }

        var length = Chars.Run(text, at + 1, Chars.Base64Url);
        var secret = text.Slice(at + 1, length);
        // Issued secrets are random: a run of words glued together (a log's "482131:AsyncTaskSchedulerQueueDrained") has no digit, dash or underscore.
        if (length is < 32 or > 42 || ValueHeuristics.IsPlaceholder(secret) || ValueHeuristics.DistinctChars(secret) < 12 || !secret.ContainsAny(TelegramRandom))
        {
            return -1;
        }

        sink.Add(new SecretMatch(start, digits + 1 + length, SecretKinds.Telegram));
        return at + 1 + length;
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
        if (signature < 16 || !Formats.Structure.IsJsonObject(text.Slice(at, header)) || ValueHeuristics.IsKnownExample(text[at..(signatureStart + signature)]))
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
        if (length < min || length > max || ValueHeuristics.Entropy(text.Slice(start, length)) < 4.0 || ValueHeuristics.IsKnownExample(text.Slice(start, length)))
        {
            return -1;
        }

        sink.Add(new SecretMatch(start, length, SecretKinds.AzureStorageKey));
        return start + length;
    };
}
