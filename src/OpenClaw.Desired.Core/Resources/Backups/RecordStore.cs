using System.Text;
using System.Text.Json;
using OpenClaw.Desired.Reporting;
using OpenClaw.Desired.Safety;

namespace OpenClaw.Desired.Resources.Backups;

/// <summary>
/// Backup results in the reconciler's state dir: <c>backups/TARGET/OPERATION.json</c> holds the latest attempt,
/// <c>OPERATION.ok.json</c> the latest success. Reading never creates anything (dry runs read too).
/// </summary>
public sealed class RecordStore(string stateDir)
{
    private const UnixFileMode PrivateDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public string Folder(string target) => Path.Combine(stateDir, "backups", target);

    public void Write(BackupRecord record)
    {
        Directory.CreateDirectory(stateDir, PrivateDirectory);
        Directory.CreateDirectory(Path.Combine(stateDir, "backups"), PrivateDirectory);
        var folder = Directory.CreateDirectory(Folder(record.Target), PrivateDirectory).FullName;
        var bytes = Encoding.UTF8.GetBytes(ReportWriter.ToJson(record) + "\n");
        AtomicFile.Write(Path.Combine(folder, record.Operation + ".json"), bytes, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        if (record.Ok)
        {
            AtomicFile.Write(Path.Combine(folder, record.Operation + ".ok.json"), bytes, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    /// <summary>The latest attempt of an operation, or null when there was none (or its record is unreadable).</summary>
    public BackupRecord? Last(string target, string operation) => Read(Path.Combine(Folder(target), operation + ".json"));

    /// <summary>The latest successful run of an operation.</summary>
    public BackupRecord? LastSuccess(string target, string operation) => Read(Path.Combine(Folder(target), operation + ".ok.json"));

    private static BackupRecord? Read(string path)
    {
        try
        {
            return File.Exists(path) ? ReportWriter.ReadBackupRecord(File.ReadAllText(path)) : null;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
