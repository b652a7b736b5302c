using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>
/// A command-line tool that prints a credential (<c>gh auth token</c>), with what is its own: the hosts of its API and
/// the commands that take its token. <see cref="AnyHostInHeader"/>: a secret manager's secret is meant for some other
/// service, so handed over in an authorization header it is used, wherever it goes.
/// </summary>
public sealed record TokenSource(string Name, string Command, IReadOnlyList<string> Hosts, IReadOnlyList<string> Commands, bool AnyHostInHeader = false);

/// <summary>
/// Where a printed credential goes decides what printing it means: into the provider's own API or CLI it is ordinary
/// (<c>curl -H "Authorization: Bearer $(gh auth token)" https://api.github.com/…</c>, <c>GH_TOKEN=$(gh auth token) gh …</c>);
/// into a request to any other host it is a credential read for sending. The providers are a data row, meant to grow.
/// </summary>
public static partial class TokenSources
{
    public static IReadOnlyList<TokenSource> All { get; } =
    [
        new("GitHub", "gh", ["github.com", "githubusercontent.com", "ghcr.io"], ["gh", "git"]),
        new("Google Cloud", "gcloud", ["googleapis.com", "google.com", "gcr.io", "pkg.dev", "run.app", "cloudfunctions.net", "appspot.com"], ["gcloud", "gsutil", "bq", "kubectl", "docker"]),
        new("Azure", "az", ["azure.com", "azure.net", "windows.net", "microsoft.com", "microsoftonline.com", "visualstudio.com", "azurecr.io", "azurewebsites.net"], ["az", "azcopy", "func", "kubectl", "docker"]),
        new("AWS", "aws", ["amazonaws.com", "aws.amazon.com"], ["aws", "docker", "terraform", "sam", "cdk"]),
        new("1Password", "op", [], ["op"], AnyHostInHeader: true),
        new("OpenClaw", "openclaw", ["localhost", "127.0.0.1", "openclaw.ai"], ["openclaw"]),
    ];

    /// <summary>A printed credential counts as read for sending when the rest of its line sends it to a host that is not the provider's, or sends it with no host named.</summary>
    public static AuditSeverity? Judge(string text, Match match)
    {
        var start = match.Index == 0 ? 0 : text.LastIndexOf('\n', match.Index - 1) + 1;
        var end = text.IndexOf('\n', match.Index + match.Length);
        end = end < 0 ? text.Length : end;
        var rest = string.Concat(text.AsSpan(start, match.Index - start), " ", text.AsSpan(match.Index + match.Length, end - match.Index - match.Length));
        // The command word whole: "openclaw config get" is not 1Password's "op".
        var source = All.FirstOrDefault(s => match.Value.StartsWith(s.Command, StringComparison.OrdinalIgnoreCase)
            && (match.Value.Length == s.Command.Length || !char.IsAsciiLetterOrDigit(match.Value[s.Command.Length])));
        if (source is null)
        {
            return AuditSeverity.Low;
        }

        if (source.AnyHostInHeader && AuthHeader().IsMatch(rest))
        {
            return null;
        }

        // TOKEN="$(gh auth token)": where the variable goes later in the file decides, as the line would.
        if (Assigned().Match(text, start, match.Index - start) is { Success: true } assigned)
        {
            var use = new Regex(@"\$\{?" + assigned.Groups["name"].Value + @"\b", RegexOptions.CultureInvariant);
            var from = end;
            for (var n = 0; n < FlowLines && from < text.Length; n++)
            {
                var next = text.IndexOf('\n', from + 1);
                var line = text.AsSpan(from, (next < 0 ? text.Length : next) - from).ToString();
                from = next < 0 ? text.Length : next;
                if (use.IsMatch(line) && (UrlHost().Matches(line).Any(m => !IsOwn(source, m.Groups["host"].Value))
                    || UrlHost().Matches(line).Count == 0 && SendCommand().IsMatch(line) && !source.Commands.Any(c => line.Contains(c + " ", StringComparison.Ordinal))))
                {
                    return AuditSeverity.Low;
                }
            }
        }

        var hosts = UrlHost().Matches(rest).Select(m => m.Groups["host"].Value).ToList();
        if (hosts.Any(h => !IsOwn(source, h)))
        {
            return AuditSeverity.Low;
        }

        if (hosts.Count > 0 || source.Commands.Any(c => Regex.IsMatch(rest, @"(?:^|[\s;&|(""'`])" + Regex.Escape(c) + @"\s", RegexOptions.IgnoreCase)))
        {
            return null;
        }

        return SendCommand().IsMatch(rest) ? AuditSeverity.Low : null;
    }

    [GeneratedRegex(@"\b[a-z][a-z0-9+.-]*://(?:[^@/\s""'`]*@)?(?<host>[\w.-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlHost();

    /// <summary>How far below its assignment a token's variable is followed.</summary>
    private const int FlowLines = 200;

    private static bool IsOwn(TokenSource source, string host) =>
        source.Hosts.Any(own => host.Equals(own, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + own, StringComparison.OrdinalIgnoreCase));

    /// <summary>A shell variable given the command's output: <c>TOKEN="$(</c>, <c>local t=$(</c>, <c>export T=`</c>.</summary>
    [GeneratedRegex(@"\b(?<name>[A-Za-z_]\w*)=[""']?(?:\$\(|`)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Assigned();

    [GeneratedRegex(@"\b(?:authorization|bearer|x-api-key|api-key|private-token)\b|\s(?:-u|--user)\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AuthHeader();

    [GeneratedRegex(@"\|\s*(?:curl|wget|nc|ncat|socat)\b|\b(?:curl|wget)\b[^\n]*\s(?:-d|--data\S*|-F|--form|-T)\b|\b(?:requests|httpx|session|axios)\.(?:post|put)\b|\bfetch\s*\(|\bInvoke-(?:RestMethod|WebRequest)\b|\bsmtplib\b|\burlopen\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SendCommand();
}
