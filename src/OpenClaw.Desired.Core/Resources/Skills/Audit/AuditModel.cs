using OpenClaw.Desired.Planning;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>How bad a finding is; <c>sandboxes.audit.block</c> quarantines skills at or above a level.</summary>
public enum AuditSeverity
{
    Low = 1,
    Medium = 2,
    High = 3,
    Critical = 4,
}

/// <summary>
/// One finding: where (file relative to the skill, 1-based line), which rule, how bad, and why; for a judgement
/// of several signals, <see cref="Evidence"/> names each signal combined and where it is. Never the matched text.
/// </summary>
public sealed record AuditFinding(string File, int Line, string Rule, AuditSeverity Severity, string Why)
{
    /// <summary>The signals combined into this finding ("archive download at SKILL.md:12"), empty for a single rule.</summary>
    public ValueList<string> Evidence { get; init; } = ValueList<string>.Empty;

    /// <summary>A stable id for ignoring this finding in this place (see <see cref="global::OpenClaw.Desired.Secrets.Scanning.FindingIds"/>).</summary>
    public string Id { get; init; } = string.Empty;

    public string Location => $"{File}:{Line}";

    public override string ToString() =>
        $"{Location} {Severity.ToString().ToLowerInvariant()} {Rule}: {Why}" + (Evidence.Count > 0 ? $" [{string.Join(" + ", Evidence)}]" : string.Empty);
}

/// <summary>The audit of one skill folder.</summary>
public sealed record SkillAudit(string Path, ValueList<AuditFinding> Findings, long BytesScanned)
{
    public AuditSeverity? Highest => Findings.Count == 0 ? null : Findings.Max(f => f.Severity);

    public bool Blocks(AuditSeverity? block) => block is { } level && Highest is { } highest && highest >= level;
}

public static class AuditSeverities
{
    /// <summary>"off" (or null) blocks nothing.</summary>
    public static AuditSeverity? ParseBlock(string? text) => text switch
    {
        "low" => AuditSeverity.Low,
        "medium" => AuditSeverity.Medium,
        "high" => AuditSeverity.High,
        "critical" => AuditSeverity.Critical,
        _ => null,
    };

    public static string Name(this AuditSeverity severity) => severity.ToString().ToLowerInvariant();
}
