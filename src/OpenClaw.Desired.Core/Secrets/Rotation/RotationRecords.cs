using System.Text;
using System.Text.Json;
using OpenClaw.Desired.Safety;
using OpenClaw.Desired.Serialization;

namespace OpenClaw.Desired.Secrets.Rotation;

/// <summary>
/// The reconciler's rotation records, <c>&lt;state&gt;/secrets/rotation.json</c> (0600): fingerprints and dates only.
/// Read at probe, written by apply and by <c>secrets rotated</c> under the run lock.
/// </summary>
public sealed class RotationRecords
{
    private readonly string _path;
    private readonly Dictionary<string, RotationRecord> _records;

    private RotationRecords(string path, Dictionary<string, RotationRecord> records)
    {
        _path = path;
        _records = records;
    }

    public IReadOnlyDictionary<string, RotationRecord> All => _records;

    public static string PathIn(StateDirectory state) => Path.Combine(state.Path, "secrets", "rotation.json");

    public static RotationRecords Load(StateDirectory? state)
    {
        var path = state is null ? string.Empty : PathIn(state);
        if (state is null || !File.Exists(path))
        {
            return new RotationRecords(path, new Dictionary<string, RotationRecord>(StringComparer.Ordinal));
        }

        try
        {
            var file = JsonSerializer.Deserialize(File.ReadAllText(path), StateJsonContext.Default.RecordsFile);
            return new RotationRecords(path, new Dictionary<string, RotationRecord>(file?.Secrets ?? new Dictionary<string, RotationRecord>(), StringComparer.Ordinal));
        }
        catch (JsonException)
        {
            throw new InvalidDataException($"the rotation records {path} are not readable JSON; move the file away to start them afresh");
        }
    }

    public RotationRecord? Get(string name) => _records.GetValueOrDefault(name);

    public void Set(string name, RotationRecord record)
    {
        _records[name] = record;
        Save();
    }

    private void Save()
    {
        if (_path.Length == 0)
        {
            throw new InvalidOperationException("rotation records need a state dir");
        }

        var directory = Path.GetDirectoryName(_path)!;
        Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var file = new RecordsFile(1, new SortedDictionary<string, RotationRecord>(_records, StringComparer.Ordinal));
        AtomicFile.Write(_path, Encoding.UTF8.GetBytes(JsonSerializer.Serialize(file, StateJsonContext.Default.RecordsFile) + "\n"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    internal sealed record RecordsFile(int Version, IDictionary<string, RotationRecord> Secrets);
}
