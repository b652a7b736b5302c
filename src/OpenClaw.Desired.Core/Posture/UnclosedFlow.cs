namespace OpenClaw.Desired.Posture;

/// <summary>
/// Finds a flow collection (<c>{ … }</c> or <c>[ … ]</c>) left open, for the YAML parser's errors that name no place:
/// an unclosed <c>{</c> followed by a block key makes it fail without a position. Quotes and comments are skipped.
/// </summary>
internal static class UnclosedFlow
{
    /// <summary>Where the opener is, and where the text went on as if it had been closed; null when all are closed.</summary>
    public static (int Line, int Column, char Opener, int NextLine)? Find(string text)
    {
        var open = new Stack<(int Line, int Column, char Opener)>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (open.Count > 0 && StartsBlockEntry(line))
            {
                var (l, c, o) = open.Last();
                return (l, c, o, i + 1);
            }

            var quote = '\0';
            for (var j = 0; j < line.Length; j++)
            {
                var ch = line[j];
                if (quote != '\0')
                {
                    quote = ch == quote ? '\0' : quote;
                    continue;
                }

                switch (ch)
                {
                    case '"' or '\'':
                        quote = ch;
                        break;
                    case '#' when j == 0 || line[j - 1] is ' ' or '\t':
                        j = line.Length;
                        break;
                    case '{' or '[':
                        open.Push((i + 1, j + 1, ch));
                        break;
                    case '}' or ']' when open.Count > 0:
                        open.Pop();
                        break;
                }
            }
        }

        return open.Count > 0 ? (open.Last().Line, open.Last().Column, open.Last().Opener, lines.Length) : null;
    }

    /// <summary>A line that starts a block mapping entry (<c>key:</c>) or sequence item (<c>- </c>): flow content never does.</summary>
    private static bool StartsBlockEntry(string line)
    {
        var body = line.TrimStart(' ');
        if (body.Length == 0 || body[0] == '#')
        {
            return false;
        }

        if (body.StartsWith("- ", StringComparison.Ordinal))
        {
            return true;
        }

        var colon = body.IndexOf(": ", StringComparison.Ordinal);
        var end = colon >= 0 ? colon : body.EndsWith(':') ? body.Length - 1 : -1;
        return end > 0 && body[..end].All(c => char.IsLetterOrDigit(c) || c is '_' or '-' or '.');
    }
}
