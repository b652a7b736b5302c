using System.CommandLine;
using OpenClaw.Desired.Safety;

namespace OpenClaw.Desired.Cli.Commands;

/// <summary><c>skills hash DIR...</c>: the content hash to pin as <c>sandboxes.skills.NAME.hash</c>.</summary>
internal static class SkillsHashCommand
{
    public static Command Create(CliConsole console)
    {
        var dirs = new Argument<string[]>("DIR") { Description = "Skill folders", Arity = ArgumentArity.OneOrMore };
        var command = new Command("hash", "Print each skill folder's content hash (sha256) for pinning") { dirs };
        command.SetAction(parse =>
        {
            foreach (var dir in parse.GetValue(dirs) ?? [])
            {
                if (!Directory.Exists(dir))
                {
                    console.WriteError($"{dir}: no such folder");
                    return Reporting.ExitCodes.Error;
                }

                console.WriteOut($"{TreeHash.OfFolder(dir)}  {dir}\n");
            }

            return Reporting.ExitCodes.Ok;
        });
        return command;
    }
}
