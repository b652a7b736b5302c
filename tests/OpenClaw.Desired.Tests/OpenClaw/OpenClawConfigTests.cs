using Newtonsoft.Json.Linq;
using OpenClaw.Desired.OpenClaw;

namespace OpenClaw.Desired.Tests.OpenClaw;

public sealed class OpenClawConfigTests
{
    [Fact]
    public void Parse_Json5_AcceptsCommentsTrailingCommasUnquotedKeysAndSingleQuotes()
    {
        var config = OpenClawConfig.Parse("""
            // top comment
            {
              /* block */ gateway: { bind: 'loopback', port: 18789, },
              tools: { deny: ["browser",], },
            }
            """);

        Assert.Equal("loopback", (string?)config.Get("/gateway/bind"));
        Assert.Equal(18789, (int)config.Get("/gateway/port")!);
        Assert.Equal("browser", (string?)config.Get("/tools/deny/0"));
    }

    [Fact]
    public void ToJson_WritesPlainTwoSpaceJsonThatRoundTrips()
    {
        var config = OpenClawConfig.Parse("{a: {b: 1}, // c\n}");

        var json = config.ToJson();

        Assert.Equal("{\n  \"a\": {\n    \"b\": 1\n  }\n}\n", json);
        Assert.True(JToken.DeepEquals(config.Root, JObject.Parse(json)));
    }

    [Theory]
    [InlineData("{ a: ")]
    [InlineData("[1, 2]")]
    [InlineData("{a: 1} {b: 2}")]
    public void Parse_BadInput_ThrowsConfigExceptionWithoutContent(string text)
    {
        var e = Assert.Throws<OpenClawConfigException>(() => OpenClawConfig.Parse(text));

        Assert.DoesNotContain("a: 1", e.Message);
    }

    [Fact]
    public void Set_CreatesParentsAndReplacesNonObjects()
    {
        var config = OpenClawConfig.Parse("{agents: {defaults: {model: 'anthropic/claude-sonnet-4-5'}}}");

        config.Set("/agents/defaults/model/primary", "openai/gpt-5.1");
        config.Set("/models/providers/ollama/baseUrl", "http://127.0.0.1:11434");

        Assert.Equal("openai/gpt-5.1", (string?)config.Get("/agents/defaults/model/primary"));
        Assert.Equal("http://127.0.0.1:11434", (string?)config.Get("/models/providers/ollama/baseUrl"));
    }

    [Fact]
    public void Pointer_EscapesSlashAndTilde()
    {
        var pointer = JsonPointer.Of("agents", "defaults", "models", "ollama/llama3.3:8b");
        var config = OpenClawConfig.Empty();

        config.Set(pointer, new JObject());

        Assert.Equal("/agents/defaults/models/ollama~1llama3.3:8b", pointer);
        Assert.NotNull(config.Root["agents"]!["defaults"]!["models"]!["ollama/llama3.3:8b"]);
        Assert.Equal("agents.defaults.models.ollama/llama3.3:8b", JsonPointer.Dotted(pointer));
    }

    [Fact]
    public void SecretValues_FindsCredentialsButNotReferences()
    {
        var config = OpenClawConfig.Parse("{gateway: {auth: {token: 'tok-123456'}}, channels: {telegram: {botToken: '${TG_TOKEN}'}, slack: {signingSecret: 'sig-abcdef'}}, models: {providers: {x: {apiKey: 'key-987654'}}}, name: 'not-secret'}");

        Assert.Equal(["key-987654", "sig-abcdef", "tok-123456"], config.SecretValues().Order().ToList());
    }
}
