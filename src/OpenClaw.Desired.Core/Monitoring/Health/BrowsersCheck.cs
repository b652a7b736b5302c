using OpenClaw.Desired.Monitoring.Processes;

namespace OpenClaw.Desired.Monitoring.Health;

/// <summary>
/// <c>browsers</c>: headless browsers of the agent user, read from <c>/proc</c> under the root. Fails when
/// there are more than the limit, when one runs longer than maxAge, or when more are orphaned than allowed.
/// </summary>
public sealed class BrowsersCheck : IHealthCheck
{
    public const string CheckName = "browsers";

    public string Name => CheckName;

    public bool AppliesTo(HealthContext context) => context.Settings.Browsers.Enabled;

    public Task<IReadOnlyList<HealthCheckResult>> RunAsync(HealthContext context, CancellationToken cancellationToken)
    {
        var settings = context.Settings.Browsers;
        if (AgentAccounts.Uid(context.Fs, context.Paths.User) is not { } uid)
        {
            return Result(HealthCheckResult.Unknown(Name, $"the agent user '{context.Paths.User}' is not in /etc/passwd under the root", settings.Max, "browsers"));
        }

        ProcessTable table;
        try
        {
            table = ProcessTable.Read(context.Fs, owner => owner == uid);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return Result(HealthCheckResult.Unknown(Name, $"cannot read the process table: {HealthContext.Describe(e)}", settings.Max, "browsers"));
        }

        var browsers = HeadlessBrowsers.Find(table, uid, context.Now);
        var orphaned = browsers.Count(b => b.Orphaned);
        var tooOld = browsers.Count(b => b.Age > settings.MaxAge);
        var oldest = browsers.Count == 0 ? TimeSpan.Zero : browsers.Max(b => b.Age);
        context.Samples.Browsers = new BrowserSample(browsers.Count, browsers.Sum(b => b.Processes.Count), orphaned, tooOld, oldest.TotalSeconds);
        if (table.Problems.Count > 0)
        {
            return Result(HealthCheckResult.Unknown(Name, "some processes could not be read: " + string.Join("; ", table.Problems.Take(3)), settings.Max, "browsers"));
        }

        var problems = new List<string>();
        if (browsers.Count > settings.Max)
        {
            problems.Add($"more than {settings.Max}");
        }

        if (orphaned > settings.MaxOrphans)
        {
            problems.Add($"{orphaned} orphaned (pid {string.Join(", ", browsers.Where(b => b.Orphaned).Select(b => b.Main.Pid))}), at most {settings.MaxOrphans} allowed");
        }

        if (tooOld > 0)
        {
            problems.Add($"{tooOld} running longer than {Posture.Duration.Format(settings.MaxAge)}");
        }

        var summary = browsers.Count == 0
            ? $"no headless browser of {context.Paths.User}"
            : $"{browsers.Count} headless browser(s) of {context.Paths.User}, {browsers.Sum(b => b.Processes.Count)} processes, oldest {Age(oldest)}";
        var message = problems.Count == 0 ? $"{summary}; limit {settings.Max}" : $"{summary}: {string.Join("; ", problems)}";
        return Result(HealthCheckResult.Judge(Name, problems.Count == 0, browsers.Count, settings.Max, "browsers", message));
    }

    internal static string Age(TimeSpan age) =>
        age.TotalDays >= 1 ? $"{(int)age.TotalDays}d {age.Hours}h" : age.TotalHours >= 1 ? $"{(int)age.TotalHours}h {age.Minutes}m" : $"{(int)age.TotalMinutes}m";

    private static Task<IReadOnlyList<HealthCheckResult>> Result(HealthCheckResult result) =>
        Task.FromResult<IReadOnlyList<HealthCheckResult>>([result]);
}
