using Newtonsoft.Json.Linq;
using OpenClaw.Desired.Monitoring.Health;

namespace OpenClaw.Desired.Monitoring.Cron;

/// <summary>
/// Finds OpenClaw's cron store in whichever era this installation is: the SQLite database when it has a
/// cron_jobs table, else <c>cron.store</c> (default <c>&lt;state&gt;/cron/jobs.json</c>) with its sidecar, and
/// the run logs beside it. Every path is read through the safe filesystem.
/// </summary>
public static class CronStores
{
    public static CronInventory Read(HealthContext context)
    {
        var state = context.Paths.StateDir;
        var since = (context.Now - context.Settings.Cron.Window).ToUnixTimeMilliseconds();
        var database = state + "/state/openclaw.sqlite";
        if (context.Fs.Stat(database).Exists && CronSqliteStore.Read(context.Fs, database, since) is { } sqlite)
        {
            return new CronInventory("sqlite", database, sqlite.Jobs, sqlite.Runs, []);
        }

        var store = StorePath(context);
        if (!context.Fs.StatFollow(store).Exists)
        {
            return CronInventory.None(store);
        }

        var (jobs, era) = CronJsonStore.Read(context.Fs, store);
        var runs = new Dictionary<string, CronRunCounts>(StringComparer.Ordinal);
        var problems = new List<string>();
        var logs = CronPaths.Join(CronPaths.DirectoryOf(store), "runs");
        foreach (var job in jobs)
        {
            if (!CronPaths.SafeId(job.Id))
            {
                problems.Add($"job id '{context.Scrub(job.Id, 40)}' cannot name a run log; its runs were not read");
                continue;
            }

            try
            {
                if (CronRunLogs.Count(context.Fs, $"{logs}/{job.Id}.jsonl", since) is { } counts)
                {
                    runs[job.Id] = counts;
                }
            }
            catch (IOException e)
            {
                problems.Add($"run log of {job.Id}: {HealthContext.Describe(e)}");
            }
        }

        return new CronInventory(era, store, jobs, runs, problems);
    }

    /// <summary><c>cron.store</c> of openclaw.json (~ is the agent user's home), else the default.</summary>
    public static string StorePath(HealthContext context)
    {
        var state = context.Paths.StateDir;
        if (context.Config?.Get("/cron/store") is JValue { Type: JTokenType.String } value && ((string?)value)?.Trim() is { Length: > 0 } configured)
        {
            var expanded = configured.StartsWith('~') ? context.Host.Homes.Expand(configured, context.Paths.User) : configured;
            return Host.HostRoot.Normalize(expanded.StartsWith('/') ? expanded : $"{state}/{expanded}");
        }

        return state + "/cron/jobs.json";
    }

    /// <summary>False when openclaw.json turns the scheduler off (<c>cron.enabled: false</c>).</summary>
    public static bool Enabled(HealthContext context) =>
        context.Config?.Get("/cron/enabled") is not JValue { Type: JTokenType.Boolean } enabled || (bool)enabled!;
}
