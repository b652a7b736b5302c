namespace OpenClaw.Desired.Tests.Support;

/// <summary>
/// Postures for the demo host (user claw) used across tests. They set no score target (score.target: 0): these tests
/// are about other things, and the score gate (exit 5) has tests of its own (Scoring/ScoreGateTests).
/// </summary>
public static class Postures
{
    public static string Standard(string ollamaUrl, bool pull = false, string extraAgent = "") => $"""
        apiVersion: openclaw.desired/v1
        tier: standard
        score:
          target: 0
        openclaw:
          user: claw
        models:
          primary: anthropic/claude-sonnet-4-5
          fallbacks: [openai/gpt-5.1, ollama/llama3.3:8b]
          local:
            baseUrl: {ollamaUrl}
            model: llama3.3:8b
            pull: {(pull ? "true" : "false")}
        sandboxes:
          openclaw:
            mode: off
        agent:
          exec:
            security: allowlist
            ask: on-miss
          skills:
            allowlistOnly: true
            allow: [weather, github-triage]
          gateway:
            bind: loopback
        {extraAgent}
        """;

    /// <summary>
    /// Only the agent kind: no model section, so no endpoint is needed; OpenClaw's own container sandbox off,
    /// so no container engine is needed either.
    /// </summary>
    public static string AgentOnly(string tier = "standard", string agent = "") => $"""
        apiVersion: openclaw.desired/v1
        tier: {tier}
        openclaw:
          user: claw
        sandboxes:
          openclaw:
            mode: off
        agent:
          skills:
            allowlistOnly: true
            allow: [weather]
        {agent}
        score:
          target: 0

        """;
}
