using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Resources.Backups;

/// <summary>One copy of the data that counts for 3-2-1: where it is, its medium (git or archive), whether offsite, whether fresh.</summary>
public sealed record BackupCopy(string Name, string Medium, bool Offsite, bool Healthy, string State);

/// <summary>
/// The 3-2-1 rule: at least 3 copies (the live data and two backups), on at least 2 distinct media (Git and a
/// restic archive), at least 1 of them offsite. Only healthy copies count: a remote behind by more than
/// maxAge or an archive without a fresh snapshot is no copy.
/// </summary>
public sealed record Verdict321(int Copies, int Media, int Offsite, IReadOnlyList<BackupCopy> Backups)
{
    public bool Met => Copies >= 3 && Media >= 2 && Offsite >= 1;

    public string Describe() =>
        $"{Copies} copies (3 needed), {Media} media (2 needed), {Offsite} offsite (1 needed){(Met ? "" : ": " + string.Join(", ", Missing()))}";

    private IEnumerable<string> Missing()
    {
        if (Copies < 3)
        {
            yield return $"{3 - Copies} more backup copy needed";
        }

        if (Media < 2)
        {
            yield return "back up to both Git and a restic archive";
        }

        if (Offsite < 1)
        {
            yield return "mark a copy in another place offsite: true";
        }
    }

    public static Verdict321 Of(IReadOnlyList<BackupCopy> backups)
    {
        var healthy = backups.Where(b => b.Healthy).ToList();
        return new Verdict321(1 + healthy.Count, healthy.Select(b => b.Medium).Distinct().Count(), healthy.Count(b => b.Offsite), backups);
    }

    /// <summary>What the posture would give if every copy it declares were healthy.</summary>
    public static Verdict321 Planned(BackupsSpec spec) =>
        Of(new[] { spec.Git?.Primary, spec.Git?.Secondary }.OfType<GitRemoteSpec>()
            .Select(r => new BackupCopy(r.Name ?? r.Url, "git", r.Offsite ?? false, true, "declared"))
            .Concat((spec.Archives ?? []).Select(a => new BackupCopy(a.Name, "archive", a.Offsite ?? false, true, "declared")))
            .ToList());

    /// <summary>The verdict from what the probe saw.</summary>
    public static Verdict321 Observed(BackupsObservation observed)
    {
        var copies = new List<BackupCopy>();
        if (observed.Desired.Git is { } git)
        {
            foreach (var remote in git.Remotes)
            {
                var seen = observed.Git?.Remotes.FirstOrDefault(r => r.Name == remote.Name);
                var (healthy, state) = observed.Git switch
                {
                    null or { Unknown: not null } => (false, observed.Git?.Unknown ?? "not probed"),
                    { IsRepository: false } => (false, "no repository"),
                    _ when seen?.Url != remote.Url => (false, "remote missing or elsewhere"),
                    _ when seen.PushedSha is null => (false, "never pushed"),
                    _ when seen.OldestUnpushed is { } oldest && observed.Now - oldest > git.MaxAge => (false, $"behind since {oldest.UtcDateTime:u}"),
                    _ => (true, seen.Unpushed == 0 ? "up to date" : $"{seen.Unpushed} commit(s) within maxAge"),
                };
                copies.Add(new BackupCopy($"git:{remote.Name}", "git", remote.Offsite, healthy, state));
            }
        }

        foreach (var archive in observed.Desired.Archives)
        {
            var seen = observed.Archives.First(a => a.Name == archive.Name);
            var (healthy, state) = seen switch
            {
                { Unknown: { } why } => (false, why),
                { Exists: false } => (false, "no repository"),
                { Latest: null } => (false, "no snapshot"),
                { Latest: { } latest } when observed.Now - latest.Time > archive.MaxAge => (false, $"newest snapshot {latest.Time.UtcDateTime:u} is older than {Duration.Format(archive.MaxAge)}"),
                { Latest: { } latest } => (true, $"newest snapshot {latest.Time.UtcDateTime:u}"),
            };
            copies.Add(new BackupCopy($"archive:{archive.Name}", "archive", archive.Offsite, healthy, state));
        }

        return Of(copies);
    }
}
