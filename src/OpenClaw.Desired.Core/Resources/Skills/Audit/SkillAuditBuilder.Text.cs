namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>How the builder reads a text: its sentences, sections, fenced blocks and lines.</summary>
public sealed partial class SkillAuditBuilder
{
    /// <summary>The prose line (a sentence joined from its wrapped lines) holding an offset, at most 600 characters of it.</summary>
    private static string SentenceOf(string prose, int offset)
    {
        var start = Math.Max(SentenceStart(prose, offset), offset - 300);
        var end = prose.IndexOf('\n', offset, Math.Min(300, prose.Length - offset));
        return prose[start..(end < 0 ? Math.Min(prose.Length, offset + 300) : end)];
    }

    /// <summary>Where the prose line (a sentence joined from its wrapped lines) holding an offset starts, read back at most 4 KiB.</summary>
    private static int SentenceStart(string prose, int offset)
    {
        var reach = Math.Min(4096, offset);
        var start = offset == 0 ? 0 : prose.LastIndexOf('\n', offset - 1, reach) + 1;
        return start == 0 ? offset - reach : start;
    }

    /// <summary>A document's fenced code blocks, everything else blanked (lines kept where they are); null without any.</summary>
    private static string? CodeBlocks(string text)
    {
        if (!text.Contains("```", StringComparison.Ordinal) && !text.Contains("~~~", StringComparison.Ordinal))
        {
            return null;
        }

        var fenced = Fenced(text);
        var view = text.ToCharArray();
        var line = 0;
        for (var i = 0; i < view.Length; i++)
        {
            if (view[i] == '\n')
            {
                line++;
            }
            else if (!fenced[line])
            {
                view[i] = ' ';
            }
        }

        return new string(view);
    }

    /// <summary>For each line (0-based index), how many Markdown headings precede or start it: its section.</summary>
    private static int[] Sections(string text)
    {
        var lines = text.Split('\n');
        var sections = new int[lines.Length];
        var current = 0;
        var fenced = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimStart();
            fenced ^= line.StartsWith("```", StringComparison.Ordinal);
            if (!fenced && line.StartsWith('#'))
            {
                current++;
            }

            sections[i] = current;
        }

        return sections;
    }

    /// <summary>For each line (0-based index), whether it is inside a fenced code block (the fences themselves are not).</summary>
    private static bool[] Fenced(string text)
    {
        var lines = text.Split('\n');
        var result = new bool[lines.Length];
        var inside = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimStart();
            if (line.StartsWith("```", StringComparison.Ordinal) || line.StartsWith("~~~", StringComparison.Ordinal))
            {
                inside = !inside;
                continue;
            }

            result[i] = inside;
        }

        return result;
    }

    /// <summary>
    /// For each line (0-based index), whether some of it is inside an HTML comment (<c>&lt;!-- … --&gt;</c>) outside code
    /// blocks; null when the text has no comment.
    /// </summary>
    private static bool[]? InComments(string text, bool[] fenced)
    {
        if (!text.Contains("<!--", StringComparison.Ordinal))
        {
            return null;
        }

        var lines = text.Split('\n');
        var result = new bool[lines.Length];
        var inside = false;
        for (var i = 0; i < lines.Length; i++)
        {
            if (fenced[i])
            {
                continue;
            }

            var line = lines[i];
            var hidden = inside;
            for (var at = 0; at < line.Length;)
            {
                var next = inside ? line.IndexOf("-->", at, StringComparison.Ordinal) : line.IndexOf("<!--", at, StringComparison.Ordinal);
                if (next < 0)
                {
                    break;
                }

                // Text between the marks is hidden; a comment that opens on this line hides some of it.
                hidden |= !inside && line.AsSpan(next + 4).Trim().Length > 0 || inside;
                inside = !inside;
                at = next + (inside ? 4 : 3);
            }

            result[i] = hidden;
        }

        return result;
    }

    /// <summary>Maps a character offset to its 1-based line, and a line to its text.</summary>
    private sealed class LineIndex
    {
        private readonly string _text;
        private readonly List<int> _starts = [0];

        public LineIndex(string text)
        {
            _text = text;
            for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1))
            {
                _starts.Add(i + 1);
            }
        }

        public int LineOf(int offset)
        {
            var index = _starts.BinarySearch(offset);
            return (index >= 0 ? index : ~index - 1) + 1;
        }

        public int StartOf(int line) => _starts[line - 1];

        public string TextOf(int line)
        {
            var start = _starts[line - 1];
            var end = line < _starts.Count ? _starts[line] - 1 : _text.Length;
            return _text[start..Math.Max(start, end)].TrimEnd('\r');
        }
    }
}
