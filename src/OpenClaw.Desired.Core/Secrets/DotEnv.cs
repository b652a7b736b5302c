using System.Text;
using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Secrets;

/// <summary>One <c>NAME=value</c> line of a .env file: where its value sits in the text, and the value unquoted.</summary>
public sealed record DotEnvEntry(string Name, string Value, int LineIndex, int ValueStart, int ValueLength)
{
    public override string ToString() => $"{Name} (line {LineIndex + 1})";
}

/// <summary>
/// The .env dialect OpenClaw reads (dotenv): <c>[export ]NAME=value</c>, values bare, 'single' or "double"
/// quoted, # comments. Edits keep every other line as it was.
/// </summary>
public static partial class DotEnv
{
    [GeneratedRegex(@"^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*?)\s*$")]
    private static partial Regex Line();

    public static IReadOnlyList<DotEnvEntry> Parse(string text)
    {
        var entries = new List<DotEnvEntry>();
        var lineStart = 0;
        var index = 0;
        while (lineStart <= text.Length)
        {
            var end = text.IndexOf('\n', lineStart);
            var line = text[lineStart..(end < 0 ? text.Length : end)].TrimEnd('\r');
            var match = Line().Match(line);
            if (match.Success && !line.TrimStart().StartsWith('#'))
            {
                var raw = match.Groups[2];
                var (value, offset, length) = Unquote(raw.Value);
                entries.Add(new DotEnvEntry(match.Groups[1].Value, value, index, lineStart + raw.Index + offset, length));
            }

            if (end < 0)
            {
                break;
            }

            lineStart = end + 1;
            index++;
        }

        return entries;
    }

    /// <summary>Sets NAME to a value: the last line that sets it is rewritten, or a line is appended.</summary>
    public static string Set(string text, string name, string value)
    {
        var existing = Parse(text).LastOrDefault(e => e.Name == name);
        var line = $"{name}={Quote(value)}";
        if (existing is null)
        {
            var prefix = text.Length == 0 || text.EndsWith('\n') ? text : text + "\n";
            return prefix + line + "\n";
        }

        var lines = text.Split('\n');
        lines[existing.LineIndex] = line;
        return string.Join('\n', lines);
    }

    /// <summary>Comments a line out, leaving a note where its value was.</summary>
    public static string CommentOut(string text, int lineIndex, string note)
    {
        var lines = text.Split('\n');
        var entry = Parse(lines[lineIndex]).FirstOrDefault();
        lines[lineIndex] = entry is null ? "# " + note : $"# {entry.Name}={note}";
        return string.Join('\n', lines);
    }

    /// <summary>Bare when safe; single quotes when the value has no single quote; else double quotes with escapes.</summary>
    public static string Quote(string value)
    {
        if (value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || "_-.:/+=@~,%^".Contains(c)))
        {
            return value;
        }

        if (!value.Contains('\'') && !value.Contains('\n'))
        {
            return $"'{value}'";
        }

        var escaped = new StringBuilder();
        foreach (var c in value)
        {
            escaped.Append(c switch { '\\' => "\\\\", '"' => "\\\"", '\n' => "\\n", _ => c.ToString() });
        }

        return $"\"{escaped}\"";
    }

    private static (string Value, int Offset, int Length) Unquote(string raw)
    {
        if (raw.Length >= 2 && (raw[0] is '"' or '\'') && raw[^1] == raw[0])
        {
            var inner = raw[1..^1];
            var value = raw[0] == '"' ? inner.Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal) : inner;
            return (value, 1, inner.Length);
        }

        // A bare value ends at an unquoted " #" comment.
        var comment = raw.IndexOf(" #", StringComparison.Ordinal);
        var bare = comment < 0 ? raw : raw[..comment].TrimEnd();
        return (bare, 0, bare.Length);
    }
}
