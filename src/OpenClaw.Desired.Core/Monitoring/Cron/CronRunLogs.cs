using System.Text;
using System.Text.Json;
using OpenClaw.Desired.Host.Fs;

namespace OpenClaw.Desired.Monitoring.Cron;

/// <summary>
/// <c>&lt;cron dir&gt;/runs/&lt;jobId&gt;.jsonl</c>: one line per run, <c>{ts, jobId, action:"finished", status, error, runAtMs, …}</c>.
/// Only the tail is read (the newest runs), so a log grown huge costs no more than a small one.
/// </summary>
public static class CronRunLogs
{
    public const int TailBytes = 1024 * 1024;

    public static CronRunCounts? Count(HostFs fs, string logPath, long sinceMs)
    {
        var stat = fs.Stat(logPath);
        if (!stat.Exists)
        {
            return null;
        }

        var text = Tail(fs, logPath);
        int ok = 0, failed = 0;
        foreach (var line in text.Split('\n'))
        {
            if (Parse(line) is not { } run || run.AtMs < sinceMs)
            {
                continue;
            }

            if (run.Status == "ok")
            {
                ok++;
            }
            else if (run.Status == "error")
            {
                failed++;
            }
        }

        return new CronRunCounts(ok, failed);
    }

    /// <summary>A finished run's status and time, or null for other lines (started, torn, not JSON).</summary>
    public static (string Status, long AtMs)? Parse(string line)
    {
        if (line.Length < 2 || line[0] != '{')
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(line, CronJsonStore.Options);
            var root = document.RootElement;
            var action = CronJobView.Text(root, "action");
            if ((action is not null && action != "finished") || CronJobView.Text(root, "status") is not { } status)
            {
                return null;
            }

            return (status, CronJobView.Number(root, "ts") ?? CronJobView.Number(root, "runAtMs") ?? 0);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Tail(HostFs fs, string logPath)
    {
        using var stream = fs.OpenRead(logPath);
        var start = Math.Max(0, stream.Length - TailBytes);
        stream.Seek(start, SeekOrigin.Begin);
        var buffer = new byte[stream.Length - start];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = stream.Read(buffer, read, buffer.Length - read)) > 0)
        {
            read += n;
        }

        var text = Encoding.UTF8.GetString(buffer, 0, read);
        // A tail that starts mid-line drops that partial line.
        return start > 0 && text.IndexOf('\n', StringComparison.Ordinal) is var newline and >= 0 ? text[(newline + 1)..] : text;
    }
}
