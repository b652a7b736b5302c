using System.Text.Json.Serialization;

namespace OpenClaw.Desired.Reporting;

/// <summary>
/// Source-generated JSON metadata for the report (no reflection on a cold start). New report types are
/// picked up through the properties of <see cref="RunReport"/>; add a [JsonSerializable] line only for a
/// type written on its own. Options (names, nulls, escaping) come from <see cref="ReportWriter.Options"/>.
/// </summary>
[JsonSerializable(typeof(RunReport))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
