using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using OpenClaw.Desired.Redaction;
using OpenClaw.Desired.Resources.Backups;
using OpenClaw.Desired.Safety;

namespace OpenClaw.Desired.Reporting;

/// <summary>JSON form of the report. Everything written passes the redactor first.</summary>
public static class ReportWriter
{
    private static readonly ReportJsonContext Context = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>
    /// The report's options: web names, indented, nulls left out, no escaping of characters JSON allows as they are.
    /// Bound to the generated metadata of <see cref="ReportJsonContext"/>: only the types it holds can be written with them.
    /// </summary>
    public static JsonSerializerOptions Options => Context.Options;

    public static string ToJson(RunReport report, SecretRedactor redactor) =>
        redactor.Redact(JsonSerializer.Serialize(report, Context.RunReport)) + "\n";

    /// <summary>A report written by <see cref="ToJson"/> (or <see cref="WriteJsonFile"/>), read back.</summary>
    public static RunReport? Read(byte[] json) => JsonSerializer.Deserialize(json, Context.RunReport);

    internal static string ToJson(BackupRecord record) => JsonSerializer.Serialize(record, Context.BackupRecord);

    internal static BackupRecord? ReadBackupRecord(string json) => JsonSerializer.Deserialize(json, Context.BackupRecord);

    public static void WriteJsonFile(string path, RunReport report, SecretRedactor redactor) =>
        AtomicFile.Write(path, Encoding.UTF8.GetBytes(ToJson(report, redactor)), UnixFileMode.UserRead | UnixFileMode.UserWrite);
}
