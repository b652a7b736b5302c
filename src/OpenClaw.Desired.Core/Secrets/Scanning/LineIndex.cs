namespace OpenClaw.Desired.Secrets.Scanning;

/// <summary>Maps character offsets to 1-based line and column, counting line breaks once, lazily.</summary>
internal sealed class LineIndex(string text)
{
    private List<int>? _starts;

    public (int Line, int Column) Position(int offset)
    {
        _starts ??= Starts(text);
        var index = _starts.BinarySearch(offset);
        var line = index >= 0 ? index : ~index - 1;
        return (line + 1, offset - _starts[line] + 1);
    }

    private static List<int> Starts(string text)
    {
        var starts = new List<int> { 0 };
        var span = text.AsSpan();
        var at = 0;
        while (true)
        {
            var next = span[at..].IndexOf('\n');
            if (next < 0)
            {
                return starts;
            }

            at += next + 1;
            starts.Add(at);
        }
    }
}
