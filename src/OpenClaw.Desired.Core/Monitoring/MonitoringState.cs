using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using OpenClaw.Desired.Safety;
using OpenClaw.Desired.Serialization;

namespace OpenClaw.Desired.Monitoring;

/// <summary>
/// <c>&lt;state&gt;/monitoring/</c>: the alert memory (<c>alerts.json</c>) and the metrics' counters
/// (<c>counters.json</c>), shared by the loop and the scheduled <c>health --alert</c>. Changes happen under a
/// lock file, so the two never lose each other's updates.
/// </summary>
public sealed class MonitoringState(string stateDir)
{
    private const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode PrivateFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public string Folder { get; } = Path.Combine(stateDir, "monitoring");

    public string AlertsPath => Path.Combine(Folder, "alerts.json");

    public string CountersPath => Path.Combine(Folder, "counters.json");

    /// <summary>Holds the folder's lock until disposed; waits up to <paramref name="timeout"/> for another holder.</summary>
    public IDisposable Lock(TimeSpan timeout)
    {
        Directory.CreateDirectory(stateDir, PrivateFolder);
        Directory.CreateDirectory(Folder, PrivateFolder);
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                // .NET takes FileShare.None on Unix as an exclusive advisory lock (flock).
                return new FileStream(Path.Combine(Folder, "lock"), new FileStreamOptions
                {
                    Mode = FileMode.OpenOrCreate,
                    Access = FileAccess.ReadWrite,
                    Share = FileShare.None,
                    UnixCreateMode = PrivateFile,
                });
            }
            catch (IOException) when (DateTime.UtcNow < until)
            {
                Thread.Sleep(50);
            }
        }
    }

    public T? Read<T>(string path, JsonTypeInfo<T> type)
        where T : class
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllBytes(path), type) : null;
        }
        catch (JsonException)
        {
            // A torn or hand-edited file starts afresh: at worst one alert is sent again.
            return null;
        }
    }

    public void Write<T>(string path, T value, JsonTypeInfo<T> type)
    {
        Directory.CreateDirectory(Folder, PrivateFolder);
        AtomicFile.Write(path, Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value, type) + "\n"), PrivateFile);
    }

    public MetricCounters ReadCounters() => Read(CountersPath, StateJsonContext.Default.MetricCounters) ?? new MetricCounters();

    /// <summary>Adds to the counters under the lock.</summary>
    public void Count(Func<MetricCounters, MetricCounters> change)
    {
        using var held = Lock(TimeSpan.FromSeconds(10));
        Write(CountersPath, change(ReadCounters()), StateJsonContext.Default.MetricCounters);
    }
}

/// <summary>Counters that must keep counting across restarts (Prometheus counters, persisted).</summary>
public sealed record MetricCounters
{
    public long ChangesApplied { get; init; }

    public Dictionary<string, long> Runs { get; init; } = new(StringComparer.Ordinal);

    public Dictionary<string, long> AlertsSent { get; init; } = new(StringComparer.Ordinal);

    public Dictionary<string, long> AlertFailures { get; init; } = new(StringComparer.Ordinal);

    public long BrowsersReaped { get; init; }

    public static Dictionary<string, long> Add(Dictionary<string, long> counts, string key, long by = 1)
    {
        var copy = new Dictionary<string, long>(counts, StringComparer.Ordinal);
        copy[key] = copy.GetValueOrDefault(key) + by;
        return copy;
    }
}
