using System.Text.Json;
using OpenClaw.Desired.Host.Fs;

namespace OpenClaw.Desired.Monitoring.Cron;

/// <summary>
/// The file eras: <c>jobs.json</c> (<c>{version:1, jobs:[…]}</c>) with each job's state inline, and from
/// 2026-04-20 the <c>jobs-state.json</c> sidecar beside it (<c>{jobs:{ID:{state:{…}}}}</c>) whose state wins.
/// </summary>
public static class CronJsonStore
{
    public const long MaxBytes = 32L * 1024 * 1024;

    public static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    public static (IReadOnlyList<CronJobView> Jobs, string Era) Read(HostFs fs, string jobsPath)
    {
        using var jobsDocument = JsonDocument.Parse(fs.ReadAllBytes(jobsPath, MaxBytes), Options);
        var sidecarPath = CronPaths.Join(CronPaths.DirectoryOf(jobsPath), "jobs-state.json");
        using var sidecar = fs.StatFollow(sidecarPath).IsFile ? JsonDocument.Parse(fs.ReadAllBytes(sidecarPath, MaxBytes), Options) : null;
        var states = sidecar is not null && sidecar.RootElement.ValueKind == JsonValueKind.Object
            && sidecar.RootElement.TryGetProperty("jobs", out var map) && map.ValueKind == JsonValueKind.Object ? map : (JsonElement?)null;

        var root = jobsDocument.RootElement;
        var list = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("jobs", out var jobs) ? jobs
            : root.ValueKind == JsonValueKind.Array ? root
            : throw new InvalidDataException($"{jobsPath} has no jobs list");
        if (list.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"{jobsPath}: jobs is not a list");
        }

        var views = new List<CronJobView>();
        foreach (var job in list.EnumerateArray())
        {
            JsonElement? state = null;
            if (states is { } byId && CronJobView.Text(job, "id") is { } id && byId.TryGetProperty(id, out var entry))
            {
                state = entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("state", out var inner) ? inner : entry;
            }

            if (CronJobView.From(job, state) is { } view)
            {
                views.Add(view);
            }
        }

        return (views, sidecar is null ? "jobs.json" : "jobs.json + jobs-state.json");
    }
}
