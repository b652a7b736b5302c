using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Monitoring;

/// <summary>OpenClaw cron stores in each era, written in OpenClaw's shapes (reference §10).</summary>
internal static class CronFixture
{
    public const string Dir = ScratchHost.OpenClawHome + "/cron";

    public static JsonObject Job(string id, string name, bool enabled = true, JsonObject? state = null) => new()
    {
        ["id"] = id,
        ["agentId"] = "main",
        ["name"] = name,
        ["enabled"] = enabled,
        ["createdAtMs"] = 1776600000000,
        ["updatedAtMs"] = 1776600000000,
        ["schedule"] = new JsonObject { ["kind"] = "cron", ["expr"] = "0 7 * * *" },
        ["sessionTarget"] = "isolated",
        ["payload"] = new JsonObject { ["kind"] = "agentTurn", ["message"] = "Summarise overnight mail." },
        ["state"] = state ?? new JsonObject(),
    };

    public static JsonObject State(string? status, int consecutive = 0, int scheduleErrors = 0, string? error = null, bool legacyKey = false)
    {
        var state = new JsonObject { ["nextRunAtMs"] = 1776661200000, ["consecutiveErrors"] = consecutive, ["scheduleErrorCount"] = scheduleErrors };
        if (status is not null)
        {
            state[legacyKey ? "lastStatus" : "lastRunStatus"] = status;
            state["lastRunAtMs"] = 1776657600000;
        }

        if (error is not null)
        {
            state["lastError"] = error;
        }

        return state;
    }

    public static void WriteJobs(ScratchHost host, params JsonObject[] jobs) =>
        File.WriteAllText(host.Real(Dir + "/jobs.json"), new JsonObject { ["version"] = 1, ["jobs"] = new JsonArray(jobs) }.ToJsonString());

    public static void WriteSidecar(ScratchHost host, Dictionary<string, JsonObject> states)
    {
        var jobs = new JsonObject();
        foreach (var (id, state) in states)
        {
            jobs[id] = new JsonObject { ["state"] = state };
        }

        File.WriteAllText(host.Real(Dir + "/jobs-state.json"), new JsonObject { ["jobs"] = jobs }.ToJsonString());
    }

    /// <summary>Appends run-log lines as OpenClaw's run-log.ts writes them.</summary>
    public static void AppendRuns(ScratchHost host, string jobId, params (string Status, DateTimeOffset At)[] runs)
    {
        Directory.CreateDirectory(host.Real(Dir + "/runs"));
        var lines = runs.Select(r => JsonSerializer.Serialize(new
        {
            ts = r.At.ToUnixTimeMilliseconds(),
            jobId,
            action = "finished",
            status = r.Status,
            error = r.Status == "error" ? "model call failed" : null,
            runAtMs = r.At.ToUnixTimeMilliseconds() - 2000,
            durationMs = 2000,
        }));
        File.AppendAllLines(host.Real($"{Dir}/runs/{jobId}.jsonl"), lines);
    }

    /// <summary>The SQLite era: OpenClaw's cron tables in state/openclaw.sqlite, the legacy file renamed *.migrated.</summary>
    public static void WriteSqlite(ScratchHost host, IEnumerable<(JsonObject Job, bool Enabled, JsonObject State)> jobs, IEnumerable<(string JobId, string Status, DateTimeOffset At)>? runs = null)
    {
        var folder = host.Real(ScratchHost.OpenClawHome + "/state");
        Directory.CreateDirectory(folder);
        using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "openclaw.sqlite")};Pooling=False");
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL");
        Execute(connection, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Monitoring", "Fixtures", "openclaw-cron-schema.sql")));
        foreach (var (job, enabled, state) in jobs)
        {
            var jobJson = job.DeepClone().AsObject();
            jobJson.Remove("state");
            using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO cron_jobs (store_key, job_id, name, enabled, created_at_ms, schedule_kind, session_target, wake_mode, payload_kind, job_json, state_json, updated_at)
                VALUES ('default', $id, $name, $enabled, 1776600000000, 'cron', 'isolated', 'now', 'agentTurn', $job, $state, 1776600000000)
                """;
            insert.Parameters.AddWithValue("$id", (string)job["id"]!);
            insert.Parameters.AddWithValue("$name", (string)job["name"]!);
            insert.Parameters.AddWithValue("$enabled", enabled ? 1 : 0);
            insert.Parameters.AddWithValue("$job", jobJson.ToJsonString());
            insert.Parameters.AddWithValue("$state", state.ToJsonString());
            insert.ExecuteNonQuery();
        }

        var seq = 0;
        foreach (var (jobId, status, at) in runs ?? [])
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO cron_run_logs (store_key, job_id, seq, ts, status, run_at_ms, entry_json, created_at) VALUES ('default', $id, $seq, $ts, $status, $ts, '{}', $ts)";
            insert.Parameters.AddWithValue("$id", jobId);
            insert.Parameters.AddWithValue("$seq", ++seq);
            insert.Parameters.AddWithValue("$ts", at.ToUnixTimeMilliseconds());
            insert.Parameters.AddWithValue("$status", status);
            insert.ExecuteNonQuery();
        }

        File.Move(host.Real(Dir + "/jobs.json"), host.Real(Dir + "/jobs.json.migrated"));
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
