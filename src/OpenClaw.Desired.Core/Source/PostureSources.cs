using OpenClaw.Desired.Host;
using OpenClaw.Desired.Reconciliation;
using OpenClaw.Desired.Redaction;
using OpenClaw.Desired.Reporting;

namespace OpenClaw.Desired.Source;

/// <summary>Loads the posture a run asked for, from a local file or from Git, and folds the source into the report.</summary>
public sealed class PostureSources(ICommandRunner commands, TimeProvider clock, Func<string, string?> environment)
{
    public async Task<ResolvedPosture> LoadAsync(RunOptions options, HostRoot root, string stateDir, SecretRedactor redactor, CancellationToken cancellationToken)
    {
        var (git, local) = SourceSetup.Decide(options.Source, options.PosturePath, root);
        if (git is not null)
        {
            return await new GitPostureSource(commands, clock, environment).LoadAsync(git with { ReadUnverified = options.DryRun }, stateDir, redactor, cancellationToken);
        }

        if (options.Source?.BaseRef is not null && local!.Succeeded)
        {
            return ResolvedPosture.Failed(options.PosturePath, "--base needs a Git source (--repo, or a bootstrap posture with source.repo)");
        }

        return new ResolvedPosture(local!, options.PosturePath);
    }

    /// <summary>A dry run shows the plan whatever the source says, but flags a commit that would be refused, and gates on a loosening posture diff.</summary>
    public static RunReport FlagDryRun(RunReport report, ResolvedPosture resolved)
    {
        if (resolved.ApplyBlocker is { } blocker)
        {
            report = report with { Diagnostics = [.. report.Diagnostics, $"{resolved.Source?.Repo ?? resolved.Path}: warning: would refuse to apply: {blocker}"] };
        }

        if (resolved.BaseDiff is { } diff)
        {
            report = report with { PostureDiff = diff };
            if (diff.Loosens > 0 && report.ExitCode != ExitCodes.Error)
            {
                report = report with { Result = "loosens", ExitCode = ExitCodes.Loosens };
            }
        }

        return report;
    }

    public static RunReport Refuse(RunReport report, ResolvedPosture resolved, string blocker) => report with
    {
        Result = "refused",
        ExitCode = ExitCodes.Error,
        Diagnostics = [.. report.Diagnostics, $"{resolved.Source?.Repo ?? resolved.Path}: refused to apply: {blocker}; nothing was changed"],
    };
}
