using System.CommandLine;
using OpenClaw.Desired.Reconciliation;

namespace OpenClaw.Desired.Cli.Commands;

/// <summary><c>rollback [RUN]</c>: put back the files an applying run changed.</summary>
internal static class RollbackCommand
{
    public static Command Create(CliConsole console)
    {
        var run = new Argument<string?>("RUN") { Description = "Run id (default: the newest applying run)", Arity = ArgumentArity.ZeroOrOne };
        var root = new Option<string>("--root") { Description = "The host's /", DefaultValueFactory = _ => "/" };
        var stateDir = new Option<string?>("--state-dir") { Description = "Reconciler state dir" };
        var output = new Option<string>("--output", "-o") { Description = "text, json or markdown", DefaultValueFactory = _ => "text" };
        output.AcceptOnlyInOrder("text", "json", "markdown");
        var noColor = new Option<bool>("--no-color") { Description = "Never colour the output" };
        var force = new Option<bool>("--force") { Description = "Roll back also paths changed after the run; their current content is kept in quarantine first" };
        var command = new Command("rollback", "Restore the files of an earlier run byte for byte") { run, root, stateDir, output, noColor, force };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var rootPath = parse.GetValue(root)!;
            var state = new RunOptions { PosturePath = string.Empty, Root = rootPath, StateDir = parse.GetValue(stateDir) }.ResolveStateDir(new Host.HostRoot(rootPath));
            var (report, redactor) = await new RollbackRun(TimeProvider.System, new Host.ProcessCommandRunner()).RunAsync(rootPath, state, parse.GetValue(run), TimeSpan.FromSeconds(30), cancellationToken, parse.GetValue(force));
            console.Redactor = redactor;
            return ReportOutput.Emit(console, report, parse.GetValue(output)!, null, false, parse.GetValue(noColor));
        });
        return command;
    }
}
