using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Waivers;

/// <summary>Waivers: checked when loaded, matched in the plan, shown in every report, never applied, never forgotten.</summary>
public sealed class WaiverTests
{
    private static readonly string Today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string InDays(int days) => DateTime.UtcNow.AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Waiver(string match, string until, string reason = "the VPS kernel lacks user namespaces", string owner = "ops@example.com") =>
        $"  - match: {match}\n    reason: {reason}\n    owner: {owner}\n    until: {until}\n";

    private static string Posture(string waivers, string tier = "standard") =>
        Postures.AgentOnly(tier) + (waivers.Length > 0 ? "waivers:\n" + waivers : string.Empty);

    private static JsonElement Json(CliResult result) => JsonDocument.Parse(result.Stdout).RootElement;

    private static IEnumerable<JsonElement> Changes(JsonElement report) => report.GetProperty("changes").EnumerateArray();

    [Theory]
    [InlineData("standard", 91, "the standard tier allows a waiver at most 90 days")]
    [InlineData("paranoid", 31, "the paranoid tier allows a waiver at most 30 days")]
    [InlineData("basic", 181, "the basic tier allows a waiver at most 180 days")]
    public void Load_UntilBeyondTheTiersLimit_IsAPositionedError(string tier, int days, string message)
    {
        var text = $"apiVersion: openclaw.desired/v1\ntier: {tier}\nwaivers:\n" + Waiver("agent/gateway.bind", InDays(days));

        var errors = PostureLoader.LoadText("posture.yaml", text).Errors.Select(e => e.ToString()).ToList();

        var error = Assert.Single(errors);
        Assert.StartsWith("posture.yaml:7:12: runs ", error);
        Assert.Contains(message, error);
        Assert.EndsWith("(waivers[0].until)", error);
    }

    [Fact]
    public void Load_WithinTheLimit_IsValid() =>
        Assert.True(PostureLoader.LoadText("posture.yaml", $"apiVersion: openclaw.desired/v1\ntier: paranoid\nwaivers:\n" + Waiver("agent/gateway.bind", InDays(30))).Succeeded);

    [Theory]
    [InlineData("  - match: agent/x\n    owner: me\n    until: 2026-01-01\n", "missing required key 'reason'")]
    [InlineData("  - match: agent/x\n    reason: r\n    until: 2026-01-01\n", "missing required key 'owner'")]
    [InlineData("  - match: agent/x\n    reason: r\n    owner: me\n", "missing required key 'until'")]
    [InlineData("  - match: agent/x\n    reason: '  '\n    owner: me\n    until: 2026-01-01\n", "must say why")]
    [InlineData("  - match: agent/x\n    reason: r\n    owner: me\n    until: 2026-02-30\n", "'2026-02-30' is not a date")]
    [InlineData("  - match: agent/x\n    reason: r\n    owner: me\n    until: next week\n", "has the wrong form")]
    public void Load_IncompleteWaiver_IsAnError(string waiver, string message)
    {
        var result = PostureLoader.LoadText("posture.yaml", "apiVersion: openclaw.desired/v1\ntier: standard\nwaivers:\n" + waiver);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Message.Contains(message, StringComparison.Ordinal) && e.Line > 0);
    }

    [Fact]
    public void Load_UsesTheGivenClock_ForTheTiersLimit()
    {
        var text = "apiVersion: openclaw.desired/v1\ntier: paranoid\nwaivers:\n" + Waiver("agent/gateway.bind", "2030-01-20");
        var root = (Newtonsoft.Json.Linq.JObject)YamlToJsonFor(text);

        var early = PostureLoader.LoadToken("posture.yaml", (Newtonsoft.Json.Linq.JObject)root.DeepClone(), new FakeTimeProvider(new DateTimeOffset(2029, 12, 1, 0, 0, 0, TimeSpan.Zero)));
        var late = PostureLoader.LoadToken("posture.yaml", root, new FakeTimeProvider(new DateTimeOffset(2030, 1, 2, 0, 0, 0, TimeSpan.Zero)));

        Assert.False(early.Succeeded);
        Assert.True(late.Succeeded);
    }

    private static Newtonsoft.Json.Linq.JToken YamlToJsonFor(string text) => YamlToJson.Convert("posture.yaml", text, [])!;

    [Fact]
    public void Plan_WaivedChange_IsShownWithItsWaiverNeitherAppliedNorCounted()
    {
        using var host = ScratchHost.FromDemo();
        var plain = host.WritePosture(Posture(string.Empty), "plain.yaml");
        var waived = host.WritePosture(Posture(Waiver("agent/browser.noSandbox", InDays(30))));

        var before = Json(CliRunner.Run(["reconcile", .. host.Args(plain, "--dry-run", "-o", "json")]));
        var planRun = CliRunner.Run(["reconcile", .. host.Args(waived, "--dry-run", "-o", "json")]);
        Reporting.ReportSchemaTests.AssertValid(planRun.Stdout);
        var plan = Json(planRun);
        var apply = CliRunner.Run(["reconcile", .. host.Args(waived, "--yes", "-o", "json")]);
        var after = Json(CliRunner.Run(["reconcile", .. host.Args(waived, "--dry-run", "-o", "json")]));

        var change = Changes(plan).Single(c => c.GetProperty("id").GetString() == "agent/browser.noSandbox");
        Assert.Equal("the VPS kernel lacks user namespaces", change.GetProperty("waived").GetProperty("reason").GetString());
        Assert.Equal("ops@example.com", change.GetProperty("waived").GetProperty("owner").GetString());
        Assert.Equal(InDays(30), change.GetProperty("waived").GetProperty("until").GetString());
        Assert.Equal(before.GetProperty("summary").GetProperty("changes").GetInt32() - 1, plan.GetProperty("summary").GetProperty("changes").GetInt32());
        Assert.Equal(1, plan.GetProperty("summary").GetProperty("waived").GetInt32());
        Assert.True(apply.ExitCode == 0, apply.All);
        Assert.Contains("noSandbox: true,", File.ReadAllText(host.ConfigPath));
        // What is left: the waived change and the demo's too-short gateway token, a manual action.
        Assert.Equal(0, after.GetProperty("summary").GetProperty("changes").GetInt32());
        Assert.Equal(1, after.GetProperty("summary").GetProperty("manual").GetInt32());
        Assert.Single(Changes(after), c => c.TryGetProperty("waived", out _));
        var status = Assert.Single(after.GetProperty("waivers").EnumerateArray());
        Assert.Equal("active", status.GetProperty("status").GetString());
        Assert.Equal(1, status.GetProperty("matched").GetInt32());
    }

    [Fact]
    public void Plan_WaiverNamingAnOpenClawCheckId_WaivesTheChangeThatClosesIt()
    {
        using var host = ScratchHost.FromDemo();
        var waived = host.WritePosture(Posture(Waiver("logging.redact_off", InDays(30))));

        var plan = Json(CliRunner.Run(["reconcile", .. host.Args(waived, "--dry-run", "-o", "json")]));

        var change = Changes(plan).Single(c => c.GetProperty("id").GetString() == "agent/logging.redactSensitive");
        Assert.Equal("ops@example.com", change.GetProperty("waived").GetProperty("owner").GetString());
        Assert.Equal("active", Assert.Single(plan.GetProperty("waivers").EnumerateArray()).GetProperty("status").GetString());
    }

    [Fact]
    public void Plan_WaivedLooseningChange_DoesNotFailTheGate()
    {
        using var host = ScratchHost.FromDemo();
        var tight = host.WritePosture(Postures.AgentOnly(agent: "  elevated:\n    enabled: false\n"), "tight.yaml");
        Assert.Equal(0, CliRunner.Run(["reconcile", .. host.Args(tight, "--yes")]).ExitCode);
        var loose = Postures.AgentOnly(agent: "  exec:\n    security: full\n    ask: off\n");

        var gated = CliRunner.Run(["reconcile", .. host.Args(host.WritePosture(loose, "loose.yaml"), "--dry-run")]);
        var waived = CliRunner.Run(["reconcile", .. host.Args(host.WritePosture(loose + "waivers:\n" + Waiver("agent/tools.exec.security", InDays(7)) + Waiver("agent/tools.exec.ask", InDays(7)), "waived.yaml"), "--dry-run")]);

        Assert.Equal(4, gated.ExitCode);
        // Only the demo's manual action (a too-short gateway token) is left: changes pending, not loosens.
        Assert.True(waived.ExitCode == 2, waived.All);
        Assert.StartsWith("changes pending · tier standard · 0 change(s) (0 tighten, 0 loosen), 1 manual, 0 unknown, 2 waived", waived.Stdout);
        Assert.Contains("[waived until", waived.Stdout);
    }

    [Fact]
    public void Plan_ExpiredWaiver_IsAnErrorOfThePlanAndWaivesNothing()
    {
        using var host = ScratchHost.FromDemo();
        var plain = host.WritePosture(Posture(string.Empty), "plain.yaml");
        Assert.Equal(0, CliRunner.Run(["reconcile", .. host.Args(plain, "--yes")]).ExitCode);
        var expired = host.WritePosture(Posture(Waiver("agent/gateway.bind", "2025-01-31")));
        File.WriteAllText(host.ConfigPath, File.ReadAllText(host.ConfigPath).Replace("bind: \"loopback\"", "bind: \"lan\"", StringComparison.Ordinal));

        var validate = CliRunner.Run("validate", "--posture", expired);
        var plan = CliRunner.Run(["reconcile", .. host.Args(expired, "--dry-run", "-o", "json")]);
        var report = Json(plan);
        Reporting.ReportSchemaTests.AssertValid(plan.Stdout);

        Assert.Equal(0, validate.ExitCode);
        Assert.Contains("warning: waiver 'agent/gateway.bind' expired on 2025-01-31", validate.Stderr);
        Assert.Equal(3, plan.ExitCode);
        Assert.Equal("expired-waiver", report.GetProperty("result").GetString());
        Assert.Contains(report.GetProperty("diagnostics").EnumerateArray(), d => d.GetString()!.Contains("expired on 2025-01-31; it waives nothing now", StringComparison.Ordinal) && !d.GetString()!.Contains("warning:", StringComparison.Ordinal));
        var bind = Changes(report).Single(c => c.GetProperty("id").GetString() == "agent/gateway.bind");
        Assert.False(bind.TryGetProperty("waived", out _));
        Assert.Equal("expired", report.GetProperty("waivers")[0].GetProperty("status").GetString());
    }

    [Fact]
    public void Plan_WaiverMatchingNothing_IsAStaleWarning()
    {
        using var host = ScratchHost.FromDemo();
        var posture = host.WritePosture(Posture(Waiver("agent/no.such.key", InDays(10))));

        var report = Json(CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run", "-o", "json")]));

        Assert.Equal("stale", report.GetProperty("waivers")[0].GetProperty("status").GetString());
        Assert.Contains(report.GetProperty("diagnostics").EnumerateArray(), d => d.GetString()!.Contains(": warning: waiver 'agent/no.such.key' matches nothing in this plan (stale)", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_FindingWaivedByFingerprintOrRuleUnderAPath_IsMarkedInEveryFormat()
    {
        using var host = ScratchHost.FromDemo();
        var plain = host.WritePosture(Postures.AgentOnly(), "plain.yaml");
        var first = Json(CliRunner.Run(["reconcile", .. host.Args(plain, "--dry-run", "-o", "json")]));
        var finding = first.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("rule").GetString() == "download-exec");
        var fingerprint = finding.GetProperty("fingerprint").GetString()!;
        var waivers = Waiver(fingerprint, InDays(5), "vendored installer, reviewed") + $"  - match: paste-site\n    path: \"**/crypto-price-alerts/*.py\"\n    reason: known\n    owner: sec\n    until: {InDays(5)}\n";
        var posture = host.WritePosture(Postures.AgentOnly() + "waivers:\n" + waivers);

        var json = Json(CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run", "-o", "json")]));
        var markdown = CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run", "-o", "markdown")]).Stdout;
        var html = CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run", "-o", "html")]).Stdout;
        var text = CliRunner.Run(["reconcile", .. host.Args(posture, "--dry-run")]).Stdout;

        Assert.Matches("^finding:[0-9a-f]{16}$", fingerprint);
        var waived = json.GetProperty("findings").EnumerateArray().Where(f => f.TryGetProperty("waived", out _)).Select(f => f.GetProperty("rule").GetString()).Order().ToList();
        Assert.Equal(["download-exec", "paste-site"], waived);
        Assert.Equal(fingerprint, json.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("rule").GetString() == "download-exec").GetProperty("fingerprint").GetString());
        Assert.Contains("vendored installer, reviewed", markdown);
        Assert.Contains("vendored installer, reviewed", html);
        Assert.Contains("[waived until", text);
    }
}
