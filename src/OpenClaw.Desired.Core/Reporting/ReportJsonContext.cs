using System.Text.Json;
using System.Text.Json.Serialization;
using OpenClaw.Desired.Resources.Backups;

namespace OpenClaw.Desired.Reporting;

/// <summary>
/// Source-generated JSON metadata for the report (no reflection on a cold start, none at all in the native
/// executable). New report types are picked up through the properties of <see cref="RunReport"/>; add a
/// [JsonSerializable] line only for a type written on its own with the report's options: web names, indented,
/// nulls left out; the relaxed escaping is set where <see cref="ReportWriter"/> makes its instance.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RunReport))]
[JsonSerializable(typeof(BackupRecord))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
