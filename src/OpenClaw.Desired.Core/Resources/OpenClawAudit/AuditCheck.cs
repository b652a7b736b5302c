using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.OpenClawAudit;

/// <summary>What the reconciler does about one of OpenClaw's audit checks.</summary>
public enum Handling
{
    /// <summary>A key, a file mode or a file's content the plan brings where the check no longer fires.</summary>
    Converges,

    /// <summary>Needs a human decision: detected and reported as a manual action with the exact fix (or carried from OpenClaw's own audit).</summary>
    Reports,

    /// <summary>Cannot be judged from the host's files; the reason says why.</summary>
    OutOfScope,
}

/// <summary>
/// One of the checks of <c>openclaw security audit</c> (its id, as OpenClaw writes it, with &lt;placeholders&gt;
/// for provider and plugin names), its severity there, and what the reconciler does about it.
/// </summary>
public sealed partial record AuditCheck(string Id, string Severity, Handling Handling, string Note = "", bool Carried = false)
{
    private Regex? _pattern;

    /// <summary>Whether a concrete id from OpenClaw's output (channels.telegram.dm.open) is this check.</summary>
    public bool Matches(string checkId) => (_pattern ??= new Regex("^" + Placeholder().Replace(Regex.Escape(Id), "[^.]+") + "$", RegexOptions.CultureInvariant)).IsMatch(checkId);

    /// <summary>The reconciler relies on OpenClaw's own audit for it (its findings are carried into the report).</summary>
    public bool ReliesOnOpenClaw => Carried || Handling == Handling.OutOfScope;

    /// <summary>At least one of its severities is critical (warn/critical counts).</summary>
    public bool Critical => Severity.Contains("critical", StringComparison.Ordinal);

    [GeneratedRegex(@"<[A-Za-z]+>")]
    private static partial Regex Placeholder();
}
