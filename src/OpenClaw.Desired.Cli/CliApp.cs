using System.CommandLine;
using OpenClaw.Desired.Cli.Commands;

namespace OpenClaw.Desired.Cli;

/// <summary>The command tree. Each verb lives in its own class; this only wires them up.</summary>
public static class CliApp
{
    /// <summary>The whole command tree, writing to <paramref name="console"/>.</summary>
    public static RootCommand Build(CliConsole console)
    {
        return new RootCommand("openclaw-desired: desired-state reconciler for the security posture of OpenClaw hosts")
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
        };
    }

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var console = new CliConsole(stdout, stderr);
        var root = Build(console);

        try
        {
            var parse = root.Parse(args);
            // Signals are Program's business: it turns SIGTERM/SIGINT into this token, so a run finishes the step it is in.
            // Exceptions come to the catch below (one line, no stack trace) rather than to System.CommandLine's handler.
            return await parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false }, cancellationToken);
        }
        catch (Exception e)
        {
            // Never a stack trace: one line, scrubbed of any secret the run had seen.
            await stderr.WriteLineAsync($"error: {console.Redact(e.Message)}");
            return Reporting.ExitCodes.Error;
        }
    }
}
