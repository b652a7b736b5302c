using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Tests.Posture;

public sealed class SemanticCheckTests
{
    private static List<string> Errors(string body, string tier = "standard") =>
        PostureLoader.LoadText("posture.yaml", $"apiVersion: openclaw.desired/v1\ntier: {tier}\n{body}").Errors.Select(e => e.ToString()).ToList();

    [Fact]
    public void Paranoid_CloudModelInChain_IsAnErrorAtThatModel()
    {
        var errors = Errors("models:\n  primary: ollama/qwen3:32b\n  fallbacks: [anthropic/claude-sonnet-4-5]\n  local: {model: qwen3:32b}\n", "paranoid");

        Assert.Equal(["posture.yaml:5:15: 'anthropic/claude-sonnet-4-5' is a cloud model but the paranoid tier allows local models only (models.fallbacks[0])"], errors);
    }

    [Fact]
    public void Fallback_UnknownProvider_IsAnError()
    {
        var errors = Errors("models:\n  primary: openai/gpt-5.1\n  fallbacks: [acme/model-x]\n");

        Assert.Equal(["posture.yaml:5:15: unknown provider 'acme'; declare it under models.providers or use one OpenClaw knows (models.fallbacks[0])"], errors);
    }

    [Fact]
    public void Fallback_DeclaredProvider_IsAccepted()
    {
        Assert.Empty(Errors("models:\n  primary: openai/gpt-5.1\n  fallbacks: [acme/model-x]\n  providers:\n    acme: {baseUrl: 'https://llm.acme.example'}\n"));
    }

    [Fact]
    public void Chain_DuplicateModel_IsAnError()
    {
        var errors = Errors("models:\n  primary: openai/gpt-5.1\n  fallbacks: [openai/gpt-5.1]\n");

        Assert.Equal(["posture.yaml:5:15: model 'openai/gpt-5.1' appears twice in the chain (models.fallbacks[0])"], errors);
    }

    [Fact]
    public void Skills_DuplicateName_IsAnError()
    {
        var errors = Errors("agent:\n  skills:\n    allowlistOnly: true\n    allow: [weather, weather]\n");

        Assert.Equal(["posture.yaml:6:22: duplicate skill name 'weather' (agent.skills.allow[1])"], errors);
    }

    [Fact]
    public void Ollama_BaseUrlWithV1_IsAnError()
    {
        var errors = Errors("models:\n  primary: ollama/llama3.3:8b\n  local:\n    baseUrl: http://127.0.0.1:11434/v1\n    model: llama3.3:8b\n");

        Assert.Equal(["posture.yaml:6:14: Ollama's native API has no /v1 path; use e.g. http://127.0.0.1:11434 (models.local.baseUrl)"], errors);
    }

    [Fact]
    public void Gateway_BeyondLoopbackWithoutAuth_IsAnError()
    {
        var errors = Errors("agent:\n  gateway:\n    bind: lan\n    auth: none\n    controlUi: {allowedOrigins: ['https://claw.example.org']}\n");

        Assert.Single(errors);
        Assert.Contains("needs auth", errors[0]);
    }

    [Fact]
    public void Sandbox_DangerousSpecs_AreRefused()
    {
        var errors = Errors("sandboxes:\n  defaults:\n    privileged: true\n    network: host\n    binds: ['/var/run/docker.sock:/var/run/docker.sock', '~/.ssh:/root/.ssh:ro', '/:/host']\n");

        Assert.Equal(5, errors.Count);
        Assert.All(errors, e => Assert.Contains("sandboxes.defaults.", e));
    }

    [Fact]
    public void Names_DuplicateArchiveAndRule_AreErrors()
    {
        var errors = Errors("backups:\n  archives:\n    - {name: a, repository: /r, password: {env: P}, paths: [/x]}\n    - {name: a, repository: /s, password: {env: P}, paths: [/y]}\nfirewall:\n  egress:\n    - {name: https, proto: tcp, ports: [443]}\n    - {name: https, proto: tcp, ports: [443]}\n");

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Contains("duplicate archive name 'a'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("duplicate rule name 'https'", StringComparison.Ordinal));
    }
}
