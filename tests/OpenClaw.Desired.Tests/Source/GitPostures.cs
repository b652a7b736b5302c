using System.Text.Json;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Source;

/// <summary>Postures and helpers shared by the Git source tests.</summary>
internal static class GitPostures
{
    /// <summary>A literal gateway token: it lets the demo host converge fully, and it is a canary that must never be printed.</summary>
    public const string Canary = "canary-gateway-token-7f3a9c1e5b2d4f6a8c0e";

    /// <summary>A posture the demo host converges to with no manual or unknown leftovers.</summary>
    public static string Standard(string ask = "on-miss", string tier = "standard", string skills = "[weather]") => $"""
        apiVersion: openclaw.desired/v1
        tier: {tier}
        openclaw:
          user: claw
          stateDir: ~/.openclaw
        agent:
          exec:
            security: allowlist
            ask: {ask}
          skills:
            allowlistOnly: true
            allow: {skills}
          gateway:
            token: {Canary}
        sandboxes:
          openclaw:
            mode: off
        score:
          target: 0
        """;

    /// <summary>reconcile from the repository as host web1; applying runs need no terminal (--yes).</summary>
    public static string[] Args(ScratchHost host, string repo, params string[] extra) => ArgsAs("web1", host, repo, extra);

    public static string[] ArgsAs(string hostName, ScratchHost host, string repo, params string[] extra) =>
        ["reconcile", "--repo", repo, "--root", host.Root, "--state-dir", host.StateDir, "--hostname", hostName, "--no-color", "--yes", .. extra];

    public static JsonElement Json(CliResult result)
    {
        Assert.DoesNotContain(Canary, result.All);
        return JsonDocument.Parse(result.Stdout).RootElement;
    }

    public static JsonElement SourceOf(JsonElement report) => report.GetProperty("posture").GetProperty("source");

    public static string Diagnostics(JsonElement report) =>
        string.Join("\n", report.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetString()));
}
