using System.CommandLine;

namespace OpenClaw.Desired.Cli.Commands;

/// <summary>Options shared by the verbs that read a posture and a host.</summary>
public sealed class CommonOptions
{
    public Option<string> Posture { get; } = new("--posture", "-p") { Description = "The posture file", DefaultValueFactory = _ => "posture.yaml" };
    public Option<string> Root { get; } = new("--root") { Description = "The host's / (a scratch folder in tests)", DefaultValueFactory = _ => "/" };
    public Option<string?> StateDir { get; } = new("--state-dir") { Description = "Reconciler state: lock, journals, backups, reports [default: /var/lib/openclaw-desired under --root as root, else ~/.local/state/openclaw-desired]" };
    public Option<string> Output { get; } = new("--output", "-o") { Description = "text, json, markdown, html or sarif", DefaultValueFactory = _ => "text" };
    public Option<string?> Report { get; } = new("--report") { Description = "Also write the report to this file; its extension picks the format: .json, .md, .html or .sarif" };
    public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "Text output: only the summary line and, when the run fails, why" };
    public Option<bool> NoColor { get; } = new("--no-color") { Description = "Never colour the output (also NO_COLOR)" };

    public CommonOptions()
    {
        Output.AcceptOnlyInOrder(ReportOutput.Formats);
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
        command.Validators.Add(result =>
        {
            if (result.GetValue(Report) is { } report && ReportOutput.FormatOf(report) is null)
            {
                result.AddError(ReportOutput.BadExtension(report));
            }
        });
    }
}
