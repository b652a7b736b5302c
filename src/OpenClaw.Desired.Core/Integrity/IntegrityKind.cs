using OpenClaw.Desired.Host;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Posture;
using OpenClaw.Desired.Reconciliation;
using OpenClaw.Desired.Safety;

namespace OpenClaw.Desired.Integrity;

/// <summary>One watched file that differs from the baseline: how, and what it is now (or was, when removed).</summary>
public sealed record Drift(string HostPath, string How, WatchedPath Root, FileState? Before, FileState? Now);

/// <summary>Get result of the integrity kind.</summary>
public sealed record IntegrityObservation(IReadOnlyList<WatchedPath> Watched, IntegrityBaseline? Baseline, IReadOnlyList<Drift> Drifts, IReadOnlyList<string> Problems, string? Unknown);

/// <summary>
/// File integrity: the watched files (config, auth profiles, instructions, skills, hooks, extensions) against the
/// baseline the last apply recorded. A file changed, added or removed since then, not by the reconciler, is a finding
/// naming the path, its owner and its modification time. The kind plans no change: every applying run records a new
/// baseline at its end, so what a run changes itself is never drift.
/// </summary>
public sealed class IntegrityKind : ResourceKind<IntegrityObservation>
{
    public const string Name = "integrity";

    public override string Kind => Name;

    public override int ApplyOrder => 99;

    public override Task<IntegrityObservation> ProbeAsync(EffectivePosture posture, HostContext host, CancellationToken cancellationToken)
    {
        var watched = WatchedPaths.For(posture, host);
        IntegrityBaseline? baseline;
        try
        {
            baseline = host.StateDir is { } dir ? IntegrityBaseline.Load(new StateDirectory(dir)) : null;
        }
        catch (InvalidDataException e)
        {
            return Task.FromResult(new IntegrityObservation(watched, null, [], [], e.Message));
        }

        // Without a baseline there is nothing to compare with: the watched paths are walked, not hashed.
        var (files, problems) = IntegritySnapshot.Take(host.Fs, watched, hashContent: baseline is not null);
        return Task.FromResult(new IntegrityObservation(watched, baseline, baseline is null ? [] : Compare(baseline, watched, files), problems, null));
    }

    public override KindPlan Diff(EffectivePosture posture, IntegrityObservation observed)
    {
        if (observed.Unknown is { } why)
        {
            return KindPlan.Of(Kind, [], [new UnknownState(Kind, "baseline", why)]);
        }

        var since = observed.Baseline is { } b ? $"since the baseline of {b.RecordedAt.UtcDateTime:yyyy-MM-dd HH:mm}Z (run {b.RunId})" : string.Empty;
        var findings = observed.Drifts.Select(d => new Finding(Kind, d.HostPath, $"integrity.{d.How}", d.Root.Severity, d.HostPath, Describe(d, since)) { HostPath = d.HostPath });
        return KindPlan.Of(Kind, []) with { Findings = findings.ToValueList() };
    }

    public override Task<ChangeOutcome> ApplyAsync(PlannedChange change, ApplyContext context, CancellationToken cancellationToken) =>
        Task.FromResult(ChangeOutcome.Skipped(change, "the integrity kind plans no change; every apply records the baseline"));

    /// <summary>Files under roots watched both then and now that differ; a root added since is recorded by the next apply, not drift.</summary>
    public static IReadOnlyList<Drift> Compare(IntegrityBaseline baseline, IReadOnlyList<WatchedPath> watched, IReadOnlyDictionary<string, FileState> now)
    {
        var roots = watched.Where(w => baseline.Watched.Any(o => o.HostPath == w.HostPath)).ToList();
        WatchedPath? RootOf(string path) => roots.FirstOrDefault(r => path == r.HostPath || path.StartsWith(r.HostPath + "/", StringComparison.Ordinal));
        var drifts = new List<Drift>();
        foreach (var path in baseline.Files.Keys.Union(now.Keys).Order(StringComparer.Ordinal))
        {
            if (RootOf(path) is not { } root)
            {
                continue;
            }

            var before = baseline.Files.GetValueOrDefault(path);
            var current = now.GetValueOrDefault(path);
            var how = (before, current) switch
            {
                (null, not null) => "added",
                (not null, null) => "removed",
                (not null, not null) when before.Content != current.Content || before.Mode != current.Mode || before.Uid != current.Uid || before.Gid != current.Gid => "changed",
                _ => null,
            };
            if (how is not null)
            {
                drifts.Add(new Drift(path, how, root, before, current));
            }
        }

        return drifts;
    }

    private static string Describe(Drift drift, string since)
    {
        static string When(DateTimeOffset at) => $"{at.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z";
        return drift switch
        {
            { How: "removed", Before: { } was } => $"{drift.Root.What}: removed {since}; it was owned by uid {was.Uid} and last modified {When(was.Modified)}",
            { How: "added", Now: { } now } => $"{drift.Root.What}: appeared {since}: owner uid {now.Uid}, modified {When(now.Modified)}",
            { Before: { } was, Now: { } now } => $"{drift.Root.What}: changed {since}: now owner uid {now.Uid}, modified {When(now.Modified)}{Details(was, now)}",
            _ => $"{drift.Root.What}: {drift.How} {since}",
        };
    }

    private static string Details(FileState was, FileState now)
    {
        var parts = new List<string>();
        if (was.Content != now.Content)
        {
            parts.Add("content differs");
        }

        if (was.Mode != now.Mode)
        {
            parts.Add($"mode {Convert.ToString(was.Mode, 8)} -> {Convert.ToString(now.Mode, 8)}");
        }

        if (was.Uid != now.Uid || was.Gid != now.Gid)
        {
            parts.Add($"owner {was.Uid}:{was.Gid} -> {now.Uid}:{now.Gid}");
        }

        return parts.Count == 0 ? string.Empty : "; " + string.Join(", ", parts);
    }
}
