using OpenClaw.Desired.Host;
using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Posture;

namespace OpenClaw.Desired.Resources.Backups;

/// <summary>The backups section with every default filled in and every path expanded to a host path.</summary>
public sealed record BackupsDesired(string? Scheduler, GitDesired? Git, ValueList<ArchiveDesired> Archives, VerifyDesired Verify)
{
    /// <summary>The name <c>backup run</c> uses for the workspace repository; no archive may take it.</summary>
    public const string GitName = "git";

    public static readonly TimeSpan DefaultVerifyMaxAge = TimeSpan.FromDays(8);

    public bool IsEmpty => Git is null && Archives.Count == 0;

    public ArchiveDesired? Archive(string name) => Archives.FirstOrDefault(a => a.Name == name);

    public static BackupsDesired From(EffectivePosture posture, HostContext host)
    {
        var spec = posture.Document.Backups;
        var paths = host.PathsFor(posture);
        var interval = posture.Backups.Interval;
        var defaultMaxAge = interval * 2;
        var defaultSchedule = CronSchedule.FromInterval(interval);
        string Expand(string path) => host.Homes.Expand(path, paths.User);

        GitDesired? git = null;
        if (spec?.Git is { } g)
        {
            var remotes = new List<RemoteDesired>();
            if (g.Primary is { } primary)
            {
                remotes.Add(RemoteDesired.From(primary, "origin"));
            }

            if (g.Secondary is { } secondary)
            {
                remotes.Add(RemoteDesired.From(secondary, "secondary"));
            }

            git = new GitDesired(
                g.Repo is { } repo ? Expand(repo) : paths.Workspace,
                g.Branch ?? "main",
                g.MaxAge is { } age ? Duration.Parse(age) : defaultMaxAge,
                g.Schedule ?? defaultSchedule,
                remotes.ToValueList());
        }

        var archives = (spec?.Archives ?? []).Select(a => new ArchiveDesired(
            a.Name,
            ResticRepository.IsLocal(a.Repository) ? Expand(a.Repository) : a.Repository,
            a.Password,
            a.Credential,
            (a.Env ?? new Dictionary<string, SecretRef>()).OrderBy(e => e.Key, StringComparer.Ordinal).ToValueList(),
            a.Paths.Select(Expand).ToValueList(),
            a.Schedule ?? defaultSchedule,
            a.MaxAge is { } age ? Duration.Parse(age) : defaultMaxAge,
            a.Offsite ?? false,
            a.Keep is { } keep && (keep.Hourly ?? keep.Daily ?? keep.Weekly ?? keep.Monthly) is not null ? keep : null)).ToValueList();

        var verify = spec?.Verify;
        return new BackupsDesired(
            spec?.Scheduler,
            git,
            archives,
            new VerifyDesired(
                verify?.Check ?? "30 3 * * *",
                verify?.RestoreTest ?? "45 3 * * 0",
                verify?.MaxAge is { } verifyAge ? Duration.Parse(verifyAge) : DefaultVerifyMaxAge,
                verify?.Sample));
    }
}

/// <summary>The workspace repository: where it is, which branch, how stale a remote may be, when to push.</summary>
public sealed record GitDesired(string RepoPath, string Branch, TimeSpan MaxAge, string Schedule, ValueList<RemoteDesired> Remotes);

/// <summary>One Git remote; <see cref="Url"/> never holds a credential.</summary>
public sealed record RemoteDesired(string Name, string Url, SecretRef? Credential, bool Offsite)
{
    public static RemoteDesired From(GitRemoteSpec spec, string defaultName) =>
        new(spec.Name ?? defaultName, spec.Url, spec.Credential, spec.Offsite ?? false);
}

/// <summary>One restic repository and what goes into it.</summary>
public sealed record ArchiveDesired(
    string Name,
    string Repository,
    SecretRef Password,
    SecretRef? Credential,
    ValueList<KeyValuePair<string, SecretRef>> Env,
    ValueList<string> Paths,
    string Schedule,
    TimeSpan MaxAge,
    bool Offsite,
    RetentionSpec? Keep)
{
    /// <summary>The tag every snapshot this archive makes carries, so a shared repository stays apart.</summary>
    public string Tag => $"openclaw-desired-{Name}";

    /// <summary>restic's keep flags, in a stable order; also the policy's identity in the state dir.</summary>
    public IReadOnlyList<string> KeepArguments =>
        Keep is null ? [] : new (string Flag, int? Value)[]
        {
            ("--keep-hourly", Keep.Hourly), ("--keep-daily", Keep.Daily), ("--keep-weekly", Keep.Weekly), ("--keep-monthly", Keep.Monthly),
        }.Where(k => k.Value is not null).SelectMany(k => new[] { k.Flag, k.Value!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) }).ToList();

    public string KeepPolicy => string.Join(' ', KeepArguments);
}

/// <summary>When restic check and the restore test run, how old their last success may be, and the sample size.</summary>
public sealed record VerifyDesired(string Check, string RestoreTest, TimeSpan MaxAge, int? Sample);
