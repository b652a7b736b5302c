using System.Globalization;
using OpenClaw.Desired.Safety;

namespace OpenClaw.Desired.Resources.Backups;

/// <summary>The engine's file backups before changes (runs/*/files): how many, and when the newest was taken.</summary>
public sealed record ConfigBackups(bool Enabled, int Count, int Runs, DateTimeOffset? Newest)
{
    private static readonly string[] RunIdTimes = ["yyyyMMdd'T'HHmmssfff'Z'", "yyyyMMdd'T'HHmmss'Z'"];

    public static ConfigBackups Read(string stateDir, bool enabled)
    {
        var state = new StateDirectory(stateDir);
        var count = 0;
        var runs = 0;
        DateTimeOffset? newest = null;
        foreach (var run in state.RunIds())
        {
            var files = Path.Combine(state.RunPath(run), "files");
            var here = Directory.Exists(files) ? Directory.EnumerateFiles(files).Count() : 0;
            if (here == 0)
            {
                continue;
            }

            count += here;
            runs++;
            // Run ids start with their UTC start time; ids sort by time, so the last one wins.
            if (DateTimeOffset.TryParseExact(run.Split('-')[0], RunIdTimes, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                newest = at;
            }
        }

        return new ConfigBackups(enabled, count, runs, newest);
    }
}
