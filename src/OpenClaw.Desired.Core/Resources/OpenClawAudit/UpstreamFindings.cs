using OpenClaw.Desired.Planning;

namespace OpenClaw.Desired.Resources.OpenClawAudit;

/// <summary>
/// Findings of OpenClaw's own audit carried into the report: those of checks the reconciler does not cover itself
/// (out of scope, reported through OpenClaw, or new upstream ids), each under its own check id with OpenClaw's
/// remediation. Checks the reconciler converges or reports are its own plan's to show.
/// </summary>
public static class UpstreamFindings
{
    public const string NotInstalledRule = "openclaw.audit.not_installed";
    public const string FailedRule = "openclaw.audit.failed";

    public static IEnumerable<Finding> Carry(string kind, UpstreamAudit upstream, IReadOnlyList<PlannedChange> changes)
    {
        if (upstream.NotInstalled is { } why)
        {
            yield return new Finding(kind, "openclaw security audit", NotInstalledRule, "info", "openclaw CLI", why);
            yield break;
        }

        if (upstream.Failed is { } failed)
        {
            yield return new Finding(kind, "openclaw security audit", FailedRule, "warn", upstream.Cli ?? "openclaw CLI", failed);
            yield break;
        }

        var planned = changes.SelectMany(c => c.Checks).ToHashSet(StringComparer.Ordinal);
        foreach (var finding in upstream.Findings)
        {
            var known = AuditChecks.Find(finding.CheckId);
            if (known is { ReliesOnOpenClaw: false } || planned.Contains(finding.CheckId))
            {
                continue;
            }

            var note = known is null ? "a check this version of the reconciler does not know" : known.Handling == Handling.OutOfScope ? "out of the reconciler's scope" : "reported through OpenClaw's audit";
            var fix = string.IsNullOrWhiteSpace(finding.Remediation) ? string.Empty : $" Fix: {finding.Remediation}";
            yield return new Finding(kind, finding.CheckId, finding.CheckId, finding.Severity, "openclaw security audit",
                $"{finding.Title}: {finding.Detail}{fix} ({note})");
        }
    }
}
