using System.CommandLine;
using System.Text.Json;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Reporting;

namespace OpenClaw.Desired.Cli.Commands;

/// <summary>
/// <c>validate</c>: read and check the posture, every problem at once with its position (<c>file:line:col</c>, the file
/// named as given). <c>--output json</c> gives editors the same as data.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var posture = new Option<string>("--posture", "-p") { Description = "The posture file", DefaultValueFactory = _ => "posture.yaml" };
        var output = new Option<string>("--output", "-o") { Description = "text or json", DefaultValueFactory = _ => "text" };
        output.AcceptOnlyFromAmong("text", "json");
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print nothing when the posture is valid; problems are always printed" };
        var command = new Command("validate", "Check a posture file: schema, tier rules, semantic checks and waivers, all in one pass") { posture, output, quiet };
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

            if (parse.GetValue(output) == "json")
            {
                console.WriteOut(Json(path, result) + "\n");
                return result.Succeeded ? ExitCodes.Ok : ExitCodes.Error;
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

            if (!parse.GetValue(quiet))
            {
                console.WriteOut($"{path}: valid (tier {TierPolicy.Name(result.Posture!.Tier)}, digest {result.Posture.Digest})\n");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Json(string path, PostureLoadResult result) => JsonSerializer.Serialize(
        new Validation(
            path,
            result.Succeeded,
            result.Posture is { } p ? TierPolicy.Name(p.Tier) : null,
            result.Posture?.Digest,
            result.Diagnostics.Select(d => new Problem(d.File, d.Line, d.Column, d.Severity == Severity.Error ? "error" : "warning", d.Message, d.Path, d.ToString()))),
        JsonOutput.Types.Validation);

    /// <summary>What <c>validate --output json</c> prints.</summary>
    internal sealed record Validation(string Path, bool Valid, string? Tier, string? Digest, IEnumerable<Problem> Problems);

    /// <summary>One problem; <see cref="Key"/> is the posture path it is about, <see cref="Text"/> the line the text output prints.</summary>
    internal sealed record Problem(string File, int Line, int Column, string Severity, string Message, string? Key, string Text);
}
