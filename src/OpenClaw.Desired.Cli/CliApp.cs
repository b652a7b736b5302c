using System.CommandLine;
using OpenClaw.Desired.Cli.Commands;

namespace OpenClaw.Desired.Cli;

/// <summary>The command tree. Each verb lives in its own class; this only wires them up.</summary>
public static class CliApp
{
    /// <summary>Every verb, by name, with what builds it.</summary>
    private static readonly (string Name, Func<CliConsole, Command> Create)[] Verbs =
    [
        ("init", InitCommand.Create),
        ("validate", ValidateCommand.Create),
        ("reconcile", ReconcileCommand.Create),
        ("rollback", RollbackCommand.Create),
        ("confirm", ConfirmCommand.Create),
        ("schema", SchemaCommand.Create),
        ("backup", BackupCommand.Create),
        ("run", RunCommand.Create),
        ("suspend", SuspendCommand.CreateSuspend),
        ("resume", SuspendCommand.CreateResume),
        ("secrets", SecretsCommand.Create),
        ("audit", AuditCommand.Create),
        ("skills", SkillsCommand.Create),
        ("health", HealthCommand.Create),
        ("metrics", MetricsCommand.Create),
        ("score", ScoreCommand.Create),
        ("lockdown", LockdownCommand.Create),
        ("evidence", EvidenceCommand.Create),
    ];

    /// <summary>The whole command tree, writing to <paramref name="console"/>.</summary>
    public static RootCommand Build(CliConsole console) => Build(console, null);

    /// <summary>
    /// The command tree; when <paramref name="verb"/> names one, only that verb is built under the root (building
    /// every verb's options costs more than a quick command's own work). Anything else (no verb, an option, a
    /// misspelt verb) gets the whole tree, so help and suggestions list every verb.
    /// </summary>
    internal static RootCommand Build(CliConsole console, string? verb)
    {
        var root = new RootCommand("openclaw-desired: desired-state reconciler for the security posture of OpenClaw hosts");
        var only = Array.FindIndex(Verbs, v => string.Equals(v.Name, verb, StringComparison.Ordinal));
        var built = only >= 0 ? Verbs[only].Create(console) : null;
        if (built is not null && built.Name == verb)
        {
            root.Subcommands.Add(built);
        }
        else
        {
            foreach (var (_, create) in Verbs)
            {
                root.Subcommands.Add(create(console));
            }
        }

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
        var verb = args.Length > 0 ? args[0] : null;
        if (verb is "validate" or "reconcile" or "run" or "score")
        {
            // These load a posture: its model's metadata is built on the other core meanwhile.
            Posture.PostureLoader.PrepareInBackground();
        }

        var root = Build(console, verb);

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
