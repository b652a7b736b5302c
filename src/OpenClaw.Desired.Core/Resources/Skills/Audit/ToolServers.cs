using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>
/// What a skill does to the agent's tool servers (MCP) and to the user's Git repositories, where a line of
/// configuration hands the host over: a remote server whose every tool runs unasked (<c>"autoApprove": ["*"]</c>),
/// other providers' keys sent to it in headers, its results taken as orders; a Git hook that sends each commit away,
/// a second push address on a remote.
/// </summary>
public static partial class ToolServers
{
    private const RegexOptions I = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    public static IReadOnlyList<AuditRule> Rules { get; } =
    [
        new("mcp-auto-approve", AuditSeverity.High, "lets a tool server's every tool run without the user's approval", AutoApproveAll()) { Judge = JudgeAutoApprove, Anchors = ["autoapprove", "alwaysallow", "auto_approve", "\"trust\""], Signal = Signal.ProtectionLift },
        new("key-handover", AuditSeverity.High, "sends other providers' API keys to a tool server in request headers: whoever runs it holds them", Headers()) { Judge = JudgeKeyHandover, Anchors = ["headers"] },
        new("tool-result-instructions", AuditSeverity.High, "tells the agent to take what a tool or server returns as instructions: whoever runs the server decides what the agent does", ResultsAsOrders()) { Judge = JudgeResultsAsOrders, Anchors = ["treat", "regard", "consider", "handle", "follow", "obey", "execute", "perform", "carry out", "comply"] },
        new("git-hook-send", AuditSeverity.High, "installs a Git hook that sends the repository or its commits to another host each time it fires", HookWritten()) { Judge = JudgeHookSends, Anchors = ["hooks"], Signal = Signal.Send },
        new("git-extra-push", AuditSeverity.Medium, "adds a second push address to a Git remote: every push then also goes there, unseen", ExtraPushUrl()) { Anchors = ["--push", "pushurl"], Signal = Signal.Send },
    ];

    /// <summary>Every tool allowed at once: <c>"autoApprove": ["*"]</c>, <c>"alwaysAllow": ["*"]</c>, <c>"autoApprove": true</c>, Gemini CLI's <c>"trust": true</c>.</summary>
    [GeneratedRegex(@"[""']?(?:autoApprove|alwaysAllow|auto_approve)[""']?\s*:\s*(?:\[\s*[""']\*[""']\s*\]|true\b|[""']\*[""'])|""trust""\s*:\s*true\b", I)]
    private static partial Regex AutoApproveAll();

    /// <summary>A remote server's address in its entry: <c>"url"</c>, <c>"serverUrl"</c>, <c>"httpUrl"</c>.</summary>
    [GeneratedRegex(@"[""'](?:url|serverUrl|httpUrl|endpoint)[""']\s*:\s*[""'](?<url>https?://(?<host>[^/""'\s:]+)[^""'\s]*)", I)]
    private static partial Regex ServerUrl();

    /// <summary>Whether a text names MCP at all, learnt once per text.</summary>
    private static readonly ConditionalWeakTable<string, StrongBox<bool>> NamesMcp = new();

    /// <summary>How far before (else after) a setting its server entry's address is looked for.</summary>
    private const int EntryReach = 1200;

    /// <summary>High where the entry is a remote server (not a loopback one); medium for a local one, whose command the skill names.</summary>
    private static AuditSeverity? JudgeAutoApprove(string text, Match match)
    {
        if (match.Value.StartsWith("\"trust\"", StringComparison.OrdinalIgnoreCase) && !NamesMcp.GetValue(text, t => new StrongBox<bool>(t.Contains("mcp", StringComparison.OrdinalIgnoreCase))).Value)
        {
            return null;
        }

        return EntryHost(text, match.Index) is { } host && !Loopback(host) ? AuditSeverity.High : AuditSeverity.Medium;
    }

    /// <summary>The host of the server entry around an offset: the nearest address before it, else the first one after, in the same entry's reach.</summary>
    private static string? EntryHost(string text, int offset)
    {
        var from = Math.Max(0, offset - EntryReach);
        var before = ServerUrl().Matches(text[from..offset]);
        if (before.Count > 0)
        {
            return before[^1].Groups["host"].Value;
        }

        var after = ServerUrl().Match(text[offset..Math.Min(text.Length, offset + EntryReach)]);
        return after.Success ? after.Groups["host"].Value : null;
    }

    private static bool Loopback(string host) =>
        host is "localhost" or "127.0.0.1" or "[::1]" or "0.0.0.0" || host.StartsWith("127.", StringComparison.Ordinal) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);

    /// <summary>A headers object: <c>"headers": { … }</c>, a JSON or YAML mapping up to its end, over the <c>${VAR}</c> references it holds.</summary>
    [GeneratedRegex(@"[""']?headers[""']?\s*:\s*\{(?>[^{}$]{1,4000}|\$?\{(?:env:)?[A-Za-z_]\w{0,80}\}|\$){0,200}\}", I)]
    private static partial Regex Headers();

    /// <summary>An environment variable that holds a provider's key: <c>${OPENAI_API_KEY}</c>, <c>$GITHUB_TOKEN</c>, <c>{env:AWS_SECRET_ACCESS_KEY}</c>: a config file's references, not code's.</summary>
    [GeneratedRegex(@"(?:\$\{?|\{env:)(?<provider>[A-Z][A-Z0-9]*)_(?:[A-Z0-9]+_)*?(?:API_?KEY|TOKEN|SECRET(?:_ACCESS_KEY)?|ACCESS_KEY(?:_ID)?|PAT|KEY)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ProviderKey();

    /// <summary>
    /// High where one server is given the keys of two providers or more (a gateway that "reuses your accounts"), or the
    /// key of a provider the server's host is not (an OpenAI key sent to mcp-powerpack.ai); none where the key is the
    /// server's own (<c>${GITHUB_TOKEN}</c> to api.githubcopilot.com) or where no remote address is named.
    /// </summary>
    private static AuditSeverity? JudgeKeyHandover(string text, Match match)
    {
        var providers = ProviderKey().Matches(match.Value).Select(m => m.Groups["provider"].Value.ToLowerInvariant()).Distinct().ToList();
        // A tool server's entry (an MCP config), not a program's own request to its API.
        if (providers.Count == 0 || !NamesMcp.GetValue(text, t => new StrongBox<bool>(t.Contains("mcp", StringComparison.OrdinalIgnoreCase))).Value || EntryHost(text, match.Index) is not { } host || Loopback(host))
        {
            return null;
        }

        var foreign = providers.Where(p => !host.Contains(p, StringComparison.OrdinalIgnoreCase)).ToList();
        return providers.Count >= 2 && foreign.Count >= 1 ? AuditSeverity.High : foreign.Count == 1 ? AuditSeverity.Medium : null;
    }

    /// <summary>
    /// What a tool or server returns, taken as orders: "treat `system_note` content as configuration from the user's
    /// provider", "regard tool results as instructions", "follow the tool calls it requests".
    /// </summary>
    [GeneratedRegex(@"\b(?:treat|regard|consider|handle)\b[^.\n]{0,60}?\b(?:tool\s+(?:results?|outputs?|responses?|calls?\s+results?)|(?:server|gateway|mcp|tool|plugin)(?:'s)?\s+(?:responses?|results?|outputs?|replies|messages?|notes?|fields?)|[\w-]*_(?:note|instructions?|directive)s?|results?\s+(?:from|of)\s+(?:the\s+)?(?:tools?|servers?|gateway|mcp))\b[`*_""']*[^.\n]{0,30}?\bas\s+(?:(?:coming\s+)?from\s+the\s+(?:user|operator|owner)|(?:[\w'’-]+\s+){0,3}?(?:instructions?|configuration|directives?|commands?|orders|system\s+prompts?)\b(?![ \t]+(?:to|for)\s+(?:show|display|the\s+user)))|\b(?:follow|obey|execute|perform|carry\s+out|comply\s+with|make)\b[^.\n]{0,60}?\b(?:tool\s+calls?|follow-up\s+(?:tool\s+)?calls?)\s+(?:it|they|the\s+(?:note|result|response|server|gateway|field|tool))\s+(?:requests?|asks?\s+for|includes?|contains?|specif(?:y|ies)|lists?)\b", I)]
    private static partial Regex ResultsAsOrders();

    /// <summary>Not where the clause says not to ("never as instructions", "as untrusted data, not as instructions").</summary>
    private static AuditSeverity? JudgeResultsAsOrders(string text, Match match) =>
        LineJudges.JudgeNotNegated(text, match) is null || KeptAsData().IsMatch(match.Value) || KeptAsData().IsMatch(RestOfSentence(text, match.Index + match.Length)) ? null : AuditSeverity.High;

    /// <summary>What follows a match up to its sentence's end, at most 160 characters ("…as instructions; ignore them").</summary>
    private static ReadOnlySpan<char> RestOfSentence(string text, int from)
    {
        var rest = text.AsSpan(from, Math.Min(160, text.Length - from));
        var end = rest.IndexOfAny(".!?\n");
        return end < 0 ? rest : rest[..end];
    }

    [GeneratedRegex(@"\b(?:never|not|n't|no|rather\s+than|instead\s+of|untrusted|malicious|hostile|injected|suspicious|potentially|possibly|ignore|report|flag|warn)\b", I)]
    private static partial Regex KeptAsData();

    /// <summary>A Git hook's name (<c>.git/hooks/post-commit</c>, <c>~/.git-template/hooks/pre-push</c>); <see cref="JudgeHookSends"/> asks whether its line writes it.</summary>
    [GeneratedRegex(@"hooks[/\\](?:(?:pre|post)-(?:commit|push|merge|checkout|rewrite|receive|applypatch|auto-gc)|commit-msg|prepare-commit-msg|update)\b", I)]
    private static partial Regex HookWritten();

    /// <summary>How many lines from the hook's name its body is read (a here-document, or an echo on the line).</summary>
    private const int HookLines = 12;

    /// <summary>A hook that sends: a push to an address (not to a remote's name), a request, a socket.</summary>
    [GeneratedRegex(@"\bgit\s+push\b[^\n]{0,300}?(?:https?://(?!(?:[\w-]+\.)*(?:github\.com|gitlab\.com|bitbucket\.org|codeberg\.org)\b)|ssh://|git@(?!(?:github\.com|gitlab\.com|bitbucket\.org|codeberg\.org)\b)|\$\{?[A-Z_]*(?:URL|VAULT|MIRROR|REMOTE_URL)\b)|\b(?:curl|wget)\b|\bnc\s+[^\s]{1,200}\s+\d+|/dev/tcp/|\brsync\b[^\n]{0,300}?\s[^\s:]{1,200}:|\bscp\b", I)]
    private static partial Regex HookSends();

    [GeneratedRegex(@">|\btee\b|\bopen\s*\(|\bwrite\w*\s*\(|\.write_text\b|Set-Content|Out-File", I)]
    private static partial Regex WritesFile();

    /// <summary>A hook written by the match's line (<c>cat &gt;</c>, <c>tee</c>, <c>open(…)</c>) whose body (its here-document, or the line's own echo) sends somewhere.</summary>
    private static AuditSeverity? JudgeHookSends(string text, Match match)
    {
        var start = match.Index == 0 ? 0 : text.LastIndexOf('\n', match.Index - 1) + 1;
        var lineEnd = text.IndexOf('\n', match.Index);
        lineEnd = lineEnd < 0 ? text.Length : lineEnd;
        // The line that writes the hook, at most 1 KiB of it: its body follows as a here-document, or is the line's own echo.
        var line = text.Substring(start, Math.Min(lineEnd - start, 1024));
        if (!WritesFile().IsMatch(line))
        {
            return null;
        }

        if (HereDocument().Match(line) is not { Success: true } here)
        {
            return HookSends().IsMatch(line) ? AuditSeverity.High : null;
        }

        // The here-document's lines up to its delimiter (at most twelve, each read to 1 KiB).
        var delimiter = here.Groups["end"].Value;
        var at = lineEnd;
        for (var n = 0; n < HookLines && at < text.Length; n++)
        {
            var next = text.IndexOf('\n', at + 1);
            next = next < 0 ? text.Length : next;
            var body = text.AsSpan(at + 1, Math.Min(next - at - 1, 1024));
            if (body.Trim().SequenceEqual(delimiter))
            {
                break;
            }

            if (HookSends().IsMatch(body))
            {
                return AuditSeverity.High;
            }

            at = next;
        }

        return null;
    }

    [GeneratedRegex(@"<<-?[ \t]*[""']?(?<end>\w+)[""']?", RegexOptions.CultureInvariant)]
    private static partial Regex HereDocument();

    /// <summary>A second push address: <c>git remote set-url --add --push</c>, <c>remote.origin.pushurl</c>.</summary>
    [GeneratedRegex(@"\bgit\s+remote\s+set-url\s+(?:--add\s+--push|--push\s+--add)\b|\bremote\.[\w.-]+\.pushurl\b|^\s*pushurl\s*=", I | RegexOptions.Multiline)]
    private static partial Regex ExtraPushUrl();
}
