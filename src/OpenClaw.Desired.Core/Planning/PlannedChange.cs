namespace OpenClaw.Desired.Planning;

/// <summary>What a change does to the host. Manual changes are shown and tracked but never applied by the tool.</summary>
public enum ChangeAction
{
    Create,
    Update,
    Remove,
    Quarantine,
    Manual,
}

/// <summary>Whether a change makes the host's posture stricter, weaker, or neither.</summary>
public enum PostureEffect
{
    Neutral,
    Tightens,
    Loosens,
}

/// <summary>
/// One step of a plan: kind, resource, action, why, and before → after as display text. Secret values only
/// ever appear here as fingerprints. <see cref="Payload"/> carries what apply needs and is not rendered.
/// </summary>
public sealed record PlannedChange(
    string Kind,
    string Resource,
    ChangeAction Action,
    string Reason,
    string? Before,
    string? After,
    PostureEffect Effect,
    ChangePayload? Payload = null)
{
    public string Id => $"{Kind}/{Resource}";

    /// <summary>The ids of OpenClaw's own security-audit checks this change closes (<c>gateway.tailscale_funnel</c>), if any.</summary>
    public ValueList<string> Checks { get; init; } = ValueList<string>.Empty;
}

/// <summary>What apply needs to carry out a change; one subtype per way of changing the host.</summary>
public abstract record ChangePayload;

/// <summary>Set (or, with a null value, remove) one key of a JSON file, addressed by a JSON Pointer.</summary>
public sealed record JsonEdit(string HostPath, string Pointer, string? NewValueJson) : ChangePayload;

/// <summary>A resource whose state the probe could not see. Never read as "in sync".</summary>
public sealed record UnknownState(string Kind, string Resource, string Reason);

/// <summary>
/// Something a kind's probe noticed that is worth reporting but is no change by itself (an audit finding
/// below the blocking severity, say). Findings never make a plan non-empty. Never holds a secret or a payload.
/// </summary>
public sealed record Finding(string Kind, string Resource, string Rule, string Severity, string Location, string Why)
{
    /// <summary>The host path of the file the finding is in, when it is in one (for SARIF locations and waiver globs).</summary>
    public string? HostPath { get; init; }
}

/// <summary>Probe and diff of one kind: its changes in stable order and anything it could not see.</summary>
public sealed record KindPlan(string Kind, ValueList<PlannedChange> Changes, ValueList<UnknownState> Unknowns)
{
    /// <summary>What the probe noticed besides changes, in stable order.</summary>
    public ValueList<Finding> Findings { get; init; } = ValueList<Finding>.Empty;

    /// <summary>The facts the security score reads from this kind's probe (see <see cref="Scoring.Observation"/>).</summary>
    public ValueList<Scoring.Observation> Observations { get; init; } = ValueList<Scoring.Observation>.Empty;

    /// <summary>Refused outbound connections the firewall counted (firewall kind only).</summary>
    public Reporting.ConnectionsReport? Connections { get; init; }

    public static KindPlan Of(string kind, IEnumerable<PlannedChange> changes, IEnumerable<UnknownState>? unknowns = null) =>
        new(kind,
            Distinct(changes.OrderBy(c => c.Resource, StringComparer.Ordinal).ThenBy(c => c.Action)).ToValueList(),
            (unknowns ?? []).OrderBy(u => u.Resource, StringComparer.Ordinal).ToValueList());

    /// <summary>Change ids are unique in a plan (apply and reports key on them): a repeated resource gets "#2", "#3"….</summary>
    private static IEnumerable<PlannedChange> Distinct(IEnumerable<PlannedChange> ordered)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var change in ordered)
        {
            var count = seen[change.Id] = seen.GetValueOrDefault(change.Id) + 1;
            yield return count == 1 ? change : change with { Resource = $"{change.Resource}#{count}" };
        }
    }
}

/// <summary>The whole plan: every kind's part, in apply order. Two plans of the same state are equal.</summary>
public sealed record Plan(ValueList<KindPlan> Kinds)
{
    public IEnumerable<PlannedChange> Changes => Kinds.SelectMany(k => k.Changes);

    public IEnumerable<PlannedChange> Automatic => Changes.Where(c => c.Action != ChangeAction.Manual);

    public IEnumerable<PlannedChange> Manual => Changes.Where(c => c.Action == ChangeAction.Manual);

    public IEnumerable<UnknownState> Unknowns => Kinds.SelectMany(k => k.Unknowns);

    public IEnumerable<Finding> Findings => Kinds.SelectMany(k => k.Findings);

    public bool IsEmpty => !Changes.Any() && !Unknowns.Any();

    /// <summary>An automatic change would loosen posture (manual actions are never applied by the tool).</summary>
    public bool Loosens => Automatic.Any(c => c.Effect == PostureEffect.Loosens);

    /// <summary>What the posture's waivers took out of this plan (<see cref="Changes"/> no longer holds waived changes).</summary>
    public Waivers.WaiverOutcome Waivers { get; init; } = global::OpenClaw.Desired.Waivers.WaiverOutcome.None;
}
