using System.CommandLine;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Monitoring;
using OpenClaw.Desired.Reconciliation;
using OpenClaw.Desired.Reporting;

namespace OpenClaw.Desired.Cli.Commands;

/// <summary>Options of the monitoring verbs: the posture (a file or its Git source), the root and the state dir a run uses.</summary>
internal sealed class MonitoringOptions
{
    public Option<string> Posture { get; } = new("--posture", "-p") { Description = "The posture file", DefaultValueFactory = _ => "posture.yaml" };
    public Option<string> Root { get; } = new("--root") { Description = "The host's / (a scratch folder in tests)", DefaultValueFactory = _ => "/" };
    public Option<string?> StateDir { get; } = new("--state-dir") { Description = "Reconciler state dir (alert memory, counters, the loop's status)" };
    public Option<string?> Textfile { get; } = new("--textfile") { Description = "Also write the metrics to this file, atomically (node_exporter's textfile collector)" };
    public SourceOptions Source { get; } = new();

    public void AddTo(Command command)
    {
        command.Options.Add(Posture);
        command.Options.Add(Root);
        command.Options.Add(StateDir);
        command.Options.Add(Textfile);
        Source.AddTo(command);
    }

    /// <summary>The session, or null after printing why the posture could not be used (the exit code is then 1).</summary>
    public async Task<HealthSession?> OpenAsync(ParseResult parse, CliConsole console, HttpClient http, CancellationToken cancellationToken)
    {
        var options = new RunOptions
        {
            PosturePath = parse.GetValue(Posture)!,
            Root = parse.GetValue(Root)!,
            StateDir = parse.GetValue(StateDir),
            Source = Source.Read(parse),
        };
        var (session, diagnostics) = await HealthSession.OpenAsync(options, new ProcessCommandRunner(), TimeProvider.System, http, cancellationToken);
        if (session is not null)
        {
            console.Redactor = session.Redactor;
            return session;
        }

        foreach (var diagnostic in diagnostics)
        {
            console.WriteError(diagnostic);
        }

        return null;
    }

    /// <summary>Writes the exposition text to the --textfile, if one was given; false (after saying why) when it could not.</summary>
    public bool WriteTextfile(ParseResult parse, CliConsole console, string exposition)
    {
        if (parse.GetValue(Textfile) is not { } path)
        {
            return true;
        }

        try
        {
            // node_exporter reads *.prom files whole: the rename makes sure it never sees half of one.
            Safety.AtomicFile.Write(Path.GetFullPath(path), System.Text.Encoding.UTF8.GetBytes(exposition),
                UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.WriteError($"cannot write the metrics to {path}: {e.Message}");
            return false;
        }
    }
}

/// <summary>Exit codes of the monitoring verbs.</summary>
internal static class MonitoringExit
{
    public static int Of(int outcome, bool textfileWritten) => textfileWritten ? outcome : ExitCodes.FailedOrUnknown;
}
