using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>What a rule's match means: a finding on its own (which may also be evidence), or evidence only, that counts in combination.</summary>
public enum RuleRole
{
    Finding,
    Evidence,
}

/// <summary>
/// One static check: a pattern run over a whole file, with a fixed explanation. <see cref="Judge"/> may
/// grade or drop a match (given the file's text and the match) (a loopback address is no finding); the matched text itself is never reported.
/// </summary>
public sealed partial record AuditRule(string Id, AuditSeverity Severity, string Why, Regex Pattern, RuleRole Role = RuleRole.Finding)
{
    /// <summary>The signal a match is evidence of, for the combinations (<see cref="AuditCombinations"/>).</summary>
    public Signal? Signal { get; init; }

    /// <summary>A shorthand for a rule that is evidence only.</summary>
    public static AuditRule Evidence(string id, Signal signal, Regex pattern, params string[] anchors) =>
        new(id, AuditSeverity.Low, signal.Describe(), pattern, RuleRole.Evidence) { Signal = signal, Anchors = anchors.Length == 0 ? null : anchors, LinearForLargeText = !NeedsBacktracking(pattern), LinearFrom = 2048 };

    /// <summary>The linear-time engine has no lookarounds and no backreferences (<c>\k&lt;name&gt;</c>, <c>\1</c>): such patterns stay on the backtracking engine.</summary>
    public static bool NeedsBacktracking(Regex pattern) => pattern.ToString() is var text
        && (text.Contains("(?=") || text.Contains("(?!") || text.Contains("(?<=") || text.Contains("(?<!") || text.Contains("\\k<") || Backreference().IsMatch(text));

    [GeneratedRegex(@"(?<!\\)(?:\\\\)*\\[1-9]", RegexOptions.CultureInvariant)]
    private static partial Regex Backreference();

    public Func<string, Match, AuditSeverity?>? Judge { get; init; }

    /// <summary>
    /// Literals (case-insensitive) of which every match holds at least one: a file with none of them is skipped
    /// without running the pattern. A cheap vectorised search, so most rules cost nothing on most files.
    /// </summary>
    public IReadOnlyList<string>? Anchors { get; init; }

    /// <summary>
    /// Anchors that count only where a word starts (at the text's start, or after a character that is not an ASCII
    /// letter, digit or underscore): those the pattern has after <c>\b</c> only, so "nc" in "once" or "benchmark"
    /// runs no netcat pattern. Every match holds one of <see cref="Anchors"/> or one of these.
    /// </summary>
    public IReadOnlyList<string>? WordAnchors { get; init; }

    /// <summary>Whether the rule has anchors of either kind (without any, every text may match).</summary>
    public bool Anchored => Anchors is not null || WordAnchors is not null;

    /// <summary>Texts at least this long run on the linear-time engine, when the rule allows it.</summary>
    public const int LargeText = 32 * 1024;

    private readonly Lazy<Regex> _linear = new(() => AuditRules.Linear(Pattern), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The rule's pattern means the same on .NET's linear-time engine, which pays off on large texts.</summary>
    public bool LinearForLargeText { get; init; }

    /// <summary>
    /// From what length a text runs on the linear-time twin. The signals' many-word alternations pay for the
    /// automaton (built once per process) already on a SKILL.md of a few kilobytes.
    /// </summary>
    public int LinearFrom { get; init; } = LargeText;

    /// <summary>
    /// Texts at least this long that a pattern must read with backtracking run on a twin with a time budget per match
    /// (<see cref="MatchBudget"/>): a line of thousands of near-matches (<c>wget http://h/x</c> repeated) can make a
    /// backtracking pattern's work grow with the square of its length, and an audit must end.
    /// </summary>
    public const int GuardedText = 16 * 1024;

    public static readonly TimeSpan MatchBudget = TimeSpan.FromSeconds(2);

    private readonly Lazy<Regex> _guarded = new(() => new Regex(Pattern.ToString(), Pattern.Options, MatchBudget), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// The matcher for a text: the source-generated pattern; for large texts its linear-time twin where the rule allows
    /// it, else the same pattern with a time budget (a match that runs out of it throws <see cref="RegexMatchTimeoutException"/>).
    /// </summary>
    public Regex PatternFor(string text) =>
        LinearForLargeText && text.Length >= LinearFrom ? _linear.Value : text.Length >= GuardedText ? _guarded.Value : Pattern;

    /// <summary>Globs on the file's path inside the skill (a user rule's <c>files</c>): the rule runs only on those.</summary>
    public IReadOnlyList<global::OpenClaw.Desired.Secrets.Scanning.Glob>? Files { get; init; }

    /// <summary>A cheap test every match passes (a long enough run of some characters, say): a text that fails it is skipped without the pattern.</summary>
    public Func<string, bool>? Prefilter { get; init; }

    public bool MayMatch(string text) =>
        (!Anchored || (Anchors is not null && Text.IgnoreCase.ContainsAny(text, Anchors)) || (WordAnchors is not null && WordAnchors.Any(w => StartsAWord(text, w))))
        && (Prefilter is null || Prefilter(text));

    private static bool StartsAWord(string text, string word)
    {
        for (var at = Text.IgnoreCase.IndexOf(text, word, 0); at >= 0; at = Text.IgnoreCase.IndexOf(text, word, at + 1))
        {
            if (at == 0 || !(char.IsAsciiLetterOrDigit(text[at - 1]) || text[at - 1] == '_'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The rule runs only on files that run (scripts, source: <see cref="AuditContext.IsExecutable"/>): a path held as data in
    /// code is a target, in a document it is prose. In a security tool, which lists what it protects, it counts only where one
    /// command reads and sends, or in full in a file that sends data out or names a collection endpoint of its own.
    /// </summary>
    public bool CodeOnly { get; init; }

    public bool AppliesTo(string file) => Files is null || Files.Any(g => g.Matches(file));
}
