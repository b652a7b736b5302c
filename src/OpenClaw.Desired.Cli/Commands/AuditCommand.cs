using System.CommandLine;
using OpenClaw.Desired.Host;
using OpenClaw.Desired.Reconciliation;
using OpenClaw.Desired.Reporting;
using OpenClaw.Desired.Safety;
using OpenClaw.Desired.Secrets.Audit;

namespace OpenClaw.Desired.Cli.Commands;

/// <summary><c>audit verify</c>: checks the hash chain of the secrets audit trail; exit 1 names the first broken entry.</summary>
internal static class AuditCommand
{
    public static Command Create(CliConsole console)
    {
        var root = new Option<string>("--root") { Description = "The host's /", DefaultValueFactory = _ => "/" };
        var stateDir = new Option<string?>("--state-dir") { Description = "Reconciler state dir" };
        var output = JsonOutput.Option();
        var verify = new Command("verify", "Check that no entry of the audit trail was changed or removed") { root, stateDir, output };
        verify.SetAction(parse =>
        {
            var rootPath = parse.GetValue(root)!;
            var state = new StateDirectory(new RunOptions { PosturePath = string.Empty, Root = rootPath, StateDir = parse.GetValue(stateDir) }.ResolveStateDir(new HostRoot(rootPath)));
            var trail = AuditTrail.For(state, TimeProvider.System);
            var verdict = AuditVerifier.Verify(trail);
            if (JsonOutput.Wanted(parse, output))
            {
                console.WriteOut(JsonOutput.Of(new Verdict(verdict.Intact, verdict.Message, trail.Path), JsonOutput.Types.Verdict));
                return verdict.Intact ? ExitCodes.Ok : ExitCodes.Error;
            }

            if (verdict.Intact)
            {
                console.WriteOut($"{verdict.Message} ({trail.Path})\n");
                return ExitCodes.Ok;
            }

            console.WriteError($"{trail.Path}: {verdict.Message}");
            return ExitCodes.Error;
        });
        return new Command("audit", "The audit trail of secret operations") { verify };
    }

    /// <summary>What <c>audit verify --output json</c> prints.</summary>
    internal sealed record Verdict(bool Intact, string Message, string Path);
}
