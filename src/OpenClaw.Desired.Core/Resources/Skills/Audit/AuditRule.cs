using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>What a rule's match means: a finding on its own, or a signal that only counts in combination.</summary>
public enum RuleRole
{
    Finding,
    CredentialRead,
    NetworkSend,
}

/// <summary>
/// One static check: a pattern run over a whole file, with a fixed explanation. <see cref="Judge"/> may
/// grade or drop a match (given the file's text and the match) (a loopback address is no finding); the matched text itself is never reported.
/// </summary>
public sealed record AuditRule(string Id, AuditSeverity Severity, string Why, Regex Pattern, RuleRole Role = RuleRole.Finding)
{
    public Func<string, Match, AuditSeverity?>? Judge { get; init; }

    /// <summary>
    /// Literals (case-insensitive) of which every match holds at least one: a file with none of them is skipped
    /// without running the pattern. A cheap vectorised search, so most rules cost nothing on most files.
    /// </summary>
    public IReadOnlyList<string>? Anchors { get; init; }

    /// <summary>Texts at least this long run on the linear-time engine, when the rule allows it.</summary>
    public const int LargeText = 32 * 1024;

    private readonly Lazy<Regex> _linear = new(() => AuditRules.Linear(Pattern), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The rule's pattern means the same on .NET's linear-time engine, which pays off on large texts.</summary>
    public bool LinearForLargeText { get; init; }

    /// <summary>The matcher for a text: the source-generated pattern, or for large texts its linear-time twin.</summary>
    public Regex PatternFor(string text) => LinearForLargeText && text.Length >= LargeText ? _linear.Value : Pattern;

    public bool MayMatch(string text) => Anchors is null || Anchors.Any(a => text.Contains(a, StringComparison.OrdinalIgnoreCase));
}
