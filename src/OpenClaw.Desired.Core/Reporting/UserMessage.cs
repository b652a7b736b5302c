using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Reporting;

/// <summary>
/// Words for people from an exception: what went wrong in plain terms, never a .NET type name, a stack frame or
/// the name of a temp file the tool made. Our own exceptions already speak plainly and pass through.
/// </summary>
public static partial class UserMessage
{
    [GeneratedRegex(@"\.(?<leaf>[^/\s'""]+?)\.(?:ocd-)?tmp-[0-9a-fA-F]{8,}")]
    private static partial Regex TempName();

    [GeneratedRegex(@"\b(?:System|Microsoft|Newtonsoft|YamlDotNet|LibGit2Sharp|Docker)\.[A-Za-z0-9_.`]+")]
    private static partial Regex TypeName();

    [GeneratedRegex(@"Cannot parse argument '(?<value>.*)' for option '(?<option>[^']+)' as expected type '(?<type>[^']+)'")]
    private static partial Regex ParseFailure();

    public static string Of(Exception e) => e switch
    {
        _ when ParseFailure().Match(e.Message) is { Success: true } m =>
            $"{m.Groups["option"].Value}: '{m.Groups["value"].Value}' is not {Expected(m.Groups["type"].Value)}",
        AggregateException { InnerExceptions.Count: 1 } aggregate => Of(aggregate.InnerExceptions[0]),
        UnauthorizedAccessException => Clean($"permission denied{PathIn(e.Message)}"),
        FileNotFoundException f => Clean($"no such file{(f.FileName is { } name ? ": " + name : PathIn(e.Message))}"),
        DirectoryNotFoundException => Clean($"no such folder{PathIn(e.Message)}"),
        PathTooLongException => "a path is too long",
        HttpRequestException { InnerException: SocketException socket } => $"the connection failed ({socket.SocketErrorCode})",
        HttpRequestException => "the HTTP request failed",
        TaskCanceledException or TimeoutException => "it timed out",
        OutOfMemoryException => "out of memory",
        SocketException socket => $"the connection failed ({socket.SocketErrorCode})",
        IOException => Clean(e.Message.TrimEnd('.')),
        // Programming errors speak .NET, not the user's language: say what it means for them.
        NullReferenceException or IndexOutOfRangeException or InvalidCastException or KeyNotFoundException or ObjectDisposedException or StackOverflowException
            => "an internal error stopped this step (please report it)",
        _ => Clean(e.Message.TrimEnd('.')),
    };

    /// <summary>A command-line parse error in plain words: a value that does not convert names what was expected instead of a .NET type.</summary>
    public static string OfParseError(string message) =>
        ParseFailure().Match(message) is { Success: true } m
            ? $"{m.Groups["option"].Value}: '{m.Groups["value"].Value}' is not {Expected(m.Groups["type"].Value)}"
            : Clean(message.Replace("\n\t", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal));

    private static string Expected(string type) => type switch
    {
        "System.Int32" or "System.Int64" or "System.UInt32" => "a whole number",
        "System.Double" or "System.Decimal" => "a number",
        "System.Boolean" => "true or false",
        _ => "a value of the right form",
    };

    /// <summary>Removes temp-file names (back to the file they stand for) and .NET type names from a message.</summary>
    public static string Clean(string message) =>
        TypeName().Replace(TempName().Replace(message, m => m.Groups["leaf"].Value), "value");

    private static string PathIn(string message)
    {
        var start = message.IndexOf('\'', StringComparison.Ordinal);
        var end = start < 0 ? -1 : message.IndexOf('\'', start + 1);
        return end > start ? ": " + message[(start + 1)..end] : string.Empty;
    }
}
