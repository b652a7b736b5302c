using OpenClaw.Desired.Secrets.Scanning;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Secrets;

public sealed class SecretScannerTests
{
    private static string Fp(string value) => "fp:" + value.Length;

    private static IReadOnlyList<FoundSecret> ScanDemo(string hostPath) =>
        FileSecretScanner.ScanFile(new global::OpenClaw.Desired.Host.Fs.HostFs(new global::OpenClaw.Desired.Host.HostRoot(RepoPaths.DemoHost)), hostPath, Fp).File!.Findings;

    [Fact]
    public void ScanFile_DemoMemory_FindsGitHubTokenWithPosition()
    {
        var found = Assert.Single(ScanDemo("/home/claw/.openclaw/workspace/MEMORY.md"));

        Assert.Equal(SecretKinds.GitHub, found.Kind);
        Assert.Equal(7, found.Line);
        Assert.Equal(42, found.Column);
        Assert.StartsWith("ghp_", found.Value);
        Assert.DoesNotContain(found.Value, found.ToString());
    }

    [Fact]
    public void ScanFile_DemoConfig_FindsTelegramAndGatewayTokens()
    {
        var found = ScanDemo("/home/claw/.openclaw/openclaw.json");

        Assert.Equal(2, found.Count);
        Assert.Equal(SecretKinds.Telegram, found[0].Kind);
        Assert.Equal(new JsonLocation("/channels/telegram/botToken", true), found[0].Location);
        Assert.Equal(SecretKinds.ConfigSecret, found[1].Kind);
        Assert.Equal(new JsonLocation("/gateway/auth/token", true), found[1].Location);
        Assert.Equal("claw-demo-short", found[1].Value);
    }

    [Fact]
    public void ScanFile_DemoAuthProfiles_FindsLiteralKeyNotTheReference()
    {
        var found = Assert.Single(ScanDemo("/home/claw/.openclaw/agents/main/agent/auth-profiles.json"));

        Assert.Equal(SecretKinds.Anthropic, found.Kind);
        Assert.Equal(new AuthProfileLocation("anthropic:default", "anthropic", "key"), found.Location);
    }

    [Fact]
    public void ScanFile_DemoEnv_FindsKeyWithItsName()
    {
        var found = Assert.Single(ScanDemo("/home/claw/.openclaw/.env"));

        Assert.Equal(SecretKinds.OpenAi, found.Kind);
        Assert.Equal("OPENAI_API_KEY", found.NameHint);
        Assert.Equal(new EnvLineLocation("OPENAI_API_KEY", 1, true), found.Location);
    }

    [Theory]
    [InlineData("/home/claw/.openclaw/workspace/SOUL.md")]
    [InlineData("/home/claw/.openclaw/workspace/AGENTS.md")]
    [InlineData("/home/claw/.openclaw/workspace/skills/weather/SKILL.md")]
    [InlineData("/home/claw/.openclaw/workspace/skills/github-triage/SKILL.md")]
    [InlineData("/home/claw/.openclaw/cron/jobs.json")]
    [InlineData("/home/claw/.openclaw/agents/main/agent/models.json")]
    public void ScanFile_DemoFilesWithoutSecrets_FindNothing(string hostPath) =>
        Assert.Empty(ScanDemo(hostPath));

    [Theory]
    [InlineData("DB=postgres://app:Zq8v!rT2pL@db.internal:5432/app", SecretKinds.UrlPassword, "Zq8v!rT2pL")]
    [InlineData("see https://api.telegram.org/bot123456789:AAHk3lq9ZpR2vX8cWmN4bT7yU1oE6sD5fGhJ/getMe", SecretKinds.Telegram, "123456789:AAHk3lq9ZpR2vX8cWmN4bT7yU1oE6sD5fGhJ")]
    [InlineData("Authorization: Bearer 9fQ2xL7mR4tW8zK1vB6nC3yH5jD0sA2e", SecretKinds.Bearer, "9fQ2xL7mR4tW8zK1vB6nC3yH5jD0sA2e")]
    [InlineData("\"signing_secret\": \"8f3a9c2e7b1d4f6a0c5e9b2d7f1a3c8e\"", SecretKinds.Generic, "8f3a9c2e7b1d4f6a0c5e9b2d7f1a3c8e")]
    [InlineData("{\"text\":\"set \\\"apiKey\\\": \\\"Qm9vP2xT8rW4zK7vB1nC6yH3\\\" now\"}", SecretKinds.Generic, "Qm9vP2xT8rW4zK7vB1nC6yH3")]
    public void Scan_KnownShapes_FindsTheValueOnly(string line, string kind, string value)
    {
        var match = Assert.Single(SecretScanner.Scan(line));

        Assert.Equal(kind, match.Kind);
        Assert.Equal(value, line.Substring(match.Start, match.Length));
    }

    [Theory]
    [InlineData("The key points: keep it short.")]
    [InlineData("max_tokens: 4096")]
    [InlineData("apiKeyEnv: OPENAI_API_KEY")]
    [InlineData("token: ${TELEGRAM_BOT_TOKEN}")]
    [InlineData("password: [secret moved to the env store as DB_PASSWORD]")]
    [InlineData("OPENAI_API_KEY=sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    [InlineData("AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE")]
    [InlineData("risk-assessment-framework-2026-draft-version")]
    [InlineData("postgres://user:<password>@localhost/db")]
    [InlineData("postgres://user:${DB_PASSWORD}@localhost/db")]
    public void Scan_LookAlikes_FindsNothing(string line) =>
        Assert.Empty(SecretScanner.Scan(line));
}
