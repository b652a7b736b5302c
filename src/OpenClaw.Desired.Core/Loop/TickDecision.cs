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
            var why = stalled.Count > 0 ? $"nothing to apply but {stalled.Count} stalled change(s) that need a human"
                : manual > 0 ? $"nothing to apply; {manual} manual action(s) wait for a human"
                : plan.Unknowns.Count > 0 ? "nothing to apply; some state could not be seen"
                : "in sync";
            return new(false, why, revision, stalled);
        }

        var what = isNew ? $"new revision {Short(revision)}" : $"drift in {drift.Count} change(s)";
        return suspended ? new(false, $"{what}; not applied: suspended", revision, stalled)
            : detectOnly ? new(false, $"{what}; not applied: detect-only", revision, stalled)
            : revision == previous?.RefusedRevision ? new(false, $"{what}; not applied: this revision was refused, waiting for a new one", revision, stalled)
            : new(true, what, revision, stalled);
    }

    private static string Short(string revision) => revision.StartsWith("sha256:", StringComparison.Ordinal) ? revision[..19] : revision[..Math.Min(12, revision.Length)];
}
