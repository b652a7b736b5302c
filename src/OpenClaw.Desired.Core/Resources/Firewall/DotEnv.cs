using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.Firewall;

/// <summary>The few dotenv rules needed to set keys without disturbing the rest of the file (which may hold secrets).</summary>
internal static partial class DotEnv
{
    /// <summary>Key to value; the last assignment wins, quotes are removed.</summary>
    public static IReadOnlyDictionary<string, string> Read(string content)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in content.Split('\n'))
        {
            var match = Assignment().Match(line);
            if (match.Success)
            {
                values[match.Groups["key"].Value] = Unquote(match.Groups["value"].Value.Trim());
            }
        }

        return values;
    }

    /// <summary>Sets each key: every line assigning it is replaced, a missing key is appended. Other lines stay byte for byte.</summary>
    public static string Set(string content, IEnumerable<KeyValuePair<string, string>> values)
    {
        var lines = content.Length == 0 ? [] : content.TrimEnd('\n').Split('\n').ToList();
        foreach (var (key, value) in values)
        {
            var found = false;
            for (var i = 0; i < lines.Count; i++)
            {
                var match = Assignment().Match(lines[i]);
                if (match.Success && match.Groups["key"].Value == key)
                {
                    lines[i] = $"{key}={value}";
                    found = true;
                }
            }

            if (!found)
            {
                lines.Add($"{key}={value}");
            }
        }

        return string.Join('\n', lines) + "\n";
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0] ? value[1..^1] : value;

    [GeneratedRegex(@"^\s*(export\s+)?(?<key>[A-Za-z_][A-Za-z0-9_]*)\s*=(?<value>.*)$")]
    private static partial Regex Assignment();
}
