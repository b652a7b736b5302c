using System.Text.RegularExpressions;
using OpenClaw.Desired.Planning;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>The agent's own files, or a .env, read by a program that posts to a host of its own with no account of the user's there.</summary>
public sealed partial class SkillAuditBuilder
{
    /// <summary>Programs that read the agent's files or a .env (the line where they name one), send with no account of the user's, and do not talk only to their provider.</summary>
    private readonly Dictionary<string, int> _unsignedDataSenders = new(StringComparer.Ordinal);

    internal static readonly (string Id, AuditSeverity Severity, string Why) AgentDataSendRule =
        ("agent-data-send", AuditSeverity.High, "reads the agent's own files (its config, auth profiles, session transcripts, memory) or a .env, and posts to a host written into the skill where no account of the user's signs the request: what it read goes to the skill's author");

    /// <summary>
    /// Notes, from a program's text, whether it reads the agent's stores or a .env and signs none of its requests with an
    /// account of the user's: a sync to the user's Notion sends their token; a "mobile link" or a "price feed" that takes
    /// the agent's config or transcripts to the skill's own server sends nothing of theirs but the data.
    /// </summary>
    private void NoteUnsignedDataSender(string file, string text, bool? callsOnlyItsProvider)
    {
        var unsigned = callsOnlyItsProvider != true && RemoteUrlLiteral().IsMatch(text) && !AccountOfTheUser().IsMatch(CommentLine().Replace(text, string.Empty));
        if (unsigned)
        {
            _unsignedSenders.Add(file);
        }

        if (!AuditContext.ReadsFiles(text))
        {
            return;
        }

        var store = AgentFolder().IsMatch(text) ? AgentStoreNamed().Match(text) : Match.Empty;
        if (store.Success && store.Value[1..] is not ".env")
        {
            _agentStoreReaders.Add(file);
        }
        else if (!store.Success)
        {
            store = EnvFileNamed().Match(text);
        }

        if (!store.Success)
        {
            // Private keys read by a program: noted for sends in DNS names or ping padding only (an SSH tool talks to hosts).
            if (KeyMaterial().Match(text) is { Success: true } key)
            {
                _covertKeyReaders[file] = 1 + text.AsSpan(0, key.Index).Count('\n');
            }

            return;
        }

        var line = 1 + text.AsSpan(0, store.Index).Count('\n');
        // A name looked up or a ping carries data to whoever runs the zone or the host, with no address written and no account
        // of the user's: any program that reads the agent's stores and sends so is noted, whatever else it calls.
        _covertDataReaders[file] = line;
        if (unsigned)
        {
            _unsignedDataSenders[file] = line;
        }
    }

    /// <summary>Programs that read private keys (the line that names them), for sends in DNS names or ping padding.</summary>
    private readonly Dictionary<string, int> _covertKeyReaders = new(StringComparer.Ordinal);

    internal static readonly (string Id, AuditSeverity Severity, string Why) KeyCovertSendRule =
        ("key-covert-send", AuditSeverity.High, "reads private keys and sends data in DNS names or ping padding: the keys leave in lookups that no rule for web traffic sees");

    /// <summary>Private key material in code: a PEM header searched for (<c>"PRIVATE KEY"</c>), ssh_config's <c>IdentityFile</c>, a private key's file name.</summary>
    [GeneratedRegex(@"[""'`][^""'`\n]{0,30}PRIVATE KEY[^""'`\n]{0,10}[""'`]|[""'`]IdentityFile[""'`]|\bid_(?:rsa|ed25519|ecdsa|dsa)\b(?!\.pub)", RegexOptions.CultureInvariant)]
    private static partial Regex KeyMaterial();

    /// <summary>Programs that read the agent's own stores (its config, auth profiles, credentials, sessions, memory), not a .env alone.</summary>
    private readonly HashSet<string> _agentStoreReaders = new(StringComparer.Ordinal);

    /// <summary>Whether a program names a module of the skill where it imports or uses it: <c>use crate::config</c>, <c>from config import</c>, <c>require('./config')</c>, <c>config.load()</c>.</summary>
    private static bool Imports(string sender, string module) =>
        module.Length >= 2 && Regex.IsMatch(sender, @"(?:\b(?:use|import|from|require|require_relative|include|source)\b[^\n]{0,120}?|::|[/'""])" + Regex.Escape(module) + @"\b|\b" + Regex.Escape(module) + @"(?:::|\.)\w", RegexOptions.CultureInvariant);

    /// <summary>Programs that write out a remote URL of their own and sign none of their requests with an account of the user's.</summary>
    private readonly HashSet<string> _unsignedSenders = new(StringComparer.Ordinal);

    /// <summary>Programs that read the agent's files or a .env (the line where they name one), for the sends no address shows (<see cref="UnsignedDataSends"/>).</summary>
    private readonly Dictionary<string, int> _covertDataReaders = new(StringComparer.Ordinal);

    /// <summary>Sends that carry data in DNS names or ping padding: a channel of its own, not a request anyone signs.</summary>
    internal static bool IsCovertSend(AuditRule? rule) => rule?.Id is "sig-dns-labels" or "sig-icmp-pattern" or "dns-exfiltration";

    /// <summary>
    /// One finding per program that reads the agent's files or a .env and, writing out a remote URL of its own, sends a body out, or
    /// that sends in DNS names or ping padding with no address written at all; in a security tool too: a checker that posts what
    /// it read to its own server is no checker (as for its senders in <see cref="Build"/>).
    /// </summary>
    private IEnumerable<AuditFinding> UnsignedDataSends()
    {
        foreach (var (file, readLine) in _unsignedDataSenders.Concat(_covertDataReaders.Where(r => !_unsignedDataSenders.ContainsKey(r.Key))))
        {
            var covertOnly = !_unsignedDataSenders.ContainsKey(file);
            if (_hits.Where(h => h.File == file && h.Executable && (h.Rule?.Signal == Signal.Send || IsCovertSend(h.Rule)) && (!covertOnly || IsCovertSend(h.Rule)) && !AuditContext.QuotesAnExample(h.LineText))
                .OrderBy(h => h.Line).FirstOrDefault() is not { } send)
            {
                continue;
            }

            yield return new AuditFinding(file, send.Line, AgentDataSendRule.Id, AgentDataSendRule.Severity, AgentDataSendRule.Why)
            {
                Evidence = new ValueList<string>([$"{Signal.AgentCredentialRead.Describe()} at {file}:{readLine}", $"{Signal.Send.Describe()} at {file}:{send.Line}"]),
            };
        }

        foreach (var (file, readLine) in _covertKeyReaders.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            if (AuditContext.IsTestPath(file) || _hits.Where(h => h.File == file && h.Executable && IsCovertSend(h.Rule) && !AuditContext.QuotesAnExample(h.LineText)).OrderBy(h => h.Line).FirstOrDefault() is not { } send)
            {
                continue;
            }

            yield return new AuditFinding(file, send.Line, KeyCovertSendRule.Id, KeyCovertSendRule.Severity, KeyCovertSendRule.Why)
            {
                Evidence = new ValueList<string>([$"{Signal.KeyFiles.Describe()} at {file}:{readLine}", $"{Signal.Send.Describe()} at {file}:{send.Line}"]),
            };
        }

        // The read and the send in two programs of one language (config.rs loads openclaw.json, pricing.rs posts to the
        // author's host): a module that reads the agent's stores and sends nothing itself hands what it read to the one
        // that sends and imports it. A .env read for the program's own key, or a reader that calls its own provider, is neither.
        foreach (var (file, readLine) in _covertDataReaders.Where(r => _agentStoreReaders.Contains(r.Key) && !_unsignedDataSenders.ContainsKey(r.Key)).OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var language = Path.GetExtension(file);
            var module = Path.GetFileNameWithoutExtension(file);
            if (language.Length < 2 || AuditContext.IsTestPath(file) || _hits.Any(h => h.File == file && h.Rule?.Signal == Signal.Send) || _hits.Where(h => h.File != file && h.Executable && h.Rule?.Signal == Signal.Send && h.Rule.Id != "sig-send-prose" && _unsignedSenders.Contains(h.File)
                    && _codeByFile.TryGetValue(h.File, out var sender) && Imports(sender, module)
                    && Path.GetExtension(h.File).Equals(language, StringComparison.OrdinalIgnoreCase) && !AuditContext.IsTestPath(h.File) && !_covertDataReaders.ContainsKey(h.File) && !AuditContext.QuotesAnExample(h.LineText))
                .OrderBy(h => h.File, StringComparer.Ordinal).ThenBy(h => h.Line).FirstOrDefault() is not { } send)
            {
                continue;
            }

            yield return new AuditFinding(send.File, send.Line, AgentDataSendRule.Id, AgentDataSendRule.Severity, AgentDataSendRule.Why)
            {
                Evidence = new ValueList<string>([$"{Signal.AgentCredentialRead.Describe()} at {file}:{readLine}", $"{Signal.Send.Describe()} at {send.File}:{send.Line}"]),
            };
            yield break;
        }
    }

    /// <summary>A URL to a remote host written in a string (<c>"https://api.recapsync-cloud.net/v1"</c>, <c>"… (https://files.cdn.example/u)"</c>), not the agent's gateway on loopback or a private address.</summary>
    [GeneratedRegex(@"[""'`(](?:https?|wss?)://(?!localhost\b|127\.|0\.0\.0\.0|\[::1\]|10\.|192\.168\.|172\.(?:1[6-9]|2\d|3[01])\.|\{|\$)[\w-]+(?:\.[\w-]+)+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex RemoteUrlLiteral();

    /// <summary>The agent's home in code: <c>~/.openclaw</c>, <c>path.join(home, ".openclaw")</c>, <c>OPENCLAW_STATE_DIR</c>.</summary>
    [GeneratedRegex(@"\.(?:openclaw|clawdbot|moltbot)\b|\bOPENCLAW_STATE_DIR\b", RegexOptions.CultureInvariant)]
    private static partial Regex AgentFolder();

    /// <summary>One of the agent's stores by name, as a string or a path segment: its config, auth profiles, credentials, session transcripts, memory and user files.</summary>
    [GeneratedRegex(@"[""'`/](?:openclaw\.json|auth-profiles\.json|credentials|sessions|MEMORY\.md|USER\.md|\.env)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AgentStoreNamed();

    /// <summary>A .env file named as a string (<c>".env"</c>, <c>path.join(cwd, '.env')</c>).</summary>
    [GeneratedRegex(@"[""'`/]\.env(?:\.\w+)?[""'`]", RegexOptions.CultureInvariant)]
    private static partial Regex EnvFileNamed();

    /// <summary>
    /// An account of the user's signing a request: an Authorization or API-key header whose value is not written into the
    /// skill (<c>"Authorization": f"Bearer {token}"</c>, not <c>"Bearer pk_live_recap_public"</c>), basic auth, or a token, key,
    /// secret, password, webhook, topic or chat id read by name from the environment or a .env (<c>os.environ["NOTION_TOKEN"]</c>,
    /// <c>process.env.SLACK_WEBHOOK_URL</c>, <c>env("TELEGRAM_BOT_TOKEN")</c>, <c>cfg["SLACK_BOT_TOKEN"]</c> of <c>dotenv_values()</c>,
    /// <c>env.CHAT_WEBHOOK_URL</c>), or put into the address (<c>api.telegram.org/bot{token}</c>, <c>?key=${key}</c>): the user's
    /// bot, webhook or API account, set up for the skill. Comments say nothing of it.
    /// </summary>
    [GeneratedRegex(@"(?i:\bauthorization[""']?\s*[:=,]\s*(?=\S)(?![""'](?:bearer|token|basic)\s+[\w.-]{6,}[""'])|\bbearer\s*(?:[""'`]\s*\+|\{|\$\{|%s)|\bx-api-key[""']?\s*[:=,]\s*(?=\S)(?![""'][\w.-]{6,}[""'])|\bauth\s*=\s*\(|\bbasic_auth\b|\bsetBasicAuth\b|\bbearer_auth\s*\()"
        + @"|(?:\benviron|\bgetenv|\bprocess\.env|\bGetenv|\bENV|\$env:)\W{0,3}(?:get\s*\(\s*)?[""']?" + CredentialName
        + @"|(?:\b(?:env|dotenv|getenv|setting|config_value|secret|get)\s*\(\s*|\[\s*)[""']" + CredentialName + @"[""']|\.(?-i:" + CredentialName + @")\b"
        + @"|/bot(?:\{|\$\{|[""'`]\s*\+)|/api/webhooks/(?:\{|\$\{|[""'`]\s*\+)|[?&](?:token|key|api_key|apikey|access_token|auth)=(?:\{|\$\{|[""'`]\s*\+)", RegexOptions.CultureInvariant)]
    private static partial Regex AccountOfTheUser();

    /// <summary>A variable's name for a credential or a destination of the user's: <c>NOTION_TOKEN</c>, <c>X_API_KEY</c>, <c>NTFY_TOPIC</c>, <c>TELEGRAM_CHAT_ID</c>.</summary>
    private const string CredentialName = @"[A-Z0-9_]*(?:TOKEN|KEY|SECRET|PASSWORD|PASS|WEBHOOK|TOPIC|CHAT_ID)[A-Z0-9_]*";

    /// <summary>A whole-line comment (<c># …</c>, <c>// …</c>, <c>-- …</c>).</summary>
    [GeneratedRegex(@"^[ \t]*(?:#|//|--|\*|/\*)[^\n]*", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex CommentLine();
}
