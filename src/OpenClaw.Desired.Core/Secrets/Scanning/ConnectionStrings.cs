using System.Buffers;
using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Secrets.Scanning;

/// <summary>
/// The password of an ADO.NET, ODBC, OLE DB or libpq key/value connection string
/// (<c>Server=db;User ID=app;Password=v;</c>, <c>host=db user=app password=v dbname=x</c>). Like a password in a
/// URL, it is a credential whatever its wording (<c>Password=myPassword</c> opens the database that still has it);
/// only a template, a mask or an interpolation is passed over. The string must name a server or a database beside the
/// password, so a lone <c>password=x</c> is left to the assignment rules.
/// </summary>
internal static partial class ConnectionStrings
{
    [GeneratedRegex(@"(?<![A-Za-z0-9_$@>.-])(?<k>password|pwd)[ \t]*=[ \t]*(?<v>\{[^}\r\n]{1,256}\}|'[^'\r\n]{0,256}'|[^;'""\s&`\\]{0,256})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex PasswordPair();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])(server|data source|datasource|host|hostname|address|addr|network address|database|initial catalog|dbname|dsn|driver|provider)[ \t]*=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PlaceKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])(user id|userid|user|uid|username|user name)[ \t]*=[ \t]*(?<v>[^;'""\s]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex UserPair();

    /// <summary>Longer lines (minified code, base64) are not connection strings anyone wrote by hand.</summary>
    private const int MaxLine = 4096;

    /// <summary>The words (case ignored) whose places the scanner's one pass gives <see cref="Run"/>.</summary>
    public static readonly string[] Anchors = ["pwd", "password"];

    /// <param name="starts">Where <see cref="Anchors"/> start in the text, ascending (null: nowhere).</param>
    public static void Run(ReadOnlySpan<char> text, List<int>? starts, List<SecretMatch> sink)
    {
        // Only the lines that hold an anchor are read.
        var from = 0;
        var cursor = 0;
        while (from < text.Length)
        {
            var at = Text.Needles.NextStart(starts, ref cursor, from);
            if (at < 0)
            {
                return;
            }

            var window = Math.Max(0, at - MaxLine);
            var back = text[window..at].LastIndexOf('\n');
            var lineStart = back < 0 ? window : window + back + 1;
            var lineEnd = text[at..].IndexOf('\n');
            lineEnd = lineEnd < 0 ? text.Length : at + lineEnd;
            from = lineEnd + 1;
            if ((back >= 0 || window == 0) && lineEnd - lineStart <= MaxLine)
            {
                ScanLine(text[lineStart..lineEnd].ToString(), lineStart, sink);
            }
        }
    }

    private static void ScanLine(string lineText, int offset, List<SecretMatch> sink)
    {
        foreach (Match pair in PasswordPair().Matches(lineText))
        {
            var segment = Segment(lineText, pair.Index);
            if (!PlaceKey().IsMatch(segment) || !Separated(segment))
            {
                continue;
            }

            var value = pair.Groups["v"];
            if (value.Value.StartsWith('{') && ValueHeuristics.IsTemplate(value.Value + (value.Index + value.Length < lineText.Length && lineText[value.Index + value.Length] == '}' ? "}" : string.Empty)))
            {
                continue;
            }

            var (start, length) = (value.Index, value.Length);
            if (length >= 2 && lineText[start] is '\'' or '{' && lineText[start + length - 1] is '\'' or '}')
            {
                (start, length) = (start + 1, length - 2);
            }

            var span = lineText.AsSpan(start, length);
            var user = UserPair().Match(segment);
            if (ValueHeuristics.IsTemplate(span) || span.Contains('+') && span.Contains('"') || (user.Success && ValueHeuristics.IsSlotPair(user.Groups["v"].ValueSpan, span)))
            {
                continue;
            }

            sink.Add(new SecretMatch(offset + start, length, SecretKinds.ConnectionPassword, "database_password"));
        }
    }

    /// <summary>The part of the line a connection string can span around <paramref name="at"/>: up to the nearest quote or bracket on each side, 400 characters at most.</summary>
    private static string Segment(string line, int at)
    {
        var from = Math.Max(0, at - 400);
        var back = line.AsSpan(from, at - from).LastIndexOfAny("\"`(");
        var start = back < 0 ? from : from + back + 1;
        var to = Math.Min(line.Length, at + 400);
        var forward = line.AsSpan(at, to - at).IndexOfAny("\"`)");
        var end = forward < 0 ? to : at + forward;
        return line[start..end];
    }

    /// <summary>Pairs separated the way connection strings separate them: semicolons, or (libpq) spaces between several key=value pairs.</summary>
    private static bool Separated(string segment) =>
        segment.Contains(';', StringComparison.Ordinal) || segment.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => w.Contains('=', StringComparison.Ordinal)) >= 3;
}
