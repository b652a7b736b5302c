using System.Text.Json;
using System.Text.Json.Serialization;
using OpenClaw.Desired.Serialization;

namespace OpenClaw.Desired.Resources.Backups;

/// <summary>One entry of <c>restic snapshots --json</c>.</summary>
public sealed record ResticSnapshot(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("short_id")] string? ShortId,
    [property: JsonPropertyName("time")] DateTimeOffset Time,
    [property: JsonPropertyName("paths")] IReadOnlyList<string>? Paths);

/// <summary>Reads restic's JSON output: the snapshot list, and the summary line of <c>backup --json</c>.</summary>
public static class ResticJson
{
    public static IReadOnlyList<ResticSnapshot>? Snapshots(string stdout)
    {
        try
        {
            return JsonSerializer.Deserialize(stdout.Trim() is { Length: > 0 } text ? text : "[]", PlainJsonContext.Default.ListResticSnapshot);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The snapshot id from the <c>summary</c> message that ends <c>backup --json</c>.</summary>
    public static string? BackupSnapshotId(string stdout)
    {
        foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Reverse())
        {
            try
            {
                using var doc = JsonDocument.Parse(line);
                if (doc.RootElement.ValueKind == JsonValueKind.Object
                    && doc.RootElement.TryGetProperty("message_type", out var type) && type.GetString() == "summary"
                    && doc.RootElement.TryGetProperty("snapshot_id", out var id))
                {
                    return id.GetString();
                }
            }
            catch (JsonException)
            {
                // restic mixes plain lines into --json output of some commands; they carry no summary.
            }
        }

        return null;
    }

    /// <summary>File paths of <c>restic ls --json SNAPSHOT</c> (one JSON object per line).</summary>
    public static IReadOnlyList<string> ListedFiles(string stdout)
    {
        var files = new List<string>();
        foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            try
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var type) && type.GetString() == "file"
                    && root.TryGetProperty("path", out var path) && path.GetString() is { } p)
                {
                    files.Add(p);
                }
            }
            catch (JsonException)
            {
            }
        }

        return files;
    }
}
