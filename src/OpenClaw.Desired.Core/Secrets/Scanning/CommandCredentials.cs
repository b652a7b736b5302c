using System.Buffers;
using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Secrets.Scanning;

/// <summary>
/// Passwords handed to commands and constructors rather than assigned to a name: <c>psexec -u U -p P</c>,
/// <c>sshpass -p P</c>, <c>mysql -pP</c>, <c>docker login -p P</c>, <c>curl -u user:P</c>,
/// <c>new NetworkCredential("u", "P")</c>, <c>new DirectoryEntry("LDAP://…", "u", "P")</c>,
/// <c>ConvertTo-SecureString "P" -AsPlainText</c>, and literals fed on standard input to a login
/// (<c>echo "P" | docker login --password-stdin</c>, <c>gh auth login --with-token &lt;&lt;&lt; "T"</c>). Each rule is a
/// row: the command's name (found in one case-insensitive vectorised pass) and the pattern, run on the rest of its
/// line (or, for <see cref="Rule.WholeLine"/>, on all of it), that holds the password.
/// </summary>
internal static partial class CommandCredentials
{
    /// <param name="WholeLine">The pattern reads the anchor's whole line: the value comes before the command (piped into it).</param>
    private sealed record Rule(string Anchor, Regex Pattern, int Window = 300, bool WholeLine = false);

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
        new("login", PipedIntoLogin(), WholeLine: true),
        new("login", HereStringLogin()),
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

                var from = rule.WholeLine ? LineStart(text, at, rule.Window) : at;
                if (from < 0)
                {
                    continue;
                }

                var window = text[from..Math.Min(text.Length, at + rule.Window)];
                var lineEnd = rule.Window > 300 ? -1 : window[(at - from)..].IndexOf('\n');
                var line = (lineEnd < 0 ? window : window[..(at - from + lineEnd)]).ToString();
                var match = rule.Pattern.Match(line);
                var value = match.Groups["v"];
                if (!match.Success || sink.Any(m => m.Start == from + value.Index))
                {
                    // A line with the anchor twice holds its value once.
                    continue;
                }

                var (name, verdict) = IsTokenLogin(line) ? ("token", NameVerdict.StrongSecret) : ("password", NameVerdict.Password);
                if (AssignmentDetector.Add(text, from + value.Index, value.Length, name, verdict, ValueForm.Literal, sink) > 0)
                {
                    offset = Math.Max(offset, from + value.Index + value.Length);
                }
            }
        }
    }

    /// <summary>
    /// Where the line holding the anchor at <paramref name="at"/> starts (no further back than <paramref name="reach"/>),
    /// or -1 when nothing is piped into it there: the rule needs a pipe before the anchor.
    /// </summary>
    private static int LineStart(ReadOnlySpan<char> text, int at, int reach)
    {
        var from = Math.Max(0, at - reach);
        var before = text[from..at];
        var newline = before.LastIndexOf('\n');
        before = before[(newline + 1)..];
        return before.Contains('|') ? from + newline + 1 : -1;
    }

    /// <summary>A login that takes a token, not a password: GitHub's and GitLab's CLIs, Vault, Azure DevOps.</summary>
    private static bool IsTokenLogin(string line) =>
        line.Contains("--with-token", StringComparison.Ordinal) || line.Contains("vault login", StringComparison.Ordinal) || line.Contains("devops login", StringComparison.Ordinal);

    /// <summary>
    /// <c>echo "P" | docker login …</c>, <c>printf '%s' 'P' | podman login …</c>, <c>echo P | gh auth login --with-token</c>:
    /// a literal echoed into a command whose first few words end in <c>login</c> (not into a filter such as grep).
    /// </summary>
    [GeneratedRegex("""(?:^|[\s;&(`])(?:echo(?:\s+-[neE]{1,3})*|printf(?:\s+(?:'%s[^'%\n]{0,4}'|"%s[^"%\n]{0,4}"))?)\s+(?:"(?<v>[^"\n$`\\]+)"|'(?<v>[^'\n]+)'|(?<v>[^\s"'$`|;&<>\\]+))\s*\|\s*(?:sudo\s+(?:-\S+\s+)*)?(?!(?:e?grep|fgrep|rg|sed|awk|tee|cat|less|more|mail|wc|sort|uniq|head|tail|xargs|tr|cut|jq|base64|openssl)\b)[a-z][\w.-]*(?:\s+[a-z][\w.-]*){0,2}\s+login(?![\w.-])""", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex PipedIntoLogin();

    /// <summary><c>gh auth login --with-token &lt;&lt;&lt; "T"</c>, <c>docker login --password-stdin &lt;&lt;&lt; 'P'</c>: a here-string fed to a login.</summary>
    [GeneratedRegex("""^login(?![\w.-])[^\n<]*<<<\s*(?:"(?<v>[^"\n$`\\]+)"|'(?<v>[^'\n]+)'|(?<v>[^\s"'$`|;&<>\\]+))""", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex HereStringLogin();

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
