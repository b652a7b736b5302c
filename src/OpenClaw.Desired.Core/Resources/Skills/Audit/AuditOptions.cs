namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>
/// What the audit runs besides its built-in rules: the list of known campaign indicators (on by default, off with
/// <c>--no-iocs</c>, replaced with <c>--iocs FILE</c>) and the user's own rules (<c>--rules FILE</c>).
/// </summary>
public sealed record AuditOptions(IocList Iocs, IReadOnlyList<AuditRule> UserRules)
{
    public static AuditOptions Default { get; } = new(IocList.BuiltIn, []);

    public static AuditOptions WithoutIocs { get; } = new(IocList.Empty, []);
}
