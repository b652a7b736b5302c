using System.CommandLine;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Incidents.Evidence;
using OpenClaw.Desired.Reconciliation;
using OpenClaw.Desired.Reporting;
using OpenClaw.Desired.Safety;

namespace OpenClaw.Desired.Cli.Commands;

/// <summary><c>evidence verify [BUNDLE]</c>: checks a sealed bundle (default: the newest in the state dir). Exit 0 intact, 3 not, 1 none found.</summary>
internal static class EvidenceCommand
{
    public static Command Create(CliConsole console)
    {
        var bundle = new Argument<string?>("BUNDLE") { Description = "The bundle folder (default: the newest under <state>/evidence)", Arity = ArgumentArity.ZeroOrOne };
        var root = new Option<string>("--root") { Description = "The host's /", DefaultValueFactory = _ => "/" };
        var stateDir = new Option<string?>("--state-dir") { Description = "Reconciler state dir [default: /var/lib/openclaw-desired under --root as root]" };
        var output = JsonOutput.Option();
        var verify = new Command("verify", "Check an evidence bundle: SHA256SUMS, the manifest, and every file in the archive") { bundle, root, stateDir, output };
        verify.SetAction(async (parse, cancellationToken) =>
        {
            var rootPath = parse.GetValue(root)!;
            var state = new StateDirectory(new RunOptions { PosturePath = string.Empty, Root = rootPath, StateDir = parse.GetValue(stateDir) }.ResolveStateDir(new HostRoot(rootPath)));
            var folder = parse.GetValue(bundle) ?? Newest(state);
            if (folder is null || !Directory.Exists(folder))
            {
                console.WriteError(folder is null ? $"no evidence bundle in {EvidenceBundle.Root(state)}" : $"{folder}: no such bundle");
                return ExitCodes.Error;
            }

            var result = await EvidenceVerifier.VerifyAsync(Path.GetFullPath(folder), new ProcessCommandRunner(), cancellationToken);
            console.WriteOut(JsonOutput.Wanted(parse, output)
                ? JsonOutput.Of(result, JsonOutput.Types.EvidenceVerification)
                : result.Intact
                    ? $"evidence {result.Folder}: intact ({result.Files} files; checked: {result.Depth}; manifest sha256 {result.ManifestSha256})\n"
                    : $"evidence {result.Folder}: NOT intact\n" + string.Concat(result.Problems.Select(p => $"  x {p}\n")));
            return result.Intact ? ExitCodes.Ok : ExitCodes.FailedOrUnknown;
        });
        return new Command("evidence", "Evidence bundles sealed by lockdown") { verify };
    }

    private static string? Newest(StateDirectory state) =>
        Directory.Exists(EvidenceBundle.Root(state)) ? Directory.GetDirectories(EvidenceBundle.Root(state)).Order(StringComparer.Ordinal).LastOrDefault() : null;
}
