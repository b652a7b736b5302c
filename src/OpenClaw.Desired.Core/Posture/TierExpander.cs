using System.Text;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Safety;

namespace OpenClaw.Desired.Posture;

/// <summary>Fills unstated controls from the tier and rejects stated ones that are weaker than the tier requires.</summary>
internal static class TierExpander
{
    public static EffectivePosture Expand(PostureDocument document, Locator at, List<Diagnostic> diagnostics)
    {
        var tier = TierPolicy.Parse(document.Tier);
        var tierName = TierPolicy.Name(tier);

        void Weaker(string path, string required) =>
            diagnostics.Add(at.At(path, $"is weaker than the {tierName} tier requires ({required})"));

        bool Flag(bool? written, string path, bool fallback)
        {
            if (written == false && TierPolicy.Requires(tier, path))
            {
                Weaker(path, "true");
            }

            return written ?? (TierPolicy.Requires(tier, path) || fallback);
        }

        TimeSpan AtMost(string? written, string path, string required, string fallback)
        {
            var value = Duration.Parse(written ?? fallback);
            if (written is not null && TierPolicy.Requires(tier, path) && value > Duration.Parse(required))
            {
                Weaker(path, $"{required} or less");
            }

            return value;
        }

        var models = document.Models;
        var agent = document.Agent;
        var localOnly = Flag(models?.LocalOnly, "models.localOnly", false);

        var ask = agent?.Exec?.Ask ?? TierPolicy.DefaultAsk(tier);
        if (agent?.Exec?.Ask is { } writtenAsk && TierPolicy.Requires(tier, "agent.exec.ask") && TierPolicy.AskRank(writtenAsk) < TierPolicy.AskRank("always"))
        {
            Weaker("agent.exec.ask", "always");
        }

        var firewall = document.Firewall?.Level ?? TierPolicy.DefaultFirewall(tier);
        if (document.Firewall?.Level is { } writtenLevel && TierPolicy.Requires(tier, "firewall.level") && TierPolicy.FirewallRank(writtenLevel) < TierPolicy.FirewallRank("airgap"))
        {
            Weaker("firewall.level", "airgap");
        }

        var local = models?.Local is { } l
            ? new EffectiveLocalModel(l.Provider ?? "ollama", (l.BaseUrl ?? "http://127.0.0.1:11434").TrimEnd('/'), l.Model, l.Pull ?? false, l.Probe ?? true)
            : null;

        var effective = new EffectivePosture(
            tier,
            document,
            new EffectiveOpenClaw(
                document.OpenClaw?.User,
                document.OpenClaw?.StateDir ?? "~/.openclaw",
                document.OpenClaw?.ConfigPath,
                document.OpenClaw?.Workspace,
                document.OpenClaw?.AgentId ?? "main"),
            new EffectiveModels(models?.Primary, (models?.Fallbacks ?? []).ToValueList(), localOnly, local),
            new EffectiveAgent(
                ExecSecurity: agent?.Exec?.Security ?? "allowlist",
                ExecAsk: ask,
                ElevatedEnabled: agent?.Elevated?.Enabled ?? false,
                BrowserEnabled: agent?.Browser?.Enabled,
                BrowserSandbox: Flag(agent?.Browser?.Sandbox, "agent.browser.sandbox", true),
                BrowserAllowPrivateNetwork: agent?.Browser?.AllowPrivateNetwork ?? false,
                SocialMediaReadOnly: Flag(agent?.SocialMedia?.ReadOnly, "agent.socialMedia.readOnly", false),
                SkillsAllowlistOnly: Flag(agent?.Skills?.AllowlistOnly, "agent.skills.allowlistOnly", false),
                SkillsAllow: agent?.Skills?.Allow?.ToValueList(),
                GatewayBind: agent?.Gateway?.Bind ?? "loopback",
                GatewayAuth: agent?.Gateway?.Auth ?? "token",
                GatewayToken: agent?.Gateway?.Token,
                MinTokenLength: agent?.Gateway?.MinTokenLength ?? TierPolicy.DefaultMinTokenLength(tier),
                RedactSensitive: agent?.Logging?.RedactSensitive ?? "tools",
                SandboxMode: document.Sandboxes?.OpenClaw?.Mode ?? TierPolicy.DefaultSandboxMode(tier),
                SandboxWorkspaceAccess: document.Sandboxes?.OpenClaw?.WorkspaceAccess ?? (tier == Tier.Paranoid ? "none" : "ro")),
            new EffectiveBackups(
                AtMost(document.Backups?.Interval, "backups.interval", "1h", "1h"),
                Flag(document.Backups?.ConfigBeforeChange, "backups.configBeforeChange", true)),
            new EffectiveSecrets(
                AtMost(document.Secrets?.Rotation?.ApiKey, "secrets.rotation.apiKey", "30d", "30d"),
                Duration.Parse(document.Secrets?.Rotation?.OAuth ?? "90d"),
                Duration.Parse(document.Secrets?.Rotation?.BotToken ?? "180d"),
                Duration.Parse(document.Secrets?.Rotation?.Password ?? "0s")),
            firewall,
            Digest: string.Empty,
            Warnings: diagnostics.Where(d => d.Severity == Severity.Warning).ToValueList());

        return effective with { Digest = Digest(effective) };
    }

    /// <summary>sha256 over the effective posture; secrets enter only as their own hashes (see <see cref="SecretRefConverter"/>).</summary>
    private static string Digest(EffectivePosture posture)
    {
        // Source-generated serialization: no reflection, so hashing costs little on a cold start.
        var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(posture with { Digest = string.Empty, Warnings = ValueList<Diagnostic>.Empty }, PostureJsonContext.Default.EffectivePosture);
        return "sha256:" + Hashing.Sha256Hex(json);
    }
}
