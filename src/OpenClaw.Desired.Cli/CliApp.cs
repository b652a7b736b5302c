using System.CommandLine;
using OpenClaw.Desired.Cli.Commands;

namespace OpenClaw.Desired.Cli;

/// <summary>The command tree. Each verb lives in its own class; this only wires them up.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var console = new CliConsole(stdout, stderr);
        var root = new RootCommand("openclaw-desired: desired-state reconciler for the security posture of OpenClaw hosts")
        {
            InitCommand.Create(console),
            ValidateCommand.Create(console),
            ReconcileCommand.Create(console),
            RollbackCommand.Create(console),
            SchemaCommand.Create(console),
            SkillsCommand.Create(console),
        };

        try
        {
            var parse = root.Parse(args);
            return await parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, cancellationToken);
        }
        catch (Exception e)
        {
            // Never a stack trace: one line, scrubbed of any secret the run had seen.
            await stderr.WriteLineAsync($"error: {console.Redact(e.Message)}");
            return Reporting.ExitCodes.Error;
        }
    }
}
