using System.Buffers;

namespace OpenClaw.Desired.Secrets.Scanning;

/// <summary>Character classes of credential formats, as vectorised sets for run-length checks.</summary>
internal static class Chars
{
    public static readonly SearchValues<char> Alnum = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
    public static readonly SearchValues<char> Base64Url = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
    public static readonly SearchValues<char> Base64 = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=");
    public static readonly SearchValues<char> UpperDigit = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
    public static readonly SearchValues<char> Letters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
    public static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");
    public static readonly SearchValues<char> Azure = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_~.-");
    public static readonly SearchValues<char> Bearer = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/=");
    /// <summary>Printable ASCII but quotes and backquote: a value written after a flag or in a netrc line.</summary>
    public static readonly SearchValues<char> Printable = SearchValues.Create("!#$%&()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_abcdefghijklmnopqrstuvwxyz{|}~");

    public static readonly SearchValues<char> SlackPath = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/");

    /// <summary>Length of the run of <paramref name="set"/> characters starting at <paramref name="start"/>.</summary>
    public static int Run(ReadOnlySpan<char> text, int start, SearchValues<char> set)
    {
        if (start >= text.Length)
        {
            return 0;
        }

        var end = text[start..].IndexOfAnyExcept(set);
        return end < 0 ? text.Length - start : end;
    }

    /// <summary>Length of the run of <paramref name="set"/> characters that ends just before <paramref name="end"/>.</summary>
    public static int RunBack(ReadOnlySpan<char> text, int end, SearchValues<char> set)
    {
        if (end <= 0)
        {
            return 0;
        }

        var last = text[..end].LastIndexOfAnyExcept(set);
        return end - last - 1;
    }

    /// <summary>True when a token may start at <paramref name="index"/>: nothing word-like glued before it.</summary>
    public static bool BoundaryBefore(ReadOnlySpan<char> text, int index) =>
        index == 0 || !IsWordish(text[index - 1]);

    public static bool BoundaryAfter(ReadOnlySpan<char> text, int index) =>
        index >= text.Length || !IsWordish(text[index]);

    public static bool IsWordish(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';
}
