using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Resources.Secrets;

/// <summary>Bad secrets sections: exit 1, a positioned message, nothing changed on the host.</summary>
public sealed class SecretsPostureTests
{
    [Theory]
    [InlineData("store:\n  kind: vault\n", "posture.yaml:10:3: a vault store needs secrets.store.vault (at least its address) (secrets.store)")]
    [InlineData("store:\n  kind: keychain\n", "posture.yaml:11:11: must be one of: env, file, vault (secrets.store.kind)")]
    [InlineData("store:\n  kind: file\n  provider: Bad Alias\n", "posture.yaml:12:15: has the wrong form")]
    [InlineData("declared:\n  - name: GITHUB_TOKEN\n    type: apiKey\n    value: {store: OTHER}\n", "posture.yaml:13:7: a declared secret lives in the store under its own name")]
    [InlineData("declared:\n  - name: lower_case\n    type: apiKey\n", "posture.yaml:11:13: has the wrong form (secrets.declared[0].name)")]
    [InlineData("rotation:\n  apiKey: 90d\n", "is weaker than the standard tier requires (30d or less) (secrets.rotation.apiKey)")]
    public void Reconcile_BadSecretsSection_FailsWithAPositionAndChangesNothing(string section, string message)
    {
        using var host = ScratchHost.FromDemo();
        var posture = host.WritePosture(SecretPostures.With(section));
        var before = HostSnapshot.Of(host.Root);

        var result = CliRunner.Run(["reconcile", .. host.Args(posture, "--yes")]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.All);
        Assert.DoesNotContain("   at ", result.All);
        Assert.Empty(before.Differences(HostSnapshot.Of(host.Root)));
    }

    [Fact]
    public void Validate_LiteralDeclaredSecret_WarnsAndNeverEchoesIt()
    {
        using var host = ScratchHost.Empty();
        var posture = host.WritePosture(SecretPostures.With("declared:\n  - name: SHOP_TOKEN\n    type: apiKey\n    value: lit-Q7x9Lm2Kp4Rt8Wz3\n"));

        var result = CliRunner.Run(["validate", "--posture", posture]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning: a literal secret in the posture ends up in Git", result.All);
        Assert.DoesNotContain("lit-Q7x9Lm2Kp4Rt8Wz3", result.All);
    }
}
