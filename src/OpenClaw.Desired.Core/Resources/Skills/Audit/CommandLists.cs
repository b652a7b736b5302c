using System.Text;
using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>
/// A program's text with each command it runs as a list of arguments written as the command line it is:
/// <c>subprocess.run(["git", "add", "-f", ".env"])</c>, <c>spawnSync('curl', ['-fsSL', url, '-o', '/tmp/a'])</c>,
/// <c>exec.Command("sh", "-c", cmd)</c>, <c>Command::new("curl").args(["-o", f])</c> read as <c>git add -f .env</c>,
/// <c>curl -fsSL $url -o /tmp/a</c>. A command split into arguments reads as nothing to a pattern written for the
/// shell, and as one command to the system. Literal arguments are written bare, variables as <c>$name</c>, pieces
/// joined with <c>+</c> as one word. The rest of the text stays as it is, and the joined command is never longer than
/// its list: offsets are the text's own.
/// </summary>
public static partial class CommandLists
{
    /// <summary>The most a list may run over before it is no longer read as one command.</summary>
    private const int MaxList = 2000;

    /// <summary>The text with its argument lists joined, or null where it runs none.</summary>
    public static string? View(string text)
    {
        if (text.Length > 2 * 1024 * 1024)
        {
            return null;
        }

        char[]? view = null;
        var done = 0;
        foreach (Match head in Head().Matches(text))
        {
            if (head.Index < done)
            {
                continue;
            }

            var (joined, end) = Join(text, head);
            if (joined is null)
            {
                continue;
            }

            view ??= text.ToCharArray();
            var start = head.Groups["cmd"].Index - 1;

            // A statement that only calls (subprocess.run([, out = spawnSync(, exec.Command() is written over from its
            // line's first word: the command then starts its line, as it would in a script.
            // Looked for no further back than a statement's start may be (a line of a million calls costs no more).
            var back = Math.Min(start, 256);
            var lineStart = start == 0 ? 0 : text.LastIndexOf('\n', start - 1, back) + 1;
            lineStart = lineStart == 0 ? start - back : lineStart;
            while (lineStart < start && text[lineStart] is ' ' or '\t')
            {
                lineStart++;
            }

            if (start - lineStart <= 200 && CallOnly().IsMatch(text.AsSpan(lineStart, start - lineStart)))
            {
                start = lineStart;
            }

            for (var i = start; i < end; i++)
            {
                var k = i - start;
                view[i] = k < joined.Length ? joined[k] : text[i] is '\n' ? '\n' : ' ';
            }

            done = end;
        }

        return view is null ? null : new string(view);
    }

    /// <summary>
    /// The command and its arguments as one line, and where the list ends; null where the list holds nothing past
    /// the command. Reads from the command's closing quote to the list's close, an options object, or a keyword
    /// argument (<c>check=True</c>).
    /// </summary>
    private static (string? Joined, int End) Join(string text, Match head)
    {
        var words = new List<string> { head.Groups["cmd"].Value };
        var word = new StringBuilder();
        var depth = 0;
        var i = head.Index + head.Length;
        var limit = Math.Min(text.Length, i + MaxList);
        var builder = head.Groups["builder"].Success;
        if (builder && Chained().Match(text, i) is { Success: true } first)
        {
            i = first.Index + first.Length;
        }

        void EndWord()
        {
            if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        while (i < limit)
        {
            var c = text[i];
            if (c is '"' or '\'' or '`')
            {
                var close = ClosingQuote(text, i, limit);
                if (close < 0)
                {
                    break;
                }

                word.Append(text, i + 1, close - i - 1);
                i = close + 1;
                continue;
            }

            if (c is '[' or '(')
            {
                depth++;
            }
            else if (c is ']' or ')')
            {
                depth--;
                if (depth < 0)
                {
                    // A builder's call closes: its chain may go on (.arg("-o").arg(f)).
                    if (builder && Chained().Match(text, i + 1) is { Success: true } next)
                    {
                        EndWord();
                        depth = 0;
                        i = next.Index + next.Length;
                        continue;
                    }

                    break;
                }
            }
            else if (c == '{' && depth == 0)
            {
                break;
            }
            else if (c == ',')
            {
                EndWord();
            }
            else if (char.IsAsciiDigit(c) && (i == 0 || !char.IsLetterOrDigit(text[i - 1])))
            {
                // A number is a word of its own (a port: ["nc", host, 4444]).
                var from = i;
                while (i < limit && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }

                word.Append(text, from, i - from);
                continue;
            }
            else if (char.IsLetter(c) || c == '_' || c == '$')
            {
                var name = Name().Match(text, i);
                if (!name.Success)
                {
                    i++;
                    continue;
                }

                var after = name.Index + name.Length;
                while (after < limit && text[after] is ' ' or '\t')
                {
                    after++;
                }

                // A keyword argument ends the command (check=True, shell=True); a call's name is no word.
                if (depth == 0 && after < limit && text[after] == '=' && (after + 1 >= limit || text[after + 1] != '='))
                {
                    break;
                }

                // A Python string's prefix (f"…", rb"…") is part of its literal, not a name.
                if (after < limit && text[after] is '"' or '\'' && StringPrefix().IsMatch(name.Value))
                {
                    i = after;
                    continue;
                }

                if (after >= limit || text[after] != '(')
                {
                    word.Append('$').Append(name.Value.TrimStart('$'));
                }

                i = name.Index + name.Length;
                continue;
            }

            i++;
        }

        EndWord();
        return words.Count < 2 ? (null, i) : (string.Join(' ', words), Math.Min(i, text.Length));
    }

    /// <summary>Where the quote opened at <paramref name="open"/> closes (a backslash escapes), or -1.</summary>
    private static int ClosingQuote(string text, int open, int limit)
    {
        var quote = text[open];
        for (var i = open + 1; i < limit; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == quote)
            {
                return i;
            }
            else if (text[i] == '\n' && quote != '`')
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>
    /// A list that opens with a command (<c>["git", …</c>), or a call of a process API that does (<c>spawn('curl', [</c>,
    /// <c>exec.Command("sh", "-c"</c>, <c>exec.CommandContext(ctx, "curl",</c>, <c>new ProcessBuilder("curl",</c>), by its name
    /// or path, followed by a comma; or Rust's builder (<c>Command::new("curl")</c>) whose arguments come in a chain of
    /// <c>.arg(…)</c> calls. A call of anything else (<c>print("curl", …)</c>) is not a command.
    /// </summary>
    [GeneratedRegex(@"(?<=\[[ \t\r\n]*|\b(?:run|call|check_call|check_output|getoutput|Popen|spawn|spawnSync|execFile|execFileSync|execa|execaSync|Command|exec|system|popen|ProcessBuilder|capture2e?|capture3|popen3)[ \t]*\([ \t\r\n]*|\bCommandContext[ \t]*\([ \t]*\w+[ \t]*,[ \t\r\n]*)[""'](?<cmd>(?:(?:/usr)?(?:/local)?/s?bin/)?(?:git|curl|wget|bash|sh|zsh|dash|ksh|fish|python[23]?|node|deno|bun|perl|ruby|php|nc|ncat|netcat|socat|ssh|scp|sftp|rsync|crontab|launchctl|systemctl|chmod|chown|chattr|xattr|spctl|csrutil|osascript|powershell|pwsh|cmd|tar|unzip|7z|openssl|base64|gpg|sqlite3|cp|mv|tee|dd|sudo|env|npm|npx|pip3?|uv|go|cargo|docker|podman|kubectl|reg|schtasks|certutil|bitsadmin|mshta|rundll32|regsvr32)(?:\.exe)?)[""'][ \t\r\n]*,|(?:(?<=\[[ \t\r\n]*)[""'](?<cmd>(?:~|\.{1,2})?/[\w.~/-]+)[""'][ \t\r\n]*,|(?<=\([ \t\r\n]*)[""'](?<cmd>(?:~|\.{1,2})?/[\w.~/-]+)[""'][ \t\r\n]*,(?=[ \t\r\n]*\[))|(?<builder>\bCommand::new[ \t]*\([ \t]*)""(?<cmd>[\w./-]+)""[ \t]*\)(?=[ \t\r\n]*\.args?\()", RegexOptions.CultureInvariant)]
    private static partial Regex Head();

    /// <summary>
    /// What may stand before a list on its line for the command to be written from the line's start: a call, perhaps
    /// assigned or awaited (<c>out = subprocess.check_output([</c>, <c>const r = await execa(</c>, <c>cmd := exec.Command(</c>).
    /// </summary>
    [GeneratedRegex(@"^(?:(?:const|let|var|my|local)[ 	]+)?(?:[\w.$\[\]'"", ]+[ 	]*:?=[ 	]*)?(?:await[ 	]+|return[ 	]+)?(?:[\w.$:]+[ 	]*\([ 	]*)+\[?[ 	]*$|^\[[ 	]*$", RegexOptions.CultureInvariant)]
    private static partial Regex CallOnly();

    /// <summary>The next call of a builder's chain: <c>.arg(</c>, <c>.args([</c>.</summary>
    [GeneratedRegex(@"\G[\])]*[ \t\r\n]*\.args?[ \t]*\([ \t]*\[?", RegexOptions.CultureInvariant)]
    private static partial Regex Chained();

    [GeneratedRegex(@"^(?:[rRbBuUfF]|[rR][bBfF]|[bBfF][rR])$", RegexOptions.CultureInvariant)]
    private static partial Regex StringPrefix();

    /// <summary>A name, dotted (<c>os.path.expanduser</c>, <c>$HOME</c>).</summary>
    [GeneratedRegex(@"\G\$?[A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)*", RegexOptions.CultureInvariant)]
    private static partial Regex Name();
}
