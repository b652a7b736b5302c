using System.Buffers;

namespace OpenClaw.Desired.Secrets.Scanning;

/// <summary>
/// <c>NAME=value command …</c>: an environment assignment in front of a command, as shell scripts, Dockerfile RUN
/// lines, Makefile recipes, cron lines and README code blocks write it (<c>PGPASSWORD=v psql -h db</c>,
/// <c>env GITHUB_TOKEN=v gh …</c>, <c>sudo -E OPENAI_API_KEY=v ./run</c>), and systemd's <c>Environment=NAME=v</c>.
/// The value is the one shell word after <c>=</c>, a literal unless it expands (<c>$VAR</c>, <c>$(…)</c>, backquotes).
/// </summary>
internal static partial class AssignmentDetector
{
    /// <summary>What may stand before the assignments on a command's line.</summary>
    private enum Launch
    {
        /// <summary>Not a command's line.</summary>
        None,

        /// <summary>Nothing (or only other assignments) before the name: a command must follow the value.</summary>
        LineStart,

        /// <summary>A launcher (<c>env</c>, <c>sudo</c>, <c>RUN</c>), a command separator, a cron schedule or systemd's <c>Environment=</c>.</summary>
        Explicit,

        /// <summary>systemd's <c>Environment="NAME=value …"</c>: the value ends at a blank or the closing quote.</summary>
        QuotedUnit,
    }

    /// <summary>Where a shell word ends: blanks, the end of the line, a command separator, the end of inline code.</summary>
    private static readonly SearchValues<char> ShellWordEnd = SearchValues.Create(" \t\r\n;&|`");

    /// <summary>Characters that make a shell word expand, quote or redirect: what follows is not a literal.</summary>
    private static readonly SearchValues<char> ShellSpecial = SearchValues.Create("\"'\\$(){}<>");

    /// <summary>Commands that run the next command with the environment given before it.</summary>
    private static readonly HashSet<string> Launchers = new(StringComparer.Ordinal) { "env", "sudo", "doas", "exec", "nohup", "time", "command", "RUN" };

    /// <summary>Tokens after which a new command starts: separators, a shell prompt, a comment mark, a CI step's <c>run:</c>.</summary>
    private static readonly HashSet<string> CommandStarts = new(StringComparer.Ordinal) { "&&", "||", ";", "|", "(", "{", "$", "#", ">", "-", "then", "do", "else", "run:", "command:", "RUN" };

    /// <summary>Words that continue an expression, not a command: <c>password=pw if x else y</c>.</summary>
    private static readonly HashSet<string> ExpressionWords = new(StringComparer.Ordinal)
    {
        "if", "else", "or", "and", "not", "in", "is", "for", "then", "with", "as", "from", "import", "return", "instanceof", "typeof",
    };

    /// <summary>
    /// The value of <c>NAME=value</c> (no blank around <c>=</c>, unquoted at <paramref name="i"/>) read as a command's
    /// environment: its start and length, or a length of 0 when the line does not read as a command with its environment.
    /// </summary>
    private static (int Start, int Length) ShellValue(ReadOnlySpan<char> text, int left, int i)
    {
        var launch = LaunchBefore(text, left);
        if (launch == Launch.None || i >= text.Length)
        {
            return (i, 0);
        }

        var window = text[i..Math.Min(text.Length, i + 1024)];
        var end = window.IndexOfAny(ShellWordEnd);
        var length = end < 0 ? window.Length : end;
        if (launch == Launch.QuotedUnit && window[..length].IndexOf('"') is var quote && quote >= 0)
        {
            length = quote;
        }

        // A word ending in a comma is an argument in code (password=pw_hash, user=name), not a shell word.
        if (length == 0 || text.Slice(i, length).ContainsAny(ShellSpecial) || text[i + length - 1] == ',')
        {
            return (i, 0);
        }

        return launch != Launch.LineStart || IsCommandNext(text, i + length) ? (i, length) : (i, 0);
    }

    /// <summary>What the line holds before the name at <paramref name="left"/>, read as the start of a command.</summary>
    private static Launch LaunchBefore(ReadOnlySpan<char> text, int left)
    {
        // A command's start is near: a long line (a session log's) is read back only so far.
        var from = Math.Max(0, left - 256);
        var lineStart = from + text[from..left].LastIndexOf('\n') + 1;
        var cut = lineStart == from && from > 0;
        var before = text[lineStart..left];
        var blank = before.LastIndexOfAny(' ', '\t');
        var glued = before[(blank + 1)..];
        if (glued.SequenceEqual("Environment=") || glued.SequenceEqual("Environment=\""))
        {
            // systemd: Environment=NAME=value, or quoted, on the unit's line of its own.
            return blank >= 0 || cut ? Launch.None : glued[^1] == '"' ? Launch.QuotedUnit : Launch.Explicit;
        }

        if (glued.SequenceEqual("--env=") && ContainerRun(before[..(blank + 1)]))
        {
            // docker run --env=NAME=value image
            return Launch.Explicit;
        }

        if (glued.SequenceEqual("`"))
        {
            // Inline code in prose: the command starts at the backquote.
            return Launch.LineStart;
        }

        if (!glued.IsEmpty)
        {
            return Launch.None;
        }

        var tokens = before.ToString().Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length > 0 && tokens[^1] is "-e" or "--env" && ContainerRun(before))
        {
            // docker run -e NAME=value image: the container's environment, given on the command's line.
            return Launch.Explicit;
        }

        var start = Array.FindLastIndex(tokens, t => CommandStarts.Contains(t) || t.EndsWith(';') || t.EndsWith("&&", StringComparison.Ordinal)) + 1;
        if (cut && start == 0)
        {
            return Launch.None;
        }

        start = Math.Max(start, cut ? 0 : CronFields(tokens));
        var launched = start > 0;
        for (var k = start; k < tokens.Length; k++)
        {
            var token = tokens[k];
            if (Launchers.Contains(token))
            {
                launched = true;
            }
            else if (!IsShellAssignment(token) && !(launched && (token[0] == '-' || tokens[k - 1][0] == '-')))
            {
                // Only a launcher's flags (sudo -E, sudo -u postgres, env -i) and other assignments may come between.
                return Launch.None;
            }
        }

        return launched ? Launch.Explicit : Launch.LineStart;
    }

    /// <summary>A container engine's command that gives a container its environment: <c>docker run</c>, <c>podman create</c>, <c>docker compose run</c>, <c>nerdctl exec</c>.</summary>
    private static bool ContainerRun(ReadOnlySpan<char> before)
    {
        var tokens = before.ToString().Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var engine = Array.FindLastIndex(tokens, t => t is "docker" or "podman" or "nerdctl" or "finch" || t.EndsWith("/docker", StringComparison.Ordinal) || t.EndsWith("/podman", StringComparison.Ordinal));
        return engine >= 0 && tokens.Skip(engine + 1).Any(t => t is "run" or "create" or "exec");
    }

    /// <summary>How many tokens a cron line's schedule takes (five fields or an <c>@daily</c>, and the user of a system crontab); 0 when the line is no cron line.</summary>
    private static int CronFields(string[] tokens)
    {
        var fields = tokens.Length > 0 && tokens[0].Length > 1 && tokens[0][0] == '@' && tokens[0][1..].All(char.IsAsciiLetterLower) ? 1
            : tokens.Length >= 5 && tokens.Take(5).All(t => t.All(c => char.IsAsciiDigit(c) || c is '*' or '/' or ',' or '-')) ? 5
            : 0;
        var user = fields > 0 && tokens.Length > fields && !IsShellAssignment(tokens[fields]) && !Launchers.Contains(tokens[fields]) && tokens[fields].All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '-');
        return fields + (user ? 1 : 0);
    }

    /// <summary>NAME=word: another assignment of the same command's environment.</summary>
    private static bool IsShellAssignment(ReadOnlySpan<char> token)
    {
        var equals = token.IndexOf('=');
        return equals > 0 && (char.IsAsciiLetter(token[0]) || token[0] == '_') && !token[..equals].ContainsAnyExcept(Identifier) && !token[..equals].ContainsAny('-', '.');
    }

    /// <summary>Whether a command (or another assignment) follows the value: a word that is not an operator or an expression's keyword.</summary>
    private static bool IsCommandNext(ReadOnlySpan<char> text, int end)
    {
        var i = SkipBlanks(text, end);
        if (i == end || i >= text.Length || !(char.IsAsciiLetterOrDigit(text[i]) || text[i] is '.' or '/' or '~' or '_'))
        {
            return false;
        }

        var word = text[i..(i + Chars.Run(text, i, Identifier))];
        return !ExpressionWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
    }
}
