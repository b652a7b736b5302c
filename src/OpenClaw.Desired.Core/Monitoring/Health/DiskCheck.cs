using System.Globalization;

namespace OpenClaw.Desired.Monitoring.Health;

/// <summary>
/// <c>disk</c>: use of every filesystem holding the host's <c>/</c>, OpenClaw's state dir or the reconciler's
/// state dir, as df counts it. The value is the fullest one's percentage; each appears in the metrics.
/// </summary>
public sealed class DiskCheck : IHealthCheck
{
    public const string CheckName = "disk";

    public string Name => CheckName;

    public bool AppliesTo(HealthContext context) => context.Settings.Disk.Enabled;

    public Task<IReadOnlyList<HealthCheckResult>> RunAsync(HealthContext context, CancellationToken cancellationToken)
    {
        var threshold = context.Settings.Disk.MaxPercent;
        var places = new List<(string Label, string Real, ulong Device)>();
        var problems = new List<string>();
        foreach (var (label, hostPath) in Places(context))
        {
            try
            {
                // Links are followed only when root made them: an agent's link could not send the probe elsewhere.
                var resolved = context.Fs.ResolveLinks(hostPath);
                var stat = resolved is null ? null : context.Fs.Stat(resolved);
                if (resolved is null || stat is null || !stat.IsDirectory)
                {
                    problems.Add(resolved is null ? $"{hostPath}: a link on the way was not made by root" : $"{hostPath} does not exist");
                    continue;
                }

                places.Add((label, context.Host.Root.Resolve(resolved), stat.Device));
            }
            catch (IOException e)
            {
                problems.Add(HealthContext.Describe(e));
            }
        }

        var samples = new List<FilesystemSample>();
        foreach (var group in places.GroupBy(p => p.Device))
        {
            var first = group.First();
            if (MonitoringNative.Space(first.Real) is not { } space)
            {
                problems.Add($"cannot read the filesystem of {first.Label}");
                continue;
            }

            samples.Add(new FilesystemSample(first.Label, group.Select(g => g.Label).Distinct().ToList(), space.Size, space.Available, space.UsedRatio));
        }

        context.Samples.Filesystems = samples;
        if (samples.Count == 0)
        {
            return Result(HealthCheckResult.Unknown(Name, "no filesystem could be measured: " + string.Join("; ", problems), threshold, "percent"));
        }

        var fullest = samples.MaxBy(s => s.UsedRatio)!;
        var percent = Math.Round(fullest.UsedRatio * 100, 1);
        var over = samples.Where(s => s.UsedRatio * 100 > threshold).ToList();
        var describe = string.Join(", ", samples.Select(s => $"{string.Join(" + ", s.Holds)} {Percent(s.UsedRatio * 100)} used ({Bytes(s.AvailableBytes)} free)"));
        var message = over.Count > 0
            ? $"above {Percent(threshold)}: {describe}"
            : $"{describe}; limit {Percent(threshold)}";
        if (problems.Count > 0 && over.Count == 0)
        {
            return Result(HealthCheckResult.Unknown(Name, $"{describe}; not measured: {string.Join("; ", problems)}", threshold, "percent") with { Value = percent });
        }

        return Result(HealthCheckResult.Judge(Name, over.Count == 0, percent, threshold, "percent", message));
    }

    private static IEnumerable<(string Label, string HostPath)> Places(HealthContext context)
    {
        yield return ("/", "/");
        yield return (context.Paths.StateDir, context.Paths.StateDir);
        if (context.StateDir is { } stateDir)
        {
            // The reconciler's own state dir is a real path; seen from the host it is under the root.
            var host = context.Host.Root.IsRealRoot || stateDir.StartsWith(context.Host.Root.Root, StringComparison.Ordinal)
                ? context.Host.Root.ToHostPath(stateDir)
                : null;
            if (host is not null && Directory.Exists(stateDir))
            {
                yield return ("state dir " + host, host);
            }
        }
    }

    private static Task<IReadOnlyList<HealthCheckResult>> Result(HealthCheckResult result) =>
        Task.FromResult<IReadOnlyList<HealthCheckResult>>([result]);

    internal static string Percent(double value) => value.ToString("0.#", CultureInfo.InvariantCulture) + " %";

    internal static string Bytes(long bytes) =>
        bytes >= 1L << 30 ? $"{bytes / (double)(1L << 30):0.0} GiB"
        : bytes >= 1L << 20 ? $"{bytes / (double)(1L << 20):0.0} MiB"
        : $"{bytes / 1024.0:0} KiB";
}
