using System.Text;
using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Secrets.Scanning;

/// <summary>
/// Exclusion patterns of secrets.scan.exclude: <c>*</c> (within a folder), <c>**</c> (across folders), <c>?</c>.
/// A pattern with a slash matches the whole host path; one without matches the file name.
/// </summary>
public sealed class Glob
{
    private readonly Regex _regex;
    private readonly bool _byName;

    public Glob(string pattern)
    {
        _byName = !pattern.Contains('/', StringComparison.Ordinal);
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                regex.Append(".*");
                i++;
            }
            else
            {
                regex.Append(c switch { '*' => "[^/]*", '?' => "[^/]", _ => Regex.Escape(c.ToString()) });
            }
        }

        _regex = new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    public bool Matches(string hostPath) => _regex.IsMatch(_byName ? Path.GetFileName(hostPath) : hostPath);
}
