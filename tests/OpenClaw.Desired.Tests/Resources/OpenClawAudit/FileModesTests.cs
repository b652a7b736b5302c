using Newtonsoft.Json.Linq;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Resources.OpenClawAudit;

/// <summary>File modes OpenClaw's audit checks, converged through the safe filesystem: links are never followed.</summary>
public sealed class FileModesTests
{
    private const string Sessions = "/home/claw/.openclaw/agents/main/sessions/sessions.json";
    private const string Include = "/home/claw/.openclaw/providers.json5";
    private static readonly UnixFileMode Mode644 = (UnixFileMode)Convert.ToInt32("644", 8);

    [Fact]
    public void PlantedLinks_AtCoveredPaths_AreNeitherFollowedNorChanged()
    {
        using var host = RiskyHost.Create();
        var outside = host.Real("/srv/victim.json");
        Directory.CreateDirectory(Path.GetDirectoryName(outside)!);
        File.WriteAllText(outside, "{}");
        File.SetUnixFileMode(outside, Mode644);
        foreach (var path in new[] { Sessions, Include })
        {
            File.Delete(host.Real(path));
            File.CreateSymbolicLink(host.Real(path), "/srv/victim.json");
        }

        var dry = CliRunner.Run(["reconcile", .. host.Args(RiskyHost.Posture, "--dry-run", "--output", "json")]);
        var apply = CliRunner.Run(["reconcile", .. host.Args(RiskyHost.Posture, "--yes")]);

        var resources = JObject.Parse(dry.Stdout)["changes"]!.Select(c => (string)c["resource"]!).ToList();
        Assert.DoesNotContain($"mode:{Sessions}", resources);
        Assert.DoesNotContain($"mode:{Include}", resources);
        Assert.True(apply.ExitCode == 0, apply.All);
        Assert.Equal(Mode644, File.GetUnixFileMode(outside));
        Assert.True(new FileInfo(host.Real(Sessions)).LinkTarget is not null, "the link itself stays");
    }

    [Fact]
    public void Basic_ClearsOnlyTheBitsBehindCriticalChecks_StandardSetsTheMode()
    {
        using var basicHost = RiskyHost.Create();
        using var standardHost = RiskyHost.Create();

        string Tiered(ScratchHost host, string tier) => host.WritePosture($"""
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

        Assert.Equal(0, CliRunner.Run(["reconcile", .. basicHost.Args(Tiered(basicHost, "basic"), "--yes")]).ExitCode);
        Assert.Equal(0, CliRunner.Run(["reconcile", .. standardHost.Args(Tiered(standardHost, "standard"), "--yes")]).ExitCode);

        // 0666 → basic drops group and world write and world read (critical), keeps group read (a warning).
        Assert.Equal((UnixFileMode)Convert.ToInt32("640", 8), File.GetUnixFileMode(basicHost.Real(Include)));
        Assert.Equal((UnixFileMode)Convert.ToInt32("600", 8), File.GetUnixFileMode(standardHost.Real(Include)));
        // Sessions readable by others is only a warning: basic leaves it, standard closes it.
        Assert.Equal(Mode644, File.GetUnixFileMode(basicHost.Real(Sessions)));
        Assert.Equal((UnixFileMode)Convert.ToInt32("600", 8), File.GetUnixFileMode(standardHost.Real(Sessions)));
    }
}
