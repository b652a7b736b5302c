namespace OpenClaw.Desired.Safety;

/// <summary>The reconciler's own state: lock, per-run journals and file backups, quarantine, reports.</summary>
public sealed class StateDirectory(string path)
{
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public string RunsPath => System.IO.Path.Combine(Path, "runs");

    public string QuarantinePath => System.IO.Path.Combine(Path, "quarantine");

    public string RunPath(string runId) => System.IO.Path.Combine(RunsPath, runId);

    public string CreateRun(string runId)
    {
        var run = RunPath(runId);
        Directory.CreateDirectory(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Directory.CreateDirectory(RunsPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Directory.CreateDirectory(run, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return run;
    }

    /// <summary>Run ids sort by time (applying runs take theirs once they hold the lock), so the newest run is the last one.</summary>
    public IReadOnlyList<string> RunIds() =>
        Directory.Exists(RunsPath)
            ? Directory.GetDirectories(RunsPath).Select(System.IO.Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList()
            : [];

    public static string NewRunId(TimeProvider clock) =>
        $"{clock.GetUtcNow():yyyyMMdd'T'HHmmssfff'Z'}-{Guid.NewGuid().ToString("N")[..6]}";
}
