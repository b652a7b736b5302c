using OpenClaw.Desired.Planning;

namespace OpenClaw.Desired.Resources.Firewall;

/// <summary>A base chain of the owned table: its hook and default policy.</summary>
public sealed record NftChain(string Name, string Hook, int Priority, string Policy)
{
    public string Header => $"type filter hook {Hook} priority {Priority}; policy {Policy};";
}

/// <summary>
/// One rule as canonical nft text: its statements in order (set elements sorted) and the comment that names it.
/// Desired rules and rules read back from <c>nft -j</c> render to the same text, so they compare as strings.
/// </summary>
public sealed record NftRule(string Chain, string? Comment, ValueList<string> Statements)
{
    /// <summary>The kernel's handle of a rule read from the host; null for desired rules.</summary>
    public long? Handle { get; init; }

    /// <summary>The rule without its comment, as a plan shows it.</summary>
    public string Body => string.Join(' ', Statements);

    public string Text => Comment is null ? Body : $"{Body} comment {NftText.Quote(Comment)}";

    public bool SameAs(NftRule other) => Chain == other.Chain && Comment == other.Comment && Body == other.Body;
}

/// <summary>The owned table: chains and rules in chain order, and anything else found in it (sets, maps, ...).</summary>
public sealed record NftTable(string Family, string Name, ValueList<NftChain> Chains, ValueList<NftRule> Rules, ValueList<string> OtherObjects)
{
    /// <summary>Named sets (their declarations; elements are data, never compared). Read sets also appear in <see cref="OtherObjects"/> as "set NAME".</summary>
    public ValueList<NftSet> Sets { get; init; } = ValueList<NftSet>.Empty;

    public string Qualified => $"{Family} {Name}";

    public IEnumerable<NftRule> RulesOf(string chain) => Rules.Where(r => r.Chain == chain);
}

/// <summary>
/// A named set of the owned table, as its declaration (type, size, flags, timeout, per-element counter). The
/// elements a rule adds at run time are data, not configuration: they never make a plan.
/// </summary>
public sealed record NftSet(string Name, string Type, int Size, int TimeoutSeconds, bool Counter)
{
    public string Declaration =>
        $"type {Type}; size {Size}; flags dynamic,timeout; timeout {TimeoutSeconds}s;{(Counter ? " counter;" : string.Empty)}";
}
