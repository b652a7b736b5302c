using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Reporting;

namespace OpenClaw.Desired.Source;

/// <summary>
/// The posture a run uses and where it came from: a local file, or a commit of a Git repository with its
/// provenance. <see cref="ApplyBlocker"/> says why the commit must not be applied (a dry run still plans it).
/// </summary>
public sealed record ResolvedPosture(PostureLoadResult Loaded, string Path)
{
    public SourceInfo? Source { get; init; }

    /// <summary>Warnings for the report (stale source, rollback allowed, ignored settings).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public string? ApplyBlocker { get; init; }

    public PostureDiffReport? BaseDiff { get; init; }

    /// <summary>Where an applying run records the commit it converged to (Git sources only).</summary>
    internal SourceState? State { get; init; }

    public static ResolvedPosture Failed(string where, string message) =>
        new(new PostureLoadResult(null, [new Diagnostic(where, 0, 0, message, null)]), where);

    /// <summary>Remembers the commit as applied: later runs refuse its ancestors (anti-rollback).</summary>
    public void RecordApplied(string runId, DateTimeOffset at)
    {
        if (State is not null && Source is not null)
        {
            State.RecordApplied(new AppliedRecord(Source.Repo, Source.Ref, Source.Commit, at, runId));
        }
    }
}
