using System.Buffers;
using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Secrets.Scanning;

/// <summary>
/// Passwords handed to commands and constructors rather than assigned to a name: <c>psexec -u U -p P</c>,
/// <c>sshpass -p P</c>, <c>mysql -pP</c>, <c>docker login -p P</c>, <c>curl -u user:P</c>,
/// <c>new NetworkCredential("u", "P")</c>, <c>new DirectoryEntry("LDAP://…", "u", "P")</c>,
/// <c>ConvertTo-SecureString "P" -AsPlainText</c>. Each rule is a row: the command's name (found in one
/// case-insensitive vectorised pass) and the pattern, run on the rest of its line, that holds the password.
/// </summary>
internal static partial class CommandCredentials
{
    private sealed record Rule(string Anchor, Regex Pattern, int Window = 300);

    private static readonly Rule[] Rules =
    [
        new("psexec", DashP()),
        new("sshpass", DashP()),
        new("docker login", DashP()),
        new("mysql", AttachedP()),
        new("curl ", UserColon()),
        new("wget ", UserColon()),
        new("networkcredential", NetworkCredential()),
        new("directoryentry", DirectoryEntry(), 600),
        new("convertto-securestring", SecureString()),
    ];

    /// <summary>The commands (case ignored) whose places the scanner's one pass gives <see cref="Run"/>.</summary>
    public static readonly string[] Anchors = [.. Rules.Select(r => r.Anchor).Distinct()];

    /// <param name="starts">Where <see cref="Anchors"/> start in the text, ascending (null: nowhere).</param>
    public static void Run(ReadOnlySpan<char> text, List<int>? starts, List<SecretMatch> sink)
    {
        var offset = 0;
        var cursor = 0;
        while (offset < text.Length)
        {
            var at = Text.Needles.NextStart(starts, ref cursor, offset);
            if (at < 0)
            {
                return;
            }

            offset = at + 1;
            foreach (var rule in Rules)
            {
                if (!text[at..].StartsWith(rule.Anchor, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var window = text[at..Math.Min(text.Length, at + rule.Window)];
                var lineEnd = rule.Window > 300 ? -1 : window.IndexOf('\n');
                var line = (lineEnd < 0 ? window : window[..lineEnd]).ToString();
                var match = rule.Pattern.Match(line);
                var value = match.Groups["v"];
                if (match.Success && AssignmentDetector.Add(text, at + value.Index, value.Length, "password", NameVerdict.Password, ValueForm.Literal, sink) > 0)
                {
                    offset = at + value.Index + value.Length;
                }
            }
        }
    }

    [GeneratedRegex("""\s-p\s+(?:"(?<v>[^"\s]+)"|'(?<v>[^'\s]+)'|(?<v>[^\s"'-][^\s"']*))""", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex DashP();

    [GeneratedRegex("""\s-p(?<v>[^\s"'-][^\s"']*)""", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex AttachedP();

    [GeneratedRegex("""\s(?:-u|--user)\s*['"]?[^:\s'"]+:(?<v>[^\s'"@]+)['"]?(?:\s|$)""", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex UserColon();

    [GeneratedRegex("""^NetworkCredential\s*\(\s*"[^"\n]*"\s*,\s*"(?<v>[^"\n]+)"|^NetworkCredential\s*\(\s*'[^'\n]*'\s*,\s*'(?<v>[^'\n]+)'""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex NetworkCredential();

    [GeneratedRegex("""^DirectoryEntry\s*\(\s*"[^"\n]*"\s*,\s*"[^"\n]*"\s*,\s*"(?<v>[^"\n]+)"\s*[,)]""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex DirectoryEntry();

    [GeneratedRegex("""^ConvertTo-SecureString\s+(?:-String\s+)?(?:"(?<v>[^"\n]+)"|'(?<v>[^'\n]+)')\s+-AsPlainText""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex SecureString();
}
