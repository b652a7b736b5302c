using System.Globalization;
using OpenClaw.Desired.Monitoring.Processes;

namespace OpenClaw.Desired.Monitoring.Health;

/// <summary><c>memory</c>: memory in use (total minus available) from <c>/proc/meminfo</c> under the root.</summary>
public sealed class MemoryCheck : IHealthCheck
{
    public const string CheckName = "memory";

    public string Name => CheckName;

    public bool AppliesTo(HealthContext context) => context.Settings.Memory.Enabled;

    public Task<IReadOnlyList<HealthCheckResult>> RunAsync(HealthContext context, CancellationToken cancellationToken)
    {
        var threshold = context.Settings.Memory.MaxPercent;
        string? text;
        try
        {
            text = ProcFiles.TryRead(context.Fs, "/proc/meminfo");
        }
        catch (IOException e)
        {
            return Result(HealthCheckResult.Unknown(Name, $"cannot read /proc/meminfo: {HealthContext.Describe(e)}", threshold, "percent"));
        }

        if (text is null || Parse(text) is not { } memory)
        {
            return Result(HealthCheckResult.Unknown(Name, text is null ? "/proc/meminfo does not exist under the root" : "/proc/meminfo has no MemTotal", threshold, "percent"));
        }

        context.Samples.Memory = memory;
        var percent = Math.Round(memory.UsedRatio * 100, 1);
        var message = $"{DiskCheck.Percent(percent)} used ({DiskCheck.Bytes(memory.AvailableBytes)} of {DiskCheck.Bytes(memory.TotalBytes)} available); limit {DiskCheck.Percent(threshold)}";
        return Result(HealthCheckResult.Judge(Name, percent <= threshold, percent, threshold, "percent", message));
    }

    /// <summary>MemTotal and MemAvailable (or, on kernels before 3.14, free + buffers + cache), in bytes.</summary>
    public static MemorySample? Parse(string meminfo)
    {
        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in meminfo.Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var parts = line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 0 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var kib))
            {
                values[line[..colon]] = kib * 1024;
            }
        }

        if (!values.TryGetValue("MemTotal", out var total) || total <= 0)
        {
            return null;
        }

        var available = values.TryGetValue("MemAvailable", out var a)
            ? a
            : values.GetValueOrDefault("MemFree") + values.GetValueOrDefault("Buffers") + values.GetValueOrDefault("Cached");
        available = Math.Clamp(available, 0, total);
        return new MemorySample(total, available, (total - available) / (double)total);
    }

    private static Task<IReadOnlyList<HealthCheckResult>> Result(HealthCheckResult result) =>
        Task.FromResult<IReadOnlyList<HealthCheckResult>>([result]);
}
