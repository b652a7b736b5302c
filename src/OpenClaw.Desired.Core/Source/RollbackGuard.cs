using LibGit2Sharp;

namespace OpenClaw.Desired.Source;

/// <summary>
/// Anti-rollback: a commit that is an ancestor of the last applied one is older posture (perhaps a replayed
/// one), and is applied only when the operator says <c>--allow-rollback</c>.
/// </summary>
internal static class RollbackGuard
{
    /// <summary>Null when the commit may be applied; else why not (Blocks) or what to note (a warning).</summary>
    public static (string? Blocks, string? Note) Check(Repository repository, Commit candidate, AppliedRecord? last, bool allowRollback)
    {
        if (last is null || last.Commit == candidate.Sha)
        {
            return (null, null);
        }

        var applied = repository.Lookup<Commit>(last.Commit);
        if (applied is null)
        {
            return (null, $"the last applied commit {last.Commit[..12]} is no longer in the repository (history rewritten?); cannot tell whether {candidate.Sha[..12]} is older");
        }

        if (repository.ObjectDatabase.FindMergeBase(candidate, applied)?.Sha != candidate.Sha)
        {
            return (null, null);
        }

        var message = $"commit {candidate.Sha[..12]} is older than the last applied commit {last.Commit[..12]} (applied {last.AppliedAt:yyyy-MM-dd HH:mm}Z, run {last.RunId})";
        return allowRollback
            ? (null, $"{message}; rolling back because --allow-rollback was given")
            : ($"{message}; refusing to roll back the host's posture (use --allow-rollback if this is intended)", null);
    }
}
