using OpenClaw.Desired.Reporting;

namespace OpenClaw.Desired.Loop;

/// <summary>What a tick does after planning, and why.</summary>
public sealed record TickDecision(bool Apply, string Why, string? Revision, IReadOnlyList<StalledChange> Stalled)
{
    /// <summary>
    /// Apply when there is drift (automatic changes not known to be stalled at this revision) or a revision
    /// not yet applied; never while suspended, in detect-only mode, after a failed plan, or for a revision
    /// whose apply was already refused.
    /// </summary>
    public static TickDecision For(RunReport plan, LoopStatus? previous, bool detectOnly, bool suspended)
    {
        var revision = plan.Posture?.Source?.Commit ?? plan.Posture?.Digest;
        var applied = plan.Posture?.Source is { } source ? source.LastApplied : previous?.AppliedRevision;
        var stalled = (previous?.Stalled ?? []).Where(s => s.Revision == revision).ToList();
        var drift = plan.Changes.Where(c => c.Action != "manual" && c.Waived is null && !stalled.Any(s => s.Change == $"{c.Kind}/{c.Resource}" && s.After == c.After)).ToList();
        var isNew = revision is not null && revision != applied;

        if (plan.ExitCode == ExitCodes.Error || revision is null)
        {
            return new(false, "the plan failed", revision, stalled);
        }

        if (!drift.Any() && !isNew)
        {
            var manual = plan.Changes.Count(c => c.Action == "manual" && c.Waived is null);
            var idle = Idle(stalled.Count, manual);
            return new(false, idle == "in sync" && plan.Unknowns.Count > 0 ? "nothing to apply; some state could not be seen" : idle, revision, stalled);
        }

        var what = isNew ? $"new revision {Short(revision)}" : $"drift in {drift.Count} change(s)";
        return suspended ? new(false, $"{what}; not applied: suspended", revision, stalled)
            : detectOnly ? new(false, $"{what}; not applied: detect-only", revision, stalled)
            : revision == previous?.RefusedRevision ? new(false, $"{what}; not applied: this revision was refused, waiting for a new one", revision, stalled)
            : new(true, what, revision, stalled);
    }

    /// <summary>
    /// Nothing to apply. "in sync" only when the plan is empty: manual actions and stalled changes are named,
    /// so the decision never says "in sync" while the report says "changes".
    /// </summary>
    private static string Idle(int stalled, int manual)
    {
        var waiting = new List<string>();
        if (stalled > 0)
        {
            waiting.Add($"{stalled} stalled change(s)");
        }

        if (manual > 0)
        {
            waiting.Add($"{manual} manual action(s)");
        }

        return waiting.Count == 0 ? "in sync" : $"nothing to apply; {string.Join(" and ", waiting)} need a human";
    }

    private static string Short(string revision) => revision.StartsWith("sha256:", StringComparison.Ordinal) ? revision[..19] : revision[..Math.Min(12, revision.Length)];
}
