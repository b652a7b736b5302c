using System.CommandLine;
using OpenClaw.Desired.Cli.Commands;

namespace OpenClaw.Desired.Cli;

/// <summary>The command tree. Each verb lives in its own class; this only wires them up.</summary>
public static class CliApp
{
    /// <summary>The whole command tree, writing to <paramref name="console"/>.</summary>
    public static RootCommand Build(CliConsole console)
    {
        var root = new RootCommand("openclaw-desired: desired-state reconciler for the security posture of OpenClaw hosts")
        {
            InitCommand.Create(console),
            ValidateCommand.Create(console),
            ReconcileCommand.Create(console),
            RollbackCommand.Create(console),
            ConfirmCommand.Create(console),
            SchemaCommand.Create(console),
            BackupCommand.Create(console),
            RunCommand.Create(console),
            SuspendCommand.CreateSuspend(console),
            SuspendCommand.CreateResume(console),
            SecretsCommand.Create(console),
            AuditCommand.Create(console),
            SkillsCommand.Create(console),
            HealthCommand.Create(console),
            MetricsCommand.Create(console),
            ScoreCommand.Create(console),
            LockdownCommand.Create(console),
            EvidenceCommand.Create(console),
        };
        VersionAction.Install(root, console);
        return root;
    }

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken) =>
        RunAsync(args, new CliConsole(stdout, stderr), cancellationToken);

    private static IEnumerable<string> CommandPath(System.CommandLine.Parsing.CommandResult? result)
    {
        var names = new List<string>();
        for (var current = result; current?.Parent is System.CommandLine.Parsing.CommandResult parent; current = parent)
        {
            names.Insert(0, current.Command.Name);
        }

        return names;
    }

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken)
    {
        var (stdout, stderr) = (console.Out, console.Error);
        var root = Build(console);

        try
        {
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                // Said in our words (never a .NET type name), then where to look; nothing has run.
                foreach (var error in parse.Errors)
                {
                    await stderr.WriteLineAsync($"error: {Reporting.UserMessage.OfParseError(error.Message)}");
                }

                await stderr.WriteLineAsync($"see: openclaw-desired {string.Join(' ', CommandPath(parse.CommandResult))} --help".Replace("  ", " ", StringComparison.Ordinal));
                return Reporting.ExitCodes.Error;
            }

            // Signals are Program's business: it turns SIGTERM/SIGINT into this token, so a run finishes the step it is in.
            // Exceptions come to the catch below (one line, no stack trace) rather than to System.CommandLine's handler.
            return await parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false }, cancellationToken);
        }
        catch (Exception e)
        {
            // Never a stack trace: one line, scrubbed of any secret the run had seen.
            await stderr.WriteLineAsync($"error: {console.Redact(Reporting.UserMessage.Of(e))}");
            return Reporting.ExitCodes.Error;
        }
    }
}
