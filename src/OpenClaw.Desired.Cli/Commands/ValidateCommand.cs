using System.CommandLine;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Reporting;

namespace OpenClaw.Desired.Cli.Commands;

/// <summary><c>validate</c>: read and check the posture, print every problem with its position.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var posture = new Option<string>("--posture", "-p") { Description = "The posture file", DefaultValueFactory = _ => "posture.yaml" };
        var command = new Command("validate", "Check a posture file: schema, tier rules and semantic checks") { posture };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(posture)!;
            var result = PostureLoader.LoadFile(path);
            if (result.Posture is { } loaded)
            {
                foreach (var secret in loaded.LiteralSecrets)
                {
                    console.Redactor.Add(secret);
                }
            }

            foreach (var diagnostic in result.Diagnostics)
            {
                console.WriteError(diagnostic.ToString());
            }

            if (!result.Succeeded)
            {
                console.WriteError($"{path}: {result.Errors.Count()} problem(s); nothing was changed");
                return ExitCodes.Error;
            }

            console.WriteOut($"{path}: valid (tier {TierPolicy.Name(result.Posture!.Tier)}, digest {result.Posture.Digest})\n");
            return ExitCodes.Ok;
        });
        return command;
    }
}
