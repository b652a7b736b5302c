using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Posture;

public sealed class PostureLoaderTests
{
    private const string Minimal = "apiVersion: openclaw.desired/v1\ntier: basic\n";

    private static PostureLoadResult Load(string yaml) => PostureLoader.LoadText("posture.yaml", yaml);

    private static string Errors(PostureLoadResult result) => string.Join("\n", result.Errors);

    [Theory]
    [InlineData("basic")]
    [InlineData("standard")]
    [InlineData("paranoid")]
    public void LoadFile_ExamplePosture_IsValid(string tier)
    {
        var result = PostureLoader.LoadFile(RepoPaths.Posture(tier));

        Assert.True(result.Succeeded, Errors(result));
        Assert.Equal(TierPolicy.Parse(tier), result.Posture!.Tier);
    }

    [Fact]
    public void LoadText_Minimal_FillsDefaultsFromTier()
    {
        var result = Load(Minimal);

        Assert.True(result.Succeeded, Errors(result));
        var posture = result.Posture!;
        Assert.Equal(TimeSpan.FromHours(1), posture.Backups.Interval);
        Assert.True(posture.Backups.ConfigBeforeChange);
        Assert.True(posture.Agent.SocialMediaReadOnly);
        Assert.Equal("~/.openclaw", posture.OpenClaw.StateDir);
        Assert.Equal("loopback", posture.Agent.GatewayBind);
        Assert.Equal("off", posture.FirewallLevel);
    }

    [Fact]
    public void LoadText_ParanoidMinimal_RequiresAirgapLocalModelsAndApproval()
    {
        var result = Load("apiVersion: openclaw.desired/v1\ntier: paranoid\n");

        Assert.True(result.Succeeded, Errors(result));
        Assert.Equal("airgap", result.Posture!.FirewallLevel);
        Assert.True(result.Posture.Models.LocalOnly);
        Assert.Equal("always", result.Posture.Agent.ExecAsk);
        Assert.True(result.Posture.Agent.SkillsAllowlistOnly);
        Assert.True(result.Posture.Agent.BrowserSandbox);
    }

    [Theory]
    [InlineData("basic", "backups:\n  interval: 6h\n", "backups.interval", "4:13")]
    [InlineData("basic", "backups:\n  configBeforeChange: false\n", "backups.configBeforeChange", "4:23")]
    [InlineData("basic", "agent:\n  socialMedia:\n    readOnly: false\n", "agent.socialMedia.readOnly", "5:15")]
    [InlineData("standard", "agent:\n  skills:\n    allowlistOnly: false\n", "agent.skills.allowlistOnly", "5:20")]
    [InlineData("standard", "secrets:\n  rotation:\n    apiKey: 90d\n", "secrets.rotation.apiKey", "5:13")]
    [InlineData("standard", "agent:\n  browser:\n    sandbox: false\n", "agent.browser.sandbox", "5:14")]
    [InlineData("paranoid", "firewall:\n  level: filter\n", "firewall.level", "4:10")]
    [InlineData("paranoid", "models:\n  localOnly: false\n", "models.localOnly", "4:14")]
    [InlineData("paranoid", "agent:\n  exec:\n    ask: on-miss\n", "agent.exec.ask", "5:10")]
    public void LoadText_ValueWeakerThanTier_IsAnErrorNamingKeyAndTier(string tier, string section, string path, string position)
    {
        var result = Load($"apiVersion: openclaw.desired/v1\ntier: {tier}\n{section}");

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal($"posture.yaml:{position}: is weaker than the {tier} tier requires ({TierPolicy.Requirements.First(r => r.Path == path).Required}{(path.Contains("interval") || path.Contains("apiKey") ? " or less" : string.Empty)}) ({path})", error.ToString());
    }

    [Fact]
    public void LoadText_SameValueInLowerTier_IsAllowed()
    {
        var result = Load("apiVersion: openclaw.desired/v1\ntier: basic\nfirewall:\n  level: filter\nagent:\n  skills:\n    allowlistOnly: false\n");

        Assert.True(result.Succeeded, Errors(result));
    }

    [Fact]
    public void LoadText_ManyProblems_AreAllReportedWithPositions()
    {
        var yaml = """
            apiVersion: openclaw.desired/v1
            tier: standard
            colour: blue
            models:
              primary: 42
              fallbacks: [anthropic/claude-sonnet-4-5, nonsense]
            agent:
              exec:
                ask: sometimes
              gateway:
                minTokenLength: 4
            backups:
              interval: hourly
            """;

        var errors = Load(yaml).Errors.Select(e => e.ToString()).ToList();

        Assert.Contains("posture.yaml:3:1: unknown key 'colour' (colour)", errors);
        Assert.Contains("posture.yaml:5:12: expected a string (models.primary)", errors);
        Assert.Contains(errors, e => e.StartsWith("posture.yaml:6:44: has the wrong form", StringComparison.Ordinal) && e.EndsWith("(models.fallbacks[1])", StringComparison.Ordinal));
        Assert.Contains("posture.yaml:9:10: must be one of: off, on-miss, always (agent.exec.ask)", errors);
        Assert.Contains("posture.yaml:11:21: is below the minimum 16 (agent.gateway.minTokenLength)", errors);
        Assert.Contains(errors, e => e.StartsWith("posture.yaml:13:13: has the wrong form: A duration", StringComparison.Ordinal));
        Assert.Equal(6, errors.Count);
    }

    [Fact]
    public void LoadText_UnknownKeyCloseToKnownOne_SuggestsIt()
    {
        var error = Assert.Single(Load(Minimal + "modles:\n  primary: openai/gpt-5.1\n").Errors);

        Assert.Equal("posture.yaml:3:1: unknown key 'modles'; did you mean 'models'? (modles)", error.ToString());
    }

    [Fact]
    public void LoadText_MissingRequiredKeys_NamesThem()
    {
        var errors = Load("models:\n  primary: openai/gpt-5.1\n").Errors.Select(e => e.Message).ToList();

        Assert.Contains("missing required key 'apiVersion'", errors);
        Assert.Contains("missing required key 'tier'", errors);
    }
}
