using System.CommandLine;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Reconciliation;
using OpenClaw.Desired.Reporting;

namespace OpenClaw.Desired.Cli.Commands;

/// <summary>
/// <c>score [--output text|json|markdown]</c>: only the security score, from a dry run's probes (the kinds the score
/// reads; models and sandboxes are skipped). Writes nothing. Exit 0 at or above score.target, 5 below it, 1 when the
/// posture cannot be used.
/// </summary>
internal static class ScoreCommand
{
    private static readonly string[] Unscored = [Resources.Models.ModelsKind.Name, Resources.Sandboxes.SandboxesKind.Name];

    public static Command Create(CliConsole console)
    {
        var posture = new Option<string>("--posture", "-p") { Description = "The posture file", DefaultValueFactory = _ => "posture.yaml" };
        var root = new Option<string>("--root") { Description = "The host's / (a scratch folder in tests)", DefaultValueFactory = _ => "/" };
        var stateDir = new Option<string?>("--state-dir") { Description = "Reconciler state dir [default: /var/lib/openclaw-desired under --root as root]" };
        var output = new Option<string>("--output", "-o") { Description = "text, json or markdown", DefaultValueFactory = _ => "text" };
        output.AcceptOnlyInOrder("text", "json", "markdown");
        var source = new SourceOptions();
        foreach (var option in new Option[] { posture, root, stateDir })
        {
            CommonOptions.PlainPath(option);
        }

        var command = new Command("score", "The host's security score per category, from what the probes see (docs/score.md)") { posture, root, stateDir, output };
        source.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new RunOptions
            {
                PosturePath = parse.GetValue(posture)!,
                Root = parse.GetValue(root)!,
                StateDir = parse.GetValue(stateDir),
                DryRun = true,
                Source = source.Read(parse),
            };
            using var http = new HttpClient();
            var kinds = ResourceKinds.All().Where(k => !Unscored.Contains(k.Kind)).ToList();
            var (report, redactor) = await new ReconcileRun(kinds, new ProcessCommandRunner(), TimeProvider.System, http).RunAsync(options, null, cancellationToken);
            console.Redactor = redactor;
            if (report.Score is not { } scored)
            {
                foreach (var line in report.Diagnostics)
                {
                    console.WriteError(line);
                }

                console.WriteError($"{options.PosturePath}: no score: the posture cannot be used");
                return ExitCodes.Error;
            }

            // Only the score now: the kinds that change nothing the score reads were not planned, so no "after" is claimed.
            var score = scored with { After = null };
            report = report with { Score = score };
            console.WriteOut(parse.GetValue(output) switch
            {
                "json" => JsonOutput.Of(new Scored(report.Posture, report.Host, score, report.Connections, report.Diagnostics), JsonOutput.Types.Scored),
                "markdown" => ScoreRenderer.Markdown(report),
                _ => ScoreRenderer.Text(report),
            });
            return score.BelowTarget ? ExitCodes.BelowTarget : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>What <c>score --output json</c> prints: the report's posture, host, score, refused connections and problems.</summary>
    internal sealed record Scored(PostureInfo? Posture, HostInfo Host, ScoreReport Score, ConnectionsReport? Connections, IReadOnlyList<string> Diagnostics);
}
