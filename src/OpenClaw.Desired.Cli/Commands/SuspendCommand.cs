using System.CommandLine;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Loop;
using OpenClaw.Desired.Reconciliation;

namespace OpenClaw.Desired.Cli.Commands;

/// <summary><c>suspend --reason TEXT</c> and <c>resume</c>: pause and restart applying (the loop keeps reporting).</summary>
internal static class SuspendCommand
{
    public static Command CreateSuspend(CliConsole console)
    {
        var reason = new Option<string>("--reason") { Description = "Why applying is paused (shown in every report until resume)", Required = true };
        var (root, stateDir) = StateOptions();
        var command = new Command("suspend", "Pause applying; the loop keeps planning and reporting") { reason, root, stateDir };
        command.SetAction(parse =>
        {
            var state = StateDir(parse, root, stateDir);
            var text = parse.GetValue(reason)!.Trim();
            if (text.Length == 0)
            {
                console.WriteError("--reason must say why");
                return Reporting.ExitCodes.Error;
            }

            SuspendFile.Write(state, new SuspendRecord(text, TimeProvider.System.GetUtcNow(), Environment.UserName));
            console.WriteOut($"suspended: {text} ({SuspendFile.PathIn(state)}); resume with: openclaw-desired resume\n");
            return Reporting.ExitCodes.Ok;
        });
        return command;
    }

    public static Command CreateResume(CliConsole console)
    {
        var (root, stateDir) = StateOptions();
        var command = new Command("resume", "Resume applying after suspend") { root, stateDir };
        command.SetAction(parse =>
        {
            var state = StateDir(parse, root, stateDir);
            var was = SuspendFile.Remove(state);
            console.WriteOut(was is null ? "not suspended\n" : $"resumed (was suspended since {was.Since:u} by {was.By}: {was.Reason})\n");
            return Reporting.ExitCodes.Ok;
        });
        return command;
    }

    private static (Option<string> Root, Option<string?> StateDir) StateOptions() =>
        (new Option<string>("--root") { Description = "The host's /", DefaultValueFactory = _ => "/" },
         new Option<string?>("--state-dir") { Description = "Reconciler state dir" });

    private static string StateDir(ParseResult parse, Option<string> root, Option<string?> stateDir)
    {
        var rootPath = parse.GetValue(root)!;
        return new RunOptions { PosturePath = string.Empty, Root = rootPath, StateDir = parse.GetValue(stateDir) }.ResolveStateDir(new HostRoot(rootPath));
    }
}
