using System.CommandLine;

namespace OpenClaw.Desired.Cli.Commands;

/// <summary><c>secrets scan | rotated | resolve</c>.</summary>
internal static class SecretsCommand
{
    public static Command Create(CliConsole console) => new("secrets", "Plaintext credentials, the secrets store and rotation")
    {
        SecretsScanCommand.Create(console),
        SecretsRotatedCommand.Create(console),
        SecretsResolveCommand.Create(console, Console.In),
    };
}
