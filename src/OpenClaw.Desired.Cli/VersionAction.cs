using System.CommandLine;
using System.CommandLine.Invocation;
using OpenClaw.Desired.Reconciliation;

namespace OpenClaw.Desired.Cli;

/// <summary><c>--version</c>: version, commit and build date on one line, so a bug report can name the exact build.</summary>
internal sealed class VersionAction(CliConsole console) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        console.Out.WriteLine(ToolInfo.Describe());
        return 0;
    }

    /// <summary>Replaces System.CommandLine's own version action (which prints only the informational version).</summary>
    public static void Install(RootCommand root, CliConsole console)
    {
        foreach (var option in root.Options.OfType<VersionOption>())
        {
            option.Action = new VersionAction(console);
        }
    }
}
