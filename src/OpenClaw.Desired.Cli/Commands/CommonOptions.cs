using System.CommandLine;

namespace OpenClaw.Desired.Cli.Commands;

/// <summary>Options shared by the verbs that read a posture and a host.</summary>
public sealed class CommonOptions
{
    public Option<string> Posture { get; } = new("--posture", "-p") { Description = "The posture file", DefaultValueFactory = _ => "posture.yaml" };
    public Option<string> Root { get; } = new("--root") { Description = "The host's / (a scratch folder in tests)", DefaultValueFactory = _ => "/" };
    public Option<string?> StateDir { get; } = new("--state-dir") { Description = "Reconciler state: lock, journals, backups, reports (default /var/lib/openclaw-desired)" };
    public Option<string> Output { get; } = new("--output", "-o") { Description = "text, json or markdown", DefaultValueFactory = _ => "text" };
    public Option<string?> Report { get; } = new("--report") { Description = "Also write the report to this file (.md: Markdown, else JSON)" };
    public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "Only the summary line (text output)" };
    public Option<bool> NoColor { get; } = new("--no-color") { Description = "Never colour the output" };

    public CommonOptions()
    {
        Output.AcceptOnlyFromAmong("text", "json", "markdown");
    }

    public void AddTo(Command command)
    {
        command.Options.Add(Posture);
        command.Options.Add(Root);
        command.Options.Add(StateDir);
        command.Options.Add(Output);
        command.Options.Add(Report);
        command.Options.Add(Quiet);
        command.Options.Add(NoColor);
    }
}
