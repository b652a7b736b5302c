using Newtonsoft.Json.Linq;
using OpenClaw.Desired.OpenClaw;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Resources.AgentControls;

/// <summary>The posture's agent controls mapped to the real openclaw.json keys.</summary>
internal static class AgentControls
{
    public static IEnumerable<ConfigControl> For(EffectivePosture posture, OpenClawConfig config, JToken? desiredToken)
    {
        var agent = posture.Agent;
        foreach (var control in Exec(agent, config))
        {
            yield return control;
        }

        yield return new ConfigControl("/tools/elevated/enabled", agent.ElevatedEnabled, "elevated mode lets the agent escape its sandbox", Effects.Flag(safe: false, unsetMeans: true), Default: true);

        if (agent.BrowserEnabled is { } browserEnabled)
        {
            yield return new ConfigControl("/browser/enabled", browserEnabled, "browser tool on or off", Effects.Flag(safe: false, unsetMeans: true), Default: true);
        }

        if (agent.BrowserSandbox)
        {
            yield return new ConfigControl("/browser/noSandbox", false, "browser sandbox: Chromium's own sandbox stays on", Effects.Flag(safe: false, unsetMeans: false), Default: false);
            if (agent.SandboxMode != "off")
            {
                yield return new ConfigControl("/agents/defaults/sandbox/browser/enabled", true, "browser sandbox: sandboxed sessions use the sandbox browser", Effects.Flag(safe: true, unsetMeans: false), Default: false);
            }
        }

        yield return new ConfigControl("/browser/ssrfPolicy/dangerouslyAllowPrivateNetwork", agent.BrowserAllowPrivateNetwork, "browser may not reach private networks", Effects.Flag(safe: false, unsetMeans: false), Default: false);

        if (agent.SocialMediaReadOnly)
        {
            var deny = config.Get("/tools/deny") as JArray ?? [];
            if (!deny.Any(t => string.Equals((string?)t, "message", StringComparison.OrdinalIgnoreCase) || string.Equals((string?)t, "group:messaging", StringComparison.OrdinalIgnoreCase)))
            {
                yield return new ConfigControl("/tools/deny", new JArray(deny.Select(t => t.DeepClone()).Append("message")), "read-only social media: the agent may not send messages on its own (message tool denied)", Effects.Tightens);
            }
        }

        if (agent.SkillsAllowlistOnly)
        {
            yield return new ConfigControl("/agents/defaults/skills", new JArray(agent.SkillsAllow ?? ValueList<string>.Empty), "skills from the allowlist only", Effects.Allowlist);
        }

        yield return new ConfigControl("/gateway/bind", agent.GatewayBind, "gateway reachable from loopback only unless the posture says otherwise", Effects.Ranked("loopback", "lan", "custom", "auto", "tailnet", "loopback"), Default: "loopback");
        yield return new ConfigControl("/gateway/auth/mode", agent.GatewayAuth, "gateway authentication", Effects.Ranked("token", "none", "trusted-proxy", "password", "token"), Default: "token");
        if (desiredToken is not null)
        {
            yield return new ConfigControl("/gateway/auth/token", desiredToken, "gateway token from the posture", Effects.Neutral, Secret: true);
        }

        yield return new ConfigControl("/logging/redactSensitive", agent.RedactSensitive, "secrets redacted from OpenClaw's logs", Effects.Ranked("tools", "off", "tools"), Default: "tools");
        yield return new ConfigControl("/agents/defaults/sandbox/mode", agent.SandboxMode, "which sessions run in OpenClaw's container sandbox", Effects.Ranked("off", "off", "non-main", "all"), Default: "off");
        // With the sandbox off, sessions run on the host with full access; workspace access inside a sandbox
        // cannot loosen that, so the change only counts once the sandbox was already on.
        var sandboxWasOn = (string?)config.Get("/agents/defaults/sandbox/mode") is "non-main" or "all";
        yield return new ConfigControl("/agents/defaults/sandbox/workspaceAccess", agent.SandboxWorkspaceAccess, "what a sandboxed session may do to the workspace",
            sandboxWasOn ? Effects.Ranked("none", "rw", "ro", "none") : Effects.Neutral, Default: "none");
    }

    /// <summary>
    /// Exec approval. OpenClaw's default has been "full, never ask" since v2026.4.2, so these are always written
    /// out. Newer OpenClaw folds security and ask into <c>tools.exec.mode</c>; when the file uses it, so do we.
    /// </summary>
    private static IEnumerable<ConfigControl> Exec(EffectiveAgent agent, OpenClawConfig config)
    {
        if (config.Get("/tools/exec/mode") is not null)
        {
            var mode = agent.ExecSecurity == "deny" ? "deny"
                : agent.ExecAsk == "always" ? "ask"
                : agent.ExecSecurity == "allowlist" ? "allowlist"
                : agent.ExecAsk == "on-miss" ? "auto" : "full";
            yield return new ConfigControl("/tools/exec/mode", mode, "exec approval (tools.exec.mode)", Effects.Ranked("full", "full", "auto", "allowlist", "ask", "deny"), Explicit: true);
            yield break;
        }

        yield return new ConfigControl("/tools/exec/security", agent.ExecSecurity, "which commands the agent may run", Effects.Ranked("full", "full", "allowlist", "deny"), Default: "full", Explicit: true);
        yield return new ConfigControl("/tools/exec/ask", agent.ExecAsk, agent.ExecAsk == "always" ? "manual approval of every tool call" : "when a human approves a command", Effects.Ranked("off", "off", "on-miss", "always"), Default: "off", Explicit: true);
    }
}
