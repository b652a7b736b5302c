using OpenClaw.Desired.Host;
using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Resources.Backups;

/// <summary>One archive in the status: newest snapshot and the last check and restore test.</summary>
public sealed record ArchiveStatus(
    string Name,
    string Repository,
    bool Offsite,
    DateTimeOffset? NewestSnapshot,
    int Snapshots,
    BackupRecord? LastCheck,
    BackupRecord? LastRestoreTest,
    bool Verified,
    string? Unknown);

/// <summary>
/// Everything about the host's backups in one record, for <c>backup status</c>: the 3-2-1 verdict, each copy,
/// the verification state, the engine's config backups, and every problem the plan would act on.
/// </summary>
public sealed record BackupStatus(
    bool Healthy,
    DateTimeOffset At,
    Verdict321 Verdict,
    IReadOnlyList<ArchiveStatus> Archives,
    ConfigBackups ConfigBackups,
    IReadOnlyList<string> Problems)
{
    public static async Task<BackupStatus> ProbeAsync(EffectivePosture posture, HostContext host, CancellationToken cancellationToken)
    {
        var kind = new BackupsKind();
        var observed = await kind.ProbeAsync(posture, host, cancellationToken);
        var plan = kind.Diff(posture, observed);
        var problems = plan.Changes.Select(c => $"{c.Resource}: {c.Reason}")
            .Concat(plan.Unknowns.Select(u => $"{u.Resource}: unknown: {u.Reason}"))
            .ToList();
        var verdict = Verdict321.Observed(observed);
        if (!verdict.Met)
        {
            problems.Add($"3-2-1: {verdict.Describe()}");
        }

        var archives = observed.Desired.Archives.Select(a =>
        {
            var seen = observed.Archives.First(o => o.Name == a.Name);
            return new ArchiveStatus(
                a.Name, ResticRepository.Display(a.Repository), a.Offsite, seen.Latest?.Time, seen.Snapshots, seen.LastCheck, seen.LastRestore,
                seen.Unknown is null && BackupsDiff.VerifyDrift(seen, observed.Desired.Verify.MaxAge, observed.Now) is null, seen.Unknown);
        }).ToList();
        var config = ConfigBackups.Read(BackupsKind.StateDirOf(host), posture.Backups.ConfigBeforeChange);
        return new BackupStatus(problems.Count == 0, observed.Now, verdict, archives, config, problems);
    }

    /// <summary>A few lines for a terminal.</summary>
    public string ToText()
    {
        var lines = new List<string> { $"backups: {(Healthy ? "healthy" : "NOT healthy")}; 3-2-1 {(Verdict.Met ? "met" : "NOT met")}: {Verdict.Describe()}" };
        lines.AddRange(Verdict.Backups.Select(c => $"  {(c.Healthy ? "ok  " : "FAIL")} {c.Name} ({c.Medium}{(c.Offsite ? ", offsite" : "")}): {c.State}"));
        lines.AddRange(Archives.Select(a => $"  {(a.Verified ? "ok  " : "FAIL")} verify {a.Name}: check {Describe(a.LastCheck)}, restore test {Describe(a.LastRestoreTest)}"));
        var age = ConfigBackups.Newest is { } newest ? $"newest {newest.UtcDateTime:u} ({Duration.Format(TimeSpan.FromMinutes(Math.Max(1, Math.Round((At - newest).TotalMinutes))))} ago)" : "none yet";
        lines.Add($"  config backups before changes: {(ConfigBackups.Enabled ? "on" : "off")}, {ConfigBackups.Count} file(s) in {ConfigBackups.Runs} run(s), {age}");
        lines.AddRange(Problems.Select(p => $"  problem: {p}"));
        return string.Join('\n', lines) + "\n";
    }

    private static string Describe(BackupRecord? record) =>
        record is null ? "never" : $"{(record.Ok ? "passed" : "FAILED")} {record.At.UtcDateTime:u}";
}
