using System.CommandLine;
using OpenClaw.Desired.Safety;

namespace OpenClaw.Desired.Cli.Commands;

/// <summary><c>skills hash DIR...</c>: the content hash to pin as <c>sandboxes.skills.NAME.hash</c>.</summary>
internal static class SkillsHashCommand
{
    internal sealed record FolderHash(string Path, string Hash);

    public static Command Create(CliConsole console)
    {
        var dirs = new Argument<string[]>("DIR") { Description = "Skill folders", Arity = ArgumentArity.OneOrMore };
        var output = JsonOutput.Option();
        var command = new Command("hash", "Print each skill folder's content hash (sha256) for pinning") { dirs, output };
        command.SetAction(parse =>
        {
            var hashes = new List<FolderHash>();
            foreach (var dir in parse.GetValue(dirs) ?? [])
            {
                if (!Directory.Exists(dir))
                {
                    console.WriteError($"{dir}: no such folder");
                    return Reporting.ExitCodes.Error;
                }

                hashes.Add(new FolderHash(dir, TreeHash.OfFolder(dir)));
            }

            console.WriteOut(JsonOutput.Wanted(parse, output) ? JsonOutput.Of(hashes, JsonOutput.Types.ListFolderHash) : string.Concat(hashes.Select(h => $"{h.Hash}  {h.Path}\n")));
            return Reporting.ExitCodes.Ok;
        });
        return command;
    }
}
