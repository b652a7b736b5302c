namespace OpenClaw.Desired.Tests.Secrets.Corpus;

/// <summary>
/// One labelled example: a small document (a Markdown note, a .env line, a JSON or session-log line) that either
/// holds one credential (<see cref="Value"/>, of <see cref="Kind"/>) or is a look-alike that holds none.
/// </summary>
public sealed record CorpusSample(string Format, string Context, string Text, string? Value, string? Kind);

/// <summary>
/// The labelled corpus behind the scanner's precision and recall: for each format, synthetic true credentials
/// in Markdown, env and JSON lines, and look-alikes (placeholders, documentation examples, truncated values,
/// public keys, identifiers, hashes) in the same three shapes. Every value is generated; none is real.
/// </summary>
public static class LabelledCorpus
{
    public const int PerFormat = 20;

    public static IReadOnlyList<CorpusSample> Build(int seed = 20261125)
    {
        var v = new SyntheticValues(seed);
        var samples = new List<CorpusSample>();
        foreach (var format in Formats(v))
        {
            for (var i = 0; i < PerFormat; i++)
            {
                var value = format.Make();
                samples.AddRange(format.Contexts(value).Select(c => new CorpusSample(format.Name, c.Context, c.Text, c.Label, format.Kind)));
            }

            // Placeholders stand where the real value would; near misses turn up in ordinary text.
            foreach (var placeholder in format.Placeholders)
            {
                samples.AddRange(format.Contexts(placeholder).Select(c => new CorpusSample(format.Name, c.Context, c.Text, null, null)));
            }

            foreach (var near in format.NearMisses)
            {
                samples.AddRange(Neutral(near).Select(c => new CorpusSample(format.Name, c.Context, c.Text, null, null)));
            }
        }

        samples.AddRange(Prose(v));
        return samples;
    }

    private sealed record Format(
        string Name,
        string Kind,
        string EnvName,
        Func<string> Make,
        IReadOnlyList<string> Placeholders,
        IReadOnlyList<string>? Near = null,
        Func<string, IEnumerable<(string Context, string Text, string Label)>>? Shapes = null)
    {
        public IReadOnlyList<string> NearMisses => Near ?? [];

        public IEnumerable<(string Context, string Text, string Label)> Contexts(string value) => Shapes?.Invoke(value) ?? Default(EnvName, value);
    }

    private static IEnumerable<(string Context, string Text, string Label)> Neutral(string text) =>
    [
        ("markdown", $"- Today: looked at {text} with Dana, nothing to do.\n", text),
        ("env", $"RELEASE_NOTE={text}\n", text),
        ("json", $"{{\"role\":\"assistant\",\"content\":\"noted: {text}\"}}\n", text),
    ];

    /// <summary>The three places agents keep credentials: a note, an env file, a JSON/session-log line.</summary>
    private static IEnumerable<(string Context, string Text, string Label)> Default(string name, string value) => Default(name, value, value, "the key is");

    private static IEnumerable<(string Context, string Text, string Label)> Default(string name, string value, string label, string lead) =>
    [
        ("markdown", $"# Notes\n\n- Set up the integration today; {lead} `{value}` (keep it safe).\n- Next: weekly report.\n", label),
        ("env", $"# service\n{name}={value}\nLOG_LEVEL=info\n", label),
        ("json", $"{{\"role\":\"user\",\"content\":\"{lead} {value} and tell me when it works\",\"ts\":1776600000}}\n", label),
    ];

    private static IEnumerable<(string Context, string Text, string Label)> Assigned(string name, string value) =>
    [
        ("markdown", $"## Config\n\n```yaml\n{name.ToLowerInvariant()}: {value}\nregion: eu-west-1\n```\n", value),
        ("env", $"{name}={value}\n", value),
        ("json", $"{{\"service\":\"shop\",\"{Camel(name)}\":\"{value}\",\"retries\":3}}\n", value),
    ];

    private static string Camel(string name)
    {
        var parts = name.ToLowerInvariant().Split('_');
        return parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }

    private static IEnumerable<Format> Formats(SyntheticValues v)
    {
        yield return new("anthropic", "anthropic-api-key", "ANTHROPIC_API_KEY", v.Anthropic, ["sk-ant-api03-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", "sk-ant-...", "sk-ant-<your-key>"], ["desk-ant-colony-simulator-notes-2026"]);
        yield return new("openai", "openai-api-key", "OPENAI_API_KEY", () => v.Between(0, 1) == 0 ? v.OpenAiProject() : v.OpenAiLegacy(),
            ["sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "sk-your-openai-key-goes-here", "sk-proj-REDACTED", "sk-..."], ["task-manager-frontend-2026-release", "disk-usage-report-q3"]);
        yield return new("openai-compatible", "openai-compatible-key", "LLM_API_KEY", v.DeepSeek, ["sk-00000000000000000000000000000000", "sk-deepseek-key"], ["sk-learn", "risk-0123456789abcdef0123456789abcdef"]);
        yield return new("deepseek", "deepseek-api-key", "DEEPSEEK_API_KEY", v.DeepSeek, ["sk-your-deepseek-key"], null,
            value => Default("DEEPSEEK_API_KEY", value, value, "the DeepSeek key is"));
        yield return new("moonshot", "moonshot-api-key", "MOONSHOT_API_KEY", () => v.Between(0, 1) == 0 ? v.Moonshot() : v.KimiCode(), ["sk-kimi-your-key", "sk-moonshot"], ["kimi-k2-thinking"],
            value => Default("MOONSHOT_API_KEY", value, value, "the Moonshot (Kimi) key is"));
        yield return new("openrouter", "openrouter-api-key", "OPENROUTER_API_KEY", v.OpenRouter, ["sk-or-v1-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "sk-or-v1-..."]);
        yield return new("google", "google-api-key", "GEMINI_API_KEY", v.Google, ["AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", "AIza...", "AIzaSy-your-key"]);
        yield return new("groq", "groq-api-key", "GROQ_API_KEY", v.Groq, ["gsk_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "gsk_..."]);
        yield return new("xai", "xai-api-key", "XAI_API_KEY", v.Xai, ["xai-your-api-key", "xai-..."], ["xai-grok-4-fast-reasoning"]);
        yield return new("perplexity", "perplexity-api-key", "PERPLEXITY_API_KEY", v.Perplexity, ["pplx-..."], ["pplx-sonar-pro"]);
        yield return new("huggingface", "huggingface-token", "HF_TOKEN", v.HuggingFace, ["hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"], ["hf_hub_download"]);
        yield return new("telegram", "telegram-bot-token", "TELEGRAM_BOT_TOKEN", v.Telegram, ["123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11", "1234567890:AAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"], ["tg:40417731", "meeting 10:30:AA room"]);
        yield return new("discord", "discord-bot-token", "DISCORD_BOT_TOKEN", v.Discord, ["your-discord-bot-token"], ["MTIz.abc.def", "NT.1.2", "MTA5ODc2NTQzMjEwOTg3NjU0.example"]);
        yield return new("slack-bot", "slack-bot-token", "SLACK_BOT_TOKEN", v.SlackBot, ["xoxb-your-bot-token", "xoxb-XXXXXXXXXXXX-XXXXXXXXXXXXX-XXXXXXXXXXXXXXXXXXXXXXXX", "xoxb-..."]);
        yield return new("slack-user", "slack-user-token", "SLACK_USER_TOKEN", v.SlackUser, ["xoxp-...", "xoxp-your-user-token"]);
        yield return new("slack-app", "slack-app-token", "SLACK_APP_TOKEN", v.SlackApp, ["xapp-...", "xapp-1-your-app-token"]);
        yield return new("slack-webhook", "slack-webhook", "SLACK_WEBHOOK_URL", v.SlackWebhookPath, ["T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"], null,
            value => Default("SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/" + value, value, "the webhook is"));
        yield return new("github", "github-token", "GITHUB_TOKEN", () => v.Between(0, 1) == 0 ? v.GitHub() : v.GitHubFineGrained(), ["ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "ghp_...", "github_pat_EXAMPLE", "ghp_your_token_here"]);
        yield return new("github-oauth", "github-oauth-token", "GH_OAUTH_TOKEN", v.GitHubOAuth, ["gho_...", "gho_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"]);
        yield return new("gitlab", "gitlab-token", "GITLAB_TOKEN", v.GitLab, ["glpat-xxxxxxxxxxxxxxxxxxxx", "glpat-..."]);
        yield return new("npm", "npm-token", "NPM_TOKEN", v.Npm, ["npm_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"], ["npm_config_cache", "npm_package_version"]);
        yield return new("aws-key-id", "aws-access-key-id", "AWS_ACCESS_KEY_ID", v.AwsKeyId, ["AKIAIOSFODNN7EXAMPLE", "AKIA...", "AKIAXXXXXXXXXXXXXXXX"]);
        yield return new("aws-secret", "aws-secret-access-key", "AWS_SECRET_ACCESS_KEY", v.AwsSecret, ["wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "${AWS_SECRET_ACCESS_KEY}", "YOUR_SECRET_ACCESS_KEY"], null,
            value => Assigned("AWS_SECRET_ACCESS_KEY", value));
        yield return new("gcp-client-secret", "gcp-oauth-client-secret", "GOOGLE_CLIENT_SECRET", v.GcpClientSecret, ["GOCSPX-...", "GOCSPX-your-client-secret"]);
        yield return new("gcp-service-account", "private-key", "GCP_SA", () => v.PrivateKey("PRIVATE KEY", "\\n"),
            ["-----BEGIN PUBLIC KEY-----\\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\\n-----END PUBLIC KEY-----", "-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----"], null,
            value => [("json", $"{{\"type\":\"service_account\",\"project_id\":\"claw-prod\",\"private_key\":\"{value}\\n\",\"client_email\":\"claw@claw-prod.iam.gserviceaccount.com\"}}\n", value)]);
        yield return new("azure-client-secret", "azure-client-secret", "AZURE_CLIENT_SECRET", v.AzureClientSecret, ["abc8Q~...", "your-client-secret"]);
        yield return new("azure-storage-key", "azure-storage-key", "AZURE_STORAGE_CONNECTION_STRING", v.AzureStorageKey, ["your-account-key", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=="], null,
            value => Default("AZURE_STORAGE_CONNECTION_STRING", $"DefaultEndpointsProtocol=https;AccountName=clawstore;AccountKey={value};EndpointSuffix=core.windows.net", value, "the connection string is"));
        yield return new("stripe", "stripe-secret-key", "STRIPE_SECRET_KEY", v.Stripe, ["sk_live_...", "sk_test_4eC39HqLyjWDarjtT1zdp7dc"]);
        yield return new("sendgrid", "sendgrid-api-key", "SENDGRID_API_KEY", v.SendGrid, ["SG.xxxxx.yyyyy", "SG.your-api-key"]);
        yield return new("private-key", "private-key", "SSH_KEY", () => v.PrivateKey(v.Between(0, 1) == 0 ? "OPENSSH PRIVATE KEY" : "RSA PRIVATE KEY", "\n"),
            ["-----BEGIN OPENSSH PRIVATE KEY-----\n...\n-----END OPENSSH PRIVATE KEY-----"],
            ["-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----", "-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJRTESMBAGA1UEChMJQmFsdGltb3JlMRMwEQYDVQQLEwpDeWJlclRydXN0MSIwIAYDVQQDExlCYWx0aW1vcmUgQ3liZXJUcnVzdCBSb290\n-----END CERTIFICATE-----"],
            value =>
            {
                var escaped = value.Replace("\n", "\\n", StringComparison.Ordinal);
                return [("markdown", $"# Deploy key\n\n```\n{value}\n```\n", value), ("env", $"SSH_KEY=\"{escaped}\"\n", escaped), ("json", $"{{\"deployKey\":\"{escaped}\"}}\n", escaped)];
            });
        yield return new("url-password", "url-password", "DATABASE_URL", v.UrlPassword, ["${DB_PASSWORD}", "{{db_password}}", "%s", "<password>", "****", "xxxxxxxx"], null,
            value => Default("DATABASE_URL", $"postgres://claw:{value}@db.internal:5432/shop", value, "the database is").Append(("markdown", $"Cache: redis://:{value}@cache.internal:6379/0 (prod)\n", value)));
        yield return new("jwt", "jwt", "SESSION_JWT", v.Jwt, ["eyJ..."], ["eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9", "eyJhbGciOiJIUzI1NiJ9.e30."]);
        yield return new("generic-secret", "generic-secret", "WEBHOOK_SECRET", v.GenericSecret, ["changeme", "${WEBHOOK_SECRET}", "your-webhook-secret", "/run/secrets/webhook", "0000000000000000000000000000"], null,
            value => Assigned("WEBHOOK_SECRET", value));
        yield return new("password", "password", "SMTP_PASSWORD", v.Password, ["********", "${SMTP_PASSWORD}", "password", "changeme", "hunter"], null,
            value => Assigned("SMTP_PASSWORD", value));

        // Known hard cases, kept in the corpus so the figures say where the scanner stops: a key mentioned in a
        // sentence without any assignment, a passphrase of plain words, and high-entropy tokens that are not
        // credentials (pagination cursors, request signatures) under credential-looking names.
        yield return new("prose-mention", "generic-secret", "UNUSED", v.GenericSecret, [], null,
            value => [("markdown", $"- Dana's weather service key is {value}, do not share it.\n", value), ("json", $"{{\"role\":\"user\",\"content\":\"the webhook secret is {value} now\"}}\n", value)]);
        yield return new("passphrase", "password", "WIFI_PASSWORD", v.Passphrase, [], null,
            value => [("markdown", $"wifi_password: {value}\n", value), ("env", $"WIFI_PASSWORD=\"{value}\"\n", value)]);
        yield return new("cursor-token", "none", "UNUSED", () => "unused", [],
            [.. Enumerable.Range(0, 10).Select(_ => $"\"nextPageToken\": \"{v.AlnumOf(48)}\""), .. Enumerable.Range(0, 5).Select(_ => $"csrf_token: {v.HexOf(32)}")],
            _ => []);
    }

    /// <summary>Text with no credential at all that an eager scanner would still flag.</summary>
    private static IEnumerable<CorpusSample> Prose(SyntheticValues v)
    {
        string[] lines =
        [
            "The key points of today's meeting: keep answers short; pass the token of appreciation to Dana.",
            "max_tokens: 4096\ntemperature: 0.2\ntop_p: 0.9",
            "token_count=18342\nprompt_tokens=1200\ncompletion_tokens=640",
            "apiKeyEnv: OPENAI_API_KEY\ntokenFile: /run/secrets/telegram",
            "{\"request_id\":\"550e8400-e29b-41d4-a716-446655440000\",\"status\":\"ok\"}",
            "commit 3f2a9c1e7b4d5a6f8e9d0c1b2a3f4e5d6c7b8a90 (HEAD -> main)",
            "sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "password_hash: $2b$12$KIXQJf3Lx9Yb1Qm5vZp2MuXn0sT7yW4eR6aD8cF1gH3jK5lN7pQ9S",
            "public_key: ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGmY4x2kN7p9Qr3sT5uV8wX0yZ1aB2cD4eF6gH8iJ0kL claw@host",
            "sort_key: created_at\ncache_key: user:1234:profile\nkey: value",
            "tokenizer: cl100k_base\nsecret_name: prod-db-password\nkeyboard_layout: de",
            "See https://docs.openclaw.ai/gateway/secrets and http://localhost:18789/ for details.",
            "Connect with postgres://claw@localhost/shop (peer auth, no password).",
            "- Weather summary every morning at 07:00.\n- Dana's sister is visiting 12–15 December.",
            "\"authorization\": \"Bearer ${OPENCLAW_GATEWAY_TOKEN}\"",
            "model: anthropic/claude-sonnet-4-5, fallbacks: [openai/gpt-5.1, ollama/llama3.3:8b]",
            "version 2026.4.12-beta.1 (8f8492d1)",
            "Use `openssl rand -hex 32` to make a token; never paste it here.",
        ];
        foreach (var line in lines)
        {
            yield return new CorpusSample("prose", "markdown", line + "\n", null, null);
            yield return new CorpusSample("prose", "json", $"{{\"role\":\"assistant\",\"content\":\"{line.Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)}\"}}\n", null, null);
        }

        for (var i = 0; i < 20; i++)
        {
            // Session logs carry images and files as base64; none of it is a credential.
            yield return new CorpusSample("prose", "json", $"{{\"type\":\"image\",\"data\":\"{v.Of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 4000)}==\"}}\n", null, null);
        }
    }
}
