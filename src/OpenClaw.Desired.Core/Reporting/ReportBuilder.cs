using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Reconciliation;

namespace OpenClaw.Desired.Reporting;

/// <summary>Turns plans and outcomes into the report's display records and decides result and exit code.</summary>
public static class ReportBuilder
{
    public static ChangeReport ToReport(PlannedChange change, ChangeOutcome? outcome = null) =>
        new(change.Kind, change.Resource, Lower(change.Action), change.Reason, change.Before, change.After, Lower(change.Effect),
            outcome is null ? null : Lower(outcome.Status), outcome?.Message)
        {
            Checks = change.Checks.Count == 0 ? null : change.Checks.ToList(),
        };

    public static RunReport WithPlan(RunReport report, Plan plan) => report with
    {
        Changes = plan.Changes.Select(c => ToReport(c)).ToList(),
        Unknowns = plan.Unknowns.Select(u => new UnknownReport(u.Kind, u.Resource, u.Reason)).ToList(),
        Findings = plan.Findings.Select(f => new FindingReport(f.Kind, f.Resource, f.Rule, f.Severity, f.Location, f.Why)).ToList(),
        Summary = new ReportSummary
        {
            Changes = plan.Automatic.Count(),
            Tightens = plan.Changes.Count(c => c.Effect == PostureEffect.Tightens),
            Loosens = plan.Changes.Count(c => c.Effect == PostureEffect.Loosens),
            Manual = plan.Manual.Count(),
            Unknown = plan.Unknowns.Count(),
        },
    };

    public static RunReport DryRunResult(RunReport report, Plan plan)
    {
        var (result, code) =
            plan.Loosens ? ("loosens", ExitCodes.Loosens)
            : plan.Unknowns.Any() ? ("unknown", ExitCodes.FailedOrUnknown)
            : plan.Changes.Any() ? ("changes", ExitCodes.Changes)
            : ("in-sync", ExitCodes.Ok);
        return report with { Result = result, ExitCode = code };
    }

    public static RunReport WithApply(RunReport report, IReadOnlyList<AppliedChange> applied, Plan after)
    {
        var outcomes = applied.ToDictionary(a => a.Change.Id, a => a.Outcome);
        var notConverged = after.Automatic.Select(c => ToReport(c)).ToList();
        var failed = applied.Count(a => a.Outcome.Status is OutcomeStatus.Failed or OutcomeStatus.Stalled);
        var changes = report.Changes.Select(c =>
            outcomes.TryGetValue($"{c.Kind}/{c.Resource}", out var o) && c.Action != "manual" ? c with { Outcome = Lower(o.Status), Message = o.Message } : c).ToList();
        var unknowns = after.Unknowns.Select(u => new UnknownReport(u.Kind, u.Resource, u.Reason)).ToList();
        var (result, code) = failed > 0 || notConverged.Count > 0 || unknowns.Count > 0
            ? (failed > 0 ? "failed" : unknowns.Count > 0 ? "unknown" : "not-converged", ExitCodes.FailedOrUnknown)
            : (applied.Any(a => a.Outcome.Status == OutcomeStatus.Applied) ? "applied" : "in-sync", ExitCodes.Ok);
        return report with
        {
            Changes = changes,
            Unknowns = unknowns,
            NotConverged = notConverged,
            Result = result,
            ExitCode = code,
            Summary = report.Summary with
            {
                Applied = applied.Count(a => a.Outcome.Status == OutcomeStatus.Applied),
                Failed = failed,
                NotConverged = notConverged.Count,
                Unknown = unknowns.Count,
            },
        };
    }

    private static string Lower<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}
