using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Reconciliation;
using OpenClaw.Desired.Waivers;

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

    public static RunReport WithPlan(RunReport report, Plan plan)
    {
        var waived = plan.Waivers;
        var findings = plan.Findings.Select(f =>
        {
            var fingerprint = WaiverMatcher.Fingerprint(f);
            return new FindingReport(f.Kind, f.Resource, f.Rule, f.Severity, f.Location, f.Why)
            {
                Fingerprint = fingerprint,
                Path = f.HostPath,
                Waived = waived.ForFinding(fingerprint) is { } w ? Info(w) : null,
            };
        }).ToList();
        return report with
        {
            Changes = [.. plan.Changes.Select(c => ToReport(c)), .. waived.Changes.Select(w => ToReport(w.Change) with { Waived = Info(w.Waiver) })],
            Unknowns = plan.Unknowns.Select(u => new UnknownReport(u.Kind, u.Resource, u.Reason)).ToList(),
            Findings = findings,
            Waivers = waived.States.Select(ToReport).ToList(),
            Connections = plan.Kinds.Select(k => k.Connections).FirstOrDefault(c => c is not null),
            Diagnostics = [.. report.Diagnostics.Where(d => !IsWaiverNote(d)), .. waived.States.Select(Note).OfType<string>()],
            Summary = new ReportSummary
            {
                Changes = plan.Automatic.Count(),
                Tightens = plan.Automatic.Count(c => c.Effect == PostureEffect.Tightens),
                Loosens = plan.Automatic.Count(c => c.Effect == PostureEffect.Loosens),
                Manual = plan.Manual.Count(),
                Unknown = plan.Unknowns.Count(),
                Waived = waived.Changes.Count + waived.Findings.Count,
            },
        };
    }

    public static RunReport DryRunResult(RunReport report, Plan plan)
    {
        var (result, code) =
            plan.Loosens ? ("loosens", ExitCodes.Loosens)
            : plan.Waivers.Expired.Any() ? ("expired-waiver", ExitCodes.FailedOrUnknown)
            : plan.Unknowns.Any() ? ("unknown", ExitCodes.FailedOrUnknown)
            : plan.Changes.Any() ? ("changes", ExitCodes.Changes)
            : ("in-sync", ExitCodes.Ok);
        return report with { Result = result, ExitCode = code };
    }

    private static WaivedInfo Info(Waiver waiver) => new(waiver.Reason, waiver.Owner, waiver.UntilText);

    private static WaiverReport ToReport(WaiverState state) =>
        new(state.Waiver.Match, state.Waiver.Reason, state.Waiver.Owner, state.Waiver.UntilText, Lower(state.Status), state.Matched, $"{state.Waiver.File}:{state.Waiver.Line}:{state.Waiver.Column}")
        {
            Path = state.Waiver.Path,
        };

    /// <summary>An expired waiver is an error of the plan; a stale one a warning. The loader's own note on an expired waiver gives way to the plan's.</summary>
    private static string? Note(WaiverState state) => state.Status switch
    {
        WaiverStatus.Expired => state.Waiver.At($"waiver '{state.Waiver.Match}' (owner {state.Waiver.Owner}) expired on {state.Waiver.UntilText}; it waives nothing now: renew it or remove it", "until").ToString(),
        WaiverStatus.Stale => state.Waiver.At($"waiver '{state.Waiver.Match}' matches nothing in this plan (stale); remove it", "match", Severity.Warning).ToString(),
        _ => null,
    };

    private static bool IsWaiverNote(string diagnostic) => diagnostic.Contains("it waives nothing now: renew it or remove it", StringComparison.Ordinal);

    public static RunReport WithApply(RunReport report, IReadOnlyList<AppliedChange> applied, Plan after)
    {
        var outcomes = applied.ToDictionary(a => a.Change.Id, a => a.Outcome);
        var notConverged = after.Automatic.Select(c => ToReport(c)).ToList();
        var failed = applied.Count(a => a.Outcome.Status is OutcomeStatus.Failed or OutcomeStatus.Stalled);
        var changes = report.Changes.Select(c =>
            outcomes.TryGetValue($"{c.Kind}/{c.Resource}", out var o) && c.Action != "manual" ? c with { Outcome = Lower(o.Status), Message = o.Message } : c).ToList();
        var unknowns = after.Unknowns.Select(u => new UnknownReport(u.Kind, u.Resource, u.Reason)).ToList();
        var waiting = applied.Where(a => a.Outcome.Status == OutcomeStatus.Waiting).Select(a => a.Change.Id).ToHashSet(StringComparer.Ordinal);
        notConverged = notConverged.Where(c => !waiting.Contains(c.Id)).ToList();
        var (result, code) = failed > 0 || waiting.Count > 0 || notConverged.Count > 0 || unknowns.Count > 0
            ? (failed > 0 ? "failed" : waiting.Count > 0 ? "awaiting-confirmation" : unknowns.Count > 0 ? "unknown" : "not-converged", ExitCodes.FailedOrUnknown)
            : after.Waivers.Expired.Any() ? ("expired-waiver", ExitCodes.FailedOrUnknown)
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
                Waiting = waiting.Count,
                NotConverged = notConverged.Count,
                Unknown = unknowns.Count,
            },
        };
    }

    private static string Lower<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}
