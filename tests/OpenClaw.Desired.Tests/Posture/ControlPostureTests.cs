using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Tests.Posture;

/// <summary>The posture keys for OpenClaw's audit families: validated with positioned errors, tier rules included.</summary>
public sealed class ControlPostureTests
{
    private static List<string> Errors(string body, string tier = "standard") =>
        PostureLoader.LoadText("posture.yaml", $"apiVersion: openclaw.desired/v1\ntier: {tier}\n{body}").Errors.Select(e => e.ToString()).ToList();

    private static List<string> Warnings(string body, string tier = "standard") =>
        PostureLoader.LoadText("posture.yaml", $"apiVersion: openclaw.desired/v1\ntier: {tier}\n{body}").Diagnostics.Where(d => d.Severity == Severity.Warning).Select(e => e.ToString()).ToList();

    [Fact]
    public void AllNewKeys_AreAccepted()
    {
        Assert.Empty(Errors("""
            openclaw:
              cli: /usr/local/bin/openclaw
              auditTimeout: 90s
              auditDeep: false
            agent:
              tools: {profile: messaging}
              browser: {cdpSourceRange: 172.21.0.1/32}
              gateway:
                tailscale: serve
                trustedProxies: [127.0.0.1, "10.0.0.0/8"]
                controlUi: {enabled: true, allowedOrigins: ["https://claw.example.org"]}
              hooks:
                token: {env: OPENCLAW_HOOKS_TOKEN}
                path: /hooks/in
                defaultSessionKey: "hook:ingress"
                allowedAgentIds: [main, hooks]
                pins: {gmail-digest: {version: 0.3.1, integrity: "sha512-8xaUdggukXIplQwVhGMuS0WbqTP9be+AfOjUXJn38Fji+ViQvKylszxixZfFg4oEnSid6j2OKC9nd+FtfIq0Pw=="}}
              channels:
                dmPolicy: allowlist
                groupPolicy: disabled
                allowFrom: {telegram: ["tg:40417731"]}
                groupAllowFrom: {discord: ["123"]}
              plugins:
                allow: ["voice-call", "@acme/search"]
                pins: {voice-call: {version: 1.4.2}}
            """));
    }

    [Theory]
    [InlineData("agent:\n  channels:\n    dmPolicy: open\n", "posture.yaml:5:15: must be one of: pairing, allowlist, disabled (agent.channels.dmPolicy)")]
    [InlineData("agent:\n  gateway:\n    tailscale: funnel\n", "posture.yaml:5:16: Tailscale Funnel publishes the gateway on the internet; no tier allows it (use serve, tailnet only, or off) (agent.gateway.tailscale)")]
    [InlineData("agent:\n  hooks:\n    path: /\n", "posture.yaml:5:11: has the wrong form: hooks.path, never /. Default /hooks (used when the file has /). (agent.hooks.path)")]
    [InlineData("agent:\n  gateway:\n    controlUi: {allowedOrigins: ['*']}\n", "posture.yaml:5:34: has the wrong form (agent.gateway.controlUi.allowedOrigins[0])")]
    [InlineData("agent:\n  gateway:\n    trustedProxies: [127.0.0.1, 127.0.0.1]\n", "posture.yaml:5:21: lists the same item twice (agent.gateway.trustedProxies)")]
    [InlineData("agent:\n  channels:\n    allowFrom: {Telegram: [x]}\n", "posture.yaml:5:17: 'Telegram' is not a valid name here (it must match ^[a-z][a-z0-9_-]*$) (agent.channels.allowFrom.Telegram)")]
    [InlineData("agent:\n  channels:\n    allowFrom: {telegram: ['*']}\n", "posture.yaml:5:28: has the wrong form (agent.channels.allowFrom.telegram[0])")]
    [InlineData("agent:\n  plugins:\n    pins: {voice-call: {version: latest}}\n", "posture.yaml:5:34: has the wrong form: The exact version that must be installed. (agent.plugins.pins.voice-call.version)")]
    [InlineData("agent:\n  tools: {profile: full}\n", "posture.yaml:4:20: is weaker than the standard tier requires (coding or stricter) (agent.tools.profile)")]
    [InlineData("models:\n  primary: openai/gpt-4o\n", "posture.yaml:4:12: 'openai/gpt-4o' is a below GPT-5 model, below what OpenClaw's audit recommends for an agent with tools (the standard tier closes its warnings) (models.primary)")]
    public void BadValue_IsAPositionedError(string body, string expected)
    {
        Assert.Contains(expected, Errors(body));
    }

    [Fact]
    public void Tailscale_Serve_IsTooWeakForParanoid()
    {
        Assert.Contains("posture.yaml:5:16: is weaker than the paranoid tier requires (off) (agent.gateway.tailscale)", Errors("agent:\n  gateway:\n    tailscale: serve\n", "paranoid"));
        Assert.Empty(Errors("agent:\n  gateway:\n    tailscale: serve\n", "standard"));
    }

    [Fact]
    public void GatewayBeyondLoopback_NeedsControlUiOrigins()
    {
        Assert.Contains("posture.yaml:4:3: a gateway bound to lan with the Control UI on needs agent.gateway.controlUi.allowedOrigins (or controlUi.enabled: false) (agent.gateway)",
            Errors("agent:\n  gateway:\n    bind: lan\n", "basic"));
        Assert.Empty(Errors("agent:\n  gateway:\n    bind: lan\n    controlUi: {enabled: false}\n", "basic"));
    }

    [Fact]
    public void TrustedProxyAuth_NeedsProxiesHeaderAndUsers()
    {
        var errors = Errors("agent:\n  gateway:\n    auth: trusted-proxy\n");

        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.Contains("needs agent.gateway.trustedProxies", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("needs agent.gateway.trustedProxy.userHeader", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("needs agent.gateway.trustedProxy.allowUsers", StringComparison.Ordinal));
        Assert.Empty(Errors("agent:\n  gateway:\n    auth: trusted-proxy\n    trustedProxies: [10.0.0.2]\n    trustedProxy: {userHeader: x-forwarded-user, allowUsers: [ana@example.org]}\n"));
    }

    [Fact]
    public void HooksToken_ThatIsTheGatewayToken_IsAnError()
    {
        var errors = Errors("agent:\n  gateway:\n    token: {env: GW}\n  hooks:\n    token: {env: GW}\n");

        Assert.Equal(["posture.yaml:7:5: is the gateway's token: whoever holds the hook token could drive the whole gateway; give it a secret of its own (agent.hooks.token)"], errors);
    }

    [Fact]
    public void WeakModel_IsOnlyAWarningAtBasic()
    {
        Assert.Empty(Errors("models:\n  primary: anthropic/claude-3-5-haiku\n", "basic"));
        Assert.Contains(Warnings("models:\n  primary: anthropic/claude-3-5-haiku\n", "basic"), w => w.Contains("Haiku tier", StringComparison.Ordinal));
    }

    [Fact]
    public void SmallModel_WithAStatedSandboxMode_Warns()
    {
        var warnings = Warnings("models:\n  primary: ollama/llama3.3:8b\n  local: {model: llama3.3:8b}\nsandboxes:\n  openclaw: {mode: non-main}\n");

        Assert.Contains(warnings, w => w.Contains("models.small_params", StringComparison.Ordinal) && w.Contains("(sandboxes.openclaw.mode)", StringComparison.Ordinal));
    }
}
