namespace OpenClaw.Desired.Secrets.Scanning;

/// <summary>
/// PEM, OpenSSH and PGP private key blocks, also inside JSON strings (where line breaks are written "\n",
/// as in a Google service-account file). The match is the whole block, BEGIN to END.
/// </summary>
internal static class PrivateKeyBlock
{
    private const int MaxBlock = 64 * 1024;

    public static int Detect(ReadOnlySpan<char> text, int at, List<SecretMatch> sink)
    {
        var labelStart = at + "-----BEGIN ".Length;
        var labelEnd = IndexWithin(text, labelStart, "-----", 64);
        if (labelEnd < 0)
        {
            return -1;
        }

        var label = text[labelStart..labelEnd];
        if (!label.EndsWith("PRIVATE KEY") && !label.SequenceEqual("PGP PRIVATE KEY BLOCK"))
        {
            return -1;
        }

        var bodyStart = labelEnd + 5;
        var end = IndexWithin(text, bodyStart, "-----END ", MaxBlock);
        if (end < 0)
        {
            return -1;
        }

        var closing = IndexWithin(text, end + "-----END ".Length, "-----", 64);
        // A body of one or two characters repeated ("XXXX…") is a placeholder shaped like a key; key material uses most of base64.
        if (closing < 0 || CountBase64(text[bodyStart..end]) < 64 || ValueHeuristics.DistinctChars(text[bodyStart..end]) < 16)
        {
            return -1;
        }

        var stop = closing + 5;
        sink.Add(new SecretMatch(at, stop - at, SecretKinds.PrivateKey));
        return stop;
    }

    private static int IndexWithin(ReadOnlySpan<char> text, int from, string what, int limit)
    {
        if (from >= text.Length)
        {
            return -1;
        }

        var window = text[from..Math.Min(text.Length, from + limit)];
        var index = window.IndexOf(what, StringComparison.Ordinal);
        return index < 0 ? -1 : from + index;
    }

    private static int CountBase64(ReadOnlySpan<char> body)
    {
        var count = 0;
        foreach (var c in body)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '+' or '/')
            {
                count++;
            }
        }

        return count;
    }
}
