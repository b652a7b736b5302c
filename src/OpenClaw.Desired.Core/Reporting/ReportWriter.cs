using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using OpenClaw.Desired.Redaction;
using OpenClaw.Desired.Safety;

namespace OpenClaw.Desired.Reporting;

/// <summary>JSON form of the report. Everything written passes the redactor first.</summary>
public static class ReportWriter
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly ReportJsonContext Context = new(new JsonSerializerOptions(Options));

    public static string ToJson(RunReport report, SecretRedactor redactor) =>
        redactor.Redact(JsonSerializer.Serialize(report, Context.RunReport)) + "\n";

    public static void WriteJsonFile(string path, RunReport report, SecretRedactor redactor) =>
        AtomicFile.Write(path, Encoding.UTF8.GetBytes(ToJson(report, redactor)), UnixFileMode.UserRead | UnixFileMode.UserWrite);
}
