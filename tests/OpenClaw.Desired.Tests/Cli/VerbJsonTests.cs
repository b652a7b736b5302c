using System.Text.Json;
using OpenClaw.Desired.Secrets;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Cli;

/// <summary>Verbs that print results print them as one JSON document with --output json, exit codes unchanged.</summary>
public sealed class VerbJsonTests
{
    [Fact]
    public void Confirm_NothingAwaiting_IsJsonWithExitZero()
    {
        using var host = ScratchHost.Empty();

        var result = CliRunner.Run("confirm", "--root", host.Root, "--output", "json");

        Assert.Equal(0, result.ExitCode);
        var json = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Empty(json.GetProperty("changes").EnumerateArray());
        Assert.Equal(0, json.GetProperty("exitCode").GetInt32());
    }

    [Fact]
    public void SecretsRotated_Json_NamesTheSecretAndItsNextDueDateButNeverTheValue()
    {
        using var host = ScratchHost.FromDemo();
        var posture = host.WritePosture(SecretPostures.EnvStore());
        Assert.NotEqual(1, CliRunner.Run(["reconcile", .. host.Args(posture, "--yes")]).ExitCode);
        var env = host.Real(ScratchHost.OpenClawHome + "/.env");
        const string Rotated = "sk-ant-api03-rotatedValueQ7x9Lm2Kp4Rt8Wz3rotatedValueQ7x9Lm2Kp4Rt8Wz3rotatedValueQ7x9Lm2Kp4Rt8Wz3xxAA";
        File.WriteAllText(env, DotEnv.Set(File.ReadAllText(env), "ANTHROPIC_API_KEY", Rotated));

        var result = CliRunner.Run(["secrets", "rotated", "ANTHROPIC_API_KEY", .. host.Args(posture, "--output", "json")]);

        Assert.True(result.ExitCode == 0, result.All);
        var json = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal("ANTHROPIC_API_KEY", json.GetProperty("name").GetString());
        Assert.StartsWith("fp:", json.GetProperty("fingerprint").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.String, json.GetProperty("nextDue").ValueKind);
        Assert.DoesNotContain(Rotated, result.All, StringComparison.Ordinal);
    }
}
