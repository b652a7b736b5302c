using System.Text;
using System.Text.Json;
using OpenClaw.Desired.Loop;
using OpenClaw.Desired.Safety;
using OpenClaw.Desired.Secrets.Rotation;
using OpenClaw.Desired.Serialization;

namespace OpenClaw.Desired.Incidents;

/// <summary>A secret a lockdown marked as suspected, with its rotation record as it was before (null: it had none).</summary>
public sealed record SuspectedSecret(string Name, RotationRecord? Before);

/// <summary>
/// <c>&lt;state&gt;/lockdown.json</c> while a lockdown holds: why, since when, by whom, the runs that carried it out (their
/// journals hold every file change), and what else it changed (services, the air gap, secrets, the loop), so release
/// can put back exactly that. Released lockdowns move to <c>&lt;state&gt;/incidents/&lt;id&gt;.json</c>.
/// </summary>
public sealed record LockdownRecord(string Id, string Reason, DateTimeOffset Since, string By)
{
    public const string FileName = "lockdown.json";
    public IReadOnlyList<string> Runs { get; init; } = [];
    public string? Netns { get; init; }

    /// <summary>The air-gap table as nft listed it once loaded; null when the step was skipped (see <see cref="FirewallSkipped"/>).</summary>
    public string? AirGap { get; init; }
    public string? FirewallSkipped { get; init; }
    public IReadOnlyList<StoppedService> Stopped { get; init; } = [];
    public IReadOnlyList<string> Quarantined { get; init; } = [];
    public IReadOnlyList<SuspectedSecret> Suspected { get; init; } = [];

    /// <summary>Credentials found in plaintext outside the store when the lockdown began: kind, place and fingerprint.</summary>
    public IReadOnlyList<string> Plaintext { get; init; } = [];

    /// <summary>The suspension the lockdown wrote, and the one it replaced (if any).</summary>
    public SuspendRecord? Suspension { get; init; }
    public SuspendRecord? SuspensionBefore { get; init; }
    public string? Evidence { get; init; }
    public string? EvidenceManifestSha256 { get; init; }
    public string? Handoff { get; init; }
    public DateTimeOffset? ReleasedAt { get; init; }

    public static string PathIn(StateDirectory state) => Path.Combine(state.Path, FileName);

    public static string HistoryPath(StateDirectory state, string id) => Path.Combine(state.Path, "incidents", id + ".json");

    /// <summary>The lockdown in force, or null. A file that cannot be read still locks the host down.</summary>
    public static LockdownRecord? Active(StateDirectory state)
    {
        var path = PathIn(state);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(path), StateJsonContext.Default.LockdownRecord) ?? throw new JsonException("empty");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} cannot be read ({e.Message}); the host stays locked down: look at the file, then move it away to release by hand");
        }
    }

    public void Save(StateDirectory state) => Write(PathIn(state));

    /// <summary>Moves the record into the incident history, marked released.</summary>
    public void Archive(StateDirectory state, DateTimeOffset releasedAt)
    {
        var target = HistoryPath(state, Id);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        (this with { ReleasedAt = releasedAt }).Write(target);
        File.Delete(PathIn(state));
    }

    private void Write(string path) =>
        AtomicFile.Write(path, Encoding.UTF8.GetBytes(JsonSerializer.Serialize(this, StateJsonContext.Default.LockdownRecord) + "\n"), UnixFileMode.UserRead | UnixFileMode.UserWrite);

    /// <summary>A line for reports while a lockdown holds.</summary>
    public string Note => $"warning: this host is locked down since {Since.UtcDateTime:yyyy-MM-dd HH:mm}Z ({Reason}); applying is refused until `openclaw-desired lockdown --release`";
}
