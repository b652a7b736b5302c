using System.Text;
using OpenClaw.Desired.Secrets.Scanning.Formats;

namespace OpenClaw.Desired.Tests.Secrets.Corpus;

/// <summary>
/// One synthetic credential per provider family, generated in the provider's documented shape (prefix, alphabet,
/// length, infixes, check digits) from a seeded generator, with the line it is written on. None is real.
/// </summary>
public sealed record ProviderSample(string Family, string Kind, string Value, string Line);

public static class ProviderSamples
{
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Lower = "abcdefghijklmnopqrstuvwxyz";
    private const string Digits = "0123456789";
    private const string Alnum = Upper + Lower + Digits;
    private const string B64Url = Alnum + "-_";
    private const string B64 = Alnum + "+/";
    private const string Hex = "0123456789abcdef";

    public static IReadOnlyList<ProviderSample> All(int seed = 20261129)
    {
        var v = new SyntheticValues(seed);
        string Of(string alphabet, int n) => v.Of(alphabet, n);
        ProviderSample Env(string family, string kind, string name, string value) => new(family, kind, value, $"{name}={value}");
        ProviderSample Note(string family, string kind, string value, string sentence) => new(family, kind, value, sentence.Replace("{v}", value, StringComparison.Ordinal));

        var random30 = Of(Alnum, 30);
        var npm30 = Of(Alnum, 30);
        var annotated = Of(Alnum, 52) + "JQQJ99" + "B" + "F" + Of(Alnum, 16) + "AZDO" + Of(Alnum, 4);
        var openAiAnnotated = Of(Alnum, 52) + "JQQJ99" + "B" + "C" + Of(Alnum, 16) + "ACOG" + Of(Alnum, 4);
        return
        [
            // AI providers.
            Env("openai user", "openai-api-key", "OPENAI_API_KEY", $"sk-{Of(Alnum, 20)}T3BlbkFJ{Of(Alnum, 20)}"),
            Env("openai project", "openai-api-key", "OPENAI_API_KEY", $"sk-proj-{Of(B64Url, 74)}T3BlbkFJ{Of(B64Url, 74)}"),
            Env("openai service account", "openai-api-key", "OPENAI_API_KEY", $"sk-svcacct-{Of(B64Url, 74)}T3BlbkFJ{Of(B64Url, 74)}"),
            Env("openai admin", "openai-api-key", "OPENAI_ADMIN_KEY", $"sk-admin-{Of(B64Url, 74)}T3BlbkFJ{Of(B64Url, 74)}"),
            Env("anthropic api", "anthropic-api-key", "ANTHROPIC_API_KEY", $"sk-ant-api03-{Of(B64Url, 93)}AA"),
            Env("anthropic admin", "anthropic-admin-key", "ANTHROPIC_ADMIN_KEY", $"sk-ant-admin01-{Of(B64Url, 93)}AA"),
            Env("google api key", "google-api-key", "GOOGLE_API_KEY", $"AIza{Of(B64Url, 35)}"),
            Note("gemini", "google-api-key", $"AIza{Of(B64Url, 35)}", "gemini works with {v} for now"),
            Env("google oauth client secret", "gcp-oauth-client-secret", "GOOGLE_CLIENT_SECRET", $"GOCSPX-{Of(B64Url, 28)}"),
            Env("mistral", "mistral-api-key", "MISTRAL_API_KEY", Of(Alnum, 32)),
            Note("mistral in prose", "mistral-api-key", Of(Alnum, 32), "mistral console key {v} (la plateforme)"),
            Note("cohere", "cohere-api-key", Of(Alnum, 40), "cohere: {v}"),
            Env("openrouter", "openrouter-api-key", "OPENROUTER_API_KEY", $"sk-or-v1-{Of(Hex, 64)}"),
            Env("xai", "xai-api-key", "XAI_API_KEY", $"xai-{Of(Alnum, 80)}"),
            Env("groq", "groq-api-key", "GROQ_API_KEY", $"gsk_{Of(Alnum, 52)}"),
            Env("perplexity", "perplexity-api-key", "PERPLEXITY_API_KEY", $"pplx-{Of(Alnum, 48)}"),
            Env("deepseek", "deepseek-api-key", "DEEPSEEK_API_KEY", $"sk-{Of(Hex, 32)}"),
            Env("elevenlabs", "elevenlabs-api-key", "ELEVENLABS_API_KEY", $"sk_{Of(Hex, 48)}"),
            Env("langsmith", "langsmith-api-key", "LANGSMITH_API_KEY", $"lsv2_pt_{Of(Hex, 32)}_{Of(Hex, 10)}"),
            Env("pinecone", "pinecone-api-key", "PINECONE_API_KEY", $"pcsk_{Of(Alnum, 6)}_{Of(Alnum, 64)}"),
            Env("hugging face user", "huggingface-token", "HF_TOKEN", $"hf_{Of(Upper + Lower, 34)}"),
            Env("hugging face org", "huggingface-token", "HF_ORG_TOKEN", $"api_org_{Of(Upper + Lower, 34)}"),
            Note("ngrok", "ngrok-authtoken", $"2{Of(Alnum, 26)}_{Of(Alnum, 21)}", "ngrok config add-authtoken {v}"),
            Env("context7", "context7-api-key", "CONTEXT7_API_KEY", $"ctx7sk-{Of(Hex, 8)}-{Of(Hex, 4)}-{Of(Hex, 4)}-{Of(Hex, 4)}-{Of(Hex, 12)}"),
            Note("okta", "okta-api-token", $"00{Of(B64Url, 40)}", "variable \"okta_api_token\" {\n  default = \"{v}\"\n}"),
            Note("okta ssws", "okta-api-token", $"00{Of(Alnum, 40)}", "curl -H \"Authorization: SSWS {v}\" https://dana.okta.com/api/v1/users"),
            Note("truenas", "truenas-api-key", $"{Of("123456789", 1)}-{Of(Alnum, 64)}", "{\"msg\": \"method\", \"method\": \"auth.login_with_api_key\",\n  \"params\": [\n    \"{v}\"\n  ]}"),
            Note("jenkins crumb", "jenkins-crumb", Of(Hex, 64), "curl -X POST https://ci.example.org/job/nightly/build -H 'Jenkins-Crumb:{v}'"),
            Note("jenkins admin password", "jenkins-admin-password", Of(Hex, 32), "Jenkins initial setup is required. An admin user has been created and a password generated.\nPlease use the following password to proceed to installation:\n\n{v}\n\nThis may also be found at: /var/lib/jenkins/secrets/initialAdminPassword"),

            // Azure.
            Env("azure storage key", "azure-storage-key", "AZURE_STORAGE_CONNECTION_STRING", Of(B64, 76) + "+ASt" + Of(B64, 5) + "A=="),
            Note("azure connection string", "azure-storage-key", Of(B64, 86) + "==", "DefaultEndpointsProtocol=https;AccountName=claw;AccountKey={v};EndpointSuffix=core.windows.net"),
            Note("azure sas", "azure-sas-token", Of(Alnum, 43) + "%3D", "https://claw.blob.core.windows.net/c?sv=2022-11-02&ss=b&sp=r&se=2026-12-01&sig={v}"),
            Env("entra client secret", "azure-client-secret", "AZURE_CLIENT_SECRET", $"{Of(Alnum, 3)}8Q~{Of(Alnum + "_~.-", 34)}"),
            Env("azure devops pat", "azure-devops-pat", "AZURE_DEVOPS_PAT", annotated),
            Note("azure devops legacy pat", "azure-devops-pat", Of("abcdefghijklmnopqrstuvwxyz234567", 52), "az devops login --org https://dev.azure.com/claw token {v}"),
            Env("azure openai", "azure-openai-key", "AZURE_OPENAI_API_KEY", openAiAnnotated),
            Note("azure openai legacy", "azure-openai-key", Of(Hex, 32), "curl https://claw.openai.azure.com/openai -H 'api-key: {v}'"),
            Env("azure container registry", "azure-container-registry-key", "ACR_PASSWORD", Of(B64, 42) + "+ACRA" + Of(B64, 5)),
            Env("azure function key", "azure-function-key", "FUNCTION_KEY", Of(B64Url, 44) + "AzFu" + Of(B64Url, 5) + "A=="),
            Env("azure cosmos db", "azure-cosmosdb-key", "COSMOS_KEY", Of(B64, 76) + "ACDb" + Of(B64, 5) + "Q=="),
            Env("azure search", "azure-search-key", "SEARCH_KEY", Of(Alnum, 42) + "AzSeB" + Of(Alnum, 5)),
            Env("azure api management", "azure-apim-key", "APIM_KEY", Of(B64, 76) + "APIM" + Of(B64, 5) + "g=="),

            // AWS.
            Env("aws access key id", "aws-access-key-id", "AWS_ACCESS_KEY_ID", "AKIA" + Of(Upper + "234567", 16)),
            Env("aws secret key", "aws-secret-access-key", "AWS_SECRET_ACCESS_KEY", Of(B64, 40)),
            Env("aws session token", "aws-session-token", "AWS_SESSION_TOKEN", "IQoJb3JpZ2luX2VjE" + Of(B64, 300)),
            Env("aws bedrock", "aws-bedrock-api-key", "AWS_BEARER_TOKEN_BEDROCK", "ABSKQmVkcm9ja0FQSUtleS" + Of(B64, 100)),

            // GitHub, GitLab.
            Env("github classic pat", "github-token", "GITHUB_TOKEN", "ghp_" + random30 + Checksums.Crc32Base62(random30)),
            Env("github oauth", "github-oauth-token", "GH_OAUTH", "gho_" + Of(Alnum, 36)),
            Env("github user-to-server", "github-token", "GH_TOKEN", "ghu_" + Of(Alnum, 36)),
            Env("github server-to-server", "github-token", "GH_TOKEN", "ghs_" + Of(Alnum, 36)),
            Env("github refresh", "github-token", "GH_REFRESH", "ghr_" + Of(Alnum, 36)),
            Env("github fine-grained", "github-token", "GITHUB_TOKEN", $"github_pat_{Of(Alnum, 22)}_{Of(Alnum, 59)}"),
            Env("gitlab pat", "gitlab-token", "GITLAB_TOKEN", "glpat-" + Of(B64Url, 20)),
            Env("gitlab deploy", "gitlab-token", "GITLAB_DEPLOY", "gldt-" + Of(B64Url, 20)),
            Env("gitlab runner", "gitlab-token", "RUNNER_TOKEN", "glrt-" + Of(B64Url, 20)),
            Env("gitlab trigger", "gitlab-token", "TRIGGER", "glptt-" + Of(Hex, 40)),
            Env("gitlab oauth app", "gitlab-token", "GITLAB_APP_SECRET", "gloas-" + Of(Hex, 64)),
            Env("gitlab feed", "gitlab-token", "FEED", "glft-" + Of(B64Url, 20)),
            Env("gitlab ci job", "gitlab-token", "CI_JOB", "glcbt-" + Of(Hex, 2) + "_" + Of(B64Url, 20)),

            // Messaging.
            Env("slack bot", "slack-bot-token", "SLACK_BOT_TOKEN", $"xoxb-{Of(Digits, 11)}-{Of(Digits, 13)}-{Of(Alnum, 24)}"),
            Env("slack user", "slack-user-token", "SLACK_USER_TOKEN", $"xoxp-{Of(Digits, 11)}-{Of(Digits, 11)}-{Of(Digits, 13)}-{Of(Hex, 32)}"),
            Env("slack app", "slack-app-token", "SLACK_APP_TOKEN", $"xapp-1-A{Of(Upper + Digits, 10)}-{Of(Digits, 13)}-{Of(Hex, 64)}"),
            Note("slack webhook", "slack-webhook", $"T{Of(Upper + Digits, 8)}/B{Of(Upper + Digits, 10)}/{Of(Alnum, 24)}", "post to https://hooks.slack.com/services/{v}"),
            Env("discord bot", "discord-bot-token", "DISCORD_BOT_TOKEN", DiscordToken(v)),
            Note("discord webhook", "discord-webhook", Of(B64Url, 68), $"https://discord.com/api/webhooks/{Of(Digits, 18)}/{{v}}"),
            Env("telegram", "telegram-bot-token", "TELEGRAM_BOT_TOKEN", $"{Of("123456789", 1)}{Of(Digits, 9)}:AA{Of(B64Url, 33)}"),
            Env("twilio", "twilio-api-key", "TWILIO_AUTH_TOKEN", Of(Hex, 32)),
            Note("twilio api key secret", "twilio-api-key", Of(Alnum, 32), "twilio api key SK{0} secret {v}".Replace("{0}", Of(Hex, 32), StringComparison.Ordinal)),

            // Payments, SaaS, packages.
            Env("stripe live", "stripe-secret-key", "STRIPE_SECRET_KEY", "sk_live_" + Of(Alnum, 99)),
            Env("stripe restricted", "stripe-secret-key", "STRIPE_KEY", "rk_live_" + Of(Alnum, 99)),
            Env("stripe webhook", "stripe-webhook-secret", "STRIPE_WEBHOOK_SECRET", "whsec_" + Of(Alnum, 32)),
            Env("notion", "notion-token", "NOTION_TOKEN", "ntn_" + Of(Digits, 11) + Of(Alnum, 35)),
            Env("notion legacy", "notion-token", "NOTION_TOKEN", "secret_" + Of(Alnum, 43)),
            Env("npm", "npm-token", "NPM_TOKEN", "npm_" + npm30 + Checksums.Crc32Base62(npm30)),
            Env("pypi", "pypi-token", "PYPI_TOKEN", "pypi-AgEIcHlwaS5vcmc" + Of(B64Url, 120)),
            Note("cloudflare api token", "cloudflare-api-token", Of(B64Url, 40), "export CLOUDFLARE_API_TOKEN='{v}'"),
            Env("cloudflare origin ca", "cloudflare-origin-ca-key", "CF_ORIGIN_CA_KEY", $"v1.0-{Of(Hex, 24)}-{Of(Hex, 146)}"),

            // Databases, JWT, keys.
            Note("postgres uri", "url-password", Of(Alnum, 16), "DATABASE_URL=postgres://app:{v}@db.internal:5432/app"),
            Note("mongodb uri", "url-password", Of(Alnum, 16), "mongodb+srv://claw:{v}@cluster0.example.mongodb.net/?retryWrites=true"),
            Env("jwt", "jwt", "SESSION_JWT", Jwt(v)),
            Block("pem private key", Pem(v, "RSA PRIVATE KEY"), "```\n{v}\n```"),
            Block("openssh private key", Pem(v, "OPENSSH PRIVATE KEY"), "{v}"),
            Block("pgp private key", Pem(v, "PGP PRIVATE KEY BLOCK"), "# backup\n{v}\n"),
            Note("ado.net connection string", "connection-string-password", Of(Alnum, 14), "\"Server=sql.internal;Database=shop;User Id=shop_app;Password={v};\""),
            Note("libpq connection string", "connection-string-password", Of(Alnum, 14), "conninfo = 'host=pg.internal port=5432 user=app password={v} dbname=app'"),
            Note("code climate reporter id", "codeclimate-reporter-id", Of(Hex, 64), "  CC_TEST_REPORTER_ID: {v}"),

            // Later additions (appended, so the values above stay as they were).
            Note("telegram short bot id", "telegram-bot-token", $"{Of("123456789", 1)}{Of(Digits, 4)}:A{Of(B64Url, 34)}", "const bot = new Telegraf(\"{v}\")"),
            Note("telegram 34-character secret", "telegram-bot-token", $"{Of("123456789", 1)}{Of(Digits, 9)}:AA{Of(B64Url, 32)}", "bot: {v}"),
            Note("slack legacy workspace", "slack-user-token", $"xoxa-{Of(Alnum, 14)}", "\"access_token\": \"{v}\""),
            Note("der private key", "private-key", DerPrivateKey(v), "key material: {v}"),
            Note("azure storage key on the next line", "azure-storage-key", Of(B64, 86) + "==", "    public const string StorageAccountKey =\n        \"{v}\";"),
            Note("tavily dev", "tavily-api-key", $"tvly-dev-{Of(Alnum, 24)}", "search with {v}"),
        ];
    }

    /// <summary>base64 of a PKCS#1 RSA key's DER: SEQUENCE (two length bytes), INTEGER 0, then the modulus INTEGER; random bytes after.</summary>
    private static string DerPrivateKey(SyntheticValues v) =>
        Convert.ToBase64String([0x30, 0x82, 0x02, 0x5C, 0x02, 0x01, 0x00, 0x02, 0x81, 0x81, 0x00, .. Convert.FromHexString(v.Of(Hex, 600))]);

    private static ProviderSample Block(string family, string pem, string around) => new(family, "private-key", pem, around.Replace("{v}", pem, StringComparison.Ordinal));

    private static string DiscordToken(SyntheticValues v)
    {
        var id = "1" + v.Of(Digits, 17);
        return $"{Convert.ToBase64String(Encoding.ASCII.GetBytes(id)).TrimEnd('=')}.{v.Of(B64Url, 6)}.{v.Of(B64Url, 38)}";
    }

    private static string Jwt(SyntheticValues v)
    {
        var payload = Convert.ToBase64String(Encoding.ASCII.GetBytes($"{{\"sub\":\"{v.AlnumOf(12)}\",\"iat\":1780000000}}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.{payload}.{v.Of(B64Url, 43)}";
    }

    private static string Pem(SyntheticValues v, string label) =>
        $"-----BEGIN {label}-----\n{string.Join('\n', Enumerable.Range(0, 6).Select(_ => v.Of(B64, 64)))}\n-----END {label}-----";
}
