using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Secrets.Scanning.Formats;

/// <summary>
/// Credentials with no literal of their own (a Mistral key is 32 letters and digits, an Azure DevOps PAT 52
/// base32 characters): the shape counts only on a line that names the provider. One row per format: the
/// words, one of which must be on the line (found in one case-insensitive vectorised pass), and the shape,
/// whose group <c>v</c> is the value. Lines without any of the words cost nothing. A shape specific enough to
/// stand on its own (Okta's 00-and-40, TrueNAS's id-dash-64, Mistral's 32 in both cases) may also be a few lines
/// below its word, as in a YAML section or a Terraform block that names the provider once (<c>okta:</c> then
/// <c>token: 00…</c>). Twilio's shape stays on its word's line: its auth token is one-case hex, as MD5 sums, ETags
/// and trace ids are.
/// </summary>
internal static class ContextFormats
{
    private const string Uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    /// <param name="Reach">How many lines below the word's line the value may be (0: on the same line only).</param>
    private sealed record Row(string Kind, string[] Words, Regex Shape, int Reach);

    private static Row R(string kind, string[] words, string shape, int reach = 0) =>
        new(kind, words, new Regex(shape, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture), reach);

    /// <summary>How far below its word a value of a row with reach may be.</summary>
    private const int Near = 3;

    private static readonly Row[] Rows =
    [
        R("ngrok-authtoken", ["ngrok"], "(?<![A-Za-z0-9_])(?<v>[1-9][A-Za-z0-9]{26}_[A-Za-z0-9]{21})(?![A-Za-z0-9_])", Near),
        R("cloudflare-api-token", ["cloudflare", "cf_api", "cf-api", "x-auth-key"], "(?<![A-Za-z0-9_-])(?<v>[A-Za-z0-9_-]{40}|[a-f0-9]{37})(?![A-Za-z0-9_-])"),
        // A Mistral key is 32 letters and digits in both cases: one-case hex of that length (an MD5 sum, a trace id)
        // is something else, so the key may be a few lines below the provider's name (a YAML or Terraform block).
        R("mistral-api-key", ["mistral"], "(?<![A-Za-z0-9_-])(?<v>(?=[A-Za-z0-9]{0,31}[a-z])(?=[A-Za-z0-9]{0,31}[A-Z])[A-Za-z0-9]{32})(?![A-Za-z0-9_-])", Near),
        R("cohere-api-key", ["cohere", "co_api_key"], "(?<![A-Za-z0-9_-])(?<v>[A-Za-z0-9]{40})(?![A-Za-z0-9_-])"),
        R("okta-api-token", ["okta", "ssws"], "(?<![A-Za-z0-9_-])(?<v>00[A-Za-z0-9_-]{40})(?![A-Za-z0-9_-])", Near),
        R("kagi-api-key", ["kagi"], "(?<![A-Za-z0-9_-])(?<v>[A-Za-z0-9_-]{11}\\.[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])", Near),
        R("kubernetes-bootstrap-token", ["bootstrap-token", "bootstrap_token", "kubeadm"], "(?<![a-z0-9])(?<v>[a-z0-9]{6}\\.[a-z0-9]{16})(?![a-z0-9])"),
        R("truenas-api-key", ["login_with_api_key", "truenas", "/api/v2.0/"], "(?<![A-Za-z0-9-])(?<v>[0-9]{1,4}-[A-Za-z0-9]{64})(?![A-Za-z0-9])", Near),
        R("elevenlabs-api-key", ["elevenlabs", "xi-api-key", "eleven_api"], "(?<![A-Za-z0-9_-])(?<v>[a-f0-9]{32})(?![A-Za-z0-9_-])"),
        R("pinecone-api-key", ["pinecone"], $"(?<![A-Za-z0-9/-])(?<v>{Uuid})(?![A-Za-z0-9-])"),
        R("postmark-token", ["postmark"], $"(?<![A-Za-z0-9/-])(?<v>{Uuid})(?![A-Za-z0-9-])"),
        R("heroku-api-key", ["heroku"], $"(?<![A-Za-z0-9/-])(?<v>{Uuid})(?![A-Za-z0-9/-])"),
        R("azure-devops-pat", ["azure", "devops", "ado_pat", "ado-pat", "azdo", "visualstudio.com"], "(?<![A-Za-z0-9_-])(?<v>[a-z0-9]{52})(?![A-Za-z0-9_-])"),
        R("azure-openai-key", ["openai.azure.com", "azure_openai", "azure-openai", "azureopenai"], "(?<![A-Za-z0-9_-])(?<v>[a-f0-9]{32})(?![A-Za-z0-9_-])"),
        // An Azure storage account key is 64 random bytes in base64: 86 characters and "==". Named, it may be wrapped onto the next line.
        R(SecretKinds.AzureStorageKey, ["accountkey", "account_key", "storagekey", "storage_key", "storage-key", "azurite"], "(?<![A-Za-z0-9+/])(?<v>[A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=])", 1),
        R("vault-unseal-key", ["unseal"], "(?<![A-Za-z0-9+/])(?<v>[A-Za-z0-9+/]{43}=|[A-Za-z0-9+/]{44})(?![A-Za-z0-9+/=])"),
        R("twilio-api-key", ["twilio"], "(?<![A-Za-z0-9_-])(?<v>[a-f0-9]{32}|[A-Za-z0-9]{32})(?![A-Za-z0-9_-])"),
        R("codeclimate-reporter-id", ["cc_test_reporter_id", "codeclimate_reporter_id", "codeclimate-reporter-id"], "(?<![A-Za-z0-9_-])(?<v>[a-f0-9]{64})(?![A-Za-z0-9_-])"),

        // Jenkins: the CSRF crumb sent as a header, and the first admin password its setup prints (32 hex
        // characters on a line of their own, between "Jenkins initial setup is required" and the file it names).
        R("jenkins-crumb", ["jenkins-crumb"], "(?<![A-Za-z0-9_-])(?<v>[a-f0-9]{32}|[a-f0-9]{64})(?![A-Za-z0-9_-])"),
        R("jenkins-admin-password", ["jenkins initial setup", "initialadminpassword"], "(?m)^[ \\t]*(?<v>[a-f0-9]{32})[ \\t]*\\r?$", Near + 2),
        R("sonarqube-token", ["sonar.login", "sonarlogin", "sonar_login", "sonar_token", "sonar.token"], "(?<![A-Za-z0-9_-])(?<v>[a-f0-9]{40})(?![A-Za-z0-9_-])"),
    ];

    /// <summary>
    /// The words in groups of at most 12, each group read on its own (a line is read once per group that has a word
    /// on it, in the order the groups and lines come), as when each group was one vectorised search. Where each
    /// group's words start comes from the scanner's one pass over the text (<see cref="SecretScanner"/>), which
    /// looks for these with case ignored.
    /// </summary>
    public static IReadOnlyList<string[]> WordGroups { get; } = [.. Rows.SelectMany(r => r.Words).Distinct().Order(StringComparer.Ordinal).Chunk(12)];

    /// <param name="starts">For each of <see cref="WordGroups"/>, where its words start in the text, ascending (null: nowhere).</param>
    public static void Run(ReadOnlySpan<char> text, ReadOnlySpan<List<int>?> starts, List<SecretMatch> sink)
    {
        var found = new List<SecretMatch>();
        foreach (var words in starts)
        {
            if (words is not null)
            {
                RunGroup(text, words, found);
            }
        }

        if (found.Count == 0)
        {
            return;
        }

        // A line with words of two groups is read twice; its matches count once.
        sink.AddRange(found.Distinct());
    }

    private static void RunGroup(ReadOnlySpan<char> text, List<int> words, List<SecretMatch> sink)
    {
        var offset = 0;
        var done = -1;
        var cursor = 0;
        while (offset < text.Length)
        {
            var at = Text.Needles.NextStart(words, ref cursor, offset);
            if (at < 0)
            {
                return;
            }

            var (start, end) = Line(text, at);
            offset = end + 1;
            if (start <= done)
            {
                continue;
            }

            done = start;
            var line = text[start..end].ToString();
            foreach (var row in Rows.Where(r => Text.IgnoreCase.ContainsAny(line, r.Words)))
            {
                Scan(row, row.Reach == 0 ? line : Below(text, start, end, row.Reach), start, sink);
            }
        }
    }

    private static void Scan(Row row, string line, int lineStart, List<SecretMatch> sink)
    {
        foreach (Match match in row.Shape.Matches(line))
        {
            var value = match.Groups["v"];
            var span = line.AsSpan(value.Index, value.Length);
            if (ValueHeuristics.IsPlaceholder(span) || ValueHeuristics.IsKnownExample(span) || ValueHeuristics.Entropy(span) < 3.0
                || !span.ContainsAny(Chars.Digits) || !span.ContainsAny(Chars.Letters))
            {
                continue;
            }

            sink.Add(new SecretMatch(lineStart + value.Index, value.Length, row.Kind));
        }
    }

    /// <summary>The line from <paramref name="start"/> to <paramref name="end"/> and at most <paramref name="lines"/> lines below it, 400 characters each.</summary>
    private static string Below(ReadOnlySpan<char> text, int start, int end, int lines)
    {
        for (var n = 0; n < lines && end < text.Length; n++)
        {
            var to = Math.Min(text.Length, end + 1 + 400);
            var next = text[(end + 1)..to].IndexOf('\n');
            end = next < 0 ? to : end + 1 + next;
        }

        return text[start..end].ToString();
    }

    /// <summary>The line around <paramref name="at"/>, at most 400 characters on each side.</summary>
    private static (int Start, int End) Line(ReadOnlySpan<char> text, int at)
    {
        var from = Math.Max(0, at - 400);
        var back = text[from..at].LastIndexOf('\n');
        var to = Math.Min(text.Length, at + 400);
        var forward = text[at..to].IndexOf('\n');
        return (back < 0 ? from : from + back + 1, forward < 0 ? to : at + forward);
    }
}
