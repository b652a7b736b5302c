namespace OpenClaw.Desired.OpenClaw;

/// <summary>Line arithmetic on JSON5 text: where lines start and end, what indents them, what trails a value.</summary>
internal static class Json5Text
{
    public static int LineStart(string text, int offset)
    {
        var i = offset;
        while (i > 0 && !Json5Reader.IsLineTerminator(text[i - 1]))
        {
            i--;
        }

        return i;
    }

    /// <summary>The spaces and tabs that open the line holding <paramref name="offset"/>.</summary>
    public static string LineIndent(string text, int offset)
    {
        var start = LineStart(text, offset);
        var end = start;
        while (end < text.Length && text[end] is ' ' or '\t')
        {
            end++;
        }

        return text[start..end];
    }

    /// <summary>Only spaces and tabs stand before <paramref name="offset"/> on its line.</summary>
    public static bool StartsLine(string text, int offset)
    {
        for (var i = offset - 1; i >= 0 && !Json5Reader.IsLineTerminator(text[i]); i--)
        {
            if (text[i] is not (' ' or '\t'))
            {
                return false;
            }
        }

        return true;
    }

    public static bool SingleLine(string text, Json5Syntax node)
    {
        for (var i = node.Start; i < node.End; i++)
        {
            if (Json5Reader.IsLineTerminator(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// From <paramref name="offset"/>, skips spaces, tabs and one comment that ends on the same line; returns the
    /// offset of the line terminator that follows, or -1 when something else comes first on that line.
    /// </summary>
    public static int RestOfLine(string text, int offset)
    {
        var i = SkipBlanks(text, offset);
        if (i + 1 < text.Length && text[i] == '/' && text[i + 1] == '/')
        {
            while (i < text.Length && !Json5Reader.IsLineTerminator(text[i]))
            {
                i++;
            }
        }
        else if (i + 1 < text.Length && text[i] == '/' && text[i + 1] == '*')
        {
            var close = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
            if (close < 0 || text.AsSpan(i, close - i).IndexOfAny('\n', '\r') >= 0)
            {
                return -1;
            }

            i = SkipBlanks(text, close + 2);
        }

        return i < text.Length && Json5Reader.IsLineTerminator(text[i]) ? i : -1;
    }

    /// <summary>The length of the line terminator at <paramref name="offset"/> (2 for CR LF).</summary>
    public static int TerminatorLength(string text, int offset) =>
        text[offset] == '\r' && offset + 1 < text.Length && text[offset + 1] == '\n' ? 2 : 1;

    private static int SkipBlanks(string text, int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }

        return i;
    }
}
