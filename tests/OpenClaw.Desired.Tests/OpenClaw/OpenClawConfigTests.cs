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
    public void ToJson_NewConfig_WritesPlainTwoSpaceJsonLikeOpenClaw()
    {
        var config = OpenClawConfig.Empty();
        config.Set("/a/b", 1);
        config.Set("/list", new JArray("x", "y"));

        Assert.Equal("{\n  \"a\": {\n    \"b\": 1\n  },\n  \"list\": [\n    \"x\",\n    \"y\"\n  ]\n}\n", config.ToJson());
    }

    [Fact]
    public void ToJson_Unchanged_IsTheTextReadByteForByte()
    {
        const string text = "// mine\r\n{a: {b: 1}, // c\r\n  'q': 0x1F, n: +.5, s: 'it\\'s',}\r\n";

        Assert.Equal(text, OpenClawConfig.Parse(text).ToJson());
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

    private static readonly string Demo = File.ReadAllText(Path.Combine(Support.RepoPaths.DemoHost, "home/claw/.openclaw/openclaw.json"));

    [Fact]
    public void ToJson_SetOnTheDemoConfig_ChangesOnlyThatValueAndKeepsItsComment()
    {
        var config = OpenClawConfig.Parse(Demo);

        config.Set("/browser/noSandbox", false);

        var (gone, added) = Json5EditorPropertyTests.LineDiff(Demo, config.ToJson());
        Assert.Equal(["    noSandbox: true,   // \"fixed\" a crash on the VPS"], gone);
        Assert.Equal(["    noSandbox: false,   // \"fixed\" a crash on the VPS"], added);
    }

    [Fact]
    public void ToJson_NewKeysFollowTheFilesStyle_UnquotedKeysDoubleQuotesTrailingCommas()
    {
        var config = OpenClawConfig.Parse(Demo);

        config.Set("/tools/exec/security", "allowlist");
        config.Set("/tools/exec/ask", "on-miss");
        config.Set("/tools/deny", new JArray("message"));

        var (gone, added) = Json5EditorPropertyTests.LineDiff(Demo, config.ToJson());
        Assert.Empty(gone);
        Assert.Equal(["      security: \"allowlist\",", "      ask: \"on-miss\",", "    deny: [\"message\"],"], added);
    }

    [Fact]
    public void ToJson_ReplacingAStringWithAnObject_IndentsItAtItsLine()
    {
        var config = OpenClawConfig.Parse(Demo);

        config.Set("/agents/defaults/model", JObject.Parse("""{"primary": "anthropic/claude-sonnet-4-5", "fallbacks": ["openai/gpt-5.1"]}"""));

        var text = config.ToJson();
        Assert.Contains("      model: {\n        primary: \"anthropic/claude-sonnet-4-5\",\n        fallbacks: [\"openai/gpt-5.1\"]\n      },   // no fallback", text);
        Assert.Contains("// OpenClaw configuration (JSON5). Set up in a hurry on the first evening;", text);
    }

    [Fact]
    public void ToJson_RemovingTheLastKey_DropsItsLineAndTheCommaOnlyInStrictJson()
    {
        var json = OpenClawConfig.Parse("{\n  \"a\": 1,\n  \"b\": 2\n}\n");
        json.Set("/b", null);
        var json5 = OpenClawConfig.Parse("{\n  a: 1,\n  b: 2,\n}\n");
        json5.Set("/b", null);

        Assert.Equal("{\n  \"a\": 1\n}\n", json.ToJson());
        Assert.Equal("{\n  a: 1,\n}\n", json5.ToJson());
    }

    [Fact]
    public void ToJson_CrLfTabsAndSingleQuotes_AreKeptForNewLines()
    {
        var config = OpenClawConfig.Parse("{\r\n\t'a': {\r\n\t\t'b': 'x'\r\n\t}\r\n}\r\n");

        config.Set("/a/c", "y");

        Assert.Equal("{\r\n\t'a': {\r\n\t\t'b': 'x',\r\n\t\t'c': 'y'\r\n\t}\r\n}\r\n", config.ToJson());
    }

    [Fact]
    public void Set_ThroughNodesOrTokens_IsTheSameEdit()
    {
        var byToken = OpenClawConfig.Parse(Demo);
        var byNode = OpenClawConfig.Parse(Demo);

        byToken.Set("/gateway/bind", "loopback");
        byNode.SetNode("/gateway/bind", System.Text.Json.Nodes.JsonValue.Create("loopback"));

        Assert.Equal(byToken.ToJson(), byNode.ToJson());
        Assert.Equal("loopback", (string?)byToken.Get("/gateway/bind"));
    }
}
