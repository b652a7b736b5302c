using System.CommandLine;
using OpenClaw.Desired.Reconciliation;
using OpenClaw.Desired.Resources.Skills;

namespace OpenClaw.Desired.Cli.Commands;

/// <summary><c>skills restore NAME</c>: return a quarantined skill to where it was, byte for byte.</summary>
internal static class SkillsRestoreCommand
{
    public static Command Create(CliConsole console)
    {
        var name = new Argument<string>("NAME") { Description = "The skill's name" };
        var root = new Option<string>("--root") { Description = "The host's /", DefaultValueFactory = _ => "/" };
        var stateDir = new Option<string?>("--state-dir") { Description = "Reconciler state dir (holds the quarantine)" };
        var force = new Option<bool>("--force") { Description = "Restore even when the quarantined copy no longer matches its manifest's hash" };
        var output = JsonOutput.Option();
        var command = new Command("restore", "Return a quarantined skill to its folder and re-enable it as it was") { name, root, stateDir, force, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var rootPath = parse.GetValue(root)!;
            var state = new RunOptions { PosturePath = string.Empty, Root = rootPath, StateDir = parse.GetValue(stateDir) }.ResolveStateDir(new Host.HostRoot(rootPath));
            var result = await new SkillRestore(TimeProvider.System).RunAsync(rootPath, state, parse.GetValue(name)!, parse.GetValue(force), TimeSpan.FromSeconds(30), cancellationToken);
            if (JsonOutput.Wanted(parse, output))
            {
                console.WriteOut(JsonOutput.Of(new Restore(result.ExitCode == 0, result.Message), JsonOutput.Types.Restore));
            }
            else if (result.ExitCode == 0)
            {
                console.WriteOut(result.Message + "\n");
            }
            else
            {
                console.WriteError(result.Message);
            }

            return result.ExitCode;
        });
        return command;
    }

    /// <summary>What <c>skills restore --output json</c> prints.</summary>
    internal sealed record Restore(bool Restored, string Message);
}
