using OpenClaw.Desired.Planning;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>Instructions hidden in a document's HTML comments: what the agent reads and no rendered page shows.</summary>
public sealed partial class SkillAuditBuilder
{
    /// <summary>
    /// What in an HTML comment reads credentials, hands them over, names a collection endpoint or a paste site, lifts a
    /// protection or keeps something from the user. A send or an address alone is not ("<!-- Send feedback to … -->").
    /// </summary>
    private static readonly Signal[] HiddenRisk =
    [
        Signal.CredentialRead, Signal.AgentCredentialRead, Signal.WalletRead, Signal.EnvFileRead, Signal.ExfilSink, Signal.SecretHandover,
        Signal.UntrustedOrigin, Signal.ProtectionLift, Signal.ArchiveDownload, Signal.Concealment,
    ];

    /// <summary>
    /// Instructions in an HTML comment of a document: the agent reads them, a rendered page (ClawHub's, GitHub's) never
    /// shows them, so no reviewer sees what the agent is told. One finding per document, where the comment reads
    /// credentials, hands them over, names a collection endpoint or paste site, lifts a protection, keeps something from the
    /// user, or holds a finding of medium or above; not where a security tool describes such things or an example is quoted.
    /// </summary>
    private IEnumerable<AuditFinding> HiddenInstructions(bool securityTool) =>
        _hits.Where(h => h.Hidden && !(securityTool && h.Describes) && !AuditContext.QuotesAnExample(h.LineText) && !(securityTool && FixtureSample(h.File, h.Executable, securityTool))
                && (h.Rule?.Signal is { } signal && HiddenRisk.Contains(signal) || h.Rule is { Role: RuleRole.Finding } && h.Severity >= AuditSeverity.Medium))
            .GroupBy(h => h.File)
            .Select(g => new AuditFinding(g.First().File, g.Min(h => h.Line), HiddenInstructionsRule.Id, HiddenInstructionsRule.Severity, HiddenInstructionsRule.Why)
            {
                Evidence = g.OrderBy(h => h.Line).Select(h => $"{(h.Rule!.Signal is { } signal ? signal.Describe() : h.Rule.Id)} at {h.File}:{h.Line}").Distinct().Take(8).ToValueList(),
            });

    internal static readonly (string Id, AuditSeverity Severity, string Why) HiddenInstructionsRule =
        ("hidden-instructions", AuditSeverity.High, "gives the agent instructions in an HTML comment, which a rendered page never shows: no reviewer sees what it is told to do");
}
