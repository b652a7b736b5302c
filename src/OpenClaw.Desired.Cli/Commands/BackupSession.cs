using System.CommandLine;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Reconciliation;
using OpenClaw.Desired.Redaction;
using OpenClaw.Desired.Reporting;
using OpenClaw.Desired.Safety;

namespace OpenClaw.Desired.Cli.Commands;

/// <summary>Options of the backup verbs: the same posture, root and state dir a reconcile run uses.</summary>
internal sealed class BackupOptions
{
    public Option<string> Posture { get; } = new("--posture", "-p") { Description = "The posture file", DefaultValueFactory = _ => "posture.yaml" };
    public Option<string> Root { get; } = new("--root") { Description = "The host's / (a scratch folder in tests)", DefaultValueFactory = _ => "/" };
    public Option<string?> StateDir { get; } = new("--state-dir") { Description = "Reconciler state dir; results are written to backups/ in it" };
    public Option<string> Output { get; } = new("--output", "-o") { Description = "text or json", DefaultValueFactory = _ => "text" };

    public BackupOptions()
    {
        Output.AcceptOnlyInOrder("text", "json");
    }

    public void AddTo(Command command)
    {
        command.Options.Add(Posture);
        command.Options.Add(Root);
        command.Options.Add(StateDir);
        command.Options.Add(Output);
    }
}

/// <summary>A loaded posture and a host context for one backup verb, or the exit code when the posture is unusable.</summary>
internal sealed record BackupSession(EffectivePosture Posture, HostContext Host, string StateDir)
{
    public static BackupSession? Open(ParseResult parse, BackupOptions options, CliConsole console, bool createState, out int exitCode)
    {
        exitCode = ExitCodes.Ok;
        var path = parse.GetValue(options.Posture)!;
        var loaded = PostureLoader.LoadFile(path);
        foreach (var diagnostic in loaded.Diagnostics.Where(d => d.Severity == Severity.Error))
        {
            console.WriteError(diagnostic.ToString());
        }

        if (!loaded.Succeeded)
        {
            exitCode = ExitCodes.Error;
            return null;
        }

        var root = new HostRoot(parse.GetValue(options.Root)!);
        var stateDir = new RunOptions { PosturePath = path, Root = root.Root, StateDir = parse.GetValue(options.StateDir) }.ResolveStateDir(root);
        var redactor = new SecretRedactor(FingerprintKey.Load(new StateDirectory(stateDir), createState));
        foreach (var secret in loaded.Posture!.LiteralSecrets)
        {
            redactor.Add(secret);
        }

        console.Redactor = redactor;
        var host = new HostContext(root, new ProcessCommandRunner(), TimeProvider.System, SharedHttp.Client, redactor)
        {
            StateDir = stateDir,
            PosturePath = Path.GetFullPath(path),
        };
        return new BackupSession(loaded.Posture, host, stateDir);
    }
}

/// <summary>The backup verbs make no HTTP calls of their own; the host context still wants a client.</summary>
internal static class SharedHttp
{
    public static HttpClient Client { get; } = new();
}
