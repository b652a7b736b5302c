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
        PlainPath(Posture);
        PlainPath(Root);
        PlainPath(StateDir);
    }

    /// <summary>
    /// A path with a newline or another control character could write lines of its own into the systemd units and
    /// cron files the reconciler installs with it; no real path needs one.
    /// </summary>
    public static void PlainPath(Option option) =>
        option.Validators.Add(result => Check(result.GetValueOrDefault<string?>(), option.Name, result));

    private static void Check(string? value, string name, System.CommandLine.Parsing.OptionResult result)
    {
        if (value is not null && value.Any(char.IsControl))
        {
            result.AddError($"{name}: a path may not contain a newline or other control character");
        }
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
