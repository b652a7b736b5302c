namespace OpenClaw.Desired.Tests.Examples;

/// <summary>
/// Where a systemd service may write, read from its unit file the way systemd applies the sandboxing
/// directives: ProtectSystem=strict leaves only the API file systems writable, ProtectHome=read-only makes
/// the homes read-only, and ReadWritePaths=, StateDirectory=, RuntimeDirectory=, CacheDirectory=,
/// LogsDirectory= and PrivateTmp= open the places listed.
/// </summary>
public sealed record SystemdUnit(IReadOnlyDictionary<string, IReadOnlyList<string>> Settings)
{
    public static SystemdUnit Read(string path)
    {
        var settings = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';' or '[' || !line.Contains('=', StringComparison.Ordinal))
            {
                continue;
            }

            var (key, value) = (line[..line.IndexOf('=', StringComparison.Ordinal)], line[(line.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            (settings.TryGetValue(key, out var values) ? values : settings[key] = []).Add(value);
        }

        return new SystemdUnit(settings.ToDictionary(s => s.Key, s => (IReadOnlyList<string>)s.Value, StringComparer.Ordinal));
    }

    public string? Single(string key) => Settings.TryGetValue(key, out var values) ? values[^1] : null;

    private IEnumerable<string> Words(string key) =>
        (Settings.TryGetValue(key, out var values) ? values : []).SelectMany(v => v.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The folders the service may write under (everything else is read-only under ProtectSystem=strict).</summary>
    public IReadOnlyList<string> WritablePaths()
    {
        Assert.Equal("strict", Single("ProtectSystem"));
        var paths = new List<string> { "/dev", "/proc", "/sys" };
        paths.AddRange(Words("ReadWritePaths").Select(p => p.TrimStart('-', '+')));
        paths.AddRange(Words("StateDirectory").Select(d => $"/var/lib/{d}"));
        paths.AddRange(Words("RuntimeDirectory").Select(d => $"/run/{d}"));
        paths.AddRange(Words("CacheDirectory").Select(d => $"/var/cache/{d}"));
        paths.AddRange(Words("LogsDirectory").Select(d => $"/var/log/{d}"));
        if (Single("PrivateTmp") == "yes")
        {
            paths.AddRange(["/tmp", "/var/tmp"]);
        }

        return paths;
    }

    public bool CanWrite(string hostPath) =>
        WritablePaths().Any(p => hostPath == p || hostPath.StartsWith(p.TrimEnd('/') + "/", StringComparison.Ordinal));
}
