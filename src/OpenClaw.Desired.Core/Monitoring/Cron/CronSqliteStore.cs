using System.Text.Json;
using Microsoft.Data.Sqlite;
using OpenClaw.Desired.Host.Fs;

namespace OpenClaw.Desired.Monitoring.Cron;

/// <summary>
/// The SQLite era (from about 2026-05-30): <c>&lt;state&gt;/state/openclaw.sqlite</c>, table <c>cron_jobs</c>
/// (<c>job_json</c>, <c>state_json</c>, in later versions beside expanded columns) and <c>cron_run_logs</c>.
/// The database is never opened where it lies: it is copied, with its write-ahead log, through the safe
/// filesystem (no planted link, no FIFO, size-capped) into a private folder, and the copy is read.
/// </summary>
public static class CronSqliteStore
{
    public const long MaxBytes = 1024L * 1024 * 1024;

    /// <summary>True when the database has a cron_jobs table; the store is then the SQLite one.</summary>
    public static (IReadOnlyList<CronJobView> Jobs, IReadOnlyDictionary<string, CronRunCounts> Runs)? Read(HostFs fs, string databasePath, long sinceMs)
    {
        var folder = Directory.CreateTempSubdirectory("ocd-cron-");
        try
        {
            var copy = Path.Combine(folder.FullName, "openclaw.sqlite");
            CopyOut(fs, databasePath, copy);
            if (fs.Stat(databasePath + "-wal").IsFile)
            {
                CopyOut(fs, databasePath + "-wal", copy + "-wal");
            }

            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
            connection.Open();
            var columns = Columns(connection, "cron_jobs");
            if (columns.Count == 0)
            {
                return null;
            }

            return (Jobs(connection, columns), Runs(connection, sinceMs));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static void CopyOut(HostFs fs, string hostPath, string target)
    {
        using var source = fs.OpenRead(hostPath);
        if (source.Length > MaxBytes)
        {
            throw new UnsafePathException(hostPath, UnsafePathProblem.TooLarge, $"is {source.Length} bytes, more than the {MaxBytes} the cron check copies");
        }

        using var copy = new FileStream(target, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite });
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
        {
            // A file that grows while it is copied stops at the cap too.
            total += read;
            if (total > MaxBytes)
            {
                throw new UnsafePathException(hostPath, UnsafePathProblem.TooLarge, $"grew past {MaxBytes} bytes while it was copied");
            }

            copy.Write(buffer, 0, read);
        }
    }

    private static HashSet<string> Columns(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
        using var reader = command.ExecuteReader();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static List<CronJobView> Jobs(SqliteConnection connection, HashSet<string> columns)
    {
        if (!columns.Contains("job_json"))
        {
            throw new InvalidDataException("the cron_jobs table has no job_json column");
        }

        string Optional(string column) => columns.Contains(column) ? column : "NULL";
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT job_json, {Optional("state_json")}, {Optional("enabled")}, {Optional("job_id")}, {Optional("name")} FROM cron_jobs";
        using var reader = command.ExecuteReader();
        var jobs = new List<CronJobView>();
        while (reader.Read())
        {
            using var job = Parse(reader.IsDBNull(0) ? null : reader.GetString(0));
            using var state = Parse(reader.IsDBNull(1) ? null : reader.GetString(1));
            var stateElement = state?.RootElement is { ValueKind: JsonValueKind.Object } s
                ? (s.TryGetProperty("state", out var inner) && inner.ValueKind == JsonValueKind.Object ? inner : s)
                : (JsonElement?)null;
            var view = job is null ? null : CronJobView.From(job.RootElement, stateElement);
            if (view is null && !reader.IsDBNull(3))
            {
                // Later schemas keep the id (and name) in columns of their own.
                var id = reader.GetString(3);
                view = CronJobView.Of(id, reader.IsDBNull(4) ? id : reader.GetString(4), true, stateElement ?? default);
            }

            if (view is null)
            {
                continue;
            }

            // The column, where there is one, is what the scheduler reads.
            if (!reader.IsDBNull(2))
            {
                view = view with { Enabled = reader.GetInt64(2) != 0 };
            }

            jobs.Add(view);
        }

        return jobs;
    }

    private static Dictionary<string, CronRunCounts> Runs(SqliteConnection connection, long sinceMs)
    {
        var runs = new Dictionary<string, CronRunCounts>(StringComparer.Ordinal);
        var columns = Columns(connection, "cron_run_logs");
        if (!columns.Contains("job_id") || !columns.Contains("status"))
        {
            return runs;
        }

        var time = columns.Contains("ts") ? "ts" : columns.Contains("run_at_ms") ? "run_at_ms" : null;
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT job_id, status, COUNT(*) FROM cron_run_logs {(time is null ? "" : $"WHERE {time} >= $since")} GROUP BY job_id, status";
        command.Parameters.AddWithValue("$since", sinceMs);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (reader.IsDBNull(0) || reader.IsDBNull(1))
            {
                continue;
            }

            var id = reader.GetString(0);
            var count = (int)reader.GetInt64(2);
            var current = runs.GetValueOrDefault(id) ?? new CronRunCounts(0, 0);
            runs[id] = reader.GetString(1) switch
            {
                "ok" => current with { Ok = current.Ok + count },
                "error" => current with { Failed = current.Failed + count },
                _ => current,
            };
        }

        return runs;
    }

    private static JsonDocument? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(json, CronJsonStore.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
