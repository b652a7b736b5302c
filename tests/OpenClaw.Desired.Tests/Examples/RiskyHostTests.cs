using Newtonsoft.Json.Linq;
using OpenClaw.Desired.OpenClaw;
using OpenClaw.Desired.Resources.OpenClawAudit;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Examples;

/// <summary>The risky host fails most of OpenClaw's audit checks; its paranoid posture converges every one the catalog says it converges.</summary>
public sealed class RiskyHostTests
{
    private static IEnumerable<string> NamedChecks(JObject report) =>
        report["changes"]!.SelectMany(c => c["checks"]?.Select(t => (string)t!) ?? []).Distinct();

    private static bool IsConverged(string checkId) => AuditChecks.Find(checkId) is { Handling: Handling.Converges };

    [Fact]
    public void DryRun_PlansTheChanges_EachNamingTheChecksItCloses()
    {
        using var host = RiskyHost.Create();

        var dry = CliRunner.Run(["reconcile", .. host.Args(RiskyHost.Posture, "--dry-run", "--output", "json")]);

        // Changes planned, and the score after them stays below paranoid's target (manual actions remain): exit 5.
        Assert.True(dry.ExitCode == 5, dry.All);
        var report = JObject.Parse(dry.Stdout);
        Assert.Equal("below-target", (string?)report["result"]);
        var named = NamedChecks(report).ToList();
        Assert.All(named, id => Assert.True(AuditChecks.Find(id) is not null || id is "logging.redact_off" or "gateway.control_ui.device_auth_disabled" or "gateway.control_ui.insecure_auth", $"{id} is not an OpenClaw check"));
        var convergedNamed = AuditChecks.All.Where(c => c.Handling == Handling.Converges && named.Any(c.Matches)).ToList();
        Assert.True(convergedNamed.Count >= 84, $"the risky host fails only {convergedNamed.Count} of the converged checks");

        JToken Change(string resource) => report["changes"]!.Single(c => (string?)c["resource"] == resource);
        Assert.Equal(["gateway.tailscale_funnel"], Change("gateway.tailscale.mode")["checks"]!.Select(t => (string)t!));
        Assert.Contains("tools.exec.security_full_configured", Change("agents.list[ops].tools.exec.security")["checks"]!.Select(t => (string)t!));
        Assert.Contains("channels.telegram.dm.open", Change("channels.telegram.dmPolicy")["checks"]!.Select(t => (string)t!));
        Assert.Contains("fs.config.perms_world_readable", Change("permissions:openclaw.json")["checks"]!.Select(t => (string)t!));
        Assert.Contains("fs.config_include.perms_world_readable", Change("mode:/home/claw/.openclaw/providers.json5")["checks"]!.Select(t => (string)t!));
        Assert.Contains("plugins.code_safety.entry_escape", Change("plugin:evil-loader")["checks"]!.Select(t => (string)t!));
        // Nothing is applied by a dry run.
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite,
            File.GetUnixFileMode(host.ConfigPath));
    }

    [Fact]
    public void ParanoidApply_ThenDryRun_LeavesNoConvergedCheckFailing()
    {
        using var host = RiskyHost.Create();

        var apply = CliRunner.Run(["reconcile", .. host.Args(RiskyHost.Posture, "--output", "json", "--yes")]);
        var dry = CliRunner.Run(["reconcile", .. host.Args(RiskyHost.Posture, "--dry-run", "--output", "json")]);

        Assert.True(apply.ExitCode == 0, apply.All);
        var after = JObject.Parse(dry.Stdout);
        Assert.Equal(0, (int)after["summary"]!["changes"]!);
        var stillFailing = NamedChecks(after).Where(IsConverged).ToList();
        Assert.Empty(stillFailing);
        // What remains is for a human: each manual action names a check the catalog reports, or none.
        Assert.All(after["changes"]!, c => Assert.Equal("manual", (string?)c["action"]));

        var config = OpenClawConfig.Parse(File.ReadAllText(host.ConfigPath));
        Assert.Equal("off", (string?)config.Get("/gateway/tailscale/mode"));
        Assert.Equal("${OPENCLAW_GATEWAY_TOKEN}", (string?)config.Get("/gateway/auth/token"));
        Assert.Equal("${OPENCLAW_HOOKS_TOKEN}", (string?)config.Get("/hooks/token"));
        Assert.Equal("pairing", (string?)config.Get("/channels/telegram/dmPolicy"));
        Assert.Equal("/hooks", (string?)config.Get("/hooks/path"));
        Assert.Null(config.Get("/security/audit/suppressions"));
        Assert.Equal("@openclaw/voice-call@1.4.2", (string?)config.Get("/plugins/installs/voice-call/spec"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(host.ConfigPath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(host.Real("/home/claw/.openclaw/providers.json5")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(host.Real("/tmp/openclaw/openclaw-2026-11-28.log")));
        Assert.False(Directory.Exists(host.Real("/home/claw/.openclaw/extensions/evil-loader")));
        Assert.False(File.Exists(host.Real("/home/claw/.openclaw/workspace/skills/sysinfo")) || Directory.Exists(host.Real("/home/claw/.openclaw/workspace/skills/sysinfo")));
        Assert.True(Directory.Exists("/etc"), "the link's target is never touched");
        var approvals = JObject.Parse(File.ReadAllText(host.Real("/home/claw/.openclaw/exec-approvals.json")));
        Assert.False((bool)approvals["defaults"]!["autoAllowSkills"]!);
        Assert.False((bool)approvals["agents"]!["ops"]!["autoAllowSkills"]!);
    }

    [Theory]
    [InlineData("basic")]
    [InlineData("standard")]
    public void Apply_AtALowerTier_ConvergesInOneRun(string tier)
    {
        using var host = RiskyHost.Create();
        var posture = host.WritePosture($"""
            apiVersion: openclaw.desired/v1
            tier: {tier}
            openclaw:
              user: claw
            sandboxes:
              openclaw:
                mode: off
            agent:
              gateway:
                token: {"{"}env: GW{"}"}
            """);

        var apply = CliRunner.Run(["reconcile", .. host.Args(posture, "--yes")]);
        var dry = CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run", "--output", "json")]);

        Assert.True(apply.ExitCode == 0, apply.All);
        Assert.Equal(0, (int)JObject.Parse(dry.Stdout)["summary"]!["changes"]!);
    }

    [Fact]
    public void Rollback_OfTheParanoidApply_RestoresModesAndFiles()
    {
        using var host = RiskyHost.Create();
        var before = File.ReadAllBytes(host.ConfigPath);

        Assert.Equal(0, CliRunner.Run(["reconcile", .. host.Args(RiskyHost.Posture, "--yes")]).ExitCode);
        var rollback = CliRunner.Run(["rollback", "--root", host.Root, "--state-dir", host.StateDir]);

        Assert.True(rollback.ExitCode == 0, rollback.All);
        Assert.Equal(before, File.ReadAllBytes(host.ConfigPath));
        Assert.Equal((UnixFileMode)Convert.ToInt32("644", 8), File.GetUnixFileMode(host.Real("/home/claw/.openclaw/agents/main/sessions/sessions.json")));
        Assert.True(File.Exists(host.Real("/home/claw/.openclaw/extensions/evil-loader/package.json")));
    }
}
