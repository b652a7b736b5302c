namespace OpenClaw.Desired.Posture;

/// <summary>
/// Every duration in a posture within bounds that make sense for it, one row per key: a confirm timeout of 9999999999
/// days, a loop interval of 0s or a history kept for 1s is an error at the place it is written, never a silent default.
/// </summary>
internal static class DurationChecks
{
    private sealed record Row(string Path, Func<PostureDocument, IEnumerable<(string Path, string? Value)>> Read, TimeSpan Min, TimeSpan Max, bool ZeroAllowed = false);

    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    private static readonly Row[] Rows =
    [
        new("backups.interval", d => One("backups.interval", d.Backups?.Interval), Minute, 30 * Day),
        new("backups.git.maxAge", d => One("backups.git.maxAge", d.Backups?.Git?.MaxAge), Minute, 365 * Day),
        new("backups.archives[].maxAge", d => (d.Backups?.Archives ?? []).Select((a, i) => ($"backups.archives[{i}].maxAge", a.MaxAge)), Minute, 365 * Day),
        new("backups.verify.maxAge", d => One("backups.verify.maxAge", d.Backups?.Verify?.MaxAge), Hour, 365 * Day),
        new("firewall.confirmTimeout", d => One("firewall.confirmTimeout", d.Firewall?.ConfirmTimeout), Second, Hour),
        new("secrets.rotation.apiKey", d => One("secrets.rotation.apiKey", d.Secrets?.Rotation?.ApiKey), Day, 3650 * Day, ZeroAllowed: true),
        new("secrets.rotation.oauth", d => One("secrets.rotation.oauth", d.Secrets?.Rotation?.OAuth), Day, 3650 * Day, ZeroAllowed: true),
        new("secrets.rotation.botToken", d => One("secrets.rotation.botToken", d.Secrets?.Rotation?.BotToken), Day, 3650 * Day, ZeroAllowed: true),
        new("secrets.rotation.password", d => One("secrets.rotation.password", d.Secrets?.Rotation?.Password), Day, 3650 * Day, ZeroAllowed: true),
        new("monitoring.interval", d => One("monitoring.interval", d.Monitoring?.Interval), Second, Day),
        new("history.maxAge", d => One("history.maxAge", d.History?.MaxAge), Hour, 3650 * Day),
        new("history.quarantine", d => One("history.quarantine", d.History?.Quarantine), Day, 3650 * Day),
    ];

    public static void Run(PostureDocument document, Locator at, List<Diagnostic> diagnostics)
    {
        foreach (var row in Rows)
        {
            foreach (var (path, value) in row.Read(document))
            {
                if (value is null)
                {
                    continue;
                }

                if (!Duration.TryParse(value, out var parsed))
                {
                    diagnostics.Add(at.At(path, "is not a duration this tool can use (at most 1000000 of a unit: s, m, h, d, w)"));
                }
                else if (parsed == TimeSpan.Zero && row.ZeroAllowed)
                {
                    continue;
                }
                else if (parsed < row.Min || parsed > row.Max)
                {
                    diagnostics.Add(at.At(path, $"must be between {Duration.Format(row.Min)} and {Duration.Format(row.Max)}{(row.ZeroAllowed ? " (or 0s)" : string.Empty)}"));
                }
            }
        }
    }

    private static IEnumerable<(string, string?)> One(string path, string? value) => [(path, value)];
}
