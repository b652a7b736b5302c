namespace OpenClaw.Desired.Secrets.Scanning;

/// <summary>One credential format the scanner knows: its id, what it is, its rotation type, and the store name it gets by default.</summary>
public sealed record SecretKindInfo(string Id, string Description, SecretType Type, string DefaultName);

/// <summary>The credential formats agent hosts hold, by id. Ids are what findings report as their kind.</summary>
public static class SecretKinds
{
    public const string Anthropic = "anthropic-api-key";
    public const string OpenAi = "openai-api-key";
    public const string OpenAiCompatible = "openai-compatible-key";
    public const string Moonshot = "moonshot-api-key";
    public const string OpenRouter = "openrouter-api-key";
    public const string Google = "google-api-key";
    public const string Groq = "groq-api-key";
    public const string Xai = "xai-api-key";
    public const string Perplexity = "perplexity-api-key";
    public const string HuggingFace = "huggingface-token";
    public const string Replicate = "replicate-api-token";
    public const string Cerebras = "cerebras-api-key";
    public const string Telegram = "telegram-bot-token";
    public const string Discord = "discord-bot-token";
    public const string SlackBot = "slack-bot-token";
    public const string SlackUser = "slack-user-token";
    public const string SlackApp = "slack-app-token";
    public const string SlackWebhook = "slack-webhook";
    public const string GitHub = "github-token";
    public const string GitHubOAuth = "github-oauth-token";
    public const string GitLab = "gitlab-token";
    public const string Npm = "npm-token";
    public const string AwsAccessKeyId = "aws-access-key-id";
    public const string AwsSecretKey = "aws-secret-access-key";
    public const string GcpClientSecret = "gcp-oauth-client-secret";
    public const string GoogleOAuth = "google-oauth-token";
    public const string AzureClientSecret = "azure-client-secret";
    public const string AzureStorageKey = "azure-storage-key";
    public const string Stripe = "stripe-secret-key";
    public const string SendGrid = "sendgrid-api-key";
    public const string PrivateKey = "private-key";
    public const string UrlPassword = "url-password";
    public const string ConnectionPassword = "connection-string-password";
    public const string Jwt = "jwt";
    public const string Bearer = "bearer-token";
    public const string Generic = "generic-secret";
    public const string Password = "password";
    public const string ConfigSecret = "config-secret";

    private static readonly Dictionary<string, SecretKindInfo> ById = new SecretKindInfo[]
    {
        new(Anthropic, "Anthropic API key", SecretType.ApiKey, "ANTHROPIC_API_KEY"),
        new(OpenAi, "OpenAI API key", SecretType.ApiKey, "OPENAI_API_KEY"),
        new(OpenAiCompatible, "OpenAI-style key (DeepSeek, Moonshot and other compatible APIs)", SecretType.ApiKey, "LLM_API_KEY"),
        new(Moonshot, "Moonshot / Kimi API key", SecretType.ApiKey, "MOONSHOT_API_KEY"),
        new(OpenRouter, "OpenRouter API key", SecretType.ApiKey, "OPENROUTER_API_KEY"),
        new(Google, "Google (Gemini) API key", SecretType.ApiKey, "GEMINI_API_KEY"),
        new(Groq, "Groq API key", SecretType.ApiKey, "GROQ_API_KEY"),
        new(Xai, "xAI API key", SecretType.ApiKey, "XAI_API_KEY"),
        new(Perplexity, "Perplexity API key", SecretType.ApiKey, "PERPLEXITY_API_KEY"),
        new(HuggingFace, "Hugging Face token", SecretType.ApiKey, "HF_TOKEN"),
        new(Replicate, "Replicate API token", SecretType.ApiKey, "REPLICATE_API_TOKEN"),
        new(Cerebras, "Cerebras API key", SecretType.ApiKey, "CEREBRAS_API_KEY"),
        new(Telegram, "Telegram bot token", SecretType.BotToken, "TELEGRAM_BOT_TOKEN"),
        new(Discord, "Discord bot token", SecretType.BotToken, "DISCORD_BOT_TOKEN"),
        new(SlackBot, "Slack bot token", SecretType.BotToken, "SLACK_BOT_TOKEN"),
        new(SlackUser, "Slack user token", SecretType.ApiKey, "SLACK_USER_TOKEN"),
        new(SlackApp, "Slack app-level token", SecretType.BotToken, "SLACK_APP_TOKEN"),
        new(SlackWebhook, "Slack incoming webhook secret", SecretType.ApiKey, "SLACK_WEBHOOK_SECRET"),
        new(GitHub, "GitHub token", SecretType.ApiKey, "GITHUB_TOKEN"),
        new(GitHubOAuth, "GitHub OAuth token", SecretType.OAuth, "GITHUB_OAUTH_TOKEN"),
        new(GitLab, "GitLab token", SecretType.ApiKey, "GITLAB_TOKEN"),
        new(Npm, "npm token", SecretType.ApiKey, "NPM_TOKEN"),
        new(AwsAccessKeyId, "AWS access key id", SecretType.ApiKey, "AWS_ACCESS_KEY_ID"),
        new(AwsSecretKey, "AWS secret access key", SecretType.ApiKey, "AWS_SECRET_ACCESS_KEY"),
        new(GcpClientSecret, "Google Cloud OAuth client secret", SecretType.ApiKey, "GOOGLE_CLIENT_SECRET"),
        new(GoogleOAuth, "Google OAuth access token", SecretType.OAuth, "GOOGLE_OAUTH_TOKEN"),
        new(AzureClientSecret, "Azure AD client secret", SecretType.ApiKey, "AZURE_CLIENT_SECRET"),
        new(AzureStorageKey, "Azure storage or Service Bus key", SecretType.ApiKey, "AZURE_STORAGE_KEY"),
        new(Stripe, "Stripe secret key", SecretType.ApiKey, "STRIPE_SECRET_KEY"),
        new(SendGrid, "SendGrid API key", SecretType.ApiKey, "SENDGRID_API_KEY"),
        new(PrivateKey, "private key (PEM / OpenSSH / PGP)", SecretType.Password, "PRIVATE_KEY"),
        new(UrlPassword, "password in a URL", SecretType.Password, "URL_PASSWORD"),
        new(ConnectionPassword, "password in a database connection string", SecretType.Password, "DB_PASSWORD"),
        new(Jwt, "JSON Web Token", SecretType.OAuth, "JWT"),
        new(Bearer, "bearer token", SecretType.ApiKey, "BEARER_TOKEN"),
        new(Generic, "high-entropy value assigned to a secret-looking name", SecretType.ApiKey, "SECRET"),
        new(Password, "password assigned to a password-looking name", SecretType.Password, "PASSWORD"),
        new(ConfigSecret, "literal credential in an OpenClaw credential field", SecretType.ApiKey, "SECRET"),
    }.Concat(Formats.ProviderKinds.All).ToDictionary(k => k.Id, StringComparer.Ordinal);

    public static IEnumerable<SecretKindInfo> All => ById.Values;

    public static SecretKindInfo Get(string id) => ById.TryGetValue(id, out var info) ? info : ById[Generic];
}
